// The lock checker (SEMANTICS §9): the spin_lock vs spin_lock_bh mistake,
// recursive locking, and a CPU that spins on a lock it holds.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/spinlock.h"
#include "kernel/include/linux/timer.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace emu;
using namespace emu::test;

namespace {
struct Priv {
    spinlock_t lock;
    tasklet_struct t;
    timer_list timer;
    int n = 0;
    int lock_from = 0;
};
void tasklet_takes_lock(tasklet_struct* t) {
    auto* p = container_of(t, Priv, t);
    spin_lock(&p->lock);
    ++p->n;
    spin_unlock(&p->lock);
}
void timer_takes_lock(timer_list* t) {
    Priv* p = from_timer(p, t, timer);
    spin_lock(&p->lock);
    ++p->n;
    spin_unlock(&p->lock);
}
// Takes the lock from expiry number lock_from (counting from 0) on.
void timer_takes_lock_from(timer_list* t) {
    Priv* p = from_timer(p, t, timer);
    if (p->n++ < p->lock_from) return;
    spin_lock(&p->lock);
    spin_unlock(&p->lock);
}
}  // namespace

TEST_CASE("lockdep: {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} when process context used spin_lock (SEMANTICS §9.3)",
          "[kernel][lockdep]") {
    Priv p;
    auto r = run_guest(default_config(2), [&](Machine&) {
        spin_lock_init(&p.lock);
        tasklet_setup(&p.t, tasklet_takes_lock);
        spin_lock(&p.lock);  // should have been spin_lock_bh
        spin_unlock(&p.lock);
        tasklet_schedule(&p.t);
        msleep(10);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.plain.find("================================\n") != std::string::npos);
    CHECK(r.plain.find("WARNING: inconsistent lock state\n6.1.0-emu #1 Not tainted\n--------------------------------\n") !=
          std::string::npos);
    CHECK(r.plain.find("inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(ksoftirqd/\d/\d+ \[HC0\[0\]:SC1\[1\]:HE1:SE0\] takes:\n)")));
    CHECK(std::regex_search(r.plain, std::regex(R"([0-9a-f]{16} \(&p\.lock\)\{\+\.\?\.\}-\{2:2\}, at: tasklet_takes_lock\+0x)")));
    CHECK(r.plain.find("{SOFTIRQ-ON-W} state was registered at:\n") != std::string::npos);
    CHECK(r.plain.find(" Possible unsafe locking scenario:\n\n       CPU0\n       ----\n  lock(&p.lock);\n"
                         "  <Interrupt>\n    lock(&p.lock);\n\n *** DEADLOCK ***\n") != std::string::npos);
    CHECK(r.plain.find("\nstack backtrace:\n") != std::string::npos);
    CHECK(p.n == 1);
}

TEST_CASE("lockdep: the mirror case {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}", "[kernel][lockdep]") {
    Priv p;
    auto r = run_guest(default_config(1), [&](Machine&) {
        spin_lock_init(&p.lock);
        tasklet_setup(&p.t, tasklet_takes_lock);
        tasklet_schedule(&p.t);
        msleep(10);
        spin_lock(&p.lock);
        spin_unlock(&p.lock);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(r.plain.find("inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(sh/\d+ \[HC0\[0\]:SC0\[0\]:HE1:SE1\] takes:\n)")));
}

TEST_CASE("spin_lock_bh in process context with spin_lock in the softirq is fine", "[kernel][lockdep]") {
    Priv p;
    auto r = run_guest(default_config(2), [&](Machine&) {
        spin_lock_init(&p.lock);
        timer_setup(&p.timer, timer_takes_lock, 0);
        for (int i = 0; i < 5; ++i) {
            spin_lock_bh(&p.lock);
            mod_timer(&p.timer, jiffies_now() + 1);
            spin_unlock_bh(&p.lock);
            msleep(10);
        }
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(p.n == 5);
    CHECK(r.plain.find("inconsistent lock state") == std::string::npos);
}

TEST_CASE("taking a held spinlock again: recursive-locking report, soft lockup, machine stopped (SEMANTICS §9.3, §9.5)",
          "[kernel][lockdep]") {
    Priv p;
    auto r = run_guest(default_config(2), [&](Machine&) {
        spin_lock_init(&p.lock);
        spin_lock(&p.lock);
        spin_lock(&p.lock);  // never returns
        return 0;
    });
    INFO(r.console);
    CHECK(r.outcome == Machine::Outcome::Deadlocked);
    CHECK(r.status == kern::kExitDeadlock);
    CHECK(r.plain.find("============================================\nWARNING: possible recursive locking detected\n") !=
          std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(sh/\d+ is trying to acquire lock:\n[0-9a-f]+ \(&p\.lock\))")));
    CHECK(r.plain.find("\nbut task is already holding lock:\n") != std::string::npos);
    CHECK(r.plain.find(" May be due to missing lock nesting notation\n") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(r.plain, m, std::regex(R"(watchdog: BUG: soft lockup - CPU#\d stuck for (\d+)s! \[sh:\d+\]\n)")));
    int secs = std::stoi(m[1]);
    CHECK(secs >= 20);
    CHECK(secs <= 26);
    CHECK(r.plain.find("recursive locking") < r.plain.find("soft lockup"));
    // watchdog_timer_fn shows the registers of the code its interrupt hit: the spinning lock (SEMANTICS §9.5).
    CHECK(std::regex_search(r.plain, std::regex(R"(soft lockup[^\n]*\nModules linked in:[^\n]*\nCPU: [^\n]*\n)"
                                                R"(Hardware name: [^\n]*\nRIP: 0010:\w*spin_lock\w*\+0x[0-9a-f]+/0x[0-9a-f]+\n)"
                                                R"(Code: [^\n]*<[0-9a-f]{2}>[^\n]*\nRSP: 0018:[0-9a-f]{16} EFLAGS: 000[0-9a-f]{2}[2367abef])")));
}

TEST_CASE("the classic deadlock: a timer takes the lock its interrupted task holds (spin_lock, not _bh)",
          "[kernel][lockdep]") {
    Priv p;
    auto r = run_guest(default_config(1), [&](Machine&) {
        spin_lock_init(&p.lock);
        timer_setup(&p.timer, timer_takes_lock, 0);
        mod_timer(&p.timer, jiffies_now() + 2);
        spin_lock(&p.lock);
        mdelay(100);  // the timer fires on this CPU while we hold the lock
        spin_unlock(&p.lock);
        return 0;
    });
    CHECK(r.outcome == Machine::Outcome::Deadlocked);
    CHECK(r.plain.find("inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(watchdog: BUG: soft lockup - CPU#0 stuck for \d+s! \[sh:\d+\]\n)")));
}

TEST_CASE("lockdep: in a timer callback the timer's pseudo-lock is held, taken in call_timer_fn (SEMANTICS §9.3, §4.7)",
          "[kernel][lockdep]") {
    Priv p;
    // The mistake shows on the timer's first expiry, or on a later one (the map's
    // class is settled then, and lockdep only records it as held).
    p.lock_from = GENERATE(0, 1);
    auto r = run_guest(default_config(1), [&](Machine&) {
        spin_lock_init(&p.lock);
        timer_setup(&p.timer, timer_takes_lock_from, 0);
        for (int expiry = 0; expiry <= p.lock_from; ++expiry) {
            if (expiry == p.lock_from) {
                spin_lock(&p.lock);  // should have been spin_lock_bh
                spin_unlock(&p.lock);
            }
            mod_timer(&p.timer, jiffies_now() + 1);
            msleep(20);
        }
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.plain.find("inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(\(&p\.lock\)\{\+\.\?\.\}-\{2:2\}, at: timer_takes_lock_from\+0x)")));
    // timer_setup(&p.timer, ...) names the map "&p.timer"; lockdep prints it in parentheses.
    CHECK(std::regex_search(r.plain, std::regex(R"(1 lock held by swapper/0/0:\n #0: [0-9a-f]{16} \(\(&p\.timer\)\)\{\+\.-\.\}-\{0:0\}, at: call_timer_fn\+0x[0-9a-f]+/0x[0-9a-f]+\n)")));
    CHECK(p.n == p.lock_from + 1);
}
