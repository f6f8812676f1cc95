// The timer wheel (SEMANTICS §4): Linux's levels and round-up, return values,
// which CPU runs a callback, timer_delete_sync, and sleeps built on timers.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/printk.h"
#include "kernel/include/linux/sched.h"
#include "kernel/include/linux/timer.h"
#include "kernel/timer.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
struct T {
    timer_list timer;
    std::vector<unsigned long> fired_at;
    std::vector<int> cpus;
    std::vector<std::string> comms;
    unsigned long period = 0;
    int rearm = 0;
};
void record(timer_list* t) {
    T* s = from_timer(s, t, timer);
    s->fired_at.push_back(jiffies_now());
    s->cpus.push_back(smp_processor_id());
    s->comms.push_back(get_current()->comm);
    if (s->rearm-- > 0) mod_timer(&s->timer, jiffies_now() + s->period);
}
// The jiffy at which Linux 6.1's wheel runs a timer armed for `expires` when
// the base's clock is `clk` (calc_wheel_index: the level from the delta, the
// expiry rounded up by one granule of that level).
unsigned long wheel_expiry(unsigned long clk, unsigned long expires) {
    unsigned long delta = expires - clk;
    for (int lvl = 0; lvl < 8; ++lvl) {
        unsigned long start_next = 63ul << (3 * lvl);  // LVL_START(lvl + 1)
        if (delta < start_next) return ((expires >> (3 * lvl)) + 1) << (3 * lvl);
    }
    return 0;
}
}  // namespace

TEST_CASE("mod_timer returns 0 for an inactive timer and 1 for a pending one; del_timer likewise (SEMANTICS §4.6)",
          "[kernel][timer]") {
    int r1 = -1, r2 = -1, r3 = -1, d1 = -1, d2 = -1, pending_after_mod = -1;
    T s;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        r1 = mod_timer(&s.timer, jiffies_now() + 100);
        pending_after_mod = timer_pending(&s.timer);
        r2 = mod_timer(&s.timer, jiffies_now() + 200);
        r3 = mod_timer(&s.timer, s.timer.expires);  // same expiry: shortcut, still 1
        d1 = del_timer(&s.timer);
        d2 = del_timer(&s.timer);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(r1 == 0);
    CHECK(pending_after_mod == 1);
    CHECK(r2 == 1);
    CHECK(r3 == 1);
    CHECK(d1 == 1);
    CHECK(d2 == 0);
    CHECK(s.fired_at.empty());
}

TEST_CASE("a 250-jiffy timer at HZ=250 fires on the next multiple of 8 jiffies above its expiry (SEMANTICS §4.4)",
          "[kernel][timer]") {
    T s;
    unsigned long armed = 0;
    auto res = run_guest(default_config(2, 250), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        armed = jiffies_now();
        mod_timer(&s.timer, armed + 250);
        msleep(1500);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(s.fired_at.size() == 1);
    unsigned long expected = (((armed + 250) >> 3) + 1) << 3;
    CHECK(s.fired_at[0] == expected);
    CHECK(s.fired_at[0] % 8 == 0);
    CHECK(s.fired_at[0] > armed + 250);
    CHECK(s.comms[0].rfind("swapper/", 0) == 0);  // the idle task was interrupted
}

TEST_CASE("a self-re-arming jiffies + HZ timer has a period of 256 jiffies at HZ=250 (SEMANTICS §4.4)",
          "[kernel][timer]") {
    T s;
    s.period = 250;
    s.rearm = 5;
    auto res = run_guest(default_config(2, 250), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        mod_timer(&s.timer, jiffies_now() + 250);
        msleep(7000);
        del_timer_sync(&s.timer);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(s.fired_at.size() == 6);
    for (std::size_t i = 1; i < s.fired_at.size(); ++i) CHECK(s.fired_at[i] - s.fired_at[i - 1] == 256);
}

TEST_CASE("expiries at every wheel level round up to the level's granularity and never fire early (SEMANTICS §4.3-4.4)",
          "[kernel][timer]") {
    for (int hz : {100, 250, 1000}) {
        std::vector<unsigned long> deltas = {1, 2, 10, 62, 63, 64, 100, 503, 504, 1000, 4031, 4032, 9000};
        std::vector<T> timers(deltas.size());
        std::vector<unsigned long> armed(deltas.size()), clk(deltas.size());
        auto res = run_guest(default_config(2, hz), [&](Machine&) {
            msleep(1);  // start right after a tick, like most callers
            for (std::size_t i = 0; i < deltas.size(); ++i) {
                timer_setup(&timers[i].timer, record, 0);
                armed[i] = jiffies_now();
                mod_timer(&timers[i].timer, armed[i] + deltas[i]);
                clk[i] = kernel().cpu(smp_processor_id()).timer_base[0].clk;
            }
            sleep_ns(static_cast<std::uint64_t>(11000.0 / hz * 1e9));
            return 0;
        });
        REQUIRE(res.status == 0);
        for (std::size_t i = 0; i < deltas.size(); ++i) {
            INFO("HZ=" << hz << " delta=" << deltas[i]);
            REQUIRE(timers[i].fired_at.size() == 1);
            CHECK(timers[i].fired_at[0] > armed[i] + deltas[i] - 1);  // never early
            CHECK(timers[i].fired_at[0] == wheel_expiry(clk[i], armed[i] + deltas[i]));
        }
    }
}

TEST_CASE("msleep(200) at HZ=250 takes 208 ms (51 jiffies + the wheel's +1, SEMANTICS §7.2)", "[kernel][timer]") {
    std::uint64_t start = 0, end = 0;
    unsigned long j0 = 0, j1 = 0;
    auto res = run_guest(default_config(2, 250), [&](Machine&) {
        msleep(1);  // align to a tick
        j0 = jiffies_now();
        start = now_ns();
        msleep(200);
        end = now_ns();
        j1 = jiffies_now();
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(j1 - j0 == 52);
    CHECK(end - start > 204'000'000);
    CHECK(end - start <= 208'100'000);
}

TEST_CASE("msecs_to_jiffies rounds up; time_after handles wrap (SEMANTICS §4.1)", "[kernel][timer]") {
    std::vector<unsigned long> at250, at300;
    bool wrap_ok = false;
    run_guest(default_config(1, 250), [&](Machine&) {
        for (unsigned ms : {0u, 1u, 4u, 5u, 10u, 1000u}) at250.push_back(msecs_to_jiffies(ms));
        unsigned long a = 0xfffffffffffffff0ul, b = a + 0x20;  // b wrapped past zero
        wrap_ok = time_after(b, a) && time_before(a, b) && !time_after(a, b);
        return 0;
    });
    run_guest(default_config(1, 300), [&](Machine&) {
        for (unsigned ms : {1u, 10u, 1000u}) at300.push_back(msecs_to_jiffies(ms));
        return 0;
    });
    CHECK(at250 == std::vector<unsigned long>{0, 1, 1, 2, 3, 250});
    CHECK(at300 == std::vector<unsigned long>{1, 3, 300});
    CHECK(wrap_ok);
}

TEST_CASE("add_timer_on runs the callback on that CPU, in TIMER softirq context", "[kernel][timer]") {
    T s;
    auto res = run_guest(default_config(2), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        s.timer.expires = jiffies_now() + 3;
        add_timer_on(&s.timer, 1);
        msleep(50);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(s.cpus.size() == 1);
    CHECK(s.cpus[0] == 1);
}

namespace {
struct Slow {
    timer_list timer;
    volatile int started = 0, finished = 0;
};
void slow_cb(timer_list* t) {
    Slow* s = from_timer(s, t, timer);
    s->started = 1;
    mdelay(20);
    s->finished = 1;
}
}  // namespace

TEST_CASE("del_timer_sync waits for a callback running on the other CPU (SEMANTICS §4.6)", "[kernel][timer]") {
    Slow s;
    int finished_when_returned = -1, ret = -1;
    auto res = run_guest(default_config(2), [&](Machine&) {
        timer_setup(&s.timer, slow_cb, 0);
        s.timer.expires = jiffies_now() + 2;
        add_timer_on(&s.timer, 1 - smp_processor_id());
        while (!s.started) cpu_relax();
        ret = del_timer_sync(&s.timer);
        finished_when_returned = s.finished;
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(finished_when_returned == 1);
    CHECK(ret == 0);  // it was not pending any more, only running
}

TEST_CASE("mod_timer re-homes a timer to the calling CPU's base, pending or not (SEMANTICS §4.5)", "[kernel][timer]") {
    T s;
    int here = -1;
    task_struct* other = nullptr;
    auto res = run_guest(default_config(2), [&](Machine&) {
        here = smp_processor_id();
        timer_setup(&s.timer, record, 0);
        s.timer.expires = jiffies_now() + 50;
        add_timer_on(&s.timer, 1 - here);  // pending on the other CPU
        mod_timer(&s.timer, jiffies_now() + 3);
        msleep(50);
        // Not pending now: armed by a thread of the other CPU, it runs there.
        other = kthread_create([](void* p) {
            auto* st = static_cast<T*>(p);
            mod_timer(&st->timer, jiffies_now() + 3);
            mdelay(40);
            return 0;
        }, &s, "rearm");
        kthread_bind(other, static_cast<unsigned>(1 - here));
        wake_up_process(other);
        msleep(100);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(s.cpus.size() == 2);
    CHECK(s.cpus[0] == here);
    CHECK(s.cpus[1] == 1 - here);
}

namespace {
struct Handoff {
    timer_list first, second;
    std::vector<int> second_cpus;
    bool pinned = false;
};
void handoff_second(timer_list* t) {
    Handoff* h = from_timer(h, t, second);
    h->second_cpus.push_back(smp_processor_id());
}
void handoff_first(timer_list* t) {
    // Runs in TIMER_SOFTIRQ on an idle CPU: idle_cpu() is true here.
    Handoff* h = from_timer(h, t, first);
    mod_timer(&h->second, jiffies_now() + 3);
}
}  // namespace

TEST_CASE("a timer armed on an idle CPU goes to a busy CPU unless TIMER_PINNED (SEMANTICS §4.5)", "[kernel][timer]") {
    for (bool pinned : {false, true})
    for (bool on_idle_base : {false, true}) {
        Handoff h;
        int busy = -1;
        auto res = run_guest(default_config(2), [&](Machine&) {
            busy = smp_processor_id();
            timer_setup(&h.first, handoff_first, 0);
            timer_setup(&h.second, handoff_second, pinned ? TIMER_PINNED : 0);
            if (on_idle_base) {  // the second timer's base is the idle CPU's when it is armed there
                h.second.expires = jiffies_now() + 1000;
                add_timer_on(&h.second, 1 - busy);
                del_timer(&h.second);
            }
            h.first.expires = jiffies_now() + 3;
            add_timer_on(&h.first, 1 - busy);
            mdelay(100);  // this CPU stays busy (get_nohz_timer_target() picks it)
            return 0;
        });
        INFO("pinned " << pinned << ", second timer's base on the idle CPU " << on_idle_base);
        CHECK(res.status == 0);
        REQUIRE(h.second_cpus.size() == 1);
        CHECK(h.second_cpus[0] == (pinned ? 1 - busy : busy));
    }
}

TEST_CASE("a timer re-armed while its callback runs stays on the callback's base (SEMANTICS §4.5)", "[kernel][timer]") {
    struct Running {
        Slow slow;
        std::vector<int> cpus;
    } r;
    int here = -1;
    auto res = run_guest(default_config(2), [&](Machine&) {
        here = smp_processor_id();
        timer_setup(&r.slow.timer, slow_cb, 0);
        r.slow.timer.expires = jiffies_now() + 2;
        add_timer_on(&r.slow.timer, 1 - here);
        while (!r.slow.started) cpu_relax();
        r.slow.started = 0;
        mod_timer(&r.slow.timer, jiffies_now() + 3);  // from this CPU, during the callback
        while (!r.slow.started) cpu_relax();
        r.cpus.push_back(static_cast<int>(r.slow.timer.flags & TIMER_CPUMASK));
        del_timer_sync(&r.slow.timer);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(r.cpus.size() == 1);
    CHECK(r.cpus[0] == 1 - here);
}

namespace {
struct IrqState {
    timer_list timer;
    bool disabled_in_callback = false;
    bool leave_disabled = false;
};
void note_irq_state(timer_list* t) {
    IrqState* s = from_timer(s, t, timer);
    s->disabled_in_callback = irqs_disabled();
    if (s->leave_disabled) local_irq_disable();  // a bug: the wheel's unlock_irq switches them on again
}
}  // namespace

TEST_CASE("callbacks run with IRQs on, TIMER_IRQSAFE ones with IRQs off, whatever the previous one left "
          "(SEMANTICS §4.7)", "[kernel][timer]") {
    IrqState first, second, irqsafe, last;
    first.leave_disabled = true;
    auto res = run_guest(default_config(1), [&](Machine&) {
        unsigned long when = jiffies_now() + 5;
        // One bucket runs its timers newest first: first, second, irqsafe, last.
        for (IrqState* s : {&last, &irqsafe, &second, &first}) {
            timer_setup(&s->timer, note_irq_state, s == &irqsafe ? TIMER_IRQSAFE : 0);
            mod_timer(&s->timer, when);
        }
        msleep(50);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK_FALSE(first.disabled_in_callback);
    CHECK_FALSE(second.disabled_in_callback);  // first left them off
    CHECK(irqsafe.disabled_in_callback);
    CHECK_FALSE(last.disabled_in_callback);
}

TEST_CASE("MOD_TIMER_NOTPENDING still detaches a timer that is pending (SEMANTICS §4.6)", "[kernel][timer]") {
    // add_timer() and schedule_timeout() skip mod_timer()'s shortcuts with
    // MOD_TIMER_NOTPENDING, but 6.1's __mod_timer() still calls
    // detach_if_pending() under the base lock: a timer armed meanwhile (an
    // interrupt or another CPU at the entry's preemption point) is requeued,
    // not linked twice.
    T s;
    int ret = -1;
    unsigned long armed_at = 0;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        mod_timer(&s.timer, jiffies_now() + 50);
        armed_at = jiffies_now();
        ret = mod_timer_notpending(&s.timer, armed_at + 5);
        msleep(400);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(ret == 1);
    REQUIRE(s.fired_at.size() == 1);  // linked once, fired once
    CHECK(s.fired_at[0] == wheel_expiry(armed_at, armed_at + 5));
}

TEST_CASE("timer_shutdown: later arming is silently ignored", "[kernel][timer]") {
    T s;
    int r = -1;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        mod_timer(&s.timer, jiffies_now() + 5);
        timer_shutdown_sync(&s.timer);
        r = mod_timer(&s.timer, jiffies_now() + 5);
        msleep(50);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(r == 0);
    CHECK(s.fired_at.empty());
}

TEST_CASE("timer_reduce only moves a timer earlier", "[kernel][timer]") {
    T s;
    unsigned long e1 = 0, e2 = 0, base = 0;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&s.timer, record, 0);
        base = jiffies_now();
        mod_timer(&s.timer, base + 100);
        timer_reduce(&s.timer, base + 200);
        e1 = s.timer.expires;
        timer_reduce(&s.timer, base + 50);
        e2 = s.timer.expires;
        del_timer(&s.timer);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(e1 == base + 100);
    CHECK(e2 == base + 50);
}

namespace {
void sleeping_timer(timer_list*) {
    set_current_state(TASK_INTERRUPTIBLE);
    schedule_timeout(5 * HZ);
}
void msleeping_timer(timer_list*) { msleep(100); }
}  // namespace

TEST_CASE("a timer callback that msleeps on an idle tickless CPU ends once a task takes the CPU (SEMANTICS §8.2)",
          "[kernel][timer]") {
    // msleep() loops on schedule_timeout(), which returns at once in the idle
    // task ("bad: scheduling from the idle thread!" each time). When the
    // waiting task is woken on that CPU, the idle task is switched out from
    // inside the softirq; time must keep moving so the msleep can end.
    timer_list t;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&t, msleeping_timer, 0);
        mod_timer(&t, jiffies_now() + 10);
        sleep_ns(300'000'000);  // an hrtimer sleep (like the shell's sleep): it fires without jiffies
        msleep(500);
        del_timer_sync(&t);
        return 0;
    });
    INFO(res.console.substr(res.console.size() > 3000 ? res.console.size() - 3000 : 0));
    CHECK(res.status == 0);
    CHECK(res.console.find("bad: scheduling from the idle thread!\n") != std::string::npos);
    CHECK(std::regex_search(res.console,
                            std::regex(R"(timer: msleeping_timer\+0x0/0x[0-9a-f]+ preempt leak: 00000101 -> 00000000\n)")));
}

TEST_CASE("a timer callback that sleeps while the CPU idles: the golden splat sequence (SEMANTICS §8.2)",
          "[kernel][timer]") {
    timer_list t;
    auto res = run_guest(default_config(2), [&](Machine&) {
        timer_setup(&t, sleeping_timer, 0);
        mod_timer(&t, jiffies_now() + 10);
        msleep(6000);
        return 0;
    });
    INFO(res.console);
    CHECK(res.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(res.console, m, std::regex(R"(BUG: scheduling while atomic: swapper/(\d)/0/0x00000102\n)")));
    CHECK(res.console.find("bad: scheduling from the idle thread!\n") != std::string::npos);
    CHECK(std::regex_search(res.console, std::regex(R"(CPU: \d PID: 0 Comm: swapper/\d Tainted: G        W)")));
    CHECK(res.console.find("------------[ cut here ]------------\n") != std::string::npos);
    CHECK(std::regex_search(res.console,
                            std::regex(R"(timer: sleeping_timer\+0x0/0x[0-9a-f]+ preempt leak: 00000101 -> 00000000\n)")));
    // RIP in call_timer_fn(), where 6.1's WARN_ONCE() sits.
    CHECK(std::regex_search(res.console, std::regex(R"(WARNING: CPU: \d PID: 0 at kernel/time/timer.c:1707 call_timer_fn\+0x)")));
    // The order of the messages is Linux's.
    CHECK(res.console.find("BUG: scheduling while atomic") < res.console.find("bad: scheduling from the idle thread"));
    CHECK(res.console.find("bad: scheduling from the idle thread") < res.console.find("preempt leak"));
}

namespace {
void dumping_timer(timer_list*) {
    dump_stack();
    asm volatile("" ::: "memory");  // not a tail call: this frame stays in the trace
}
}  // namespace

TEST_CASE("a call trace from a timer callback runs through call_timer_fn, __run_timers, run_timer_softirq "
          "(SEMANTICS §10.5)",
          "[kernel][timer]") {
    timer_list t;
    auto res = run_guest(default_config(1), [&](Machine&) {
        timer_setup(&t, dumping_timer, 0);
        mod_timer(&t, jiffies_now() + 2);
        msleep(20);
        return 0;
    });
    INFO(res.console);
    CHECK(res.status == 0);
    // Each function once, callers below callees, as 6.1 prints them.
    CHECK(std::regex_search(res.plain, std::regex(R"( dumping_timer\+0x[0-9a-f]+/0x[0-9a-f]+\n)"
                                                    R"( call_timer_fn\+0x[0-9a-f]+/0x[0-9a-f]+\n)"
                                                    R"( __run_timers\+0x[0-9a-f]+/0x[0-9a-f]+\n)"
                                                    R"( run_timer_softirq\+0x[0-9a-f]+/0x[0-9a-f]+\n)")));
}
