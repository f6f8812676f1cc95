// A timer callback that busy-waits 30 s with mdelay(): it runs in the timer
// softirq of an idle CPU, which cannot schedule until it returns.
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/timer.h>

static struct timer_list slow;

static void slow_fn(struct timer_list *t)
{
	pr_info("slowtimer: busy for 30 s\n");
	mdelay(30000);
	pr_info("slowtimer: done\n");
}

static int __init slowtimer_init(void)
{
	timer_setup(&slow, slow_fn, 0);
	mod_timer(&slow, jiffies + msecs_to_jiffies(100));
	return 0;
}

static void __exit slowtimer_exit(void)
{
	del_timer_sync(&slow);
}

module_init(slowtimer_init);
module_exit(slowtimer_exit);
MODULE_LICENSE("GPL");
