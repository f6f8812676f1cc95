#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
/* Atomics. emu runs every CPU on one host thread and switches only at kernel
 * entry points, so each of these is indivisible; the __atomic builtins keep
 * the compiler from caching values across those entry points. */
#include "types.h"

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

#define __EMU_ATOMIC_OPS(pfx, atype, vtype) \
static inline vtype pfx##_read(const atype *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); } \
static inline void pfx##_set(atype *v, vtype i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void pfx##_add(vtype i, atype *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline void pfx##_sub(vtype i, atype *v) { __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline void pfx##_inc(atype *v) { pfx##_add(1, v); } \
static inline void pfx##_dec(atype *v) { pfx##_sub(1, v); } \
static inline vtype pfx##_add_return(vtype i, atype *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_sub_return(vtype i, atype *v) { return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_fetch_add(vtype i, atype *v) { return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_fetch_sub(vtype i, atype *v) { return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_inc_return(atype *v) { return pfx##_add_return(1, v); } \
static inline vtype pfx##_dec_return(atype *v) { return pfx##_sub_return(1, v); } \
static inline bool pfx##_dec_and_test(atype *v) { return pfx##_sub_return(1, v) == 0; } \
static inline bool pfx##_inc_and_test(atype *v) { return pfx##_add_return(1, v) == 0; } \
static inline bool pfx##_sub_and_test(vtype i, atype *v) { return pfx##_sub_return(i, v) == 0; } \
static inline vtype pfx##_xchg(atype *v, vtype n) { return __atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_cmpxchg(atype *v, vtype old, vtype n) \
{ __atomic_compare_exchange_n(&v->counter, &old, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); return old; } \
static inline bool pfx##_try_cmpxchg(atype *v, vtype *old, vtype n) \
{ return __atomic_compare_exchange_n(&v->counter, old, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
static inline vtype pfx##_add_unless(atype *v, vtype a, vtype u) \
{ vtype c = pfx##_read(v); while (c != u && !pfx##_try_cmpxchg(v, &c, c + a)) { } return c; } \
static inline bool pfx##_inc_not_zero(atype *v) { return pfx##_add_unless(v, 1, 0) != 0; } \
static inline void pfx##_and(vtype i, atype *v) { __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline void pfx##_or(vtype i, atype *v) { __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST); }

__EMU_ATOMIC_OPS(atomic, atomic_t, int)
__EMU_ATOMIC_OPS(atomic64, atomic64_t, long long)
__EMU_ATOMIC_OPS(atomic_long, atomic_long_t, long)

static inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
static inline unsigned int refcount_read(const refcount_t *r) { return (unsigned int)atomic_read(&r->refs); }
static inline void refcount_inc(refcount_t *r) { atomic_inc(&r->refs); }
static inline bool refcount_dec_and_test(refcount_t *r) { return atomic_dec_and_test(&r->refs); }
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }

#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) ({ __typeof__(*(ptr)) __o = (o); \
        __atomic_compare_exchange_n((ptr), &__o, (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); __o; })
#endif
