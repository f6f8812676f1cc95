// kernel/time/timekeeping.c's readers and sched_clock() on emu's machine: one
// guest clock. Monotonic, boot and raw time are guest time since boot; the
// wall clock starts at the epoch at boot and is never set, so real (and TAI,
// without an NTP offset) = monotonic. Coarse readers are exact.
#include "kernel/kernel.hpp"

#include "kernel/include/linux/ktime.h"
#include "kernel/include/linux/sched/clock.h"

using namespace emu;
using namespace emu::kern;

namespace {
u64 guest_ns() { return this_kernel().now_ns(); }
void fill_ts64(timespec64* ts, u64 ns) {
    ts->tv_sec = static_cast<time64_t>(ns / NSEC_PER_SEC);
    ts->tv_nsec = static_cast<long>(ns % NSEC_PER_SEC);
}
}  // namespace

extern "C" {

ktime_t ktime_get(void) { return static_cast<ktime_t>(guest_ns()); }
ktime_t ktime_get_raw(void) { return ktime_get(); }
// Every offset (real, boot, TAI) is 0 on this machine.
ktime_t ktime_get_with_offset(enum tk_offsets) { return ktime_get(); }
ktime_t ktime_get_coarse_with_offset(enum tk_offsets) { return ktime_get(); }
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets) { return tmono; }
u32 ktime_get_resolution_ns(void) { return 1; }  // high-resolution mode: 1 ns, as hrtimer_resolution

void ktime_get_ts64(struct timespec64* ts) { fill_ts64(ts, guest_ns()); }
void ktime_get_raw_ts64(struct timespec64* ts) { fill_ts64(ts, guest_ns()); }
void ktime_get_real_ts64(struct timespec64* ts) { fill_ts64(ts, guest_ns()); }
void ktime_get_coarse_ts64(struct timespec64* ts) { fill_ts64(ts, guest_ns()); }
void ktime_get_coarse_real_ts64(struct timespec64* ts) { fill_ts64(ts, guest_ns()); }
// The wall clock at boot: the epoch.
void getboottime64(struct timespec64* ts) { fill_ts64(ts, 0); }

time64_t ktime_get_seconds(void) { return static_cast<time64_t>(guest_ns() / NSEC_PER_SEC); }
time64_t ktime_get_real_seconds(void) { return static_cast<time64_t>(guest_ns() / NSEC_PER_SEC); }
time64_t __ktime_get_real_seconds(void) { return ktime_get_real_seconds(); }

u64 ktime_get_mono_fast_ns(void) { return guest_ns(); }
u64 ktime_get_raw_fast_ns(void) { return guest_ns(); }
u64 ktime_get_boot_fast_ns(void) { return guest_ns(); }
u64 ktime_get_tai_fast_ns(void) { return guest_ns(); }
u64 ktime_get_real_fast_ns(void) { return guest_ns(); }

ktime_t ktime_add_safe(const ktime_t lhs, const ktime_t rhs) {
    ktime_t res;
    if (__builtin_add_overflow(lhs, rhs, &res) || res < 0 || res < lhs || res < rhs) return KTIME_MAX;
    return res;
}

// tv_nsec brought into [0, NSEC_PER_SEC), carrying into tv_sec.
void set_normalized_timespec64(struct timespec64* ts, time64_t sec, s64 nsec) {
    while (nsec >= NSEC_PER_SEC) {
        nsec -= NSEC_PER_SEC;
        ++sec;
    }
    while (nsec < 0) {
        nsec += NSEC_PER_SEC;
        --sec;
    }
    ts->tv_sec = sec;
    ts->tv_nsec = static_cast<long>(nsec);
}

// Negative times round toward minus infinity: tv_nsec stays non-negative.
struct timespec64 ns_to_timespec64(s64 nsec) {
    struct timespec64 ts = {0, 0};
    if (!nsec) return ts;
    s64 rem = nsec % NSEC_PER_SEC;
    ts.tv_sec = nsec / NSEC_PER_SEC;
    if (rem < 0) {
        --ts.tv_sec;
        rem += NSEC_PER_SEC;
    }
    ts.tv_nsec = static_cast<long>(rem);
    return ts;
}

// Saturates at TIME64_MAX seconds (6.1 kernel/time/time.c).
struct timespec64 timespec64_add_safe(const struct timespec64 lhs, const struct timespec64 rhs) {
    struct timespec64 res;
    set_normalized_timespec64(&res, lhs.tv_sec + rhs.tv_sec, lhs.tv_nsec + rhs.tv_nsec);
    if (res.tv_sec < lhs.tv_sec || res.tv_sec < rhs.tv_sec) {
        res.tv_sec = TIME64_MAX;
        res.tv_nsec = 0;
    }
    return res;
}

unsigned long long sched_clock(void) { return guest_ns(); }
u64 sched_clock_cpu(int) { return guest_ns(); }
u64 running_clock(void) { return guest_ns(); }
int sched_clock_stable(void) { return 1; }

}  // extern "C"
