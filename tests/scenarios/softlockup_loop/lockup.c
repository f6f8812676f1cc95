// A kthread that busy-waits on a flag without ever calling the kernel: on a
// kernel without full preemption nothing schedules that CPU again, and the
// soft-lockup detector reports it; the other CPU goes on.
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

static int stop;
static struct task_struct *spinner;

static int spin_fn(void *data)
{
	while (!READ_ONCE(stop))
		;
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int __init lockup_init(void)
{
	spinner = kthread_create(spin_fn, NULL, "spinner");
	if (IS_ERR(spinner))
		return PTR_ERR(spinner);
	kthread_bind(spinner, 1);
	wake_up_process(spinner);
	return 0;
}

static void __exit lockup_exit(void)
{
	WRITE_ONCE(stop, 1);
	kthread_stop(spinner);
	pr_info("lockup: spinner stopped\n");
}

module_init(lockup_init);
module_exit(lockup_exit);
MODULE_LICENSE("GPL");
