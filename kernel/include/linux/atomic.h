#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
/* Atomics: atomic_t (int), atomic64_t (s64) and atomic_long_t (long, the
 * same type as atomic64_t on 64-bit), with 6.1's whole operation set
 * (include/linux/atomic/atomic-instrumented.h and its fallbacks).
 *
 * emu runs every guest CPU on one host thread and switches CPUs only inside
 * calls into the kernel, so a plain read-modify-write through a volatile
 * pointer is already indivisible for the guest -- and costs a few cycles
 * instead of a locked bus operation. For the same reason every ordering
 * variant (_acquire, _release, _relaxed) is the fully ordered operation. */
#include "types.h"
#include "compiler.h"

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

/* One operation `op` returning the new value, the old value, or nothing,
 * on the counter of `atype` (value type `vtype`), spelled `pfx`_... */
#define __EMU_ATOMIC_ORDERINGS(pfx, name, ret, params, args) \
static inline ret pfx##_##name##_acquire params { return pfx##_##name args; } \
static inline ret pfx##_##name##_release params { return pfx##_##name args; } \
static inline ret pfx##_##name##_relaxed params { return pfx##_##name args; }

#define __EMU_ATOMIC_OP(pfx, atype, vtype, op, expr) \
static inline void pfx##_##op(vtype i, atype *v) \
{ volatile vtype *p = &v->counter; vtype old = *p; *p = (vtype)(expr); } \
static inline vtype pfx##_fetch_##op(vtype i, atype *v) \
{ volatile vtype *p = &v->counter; vtype old = *p; *p = (vtype)(expr); return old; } \
__EMU_ATOMIC_ORDERINGS(pfx, fetch_##op, vtype, (vtype i, atype *v), (i, v))

#define __EMU_ATOMIC_RETURN_OP(pfx, atype, vtype, op, expr) \
__EMU_ATOMIC_OP(pfx, atype, vtype, op, expr) \
static inline vtype pfx##_##op##_return(vtype i, atype *v) \
{ volatile vtype *p = &v->counter; vtype old = *p; vtype new_ = (vtype)(expr); *p = new_; return new_; } \
__EMU_ATOMIC_ORDERINGS(pfx, op##_return, vtype, (vtype i, atype *v), (i, v))

#define __EMU_ATOMIC_FAMILY(pfx, atype, vtype) \
static inline vtype pfx##_read(const atype *v) { return *(const volatile vtype *)&v->counter; } \
static inline vtype pfx##_read_acquire(const atype *v) { return pfx##_read(v); } \
static inline void pfx##_set(atype *v, vtype i) { *(volatile vtype *)&v->counter = i; } \
static inline void pfx##_set_release(atype *v, vtype i) { pfx##_set(v, i); } \
/* arithmetic wraps, as the kernel is built with -fno-strict-overflow */ \
__EMU_ATOMIC_RETURN_OP(pfx, atype, vtype, add, (unsigned long long)old + (unsigned long long)i) \
__EMU_ATOMIC_RETURN_OP(pfx, atype, vtype, sub, (unsigned long long)old - (unsigned long long)i) \
__EMU_ATOMIC_OP(pfx, atype, vtype, and, old & i) \
__EMU_ATOMIC_OP(pfx, atype, vtype, andnot, old & ~i) \
__EMU_ATOMIC_OP(pfx, atype, vtype, or, old | i) \
__EMU_ATOMIC_OP(pfx, atype, vtype, xor, old ^ i) \
static inline void pfx##_inc(atype *v) { pfx##_add(1, v); } \
static inline void pfx##_dec(atype *v) { pfx##_sub(1, v); } \
static inline vtype pfx##_inc_return(atype *v) { return pfx##_add_return(1, v); } \
static inline vtype pfx##_dec_return(atype *v) { return pfx##_sub_return(1, v); } \
static inline vtype pfx##_fetch_inc(atype *v) { return pfx##_fetch_add(1, v); } \
static inline vtype pfx##_fetch_dec(atype *v) { return pfx##_fetch_sub(1, v); } \
__EMU_ATOMIC_ORDERINGS(pfx, inc_return, vtype, (atype *v), (v)) \
__EMU_ATOMIC_ORDERINGS(pfx, dec_return, vtype, (atype *v), (v)) \
__EMU_ATOMIC_ORDERINGS(pfx, fetch_inc, vtype, (atype *v), (v)) \
__EMU_ATOMIC_ORDERINGS(pfx, fetch_dec, vtype, (atype *v), (v)) \
static inline vtype pfx##_xchg(atype *v, vtype n) \
{ volatile vtype *p = &v->counter; vtype old = *p; *p = n; return old; } \
/* Stores n if the counter is o; returns what the counter was. */ \
static inline vtype pfx##_cmpxchg(atype *v, vtype o, vtype n) \
{ volatile vtype *p = &v->counter; vtype cur = *p; if (cur == o) *p = n; return cur; } \
/* cmpxchg that returns success, and on failure updates *o to the value seen. */ \
static inline bool pfx##_try_cmpxchg(atype *v, vtype *o, vtype n) \
{ vtype cur = pfx##_cmpxchg(v, *o, n); if (cur == *o) return true; *o = cur; return false; } \
__EMU_ATOMIC_ORDERINGS(pfx, xchg, vtype, (atype *v, vtype n), (v, n)) \
__EMU_ATOMIC_ORDERINGS(pfx, cmpxchg, vtype, (atype *v, vtype o, vtype n), (v, o, n)) \
__EMU_ATOMIC_ORDERINGS(pfx, try_cmpxchg, bool, (atype *v, vtype *o, vtype n), (v, o, n)) \
static inline bool pfx##_sub_and_test(vtype i, atype *v) { return pfx##_sub_return(i, v) == 0; } \
static inline bool pfx##_dec_and_test(atype *v) { return pfx##_dec_return(v) == 0; } \
static inline bool pfx##_inc_and_test(atype *v) { return pfx##_inc_return(v) == 0; } \
static inline bool pfx##_add_negative(vtype i, atype *v) { return pfx##_add_return(i, v) < 0; } \
/* Adds a unless the counter is u; returns the old value / whether it added. */ \
static inline vtype pfx##_fetch_add_unless(atype *v, vtype a, vtype u) \
{ vtype c = pfx##_read(v); if (c != u) pfx##_set(v, (vtype)((unsigned long long)c + (unsigned long long)a)); return c; } \
static inline bool pfx##_add_unless(atype *v, vtype a, vtype u) { return pfx##_fetch_add_unless(v, a, u) != u; } \
static inline bool pfx##_inc_not_zero(atype *v) { return pfx##_add_unless(v, 1, 0); } \
static inline bool pfx##_inc_unless_negative(atype *v) \
{ vtype c = pfx##_read(v); if (c < 0) return false; pfx##_set(v, c + 1); return true; } \
static inline bool pfx##_dec_unless_positive(atype *v) \
{ vtype c = pfx##_read(v); if (c > 0) return false; pfx##_set(v, c - 1); return true; } \
/* Decrements only if the result stays >= 0; returns old - 1 either way. */ \
static inline vtype pfx##_dec_if_positive(atype *v) \
{ vtype c = pfx##_read(v), d = c - 1; if (d >= 0) pfx##_set(v, d); return d; }

__EMU_ATOMIC_FAMILY(atomic, atomic_t, int)
__EMU_ATOMIC_FAMILY(atomic64, atomic64_t, s64)

/* atomic_long_t is atomic64_t: the same operations, in long. */
#define __EMU_ATOMIC_LONG_FWD(name, ret, params, args) \
static inline ret atomic_long_##name params { return (ret)atomic64_##name args; } \
static inline ret atomic_long_##name##_acquire params { return (ret)atomic64_##name args; } \
static inline ret atomic_long_##name##_release params { return (ret)atomic64_##name args; } \
static inline ret atomic_long_##name##_relaxed params { return (ret)atomic64_##name args; }
#define __EMU_ATOMIC_LONG_VOID(name, params, args) \
static inline void atomic_long_##name params { atomic64_##name args; }

static inline long atomic_long_read(const atomic_long_t *v) { return (long)atomic64_read(v); }
static inline long atomic_long_read_acquire(const atomic_long_t *v) { return (long)atomic64_read(v); }
static inline void atomic_long_set(atomic_long_t *v, long i) { atomic64_set(v, i); }
static inline void atomic_long_set_release(atomic_long_t *v, long i) { atomic64_set(v, i); }
__EMU_ATOMIC_LONG_VOID(add, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(sub, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(and, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(andnot, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(or, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(xor, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_VOID(inc, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_VOID(dec, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_FWD(add_return, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(sub_return, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(inc_return, long, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_FWD(dec_return, long, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_FWD(fetch_add, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(fetch_sub, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(fetch_inc, long, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_FWD(fetch_dec, long, (atomic_long_t *v), (v))
__EMU_ATOMIC_LONG_FWD(fetch_and, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(fetch_andnot, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(fetch_or, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(fetch_xor, long, (long i, atomic_long_t *v), (i, v))
__EMU_ATOMIC_LONG_FWD(xchg, long, (atomic_long_t *v, long n), (v, n))
__EMU_ATOMIC_LONG_FWD(cmpxchg, long, (atomic_long_t *v, long o, long n), (v, o, n))
__EMU_ATOMIC_LONG_FWD(try_cmpxchg, bool, (atomic_long_t *v, long *o, long n), (v, (s64 *)o, n))
static inline bool atomic_long_sub_and_test(long i, atomic_long_t *v) { return atomic64_sub_and_test(i, v); }
static inline bool atomic_long_dec_and_test(atomic_long_t *v) { return atomic64_dec_and_test(v); }
static inline bool atomic_long_inc_and_test(atomic_long_t *v) { return atomic64_inc_and_test(v); }
static inline bool atomic_long_add_negative(long i, atomic_long_t *v) { return atomic64_add_negative(i, v); }
static inline long atomic_long_fetch_add_unless(atomic_long_t *v, long a, long u)
{ return (long)atomic64_fetch_add_unless(v, a, u); }
static inline bool atomic_long_add_unless(atomic_long_t *v, long a, long u) { return atomic64_add_unless(v, a, u); }
static inline bool atomic_long_inc_not_zero(atomic_long_t *v) { return atomic64_inc_not_zero(v); }
static inline bool atomic_long_inc_unless_negative(atomic_long_t *v) { return atomic64_inc_unless_negative(v); }
static inline bool atomic_long_dec_unless_positive(atomic_long_t *v) { return atomic64_dec_unless_positive(v); }
static inline long atomic_long_dec_if_positive(atomic_long_t *v) { return (long)atomic64_dec_if_positive(v); }

/* xchg()/cmpxchg() on any scalar lvalue; try_cmpxchg() updates *po on failure. */
#define xchg(ptr, v) ({ __typeof__(*(ptr)) __old = *(volatile __typeof__(*(ptr)) *)(ptr); \
        *(volatile __typeof__(*(ptr)) *)(ptr) = (v); __old; })
#define cmpxchg(ptr, o, n) ({ __typeof__(*(ptr)) __cur = *(volatile __typeof__(*(ptr)) *)(ptr); \
        if (__cur == (o)) *(volatile __typeof__(*(ptr)) *)(ptr) = (n); __cur; })
#define try_cmpxchg(ptr, po, n) ({ __typeof__(*(ptr)) *__po = (po); \
        __typeof__(*(ptr)) __seen = cmpxchg((ptr), *__po, (n)); \
        bool __ok = __seen == *__po; if (!__ok) *__po = __seen; __ok; })
#define xchg_acquire xchg
#define xchg_release xchg
#define xchg_relaxed xchg
#define cmpxchg_acquire cmpxchg
#define cmpxchg_release cmpxchg
#define cmpxchg_relaxed cmpxchg
#define cmpxchg_local cmpxchg
#define cmpxchg64 cmpxchg
#define cmpxchg64_relaxed cmpxchg
#define cmpxchg64_local cmpxchg
#define try_cmpxchg_acquire try_cmpxchg
#define try_cmpxchg_release try_cmpxchg
#define try_cmpxchg_relaxed try_cmpxchg

/* asm/barrier.h's one-sided barriers; on emu's one host thread every access
 * is already ordered, so they order the compiler only. */
#ifndef smp_load_acquire
#define smp_load_acquire(p) ({ __typeof__(*(p)) ___v = READ_ONCE(*(p)); barrier(); ___v; })
#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), v); } while (0)
#endif
#define smp_acquire__after_ctrl_dep() barrier()
/* Spins (a preemption point per pass) until cond_expr, which reads VAL, holds. */
#define smp_cond_load_relaxed(ptr, cond_expr) ({ \
        __typeof__(ptr) __PTR = (ptr); __typeof__(*(ptr)) VAL; \
        for (;;) { VAL = READ_ONCE(*__PTR); if (cond_expr) break; cpu_relax(); } \
        VAL; })
#define smp_cond_load_acquire smp_cond_load_relaxed
#define atomic_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic64_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic64_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_long_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_long_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
EMU_BEGIN_DECLS
void cpu_relax(void);
EMU_END_DECLS

#endif
