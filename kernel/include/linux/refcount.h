#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H
/* refcount_t: an atomic_t for reference counts that refuses to wrap (6.1
 * include/linux/refcount.h, lib/refcount.c). Any operation that would pass
 * INT_MAX, add to 0 or go below 0 leaves the counter at REFCOUNT_SATURATED
 * (INT_MIN / 2, far from both ends), where it stays -- the object leaks
 * instead of being freed while in use -- and refcount_warn_saturate() WARNs
 * once per kind: "refcount_t: addition on 0; use-after-free." and so on. */
#include "types.h"
#include "atomic.h"
#include "bug.h"
#include "compiler.h"
#include "limits.h"
#include "spinlock.h"

struct mutex;

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n), }
#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

EMU_BEGIN_DECLS
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);
bool __must_check refcount_dec_if_one(refcount_t *r);
bool __must_check refcount_dec_not_one(refcount_t *r);
bool __must_check refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock);
bool __must_check refcount_dec_and_lock(refcount_t *r, spinlock_t *lock);
bool __must_check refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock, unsigned long *flags);
EMU_END_DECLS

static inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
static inline unsigned int refcount_read(const refcount_t *r) { return (unsigned int)atomic_read(&r->refs); }

/* The sums are computed in unsigned arithmetic: a count past INT_MAX shows as negative. */
static inline int __emu_refcount_sum(int a, int b) { return (int)((unsigned int)a + (unsigned int)b); }

/* Adds i unless the count is 0; false if it was 0. *oldp gets the old count. */
static inline bool __must_check __refcount_add_not_zero(int i, refcount_t *r, int *oldp)
{
	int old = atomic_read(&r->refs);
	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg(&r->refs, &old, __emu_refcount_sum(old, i)));
	if (oldp)
		*oldp = old;
	if (unlikely(old < 0 || __emu_refcount_sum(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old;
}
static inline bool __must_check refcount_add_not_zero(int i, refcount_t *r) { return __refcount_add_not_zero(i, r, NULL); }

static inline void __refcount_add(int i, refcount_t *r, int *oldp)
{
	int old = atomic_fetch_add(i, &r->refs);
	if (oldp)
		*oldp = old;
	if (unlikely(!old))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || __emu_refcount_sum(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}
static inline void refcount_add(int i, refcount_t *r) { __refcount_add(i, r, NULL); }

static inline bool __must_check __refcount_inc_not_zero(refcount_t *r, int *oldp)
{ return __refcount_add_not_zero(1, r, oldp); }
static inline bool __must_check refcount_inc_not_zero(refcount_t *r) { return __refcount_inc_not_zero(r, NULL); }
static inline void __refcount_inc(refcount_t *r, int *oldp) { __refcount_add(1, r, oldp); }
static inline void refcount_inc(refcount_t *r) { __refcount_inc(r, NULL); }

/* Subtracts i; true when that took the count to exactly 0 (free the object). */
static inline bool __must_check __refcount_sub_and_test(int i, refcount_t *r, int *oldp)
{
	int old = atomic_fetch_sub(i, &r->refs);
	if (oldp)
		*oldp = old;
	if (old == i) {
		smp_acquire__after_ctrl_dep();
		return true;
	}
	if (unlikely(old < 0 || __emu_refcount_sum(old, -i) < 0))
		refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
	return false;
}
static inline bool __must_check refcount_sub_and_test(int i, refcount_t *r) { return __refcount_sub_and_test(i, r, NULL); }
static inline bool __must_check __refcount_dec_and_test(refcount_t *r, int *oldp)
{ return __refcount_sub_and_test(1, r, oldp); }
static inline bool __must_check refcount_dec_and_test(refcount_t *r) { return __refcount_dec_and_test(r, NULL); }

/* A decrement that must not be the last one: reaching 0 here is a leak. */
static inline void __refcount_dec(refcount_t *r, int *oldp)
{
	int old = atomic_fetch_sub(1, &r->refs);
	if (oldp)
		*oldp = old;
	if (unlikely(old <= 1))
		refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}
static inline void refcount_dec(refcount_t *r) { __refcount_dec(r, NULL); }

#endif
