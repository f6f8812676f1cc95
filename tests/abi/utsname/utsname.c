// The system's names as a module prints them (6.1 linux/utsname.h).
#include <linux/module.h>
#include <linux/utsname.h>

static int __init utsname_init(void)
{
	struct new_utsname *u = utsname();

	pr_info("utsname: %s %s %s %s %s\n", u->sysname, u->nodename, u->release, u->version, u->machine);
	pr_info("utsname: same %d\n", u == init_utsname());
	return 0;
}

static void __exit utsname_exit(void)
{
}

module_init(utsname_init);
module_exit(utsname_exit);
MODULE_LICENSE("GPL");
