/* <linux/jump_label.h>: static keys guard rarely-enabled paths (tracing,
 * debug checks); enabling one makes static_branch_*() true. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/jump_label.h>

static DEFINE_STATIC_KEY_FALSE(debug_key);
static DEFINE_STATIC_KEY_TRUE(fast_path);
static DEFINE_STATIC_KEY_ARRAY_FALSE(per_mode, 3);
static struct static_key legacy = STATIC_KEY_INIT_FALSE;

static noinline int handle(int v)
{
	if (static_branch_unlikely(&debug_key))
		pr_info("debug: handling %d\n", v);
	if (static_branch_likely(&fast_path))
		return v * 2;
	return v;
}

static int __init jump_label_demo_init(void)
{
	pr_info("handle(1)=%d debug=%d\n", handle(1), static_key_enabled(&debug_key));
	static_branch_enable(&debug_key);
	pr_info("handle(2)=%d debug=%d\n", handle(2), static_key_enabled(&debug_key));
	static_branch_disable(&fast_path);
	pr_info("handle(3)=%d fast=%d\n", handle(3), static_key_enabled(&fast_path));
	static_branch_inc(&fast_path);
	static_branch_inc(&fast_path);
	static_branch_dec(&fast_path);
	pr_info("after inc, inc, dec: fast=%d count=%d\n", static_key_enabled(&fast_path),
		static_key_count(&fast_path.key));
	static_branch_disable(&debug_key);
	static_branch_enable(&per_mode[1]);
	pr_info("per_mode: %d %d %d\n", !!static_branch_unlikely(&per_mode[0]), !!static_branch_unlikely(&per_mode[1]),
		!!static_branch_unlikely(&per_mode[2]));
	static_key_slow_inc(&legacy);
	pr_info("legacy static_key_false=%d handle(4)=%d\n", static_key_false(&legacy), handle(4));
	return 0;
}

static void __exit jump_label_demo_exit(void)
{
}

module_init(jump_label_demo_init);
module_exit(jump_label_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("jump_label.h");
