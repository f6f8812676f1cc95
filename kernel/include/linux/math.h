#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H
/* Rounding, division helpers and abs() (6.1 include/linux/math.h). */
#include "types.h"
#include "../asm/div64.h"

#ifndef __cplusplus /* abs(), roundup() ... would shadow the C++ library's */

/* round_up/round_down: y must be a power of two. */
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))

#define __KERNEL_DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_UP __KERNEL_DIV_ROUND_UP
#define DIV_ROUND_DOWN_ULL(ll, d) ({ unsigned long long _tmp = (ll); do_div(_tmp, d); _tmp; })
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d) DIV_ROUND_UP(ll, d)

/* roundup/rounddown: any y (a division, not a mask). */
#define roundup(x, y) ({ __typeof__(y) __y = y; (((x) + (__y - 1)) / __y) * __y; })
#define rounddown(x, y) ({ __typeof__(x) __x = (x); __x - (__x % (y)); })

/* x / divisor rounded to the nearest integer, halves away from zero; for
 * signed operands of opposite signs as well. */
#define DIV_ROUND_CLOSEST(x, divisor) ({ \
		__typeof__(x) __x = x; \
		__typeof__(divisor) __d = divisor; \
		(((__typeof__(x))-1) > 0 || ((__typeof__(divisor))-1) > 0 || (((__x) > 0) == ((__d) > 0))) ? \
			(((__x) + ((__d) / 2)) / (__d)) : \
			(((__x) - ((__d) / 2)) / (__d)); })
#define DIV_ROUND_CLOSEST_ULL(x, divisor) ({ \
		__typeof__(divisor) __d = divisor; \
		unsigned long long _tmp = (x) + (__d) / 2; \
		do_div(_tmp, __d); \
		_tmp; })

#define __STRUCT_FRACT(type) struct type##_fract { __##type numerator; __##type denominator; };
__STRUCT_FRACT(s16)
__STRUCT_FRACT(u16)
__STRUCT_FRACT(s32)
__STRUCT_FRACT(u32)
#undef __STRUCT_FRACT

/* x * numer / denom without overflowing the intermediate product as early. */
#define mult_frac(x, numer, denom) ({ \
		__typeof__(x) quot = (x) / (denom); \
		__typeof__(x) rem = (x) % (denom); \
		(quot * (numer)) + ((rem * (numer)) / (denom)); })

#define sector_div(a, b) do_div(a, b)

/* abs(): |x| computed in the signed type of x's width (so abs(INT_MIN) is
 * INT_MIN, as two's complement gives); plain char keeps its type. Anything
 * but an integer type yields void, a compile error where the value is used. */
#define __emu_abs_in(T, x) ({ signed T __emu_av = (x); __emu_av < 0 ? -__emu_av : __emu_av; })
#define __emu_abs_width(T, x) \
	(__builtin_types_compatible_p(__typeof__(x), signed T) || \
	 __builtin_types_compatible_p(__typeof__(x), unsigned T))
#define __emu_abs_step(T, x, next) __builtin_choose_expr(__emu_abs_width(T, x), __emu_abs_in(T, x), next)
#define __emu_abs_plain_char(x) \
	__builtin_choose_expr(__builtin_types_compatible_p(__typeof__(x), char), \
			      (char)__emu_abs_in(char, x), ((void)0))
#define abs(x) \
	__emu_abs_step(long long, x, __emu_abs_step(long, x, __emu_abs_step(int, x, \
	__emu_abs_step(short, x, __emu_abs_step(char, x, __emu_abs_plain_char(x))))))

#endif /* !__cplusplus */

/* val scaled into [0, ep_ro): the top bits of val * ep_ro. */
static inline u32 reciprocal_scale(u32 val, u32 ep_ro) { return (u32)(((u64)val * ep_ro) >> 32); }

EMU_BEGIN_DECLS
u64 int_pow(u64 base, unsigned int exp);
unsigned long int_sqrt(unsigned long x);
EMU_END_DECLS
static inline u32 int_sqrt64(u64 x) { return (u32)int_sqrt(x); }

#endif
