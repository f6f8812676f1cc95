/* emu guest ABI: compiler helpers shared by GNU C11 guest code and the C++20 kernel. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#ifdef __cplusplus
#define EMU_BEGIN_DECLS extern "C" {
#define EMU_END_DECLS }
#else
#define EMU_BEGIN_DECLS
#define EMU_END_DECLS
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
/* Short attribute spellings clash with the C++ standard library's own use of
 * the same words, so the C++ side (the kernel, tests) goes without them. */
#ifndef __cplusplus
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define noinline __attribute__((__noinline__))
#define __maybe_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __cold __attribute__((__cold__))
#define __must_check __attribute__((__warn_unused_result__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define fallthrough __attribute__((__fallthrough__))
#endif
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __force
#define __latent_entropy
#define __read_mostly
/* Token pasting and names unique in a translation unit (6.1 compiler_types.h). */
#ifndef __PASTE
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#endif
#ifndef __UNIQUE_ID
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#endif
/* The kernel's result check, for C++ too: no C++ library header uses the name. */
#ifndef __must_check
#define __must_check __attribute__((__warn_unused_result__))
#endif
/* 6.1 compiler.h: a type's signedness, and "known true at compile time". */
#define is_signed_type(type) (((type)(-1)) < (__force type)1)
#define statically_true(x) (__builtin_constant_p(x) && (x))
/* A build error naming `msg` when `condition` is known false once optimized
 * (6.1 compiler_types.h); guest modules always build with -O2. */
#ifdef __cplusplus
#define compiletime_assert(condition, msg) do { } while (0)
#else
#define __emu_compiletime_assert(condition, msg, fn) do { \
		extern void fn(void) __attribute__((__error__(msg))); \
		if (!(condition)) fn(); \
	} while (0)
#define compiletime_assert(condition, msg) \
	__emu_compiletime_assert(condition, msg, __PASTE(__compiletime_assert_, __COUNTER__))
#endif
/* gcc's "call to 'fn' declared with attribute warning: msg" wherever a call to
 * fn survives optimization (6.1 compiler_attributes.h). */
#define __compiletime_warning(msg) __attribute__((__warning__(msg)))
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define smp_mb() __sync_synchronize()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define mb() smp_mb()
#define rmb() barrier()
#define wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

#endif
