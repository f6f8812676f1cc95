// BUG_ON() in a module's init: 6.1's BUG() is ud2 with a bug-table entry,
// so the trap reports the file and line, then dies as an invalid opcode.
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/module.h>

static int fail = 1;
module_param(fail, int, 0444);

static noinline int check_state(int v)
{
	BUG_ON(v == 1);
	return v;
}

static int __init bugon_init(void)
{
	pr_info("bugon: checking %d\n", fail);
	return check_state(fail) == 2 ? 0 : -EINVAL;
}

static void __exit bugon_exit(void)
{
}

module_init(bugon_init);
module_exit(bugon_exit);
MODULE_LICENSE("GPL");
