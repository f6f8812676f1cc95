#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H
/* 64-bit division and multiply-shift helpers (6.1 include/linux/math64.h),
 * 64-bit flavour: plain C division. Dividing by zero traps (#DE), as on x86. */
#include "types.h"
#include "math.h"
#include "../asm/div64.h"

#define div64_long(x, y) div64_s64((x), (y))
#define div64_ul(x, y) div64_u64((x), (y))

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = (u32)(dividend % divisor);
	return dividend / divisor;
}
/* The remainder takes the dividend's sign (C's truncating division). */
static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = (s32)(dividend % divisor);
	return dividend / divisor;
}
static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	u64 q = dividend / divisor;

	*remainder = dividend - q * divisor;
	return q;
}
static inline u64 div64_u64(u64 dividend, u64 divisor) { return dividend / divisor; }
static inline s64 div64_s64(s64 dividend, s64 divisor) { return dividend / divisor; }
static inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 remainder;
	return div_u64_rem(dividend, divisor, &remainder);
}
static inline s64 div_s64(s64 dividend, s32 divisor)
{
	s32 remainder;
	return div_s64_rem(dividend, divisor, &remainder);
}

/* Division by repeated subtraction, for quotients known to be small (6.1
 * vdso/math64.h); the empty asm keeps the compiler from turning it into a divide. */
static inline u32 __iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder)
{
	u32 ret = 0;
	while (dividend >= divisor) {
		__asm__("" : "+rm"(dividend));
		dividend -= divisor;
		ret++;
	}
	*remainder = dividend;
	return ret;
}
EMU_BEGIN_DECLS
u32 iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder);
EMU_END_DECLS

static inline u64 mul_u32_u32(u32 a, u32 b) { return (u64)a * b; }
/* (a * mul) >> shift with the full 128-bit product. */
static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}
static inline u64 mul_u64_u64_shr(u64 a, u64 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}
static inline u64 mul_s64_u64_shr(s64 a, u64 b, unsigned int shift)
{
	u64 ret = mul_u64_u64_shr(a < 0 ? -(u64)a : (u64)a, b, shift);
	return a < 0 ? (u64)-(s64)ret : ret;
}

#define DIV64_U64_ROUND_UP(ll, d) ({ u64 _tmp = (d); div64_u64((ll) + _tmp - 1, _tmp); })
#define DIV64_U64_ROUND_CLOSEST(dividend, divisor) ({ u64 _tmp = (divisor); div64_u64((dividend) + _tmp / 2, _tmp); })
#define DIV_U64_ROUND_CLOSEST(dividend, divisor) ({ u32 _tmp = (divisor); div_u64((u64)(dividend) + _tmp / 2, _tmp); })
#define DIV_S64_ROUND_CLOSEST(dividend, divisor) ({ \
		s64 __x = (dividend); \
		s32 __d = (divisor); \
		((__x > 0) == (__d > 0)) ? div_s64((__x + (__d / 2)), __d) : div_s64((__x - (__d / 2)), __d); })

#endif
