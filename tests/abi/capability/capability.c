// A driver's privilege check (6.1 linux/capability.h): an ioctl-style
// capable(CAP_SYS_ADMIN) test, from a module's init run by root's insmod.
#include <linux/module.h>
#include <linux/capability.h>
#include <linux/cred.h>

static int __init capability_init(void)
{
	kernel_cap_t set = CAP_EMPTY_SET;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	cap_raise(set, CAP_NET_ADMIN);
	pr_info("capability: admin %d net_admin %d last %d uid %u\n", capable(CAP_SYS_ADMIN),
		!!cap_raised(set, CAP_NET_ADMIN), CAP_LAST_CAP, __kuid_val(current_uid()));
	return 0;
}

static void __exit capability_exit(void)
{
}

module_init(capability_init);
module_exit(capability_exit);
MODULE_LICENSE("GPL");
