/* Only <linux/interrupt.h> (and module.h's module_init): on 6.1 it brings the
 * whole task_struct, `current`, jiffies and HZ (through hardirq.h and
 * sched.h), so a tasklet can say where it runs. */
#include <linux/interrupt.h>
#include <linux/module.h>

static struct task_struct *loader;

static void report(struct tasklet_struct *t)
{
	pr_info("interrupt_h: tasklet runs in_softirq=%d over %s, loader was %s\n", !!in_softirq(),
		current == loader ? "the loader" : "another task", loader->comm);
}

static DECLARE_TASKLET(tl, report);

static int __init interrupt_h_init(void)
{
	loader = current;
	pr_info("interrupt_h: comm=%s pid=%d hz=%d jiffies_ok=%d\n", current->comm, current->pid, HZ,
		time_after_eq(jiffies, (unsigned long)INITIAL_JIFFIES));
	tasklet_schedule(&tl);
	return 0;
}

static void __exit interrupt_h_exit(void)
{
	tasklet_kill(&tl);
}

module_init(interrupt_h_init);
module_exit(interrupt_h_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("only linux/interrupt.h");
