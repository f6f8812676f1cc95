// A function with a 70 kB local array: far more than a kernel stack (16 kB
// on x86-64) or emu's guard page. 6.1 warns at build time (-Wframe-larger-than)
// and, with a vmapped stack, faults on the guard; it must never write
// silently over the memory below the stack.
#include <linux/init.h>
#include <linux/module.h>
#include <linux/string.h>

static noinline int fill(int v)
{
	volatile char buf[70000];

	memset((char *)buf, v, sizeof(buf));
	return buf[100] + buf[sizeof(buf) - 1];
}

static int __init bigframe_init(void)
{
	pr_info("bigframe: %d\n", fill(1));
	return 0;
}

static void __exit bigframe_exit(void)
{
}

module_init(bigframe_init);
module_exit(bigframe_exit);
MODULE_LICENSE("GPL");
