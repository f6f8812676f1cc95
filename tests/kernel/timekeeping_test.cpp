// The clocks of 6.1 include/linux/timekeeping.h, linux/ktime.h,
// linux/time64.h and linux/sched/clock.h on emu's machine (kernel/timekeeping.cpp):
// one guest clock; boot = monotonic; the wall clock starts at the epoch.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/ktime.h"
#include "kernel/include/linux/sched/clock.h"
#include "kernel/include/linux/timekeeping.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

TEST_CASE("timekeeping: every reader follows the guest clock", "[kernel][timekeeping]") {
    u64 before = 0, mono = 0, after = 0, real_ns = 0, boot_ns = 0, raw_ns = 0, tai_ns = 0, coarse = 0, sched = 0,
        local = 0, cpu0 = 0, running = 0;
    time64_t secs = -1, real_secs = -1, boot_secs = -1;
    timespec64 ts{}, rts{}, bts{};
    run_guest(default_config(2), [&](Machine&) {
        sleep_ns(2'500'000'000ull);
        before = now_ns();
        mono = ktime_get_ns();
        real_ns = ktime_get_real_ns();
        boot_ns = ktime_get_boottime_ns();
        raw_ns = ktime_get_raw_ns();
        tai_ns = ktime_get_clocktai_ns();
        coarse = ktime_get_coarse_ns();
        sched = sched_clock();
        local = local_clock();
        cpu0 = cpu_clock(0);
        running = running_clock();
        secs = ktime_get_seconds();
        real_secs = ktime_get_real_seconds();
        boot_secs = ktime_get_boottime_seconds();
        ktime_get_ts64(&ts);
        ktime_get_real_ts64(&rts);
        ktime_get_boottime_ts64(&bts);
        after = now_ns();
        return 0;
    });
    for (u64 v : {mono, real_ns, boot_ns, raw_ns, tai_ns, coarse, sched, local, cpu0, running}) {
        CHECK(v >= before);
        CHECK(v <= after);
    }
    CHECK(before >= 2'500'000'000ull);
    CHECK(secs == static_cast<time64_t>(before / 1'000'000'000ull));
    CHECK(real_secs == secs);
    CHECK(boot_secs == secs);
    CHECK(ts.tv_sec == secs);
    CHECK(rts.tv_sec == secs);
    CHECK(bts.tv_sec == secs);
    CHECK(ts.tv_nsec >= 0);
    CHECK(ts.tv_nsec < NSEC_PER_SEC);
}

TEST_CASE("time64 and ktime helpers: 6.1's normalisation, saturation and rounding", "[kernel][timekeeping]") {
    timespec64 t = ns_to_timespec64(-1);
    CHECK(t.tv_sec == -1);
    CHECK(t.tv_nsec == 999'999'999);
    t = ns_to_timespec64(3'000'000'005ll);
    CHECK(t.tv_sec == 3);
    CHECK(t.tv_nsec == 5);
    timespec64 a{1, 900'000'000}, b{0, 200'000'000};
    timespec64 s = timespec64_add(a, b);
    CHECK(s.tv_sec == 2);
    CHECK(s.tv_nsec == 100'000'000);
    timespec64 d = timespec64_sub(b, a);
    CHECK(d.tv_sec == -2);
    CHECK(d.tv_nsec == 300'000'000);
    CHECK(timespec64_compare(&a, &b) > 0);
    CHECK(timespec64_to_ns(&a) == 1'900'000'000ll);
    timespec64 huge{KTIME_SEC_MAX, 0};
    CHECK(timespec64_to_ns(&huge) == KTIME_MAX);
    CHECK(ktime_set(KTIME_SEC_MAX, 0) == KTIME_MAX);
    CHECK(ktime_add_safe(KTIME_MAX - 1, 5) == KTIME_MAX);
    CHECK(ktime_us_delta(ms_to_ktime(3), us_to_ktime(500)) == 2500);
    CHECK(ktime_after(2, 1));
    CHECK(ktime_before(1, 2));
    CHECK(ktime_compare(5, 5) == 0);
    timespec64 sum = timespec64_add_safe(timespec64{TIME64_MAX, 0}, timespec64{1, 0});
    CHECK(sum.tv_sec == TIME64_MAX);
    CHECK(sum.tv_nsec == 0);
}
