#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H
/* min(), max(), clamp() and friends (6.1 include/linux/minmax.h, as Debian's
 * 6.1 LTS ships it). Each argument is evaluated once. min()/max()/clamp()
 * refuse, at build time, to compare a signed with an unsigned value unless
 * the signed one is a non-negative constant or the unsigned one is narrower
 * than int ("min(a, b) signedness error"); min_t()/max_t() convert both to
 * the named type first. Comparing two different pointer types draws GCC's
 * "comparison of distinct pointer types lacks a cast". */
#include "build_bug.h"
#include "compiler.h"
#include "types.h"

#ifndef __cplusplus /* the C++ side has std::min, std::max, std::swap */

/* How a value may take part in a comparison, as a bit set: 1 "as unsigned",
 * 2 "as signed". Two values mix when the sets share a bit. */
#define __emu_is_nonneg(x) statically_true((long long)(x) >= 0)
#define __sign_use(x) \
	(is_signed_type(__typeof__(x)) ? (2 + __emu_is_nonneg(x)) : (1 + 2 * (sizeof(x) < 4)))
#define __types_ok(x, y) (__sign_use(x) & __sign_use(y))
#define __types_ok3(x, y, z) (__sign_use(x) & __sign_use(y) & __sign_use(z))

#define __cmp_op_min <
#define __cmp_op_max >
#define __cmp(op, x, y) ((x) __cmp_op_##op (y) ? (x) : (y))

#define __emu_cmp_typed(op, type, x, y, ux, uy) ({ type ux = (x); type uy = (y); __cmp(op, ux, uy); })
#define __emu_cmp_checked(op, x, y, ux, uy) ({ \
		__auto_type ux = (x); __auto_type uy = (y); \
		BUILD_BUG_ON_MSG(!__types_ok(ux, uy), #op "(" #x ", " #y ") signedness error"); \
		__cmp(op, ux, uy); })
#define __emu_cmp3_checked(op, x, y, z, ux, uy, uz) ({ \
		__auto_type ux = (x); __auto_type uy = (y); __auto_type uz = (z); \
		BUILD_BUG_ON_MSG(!__types_ok3(ux, uy, uz), #op "3(" #x ", " #y ", " #z ") signedness error"); \
		__cmp(op, ux, __cmp(op, uy, uz)); })

#define min(x, y) __emu_cmp_checked(min, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define max(x, y) __emu_cmp_checked(max, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
/* Both sides as unsigned: a negative value counts as huge. */
#define umin(x, y) min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y) max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define min3(x, y, z) __emu_cmp3_checked(min, x, y, z, __UNIQUE_ID(x_), __UNIQUE_ID(y_), __UNIQUE_ID(z_))
#define max3(x, y, z) __emu_cmp3_checked(max, x, y, z, __UNIQUE_ID(x_), __UNIQUE_ID(y_), __UNIQUE_ID(z_))
#define min_t(type, x, y) __emu_cmp_typed(min, type, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define max_t(type, x, y) __emu_cmp_typed(max, type, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))

/* The smaller of two values, ignoring a zero (0 only when both are). */
#define min_not_zero(x, y) ({ \
		__typeof__(x) __x = (x); __typeof__(y) __y = (y); \
		__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y)); })

#define __clamp(val, lo, hi) ((val) >= (hi) ? (hi) : ((val) <= (lo) ? (lo) : (val)))
#define __emu_clamp(type, val, lo, hi, uval, ulo, uhi) ({ \
		type uval = (val); type ulo = (lo); type uhi = (hi); \
		BUILD_BUG_ON_MSG(statically_true(ulo > uhi), \
				 "clamp() low limit " #lo " greater than high limit " #hi); \
		BUILD_BUG_ON_MSG(!__types_ok3(uval, ulo, uhi), "clamp(" #val ", " #lo ", " #hi ") signedness error"); \
		__clamp(uval, ulo, uhi); })
#define __careful_clamp(type, val, lo, hi) \
	__emu_clamp(type, val, lo, hi, __UNIQUE_ID(v_), __UNIQUE_ID(l_), __UNIQUE_ID(h_))
#define clamp(val, lo, hi) __careful_clamp(__auto_type, val, lo, hi)
#define clamp_t(type, val, lo, hi) __careful_clamp(type, val, lo, hi)
#define clamp_val(val, lo, hi) __careful_clamp(__typeof__(val), val, lo, hi)

/* The element type without qualifiers, so the running result can be assigned. */
#define __emu_unqual_scalar_typeof(x) __typeof__(_Generic((x), \
		char: (char)0, signed char: (signed char)0, unsigned char: (unsigned char)0, \
		short: (short)0, unsigned short: (unsigned short)0, int: (int)0, unsigned int: (unsigned int)0, \
		long: (long)0, unsigned long: (unsigned long)0, long long: (long long)0, \
		unsigned long long: (unsigned long long)0, default: (x)))
#define __minmax_array(op, array, len) ({ \
		__typeof__(&(array)[0]) __array = (array); \
		__typeof__(len) __len = (len); \
		__emu_unqual_scalar_typeof(__array[0]) __element = __array[--__len]; \
		while (__len--) \
			__element = op(__element, __array[__len]); \
		__element; })
#define min_array(array, len) __minmax_array(min, array, len)
#define max_array(array, len) __minmax_array(max, array, len)

static inline bool in_range64(u64 val, u64 start, u64 len) { return (val - start) < len; }
static inline bool in_range32(u32 val, u32 start, u32 len) { return (val - start) < len; }
/* start <= val < start + len, without overflowing: 32-bit arithmetic when
 * all three fit in it, 64-bit otherwise. */
#define __emu_fits32(v) (sizeof(v) <= sizeof(u32))
#define in_range(val, start, len) \
	((__emu_fits32(val) && __emu_fits32(start) && __emu_fits32(len)) ? \
	 in_range32((val), (start), (len)) : in_range64((val), (start), (len)))

#define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

/* Constant-expression forms, for array sizes and initializers. */
#define MIN(a, b) __cmp(min, a, b)
#define MAX(a, b) __cmp(max, a, b)
#define MIN_T(type, a, b) MIN((type)(a), (type)(b))
#define MAX_T(type, a, b) MAX((type)(a), (type)(b))

#endif /* !__cplusplus */
#endif
