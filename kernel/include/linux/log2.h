#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H
/* Integer base-2 logarithms and power-of-two rounding (6.1 include/linux/log2.h).
 * ilog2(0) is -1 at run time; the rounding helpers are undefined for 0. */
#include "types.h"
#include "bitops.h"

static inline __attribute__((__always_inline__)) __attribute__((const)) int __ilog2_u32(u32 n) { return fls(n) - 1; }
static inline __attribute__((__always_inline__)) __attribute__((const)) int __ilog2_u64(u64 n) { return fls64(n) - 1; }

static inline __attribute__((const)) bool is_power_of_2(unsigned long n) { return n != 0 && (n & (n - 1)) == 0; }

static inline __attribute__((const)) unsigned long __roundup_pow_of_two(unsigned long n)
{
	return 1UL << fls_long(n - 1);
}
static inline __attribute__((const)) unsigned long __rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls_long(n) - 1);
}

/* Folds to a constant for constant arguments, so usable in array sizes. */
#define const_ilog2(n) ((n) < 2 ? 0 : 63 - __builtin_clzll(n))
#define ilog2(n) \
	(__builtin_constant_p(n) ? const_ilog2(n) : (sizeof(n) <= 4) ? __ilog2_u32(n) : __ilog2_u64(n))
#define roundup_pow_of_two(n) \
	(__builtin_constant_p(n) ? (((n) == 1) ? 1 : (1UL << (ilog2((n) - 1) + 1))) : __roundup_pow_of_two(n))
#define rounddown_pow_of_two(n) \
	(__builtin_constant_p(n) ? (1UL << ilog2(n)) : __rounddown_pow_of_two(n))

static inline __attribute__((const)) int __order_base_2(unsigned long n) { return n > 1 ? ilog2(n - 1) + 1 : 0; }
#define order_base_2(n) \
	(__builtin_constant_p(n) ? (((n) == 0 || (n) == 1) ? 0 : ilog2((n) - 1) + 1) : __order_base_2(n))

static inline __attribute__((const)) int __bits_per(unsigned long n)
{
	if (n < 2)
		return 1;
	return is_power_of_2(n) ? order_base_2(n) + 1 : order_base_2(n);
}
#define bits_per(n) \
	(__builtin_constant_p(n) ? (((n) == 0 || (n) == 1) ? 1 : ilog2(n) + 1) : __bits_per(n))
#endif
