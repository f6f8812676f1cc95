/* Only <linux/module.h>, as the smallest tutorial modules write it: on 6.1
 * that header alone makes current, jiffies, HZ, the pr_* family, GFP_* and
 * kmalloc's friends' flags visible (through its own includes). */
#include <linux/module.h>

static int __init module_h_init(void)
{
	pr_info("module_h: comm=%s pid=%d hz=%d jiffies_ok=%d gfp_kernel_nonzero=%d\n",
		current->comm, current->pid, HZ, time_after_eq(jiffies, (unsigned long)INITIAL_JIFFIES),
		GFP_KERNEL != 0);
	pr_notice("module_h: %s\n", THIS_MODULE->name);
	return 0;
}

static void __exit module_h_exit(void)
{
	pr_info("module_h: bye from %s\n", current->comm);
}

module_init(module_h_init);
module_exit(module_h_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("only linux/module.h");
