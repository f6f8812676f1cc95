/* <linux/minmax.h>: min()/max() want both sides of one signedness (or a
 * non-negative constant); min_t() converts first; clamp() keeps a value in
 * range; swap() exchanges two lvalues; each argument is evaluated once. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/minmax.h>
#include <linux/kernel.h>

static int calls;
static int counted(int v)
{
	calls++;
	return v;
}

static int __init minmax_init(void)
{
	int a = -3, b = 7, big = 300;
	unsigned int u = 5;
	size_t len = 100;
	char buf[MAX(16, 8)];
	long arr[] = { 4, -9, 12, 0 };

	pr_info("min=%d max=%d min3=%d max3=%d\n", min(a, b), max(a, b), min3(a, b, 2), max3(a, b, 2));
	/* min_t converts both to its type: -3 as unsigned is huge. */
	pr_info("min_t(int)=%d min_t(unsigned)=%u max_t(u8, big, 5)=%u\n", min_t(int, a, u), min_t(unsigned int, a, u),
		max_t(u8, big, 5));
	pr_info("min(u, 3)=%u min(len, sizeof(buf))=%zu\n", min(u, 3), min(len, sizeof(buf)));
	pr_info("clamp(15, 0, 10)=%d clamp(-4, 0, 10)=%d clamp_t(u8, big, 0, 200)=%u clamp_val(u, 6, 9)=%u\n",
		clamp(15, 0, 10), clamp(-4, 0, 10), clamp_t(u8, big, 0, 200), clamp_val(u, 6, 9));
	pr_info("min_not_zero(0, 5)=%d min_not_zero(4, 5)=%d min_not_zero(0, 0)=%d\n", min_not_zero(0, 5),
		min_not_zero(4, 5), min_not_zero(0, 0));
	pr_info("umin(-1, 5)=%llu umax(-1, 5)=%llu\n", (unsigned long long)umin(-1, 5), (unsigned long long)umax(-1, 5));
	pr_info("min_array=%ld max_array=%ld in_range(5, 3, 4)=%d in_range(7, 3, 4)=%d\n",
		min_array(arr, ARRAY_SIZE(arr)), max_array(arr, ARRAY_SIZE(arr)), in_range(5, 3, 4), in_range(7, 3, 4));
	swap(a, b);
	pr_info("swap: a=%d b=%d sizeof(buf)=%zu\n", a, b, sizeof(buf));
	calls = 0;
	a = max(counted(1), counted(2));
	pr_info("max(counted(1), counted(2))=%d after %d calls\n", a, calls);
	return 0;
}

static void __exit minmax_exit(void)
{
}

module_init(minmax_init);
module_exit(minmax_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("minmax.h");
