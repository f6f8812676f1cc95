/* <linux/idr.h>: minor numbers from an IDA and a handle table in an IDR, as
 * char drivers and subsystems keep them. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct session {
	int handle;
	char name[16];
};

static DEFINE_IDR(sessions);
static DEFINE_IDA(minors);
static DEFINE_SPINLOCK(sessions_lock);

static int print_one(int id, void *p, void *data)
{
	struct session *s = p;

	pr_info("  %d: %s\n", id, s->name);
	return 0;
}

static struct session *session_new(const char *name, int start)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int id;

	if (!s)
		return ERR_PTR(-ENOMEM);
	strscpy(s->name, name, sizeof(s->name));
	idr_preload(GFP_KERNEL);
	spin_lock(&sessions_lock);
	id = idr_alloc(&sessions, s, start, 100, GFP_NOWAIT);
	spin_unlock(&sessions_lock);
	idr_preload_end();
	if (id < 0) {
		kfree(s);
		return ERR_PTR(id);
	}
	s->handle = id;
	return s;
}

static int __init idr_demo_init(void)
{
	struct session *s;
	int id, a, b, c;

	pr_info("empty %d\n", idr_is_empty(&sessions));
	s = session_new("alpha", 1);
	pr_info("alpha -> %d\n", s->handle);
	s = session_new("beta", 1);
	pr_info("beta -> %d\n", s->handle);
	s = session_new("gamma", 50);
	pr_info("gamma -> %d\n", s->handle);
	s = idr_find(&sessions, 2);
	pr_info("find 2: %s, find 3: %d\n", s->name, idr_find(&sessions, 3) != NULL);
	kfree(idr_remove(&sessions, 1));
	s = session_new("delta", 1);
	pr_info("delta -> %d (lowest free)\n", s->handle);
	pr_info("idr_for_each:\n");
	idr_for_each(&sessions, print_one, NULL);
	pr_info("replace 7: %ld\n", PTR_ERR(idr_replace(&sessions, s, 7)));
	pr_info("full range: %d\n", idr_alloc(&sessions, s, 1, 2, GFP_KERNEL));
	pr_info("negative start: %d\n", idr_alloc(&sessions, s, -1, 0, GFP_KERNEL));
	idr_for_each_entry(&sessions, s, id) {
		idr_remove(&sessions, id);
		kfree(s);
	}
	idr_destroy(&sessions);
	pr_info("empty %d\n", idr_is_empty(&sessions));

	a = ida_alloc(&minors, GFP_KERNEL);
	b = ida_simple_get(&minors, 0, 0, GFP_KERNEL);
	c = ida_alloc_range(&minors, 4, 5, GFP_KERNEL);
	pr_info("minors %d %d %d\n", a, b, c);
	ida_free(&minors, a);
	pr_info("reuse %d\n", ida_alloc(&minors, GFP_KERNEL));
	pr_info("max 1: %d\n", ida_alloc_max(&minors, 1, GFP_KERNEL));
	ida_destroy(&minors);
	pr_info("ida empty %d\n", ida_is_empty(&minors));
	return 0;
}

static void __exit idr_demo_exit(void)
{
}

module_init(idr_demo_init);
module_exit(idr_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("idr.h");
