/* Test module: init fails with -ENOMEM. With leave_timer=1 it arms a timer
 * first and fails without deleting it (the classic error-path bug). */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
MODULE_LICENSE("GPL");
static int leave_timer;
module_param(leave_timer, int, 0444);
static struct timer_list nomem_timer;
static void nomem_timer_fn(struct timer_list *t) { pr_info("nomem: timer ran\n"); }
static int __init nomem_init(void)
{
	pr_info("nomem: init\n");
	if (leave_timer) {
		timer_setup(&nomem_timer, nomem_timer_fn, 0);
		mod_timer(&nomem_timer, jiffies + HZ);
	}
	return -ENOMEM;
}
static void __exit nomem_exit(void) { }
module_init(nomem_init);
module_exit(nomem_exit);
