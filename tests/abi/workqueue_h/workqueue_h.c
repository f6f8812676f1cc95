/* Only <linux/workqueue.h> (and module.h's module_init): on 6.1 it makes
 * `current` visible (asm/current.h), though not task_struct's members. */
#include <linux/workqueue.h>
#include <linux/module.h>

static void *loader;
static DECLARE_COMPLETION(done);

static void work_fn(struct work_struct *w)
{
	pr_info("workqueue_h: work runs in another task than insmod: %d\n", (void *)current != loader);
	complete(&done);
}

static DECLARE_WORK(work, work_fn);

static int __init workqueue_h_init(void)
{
	loader = current;
	schedule_work(&work);
	wait_for_completion(&done);
	return 0;
}

static void __exit workqueue_h_exit(void)
{
	flush_work(&work);
}

module_init(workqueue_h_init);
module_exit(workqueue_h_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("only linux/workqueue.h");
