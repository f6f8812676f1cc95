#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
/* Atomics. emu runs every guest CPU on one host thread and switches CPUs
 * only inside calls into the kernel, so a plain read-modify-write through a
 * volatile pointer is already indivisible for the guest -- and costs a few
 * cycles instead of a locked bus operation. */
#include "types.h"

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

#define __EMU_ATOMIC_OPS(pfx, atype, vtype) \
static inline vtype pfx##_read(const atype *v) { return *(const volatile vtype *)&v->counter; } \
static inline void pfx##_set(atype *v, vtype i) { *(volatile vtype *)&v->counter = i; } \
static inline vtype pfx##_fetch_add(vtype i, atype *v) \
{ volatile vtype *p = &v->counter; vtype old = *p; *p = (vtype)(old + i); return old; } \
static inline vtype pfx##_fetch_sub(vtype i, atype *v) { return pfx##_fetch_add((vtype)-i, v); } \
static inline void pfx##_add(vtype i, atype *v) { pfx##_fetch_add(i, v); } \
static inline void pfx##_sub(vtype i, atype *v) { pfx##_fetch_add((vtype)-i, v); } \
static inline void pfx##_inc(atype *v) { pfx##_add(1, v); } \
static inline void pfx##_dec(atype *v) { pfx##_sub(1, v); } \
static inline vtype pfx##_add_return(vtype i, atype *v) { return (vtype)(pfx##_fetch_add(i, v) + i); } \
static inline vtype pfx##_sub_return(vtype i, atype *v) { return (vtype)(pfx##_fetch_add((vtype)-i, v) - i); } \
static inline vtype pfx##_inc_return(atype *v) { return pfx##_add_return(1, v); } \
static inline vtype pfx##_dec_return(atype *v) { return pfx##_sub_return(1, v); } \
static inline bool pfx##_dec_and_test(atype *v) { return pfx##_sub_return(1, v) == 0; } \
static inline bool pfx##_inc_and_test(atype *v) { return pfx##_add_return(1, v) == 0; } \
static inline bool pfx##_sub_and_test(vtype i, atype *v) { return pfx##_sub_return(i, v) == 0; } \
static inline vtype pfx##_xchg(atype *v, vtype n) \
{ volatile vtype *p = &v->counter; vtype old = *p; *p = n; return old; } \
static inline vtype pfx##_cmpxchg(atype *v, vtype old, vtype n) \
{ volatile vtype *p = &v->counter; vtype cur = *p; if (cur == old) *p = n; return cur; } \
static inline bool pfx##_try_cmpxchg(atype *v, vtype *old, vtype n) \
{ vtype cur = pfx##_cmpxchg(v, *old, n); if (cur == *old) return true; *old = cur; return false; } \
static inline vtype pfx##_add_unless(atype *v, vtype a, vtype u) \
{ vtype c = pfx##_read(v); if (c != u) pfx##_set(v, (vtype)(c + a)); return c; } \
static inline bool pfx##_inc_not_zero(atype *v) { return pfx##_add_unless(v, 1, 0) != 0; } \
static inline void pfx##_and(vtype i, atype *v) { volatile vtype *p = &v->counter; *p = (vtype)(*p & i); } \
static inline void pfx##_or(vtype i, atype *v) { volatile vtype *p = &v->counter; *p = (vtype)(*p | i); }

__EMU_ATOMIC_OPS(atomic, atomic_t, int)
__EMU_ATOMIC_OPS(atomic64, atomic64_t, long long)
__EMU_ATOMIC_OPS(atomic_long, atomic_long_t, long)

static inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
static inline unsigned int refcount_read(const refcount_t *r) { return (unsigned int)atomic_read(&r->refs); }
static inline void refcount_inc(refcount_t *r) { atomic_inc(&r->refs); }
static inline bool refcount_dec_and_test(refcount_t *r) { return atomic_dec_and_test(&r->refs); }
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }

#define xchg(ptr, v) ({ __typeof__(*(ptr)) __old = *(volatile __typeof__(*(ptr)) *)(ptr); \
        *(volatile __typeof__(*(ptr)) *)(ptr) = (v); __old; })
#define cmpxchg(ptr, o, n) ({ __typeof__(*(ptr)) __cur = *(volatile __typeof__(*(ptr)) *)(ptr); \
        if (__cur == (o)) *(volatile __typeof__(*(ptr)) *)(ptr) = (n); __cur; })
#endif
