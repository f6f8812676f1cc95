/* Test module: init fails with -ENOMEM. */
#include <linux/module.h>
MODULE_LICENSE("GPL");
static int __init nomem_init(void) { pr_info("nomem: init\n"); return -ENOMEM; }
static void __exit nomem_exit(void) { }
module_init(nomem_init);
module_exit(nomem_exit);
