#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H
/* ktime_t: signed nanoseconds (6.1 include/linux/ktime.h); the clocks
 * themselves are timekeeping.h's, included at the end as on 6.1. */
#include "types.h"
#include "time64.h"
#include "jiffies.h"
static inline ktime_t ktime_set(const s64 secs, const unsigned long nsecs)
{
	if (unlikely(secs >= KTIME_SEC_MAX))
		return KTIME_MAX;
	return secs * NSEC_PER_SEC + (s64)nsecs;
}
#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_unsafe(lhs, rhs) ((u64)(lhs) + (rhs))
#define ktime_add_ns(kt, nsval) ((kt) + (nsval))
#define ktime_sub_ns(kt, nsval) ((kt) - (nsval))
#define ms_to_ktime(ms) ((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us) ((ktime_t)(us) * NSEC_PER_USEC)
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ktime_to_ns(kt) ((s64)(kt))
#define ktime_to_us(kt) ((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt) ((s64)(kt) / NSEC_PER_MSEC)
#define ktime_to_timespec64(kt) ns_to_timespec64((kt))
static inline ktime_t timespec64_to_ktime(struct timespec64 ts) { return ktime_set(ts.tv_sec, ts.tv_nsec); }
static inline int ktime_compare(const ktime_t cmp1, const ktime_t cmp2)
{
	return cmp1 < cmp2 ? -1 : cmp1 > cmp2 ? 1 : 0;
}
static inline bool ktime_after(const ktime_t cmp1, const ktime_t cmp2) { return ktime_compare(cmp1, cmp2) > 0; }
static inline bool ktime_before(const ktime_t cmp1, const ktime_t cmp2) { return ktime_compare(cmp1, cmp2) < 0; }
static inline s64 ktime_divns(const ktime_t kt, s64 div) { return kt / div; }
static inline s64 ktime_us_delta(const ktime_t later, const ktime_t earlier) { return ktime_to_us(later - earlier); }
static inline s64 ktime_ms_delta(const ktime_t later, const ktime_t earlier) { return ktime_to_ms(later - earlier); }
static inline ktime_t ktime_add_us(const ktime_t kt, const u64 usec) { return kt + (ktime_t)(usec * NSEC_PER_USEC); }
static inline ktime_t ktime_add_ms(const ktime_t kt, const u64 msec) { return kt + (ktime_t)(msec * NSEC_PER_MSEC); }
static inline ktime_t ktime_sub_us(const ktime_t kt, const u64 usec) { return kt - (ktime_t)(usec * NSEC_PER_USEC); }
static inline ktime_t ktime_sub_ms(const ktime_t kt, const u64 msec) { return kt - (ktime_t)(msec * NSEC_PER_MSEC); }
EMU_BEGIN_DECLS
ktime_t ktime_add_safe(const ktime_t lhs, const ktime_t rhs);
EMU_END_DECLS
static inline bool ktime_to_timespec64_cond(const ktime_t kt, struct timespec64 *ts)
{
	if (kt) {
		*ts = ktime_to_timespec64(kt);
		return true;
	}
	return false;
}
#include "timekeeping.h"
#endif
