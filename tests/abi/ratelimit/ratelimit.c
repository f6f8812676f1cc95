/* <linux/ratelimit.h> and printk.h's _ratelimited/_once forms: a noisy event
 * logged at most 10 times per 5 seconds, then the count of what was dropped;
 * a message printed once per module load. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/ratelimit.h>
#include <linux/printk.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

static DEFINE_RATELIMIT_STATE(burst3, HZ, 3);

static noinline void noisy_irq_event(int i)
{
	pr_warn_ratelimited("event %d\n", i);
}

static noinline void custom_limit(int i)
{
	if (__ratelimit(&burst3))
		pr_info("custom %d\n", i);
}

static int __init ratelimit_demo_init(void)
{
	struct ratelimit_state rs;
	int i, passed = 0;

	for (i = 0; i < 15; i++)
		noisy_irq_event(i);
	msleep(5100);
	noisy_irq_event(100);
	for (i = 0; i < 5; i++)
		custom_limit(i);
	msleep(1100);
	custom_limit(10);
	for (i = 0; i < 3; i++)
		pr_info_once("printed once (%d)\n", i);
	ratelimit_state_init(&rs, 0, 1);
	for (i = 0; i < 20; i++)
		passed += __ratelimit(&rs);
	pr_info("interval 0 passes all: %d\n", passed);
	pr_info("DEFAULT_RATELIMIT_INTERVAL=%d HZ=%d DEFAULT_RATELIMIT_BURST=%d\n", DEFAULT_RATELIMIT_INTERVAL, HZ,
		DEFAULT_RATELIMIT_BURST);
	return 0;
}

static void __exit ratelimit_demo_exit(void)
{
}

module_init(ratelimit_demo_init);
module_exit(ratelimit_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ratelimit.h");
