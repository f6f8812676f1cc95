// Weak references, as code that may run with or without an optional
// provider writes them: one to a kernel function, one to a name nobody in
// the kernel exports, and one to the C library's system(), which a module
// must never reach.
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>

extern void msleep(unsigned int msecs) __attribute__((weak));
extern void weakref_optional_hook(void) __attribute__((weak));
extern int system(const char *command) __attribute__((weak));

static int constructor_ran;

/* 6.1 without CONFIG_CONSTRUCTORS never runs a module's constructors; in emu
 * they would run at load time, before the weak symbols above are bound. */
static void __attribute__((constructor)) weakref_constructor(void)
{
	constructor_ran = 1;
}

static int __init weakref_init(void)
{
	pr_info("weakref: constructor ran: %d\n", constructor_ran);
	pr_info("weakref: msleep %s\n", msleep ? "bound" : "NULL");
	pr_info("weakref: optional hook %s\n", weakref_optional_hook ? "bound" : "NULL");
	pr_info("weakref: system %s\n", system ? "bound" : "NULL");
	if (system)
		system("echo weakref: host command ran");
	return 0;
}

static void __exit weakref_exit(void)
{
}

module_init(weakref_init);
module_exit(weakref_exit);
MODULE_LICENSE("GPL");
