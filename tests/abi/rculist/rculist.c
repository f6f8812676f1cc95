/* <linux/rculist.h>: a route table read under rcu_read_lock() while entries
 * are added, replaced and removed, freed after synchronize_rcu(). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct route {
	int dest;
	int gw;
	struct list_head list;
	struct hlist_node hash;
};

static LIST_HEAD(routes);
static HLIST_HEAD(by_dest);
static DEFINE_SPINLOCK(routes_lock);

static struct route *route_new(int dest, int gw)
{
	struct route *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (r) {
		r->dest = dest;
		r->gw = gw;
	}
	return r;
}

static void dump(const char *what)
{
	struct route *r;
	char buf[96];
	int len = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(r, &routes, list)
		len += snprintf(buf + len, sizeof(buf) - len, " %d->%d", r->dest, r->gw);
	len += snprintf(buf + len, sizeof(buf) - len, " |");
	hlist_for_each_entry_rcu(r, &by_dest, hash)
		len += snprintf(buf + len, sizeof(buf) - len, " %d", r->dest);
	rcu_read_unlock();
	pr_info("%s:%s\n", what, buf);
}

static int __init rculist_demo_init(void)
{
	struct route *r, *n, *old = NULL;
	int i;

	for (i = 1; i <= 3; i++) {
		r = route_new(i * 10, i);
		if (!r)
			return -ENOMEM;
		spin_lock(&routes_lock);
		if (i == 2)
			list_add_rcu(&r->list, &routes);
		else
			list_add_tail_rcu(&r->list, &routes);
		hlist_add_head_rcu(&r->hash, &by_dest);
		spin_unlock(&routes_lock);
	}
	dump("added");
	rcu_read_lock();
	r = list_first_or_null_rcu(&routes, struct route, list);
	pr_info("first: %d\n", r ? r->dest : -1);
	rcu_read_unlock();

	n = route_new(10, 9);
	if (!n)
		return -ENOMEM;
	spin_lock(&routes_lock);
	list_for_each_entry(r, &routes, list) {
		if (r->dest == 10) {
			list_replace_rcu(&r->list, &n->list);
			hlist_replace_rcu(&r->hash, &n->hash);
			old = r;
			break;
		}
	}
	spin_unlock(&routes_lock);
	synchronize_rcu();
	kfree(old);
	dump("replaced");

	spin_lock(&routes_lock);
	list_for_each_entry(r, &routes, list)
		if (r->dest == 20)
			break;
	list_del_rcu(&r->list);
	hlist_del_rcu(&r->hash);
	spin_unlock(&routes_lock);
	pr_info("deleted 20: next still %d\n", list_entry(r->list.next, struct route, list)->dest);
	synchronize_rcu();
	kfree(r);
	dump("deleted");
	return 0;
}

static void __exit rculist_demo_exit(void)
{
	struct route *r, *n;

	spin_lock(&routes_lock);
	list_for_each_entry_safe(r, n, &routes, list) {
		list_del_rcu(&r->list);
		hlist_del_init_rcu(&r->hash);
	}
	spin_unlock(&routes_lock);
	synchronize_rcu();
	pr_info("empty %d %d\n", list_empty(&routes), hlist_empty(&by_dest));
}

module_init(rculist_demo_init);
module_exit(rculist_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rculist.h");
