/* <linux/math64.h>, <asm/div64.h> and <linux/math.h>: 64-bit division the
 * portable way (do_div() changes its argument and yields the remainder),
 * rounding helpers, abs(). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/math64.h>
#include <linux/math.h>
#include <asm/div64.h>

static int __init math64_init(void)
{
	u64 n = 10000000007ULL, big = 0xffffffffffffffffULL;
	u32 rem, r32;
	s32 srem;
	u64 r64;
	s64 q;

	rem = do_div(n, 1000);
	pr_info("do_div: quotient %llu remainder %u\n", n, rem);
	n = div_u64_rem(1000001ULL, 7, &r32);
	pr_info("div_u64_rem: %llu rem %u\n", n, r32);
	q = div_s64_rem(-7, 2, &srem);
	pr_info("div_s64_rem(-7, 2): %lld rem %d\n", q, srem);
	pr_info("div_u64: %llu div_s64: %lld\n", div_u64(big, 3), div_s64(-1000000000000LL, 7));
	pr_info("div64_u64: %llu div64_s64: %lld div64_ul: %llu\n", div64_u64(big, 1ULL << 33),
		div64_s64(-(1LL << 40), 3), div64_ul(100UL, 7UL));
	n = div64_u64_rem(big, 1000000007ULL, &r64);
	pr_info("div64_u64_rem: %llu rem %llu\n", n, r64);
	pr_info("DIV64_U64_ROUND_UP(10, 4)=%llu DIV64_U64_ROUND_CLOSEST(10, 4)=%llu\n",
		DIV64_U64_ROUND_UP(10ULL, 4ULL), DIV64_U64_ROUND_CLOSEST(10ULL, 4ULL));
	pr_info("mul_u64_u32_shr: %llu mul_u64_u64_div_u64: %llu\n", mul_u64_u32_shr(1ULL << 40, 3, 8),
		mul_u64_u64_div_u64(1ULL << 62, 12, 8));
	pr_info("DIV_ROUND_UP(7, 2)=%d DIV_ROUND_CLOSEST(7, 2)=%d DIV_ROUND_CLOSEST(-7, 2)=%d DIV_ROUND_CLOSEST(5u, 3u)=%u\n",
		DIV_ROUND_UP(7, 2), DIV_ROUND_CLOSEST(7, 2), DIV_ROUND_CLOSEST(-7, 2), DIV_ROUND_CLOSEST(5u, 3u));
	pr_info("roundup(7, 5)=%d rounddown(7, 5)=%d round_up(9, 8)=%d round_down(9, 8)=%d\n",
		roundup(7, 5), rounddown(7, 5), round_up(9, 8), round_down(9, 8));
	pr_info("DIV_ROUND_UP_ULL: %llu DIV_ROUND_CLOSEST_ULL: %llu mult_frac(100, 3, 7)=%d\n",
		DIV_ROUND_UP_ULL(10000000001ULL, 10), DIV_ROUND_CLOSEST_ULL(25ULL, 10), mult_frac(100, 3, 7));
	pr_info("abs(-5)=%d abs(-5L)=%ld abs((s8)-128)=%d int_sqrt(1000)=%lu int_pow(3, 5)=%llu\n",
		abs(-5), abs(-5L), abs((s8)-128), int_sqrt(1000), int_pow(3, 5));
	return 0;
}

static void __exit math64_exit(void)
{
}

module_init(math64_init);
module_exit(math64_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("math64.h, div64.h, math.h");
