/* Test module: code of an unloaded module that still runs. Its exit function
 * forgets what init started: a kthread that wakes every 100 ms (mode=thread),
 * a work item sleeping in its function (mode=work), a /proc file whose
 * operations live in the module (mode=proc), a timer callback still busy on
 * another CPU (mode=timer). On Linux the module's memory is
 * freed at rmmod, so the next return into its text, or read of its data, is
 * an Oops. */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/workqueue.h>
#include <linux/proc_fs.h>
#include <linux/timer.h>
#include <linux/smp.h>
#include <linux/cpumask.h>

MODULE_LICENSE("GPL");

static char *mode = "thread";
module_param(mode, charp, 0444);

static struct task_struct *ticker;
static int ticks;

static int gone_thread(void *data)
{
	while (!kthread_should_stop()) {
		msleep(100);
		pr_info("gone: tick %d\n", ++ticks);
	}
	return 0;
}

static void gone_work_fn(struct work_struct *w)
{
	pr_info("gone: work started\n");
	msleep(500);
	pr_info("gone: work done\n");
}
static DECLARE_WORK(gone_work, gone_work_fn);

static void gone_timer_fn(struct timer_list *t)
{
	pr_info("gone: timer started\n");
	mdelay(1000);
	pr_info("gone: timer done\n");
}
static DEFINE_TIMER(gone_timer, gone_timer_fn);

static ssize_t gone_read(struct file *f, char __user *buf, size_t len, loff_t *off)
{
	return 0;
}

static const struct proc_ops gone_proc_ops = {
	.proc_read = gone_read,
};

static int __init gone_init(void)
{
	if (!strcmp(mode, "thread"))
		ticker = kthread_run(gone_thread, NULL, "gone_ticker");
	else if (!strcmp(mode, "work"))
		schedule_work(&gone_work);
	else if (!strcmp(mode, "proc"))
		proc_create("gone", 0444, NULL, &gone_proc_ops);
	else if (!strcmp(mode, "timer")) {
		gone_timer.expires = jiffies + 1;
		add_timer_on(&gone_timer, (raw_smp_processor_id() + 1) % num_online_cpus());
	}
	return 0;
}

static void __exit gone_exit(void)
{
	pr_info("gone: exit (mode=%s)\n", mode);
	/* forgets kthread_stop(ticker), cancel_work_sync(&gone_work), remove_proc_entry("gone", NULL) */
}

module_init(gone_init);
module_exit(gone_exit);
