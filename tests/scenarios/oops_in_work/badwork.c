// A work item that dereferences NULL kills the kworker running it; the
// workqueue goes on: the next item queued on that CPU still runs.
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/workqueue.h>

static int *nowhere;

static void bad_fn(struct work_struct *w)
{
	*nowhere = 1;
}

static void good_fn(struct work_struct *w)
{
	pr_info("badwork: next item ran in %s\n", current->comm);
}

static DECLARE_WORK(bad, bad_fn);
static DECLARE_WORK(good, good_fn);

static int __init badwork_init(void)
{
	schedule_work_on(0, &bad);
	msleep(100);
	schedule_work_on(0, &good);
	flush_work(&good);
	pr_info("badwork: flushed\n");
	return 0;
}

static void __exit badwork_exit(void)
{
}

module_init(badwork_init);
module_exit(badwork_exit);
MODULE_LICENSE("GPL");
