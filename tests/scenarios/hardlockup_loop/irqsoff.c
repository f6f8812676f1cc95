// A kthread that busy-waits with interrupts off: not even the tick reaches
// its CPU, so the soft-lockup detector cannot run there; the NMI watchdog
// sees that the detector's hrtimer stopped and reports a hard lockup.
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

static int stop;
static struct task_struct *spinner;

static int irqsoff_fn(void *data)
{
	unsigned long flags;

	local_irq_save(flags);
	while (!READ_ONCE(stop))
		;
	local_irq_restore(flags);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int __init irqsoff_init(void)
{
	spinner = kthread_create(irqsoff_fn, NULL, "irqsoff");
	if (IS_ERR(spinner))
		return PTR_ERR(spinner);
	kthread_bind(spinner, 1);
	wake_up_process(spinner);
	return 0;
}

static void __exit irqsoff_exit(void)
{
	WRITE_ONCE(stop, 1);
	kthread_stop(spinner);
	pr_info("irqsoff: spinner stopped\n");
}

module_init(irqsoff_init);
module_exit(irqsoff_exit);
MODULE_LICENSE("GPL");
