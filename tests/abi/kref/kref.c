/* <linux/kref.h>: an object freed by the last kref_put(); lookups racing with
 * it use kref_get_unless_zero(). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/kref.h>
#include <linux/slab.h>

struct session {
	struct kref ref;
	int id;
};

static void session_release(struct kref *ref)
{
	struct session *s = container_of(ref, struct session, ref);

	pr_info("session %d released\n", s->id);
	kfree(s);
}

static int __init kref_demo_init(void)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);
	static struct kref never_zero = KREF_INIT(2);
	int ret;

	if (!s)
		return -ENOMEM;
	s->id = 7;
	kref_init(&s->ref);
	kref_get(&s->ref);
	pr_info("after get: %u\n", kref_read(&s->ref));
	ret = kref_get_unless_zero(&s->ref);
	pr_info("get_unless_zero: %d, now %u\n", ret, kref_read(&s->ref));
	ret = kref_put(&s->ref, session_release);
	pr_info("put: %d, now %u\n", ret, kref_read(&s->ref));
	ret = kref_put(&s->ref, session_release);
	pr_info("put: %d, now %u\n", ret, kref_read(&s->ref));
	ret = kref_put(&s->ref, session_release);
	pr_info("last put: %d\n", ret);
	pr_info("static KREF_INIT(2): %u\n", kref_read(&never_zero));
	return 0;
}

static void __exit kref_demo_exit(void)
{
}

module_init(kref_demo_init);
module_exit(kref_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kref.h");
