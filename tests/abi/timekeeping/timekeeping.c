// 6.1's clock readers as modules use them: seconds for a timestamp,
// nanoseconds to time an operation, a timespec64 for printing, the
// scheduler's clock.
#include <linux/module.h>
#include <linux/timekeeping.h>
#include <linux/ktime.h>
#include <linux/time64.h>
#include <linux/sched/clock.h>
#include <linux/delay.h>

static int __init tk_abi_init(void)
{
	time64_t real = ktime_get_real_seconds(), mono = ktime_get_seconds();
	u64 t0 = ktime_get_ns(), c0 = local_clock();
	struct timespec64 ts;
	ktime_t start = ktime_get();

	mdelay(3);
	ktime_get_real_ts64(&ts);
	pr_info("timekeeping: real %lld mono %lld equal %d\n", (long long)real, (long long)mono, real == mono);
	pr_info("timekeeping: elapsed ns ok %d, local_clock ok %d, ms %lld\n",
		ktime_get_ns() - t0 >= 3000000, local_clock() - c0 >= 3000000,
		(long long)ktime_ms_delta(ktime_get(), start));
	pr_info("timekeeping: ts valid %d boottime>=mono %d\n", timespec64_valid(&ts),
		ktime_get_boottime_ns() >= t0);
	return 0;
}

static void __exit tk_abi_exit(void)
{
}

module_init(tk_abi_init);
module_exit(tk_abi_exit);
MODULE_LICENSE("GPL");
