/* Test module: init fails with -ENOMEM. */
#include <linux/module.h>
MODULE_LICENSE("GPL");
static int __init hz1000_init(void) { pr_info("hz1000: init\n"); return 0; }
static void __exit hz1000_exit(void) { }
module_init(hz1000_init);
module_exit(hz1000_exit);
