// A kthread busy-waiting on a flag on a fully preemptible kernel: the tick
// preempts it, unless it spins with preemption disabled (off=1).
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched.h>

static bool off;
module_param(off, bool, 0444);
static int stop;
static struct task_struct *spinner;

static int spin_fn(void *data)
{
	if (off)
		preempt_disable();
	while (!READ_ONCE(stop))
		;
	if (off)
		preempt_enable();
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int __init pdspin_init(void)
{
	spinner = kthread_create(spin_fn, NULL, "pdspin");
	if (IS_ERR(spinner))
		return PTR_ERR(spinner);
	kthread_bind(spinner, 1);
	wake_up_process(spinner);
	return 0;
}

static void __exit pdspin_exit(void)
{
	WRITE_ONCE(stop, 1);
	kthread_stop(spinner);
}

module_init(pdspin_init);
module_exit(pdspin_exit);
MODULE_LICENSE("GPL");
