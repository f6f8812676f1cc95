// round_jiffies() and its family, as 6.1 kernel/time/timer.c defines them
// (round_jiffies_common(); SEMANTICS.md has no entry): CPU n is skewed by 3n jiffies; a time less than HZ/4 past
// a whole second rounds down to it, any other up to the next one (the _up
// forms always up, even from a whole second); the skew is taken off again;
// a result not after jiffies gives back the argument unchanged. The
// _relative forms round jiffies + j and return it minus jiffies.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/completion.h"
#include "kernel/include/linux/irqflags.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/sched.h"
#include "kernel/include/linux/timer.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {
unsigned long hz() { return static_cast<unsigned long>(kernel().cfg.hz); }
// A whole second of jiffies (a multiple of HZ) ten seconds ahead.
unsigned long second_ahead() { return (jiffies_now() / hz() + 10) * hz(); }
}  // namespace

TEST_CASE("__round_jiffies at HZ=250: down below HZ/4 past a second, else up, skewed 3 jiffies per CPU "
          "(6.1 kernel/time/timer.c)",
          "[kernel][timer][round_jiffies]") {
    std::vector<unsigned long> got;
    unsigned long base = 0;
    auto res = run_guest(default_config(4, 250), [&](Machine&) {
        base = second_ahead();
        for (auto [off, cpu] : {std::pair{0ul, 0}, {10ul, 0}, {61ul, 0}, {62ul, 0}, {249ul, 0},  // HZ/4 = 62
                                {10ul, 2}, {55ul, 2}, {56ul, 2}, {245ul, 2}, {0ul, 3}, {53ul, 3}})
            got.push_back(__round_jiffies(base + off, cpu));
        return 0;
    });
    REQUIRE(res.status == 0);
    std::vector<unsigned long> want = {base,       base,       base,       base + 250, base + 250,  // CPU 0
                                       base - 6,   base - 6,   base + 244, base + 244,              // CPU 2: +6
                                       base - 9,   base + 241};                                     // CPU 3: +9
    CHECK(got == want);
}

TEST_CASE("__round_jiffies and __round_jiffies_up at HZ=1000 (6.1 kernel/time/timer.c)", "[kernel][timer][round_jiffies]") {
    std::vector<unsigned long> got;
    unsigned long base = 0;
    auto res = run_guest(default_config(2, 1000), [&](Machine&) {
        base = second_ahead();
        got = {__round_jiffies(base + 249, 0),   __round_jiffies(base + 250, 0),  // HZ/4 = 250
               __round_jiffies(base + 246, 1),   __round_jiffies(base + 247, 1),  // CPU 1: +3
               __round_jiffies(base + 999, 1),   __round_jiffies_up(base, 0),
               __round_jiffies_up(base + 1, 0),  __round_jiffies_up(base + 996, 1),
               __round_jiffies_up(base + 997, 1)};
        return 0;
    });
    REQUIRE(res.status == 0);
    std::vector<unsigned long> want = {base,        base + 1000, base - 3,    base + 997,  base + 997,
                                       base + 1000, base + 1000, base + 997,  base + 1997};
    CHECK(got == want);
}

TEST_CASE("round_jiffies*() never return a time that is not in the future: the argument comes back "
          "(6.1 kernel/time/timer.c)",
          "[kernel][timer][round_jiffies]") {
    unsigned long now = 0, sec = 0;
    std::vector<unsigned long> got;
    auto res = run_guest(default_config(1, 250), [&](Machine&) {
        unsigned long flags;
        local_irq_save(flags);  // one CPU, IRQs off: jiffies holds still
        now = jiffies_now();
        sec = now - now % hz();
        // sec + 1 rounds down to sec, which is not after now.
        got = {__round_jiffies(sec + 1, 0), round_jiffies(sec + 1), __round_jiffies_relative(sec + 1 - now, 0),
               // an hour ago, rounded up, is still in the past
               __round_jiffies_up(now - 3600 * hz(), 0)};
        local_irq_restore(flags);
        return 0;
    });
    REQUIRE(res.status == 0);
    std::vector<unsigned long> want = {sec + 1, sec + 1, sec + 1 - now, now - 3600 * 250};
    CHECK(got == want);
}

TEST_CASE("the _relative forms round jiffies + j and return a delay (6.1 kernel/time/timer.c)",
          "[kernel][timer][round_jiffies]") {
    unsigned long now = 0, base = 0;
    std::vector<unsigned long> got;
    auto res = run_guest(default_config(1, 250), [&](Machine&) {
        unsigned long flags;
        local_irq_save(flags);
        base = second_ahead();
        now = jiffies_now();
        got = {__round_jiffies_relative(base + 10 - now, 0),    round_jiffies_relative(base + 100 - now),
               __round_jiffies_relative(base + 10 - now, 5),    __round_jiffies_up_relative(base - now, 0),
               __round_jiffies_up_relative(base + 10 - now, 5), round_jiffies_up_relative(base + 1 - now)};
        local_irq_restore(flags);
        return 0;
    });
    REQUIRE(res.status == 0);
    std::vector<unsigned long> want = {base - now,       base + 250 - now, base - 15 - now,
                                       base + 250 - now, base + 235 - now, base + 250 - now};
    CHECK(got == want);
}

namespace {
struct OnCpu {
    unsigned long base = 0;
    unsigned long got[2] = {};
    completion done;
};
int round_on_cpu(void* arg) {
    auto* o = static_cast<OnCpu*>(arg);
    o->got[0] = round_jiffies(o->base + 10);
    o->got[1] = round_jiffies_up(o->base + 10);
    complete(&o->done);
    return 0;
}
}  // namespace

TEST_CASE("round_jiffies() and round_jiffies_up() skew by the CPU they run on (6.1 kernel/time/timer.c)",
          "[kernel][timer][round_jiffies]") {
    OnCpu o;
    auto res = run_guest(default_config(4, 250), [&](Machine&) {
        o.base = second_ahead();
        init_completion(&o.done);
        task_struct* t = kthread_create(round_on_cpu, &o, "rounder");
        kthread_bind(t, 3);
        wake_up_process(t);
        wait_for_completion(&o.done);
        return 0;
    });
    REQUIRE(res.status == 0);
    // CPU 3: base + 10 + 9 is 19 past a second -> base, minus 9; up -> base + 250 - 9.
    CHECK(o.got[0] == o.base - 9);
    CHECK(o.got[1] == o.base + 241);
}
