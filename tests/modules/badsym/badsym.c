/* Test module: calls a function no kernel exports. */
#include <linux/module.h>
MODULE_LICENSE("GPL");
extern int frobnicate_kernel(int);
static int __init badsym_init(void) { return frobnicate_kernel(1); }
module_init(badsym_init);
