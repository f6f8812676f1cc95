#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H
/* 6.1's clock readers. On emu's machine: monotonic = guest time since boot;
 * boot time = monotonic (the guest never suspends); raw = monotonic (no NTP);
 * real time = the epoch plus monotonic (the wall clock starts at 1970 at
 * boot and is never set); TAI = real (no TAI offset until NTP sets one).
 * The coarse readers are exact here. */
#include "errno.h"
#include "time64.h"

enum tk_offsets {
	TK_OFFS_REAL,
	TK_OFFS_BOOT,
	TK_OFFS_TAI,
	TK_OFFS_MAX,
};

EMU_BEGIN_DECLS
void ktime_get_raw_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *tv);
void ktime_get_coarse_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
void getboottime64(struct timespec64 *ts);
time64_t ktime_get_seconds(void);
time64_t __ktime_get_real_seconds(void);
time64_t ktime_get_real_seconds(void);
ktime_t ktime_get(void);
ktime_t ktime_get_with_offset(enum tk_offsets offs);
ktime_t ktime_get_coarse_with_offset(enum tk_offsets offs);
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs);
ktime_t ktime_get_raw(void);
u32 ktime_get_resolution_ns(void);
u64 ktime_get_mono_fast_ns(void);
u64 ktime_get_raw_fast_ns(void);
u64 ktime_get_boot_fast_ns(void);
u64 ktime_get_tai_fast_ns(void);
u64 ktime_get_real_fast_ns(void);
/* Setting the wall clock: declared, not modelled (insmod: Unknown symbol). */
int do_settimeofday64(const struct timespec64 *ts);
EMU_END_DECLS

static inline ktime_t ktime_get_real(void) { return ktime_get_with_offset(TK_OFFS_REAL); }
static inline ktime_t ktime_get_coarse_real(void) { return ktime_get_coarse_with_offset(TK_OFFS_REAL); }
static inline ktime_t ktime_get_boottime(void) { return ktime_get_with_offset(TK_OFFS_BOOT); }
static inline ktime_t ktime_get_coarse_boottime(void) { return ktime_get_coarse_with_offset(TK_OFFS_BOOT); }
static inline ktime_t ktime_get_clocktai(void) { return ktime_get_with_offset(TK_OFFS_TAI); }
static inline ktime_t ktime_get_coarse_clocktai(void) { return ktime_get_coarse_with_offset(TK_OFFS_TAI); }
static inline ktime_t ktime_get_coarse(void)
{
	struct timespec64 ts;
	ktime_get_coarse_ts64(&ts);
	return timespec64_to_ns(&ts);
}
static inline u64 ktime_get_coarse_ns(void) { return (u64)ktime_get_coarse(); }
static inline u64 ktime_get_coarse_real_ns(void) { return (u64)ktime_get_coarse_real(); }
static inline u64 ktime_get_coarse_boottime_ns(void) { return (u64)ktime_get_coarse_boottime(); }
static inline u64 ktime_get_coarse_clocktai_ns(void) { return (u64)ktime_get_coarse_clocktai(); }
static inline ktime_t ktime_mono_to_real(ktime_t mono) { return ktime_mono_to_any(mono, TK_OFFS_REAL); }
static inline u64 ktime_get_ns(void) { return (u64)ktime_get(); }
static inline u64 ktime_get_real_ns(void) { return (u64)ktime_get_real(); }
static inline u64 ktime_get_boottime_ns(void) { return (u64)ktime_get_boottime(); }
static inline u64 ktime_get_clocktai_ns(void) { return (u64)ktime_get_clocktai(); }
static inline u64 ktime_get_raw_ns(void) { return (u64)ktime_get_raw(); }
static inline void ktime_get_boottime_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_boottime());
}
static inline void ktime_get_coarse_boottime_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse_boottime());
}
static inline time64_t ktime_get_boottime_seconds(void)
{
	return (time64_t)(ktime_get_coarse_boottime() / NSEC_PER_SEC);
}
static inline void ktime_get_clocktai_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_clocktai());
}
static inline void ktime_get_coarse_clocktai_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse_clocktai());
}
static inline time64_t ktime_get_clocktai_seconds(void)
{
	return (time64_t)(ktime_get_coarse_clocktai() / NSEC_PER_SEC);
}
#endif
