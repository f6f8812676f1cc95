#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H
#include "types.h"
#include "jiffies.h"
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define USEC_PER_MSEC 1000L
#define MSEC_PER_SEC 1000L
#define USEC_PER_SEC 1000000L
struct timespec64 { long long tv_sec; long tv_nsec; };
static inline ktime_t ktime_set(const s64 secs, const unsigned long nsecs) { return secs * NSEC_PER_SEC + (s64)nsecs; }
#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_ns(kt, nsval) ((kt) + (nsval))
#define ms_to_ktime(ms) ((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us) ((ktime_t)(us) * NSEC_PER_USEC)
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ktime_to_ns(kt) ((s64)(kt))
#define ktime_to_us(kt) ((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt) ((s64)(kt) / NSEC_PER_MSEC)
EMU_BEGIN_DECLS
ktime_t ktime_get(void);
u64 ktime_get_ns(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_real(void);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
u64 local_clock(void);
EMU_END_DECLS
#endif
