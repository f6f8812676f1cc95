/* <linux/hashtable.h> and <linux/hash.h>: a table of users keyed by uid, as
 * drivers keep their lookup tables. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/hashtable.h>
#include <linux/slab.h>

struct account {
	int uid;
	const char *name;
	struct hlist_node node;
};

static DEFINE_HASHTABLE(users, 3);

static struct account *find_user(int uid)
{
	struct account *u;

	hash_for_each_possible(users, u, node, uid)
		if (u->uid == uid)
			return u;
	return NULL;
}

static int __init hashtable_demo_init(void)
{
	static const char *const names[] = { "root", "daemon", "bin", "sys", "sync", "games" };
	DECLARE_HASHTABLE(local, 4);
	struct account *u;
	struct hlist_node *tmp;
	unsigned int bkt;
	int i, n = 0, sum = 0;

	pr_info("size %zu bits %d empty %d\n", HASH_SIZE(users), HASH_BITS(users), hash_empty(users));
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		u = kzalloc(sizeof(*u), GFP_KERNEL);
		if (!u)
			return -ENOMEM;
		u->uid = i * 1000;
		u->name = names[i];
		hash_add(users, &u->node, u->uid);
	}
	pr_info("empty %d\n", hash_empty(users));
	u = find_user(3000);
	pr_info("uid 3000 is %s\n", u ? u->name : "missing");
	pr_info("uid 42 is %s\n", find_user(42) ? "present" : "missing");
	hash_del(&u->node);
	pr_info("after del: hashed %d, uid 3000 %s\n", hash_hashed(&u->node), find_user(3000) ? "present" : "missing");
	kfree(u);
	hash_for_each(users, bkt, u, node) {
		n++;
		sum += u->uid;
		if (bkt != hash_min(u->uid, HASH_BITS(users)))
			pr_info("%s in the wrong bucket %u\n", u->name, bkt);
	}
	pr_info("walk: %d users, uid sum %d\n", n, sum);
	pr_info("hash_32(1, 8) = %u, hash_32(0xdeadbeef, 10) = %u\n", hash_32(1, 8), hash_32(0xdeadbeef, 10));
	pr_info("hash_64(1, 8) = %u, hash_long(12345, 16) = %u\n", hash_64(1, 8), hash_long(12345UL, 16));
	pr_info("GOLDEN_RATIO_32 %#x GOLDEN_RATIO_64 %#llx\n", GOLDEN_RATIO_32, GOLDEN_RATIO_64);
	pr_info("hash_min(7 int, 3) = %u, hash_min(7 long, 3) = %u\n", hash_min(7, 3), hash_min(7L, 3));
	hash_init(local);
	pr_info("local: size %zu empty %d\n", HASH_SIZE(local), hash_empty(local));
	n = 0;
	hash_for_each_safe(users, bkt, tmp, u, node) {
		hash_del(&u->node);
		kfree(u);
		n++;
	}
	pr_info("freed %d, empty %d\n", n, hash_empty(users));
	return 0;
}

static void __exit hashtable_demo_exit(void)
{
}

module_init(hashtable_demo_init);
module_exit(hashtable_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("hashtable.h");
