// A CPU-bound loop in module code, timed with ktime_get() around it: guest
// code costs guest time by what it executes, so N iterations take time
// proportional to N (one basic block each).
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>

static unsigned long loops = 1000000;
module_param(loops, ulong, 0444);

static noinline unsigned long spin(unsigned long n)
{
	unsigned long i, sum = 0;

	for (i = 0; i < n; i++)
		sum += i ^ (sum >> 3);
	return sum;
}

static int __init spin_init(void)
{
	ktime_t start = ktime_get();
	unsigned long sum = spin(loops);
	s64 us = ktime_us_delta(ktime_get(), start);

	pr_info("spin: %lu loops took %lld us (sum %lu)\n", loops, us, sum & 1);
	return 0;
}

static void __exit spin_exit(void)
{
}

module_init(spin_init);
module_exit(spin_exit);
MODULE_LICENSE("GPL");
