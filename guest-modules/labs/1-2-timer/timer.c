/*
 * Deferred work lab, tasks 1 and 2: a timer that prints a message
 * TIMER_TIMEOUT seconds after the module is loaded, then re-arms itself.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/sched.h>

MODULE_DESCRIPTION("Simple kernel timer");
MODULE_AUTHOR("SO2");
MODULE_LICENSE("GPL");

#define TIMER_TIMEOUT 1

static struct timer_list timer;

static void timer_handler(struct timer_list *tl)
{
	static size_t nseconds;

	nseconds += TIMER_TIMEOUT;
	pr_info("[timer_handler] nseconds = %d\n", (int)nseconds);
	/* Task 2: periodic */
	mod_timer(tl, jiffies + TIMER_TIMEOUT * HZ);
}

static int __init timer_init(void)
{
	pr_info("[timer_init] Init module\n");
	timer_setup(&timer, timer_handler, 0);
	mod_timer(&timer, jiffies + TIMER_TIMEOUT * HZ);
	return 0;
}

static void __exit timer_exit(void)
{
	pr_info("[timer_exit] Exit module\n");
	del_timer_sync(&timer);
}

module_init(timer_init);
module_exit(timer_exit);
