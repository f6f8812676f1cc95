// A module init that computes for a long time with interrupts off, on a
// machine with one CPU: nothing else runs and no interrupt is taken until it
// is done, and only the NMI watchdog can see it.
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/module.h>

static unsigned long loops = 500000000;
module_param(loops, ulong, 0444);

static int __init irqsoff_init(void)
{
	unsigned long flags, i, sum = 0;

	local_irq_save(flags);
	for (i = 0; i < loops; i++)
		sum += i ^ (sum >> 7);
	local_irq_restore(flags);
	pr_info("irqsoff_init: done (%lu)\n", sum & 1);
	return 0;
}

static void __exit irqsoff_exit(void)
{
}

module_init(irqsoff_init);
module_exit(irqsoff_exit);
MODULE_LICENSE("GPL");
