// Atomic-context checks (SEMANTICS §8): "BUG: sleeping function called from
// invalid context" and "BUG: scheduling while atomic", printed in Linux's
// format with the guest function's name, after which the machine goes on.
#include "tests/support/guest.hpp"

#include "kernel/sched.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/mutex.h"
#include "kernel/include/linux/spinlock.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace emu;
using namespace emu::test;

namespace {
struct Dev {
    struct mutex m;
    bool handler_done = false;
};
irqreturn_t test_irq_handler(int, void* dev) {
    auto* d = static_cast<Dev*>(dev);
    mutex_lock(&d->m);  // a sleeping lock in a hard IRQ handler: the classic mistake
    mutex_unlock(&d->m);
    d->handler_done = true;
    return IRQ_HANDLED;
}
int holder(void* p) {
    auto* d = static_cast<Dev*>(p);
    mutex_lock(&d->m);
    msleep(30);
    mutex_unlock(&d->m);
    while (!kthread_should_stop()) msleep(1);
    return 0;
}
}  // namespace

TEST_CASE("mutex_lock in an IRQ handler prints both splats and the machine keeps running", "[kernel][bug]") {
    Dev d;
    int body_pid = 0;
    auto r = run_guest(default_config(2), [&](Machine& m) {
        mutex_init(&d.m);
        body_pid = get_current()->pid;
        int cpu = smp_processor_id();
        task_struct* h = kthread_run(holder, &d, "holder");
        msleep(5);
        request_irq(6, test_irq_handler, 0, "testdev", &d);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 6, 1ull << cpu, cpu);
        raise_line(6);
        mdelay(2);  // the IRQ arrives during this busy wait, on top of this task
        kthread_stop(h);
        free_irq(6, &d);
        return 0;
    });
    INFO(r.console);
    REQUIRE(r.status == 0);
    CHECK(d.handler_done);
    CHECK(count(r.plain, "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580\n") == 1);
    CHECK(std::regex_search(r.plain, std::regex(R"(in_atomic\(\): 1, irqs_disabled\(\): 1, non_block: 0, pid: )" +
                                                  std::to_string(body_pid) + R"(, name: sh\n)")));
    CHECK(r.plain.find("preempt_count: 10000, expected: 0\n") != std::string::npos);
    CHECK(r.plain.find("BUG: scheduling while atomic: sh/" + std::to_string(body_pid) + "/0x00010001\n") !=
          std::string::npos);
    CHECK(r.plain.find("Modules linked in:") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(\nCPU: \d PID: \d+ Comm: sh Tainted: G        W)")));
    // The call trace names the guest's handler, inside the <IRQ> part.
    CHECK(std::regex_search(r.plain, std::regex(R"( <IRQ>\n(.*\n)*?.* test_irq_handler\+0x[0-9a-f]+/0x[0-9a-f]+\n)")));
}

TEST_CASE("schedule() while holding a spinlock in process context reports 0x00000002 (SEMANTICS §1.3)",
          "[kernel][bug]") {
    spinlock_t lock;
    auto r = run_guest(default_config(1), [&](Machine&) {
        spin_lock_init(&lock);
        spin_lock(&lock);
        schedule_timeout_uninterruptible(2);
        spin_unlock(&lock);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.plain, std::regex(R"(BUG: scheduling while atomic: sh/\d+/0x00000002\n)")));
}

TEST_CASE("might_sleep in atomic context is rate-limited to once per second", "[kernel][bug]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        preempt_disable();
        for (int i = 0; i < 5; ++i) might_sleep();
        preempt_enable();
        msleep(1100);
        preempt_disable();
        might_sleep();
        preempt_enable();
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(count(r.plain, "BUG: sleeping function called from invalid context") == 2);
    CHECK(r.plain.find("preempt_count: 1, expected: 0") != std::string::npos);
}

TEST_CASE("WARN_ON prints the cut-here block and taints the kernel", "[kernel][bug]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        WARN_ON(1 + 1 == 2);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(r.plain.find("------------[ cut here ]------------\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(WARNING: CPU: 0 PID: \d+ at .*bug_test.cpp:\d+ )")));
    CHECK(r.plain.find("---[ end trace 0000000000000000 ]---\n") != std::string::npos);
}

namespace {
struct Busy {
    enum { Spin, CondResched, MightSleep } between = Spin;
    volatile bool stop = false;
};
int busy_kthread(void* p) {
    auto* b = static_cast<Busy*>(p);
    while (!b->stop) {
        mdelay(10);  // a busy wait: no schedule()
        if (b->between == Busy::CondResched) cond_resched();
        if (b->between == Busy::MightSleep) might_sleep();  // what mutex_lock() or kmalloc(GFP_KERNEL) does
    }
    return 0;
}
// 45 s of guest time while a kthread bound to CPU 1 busy-waits.
GuestResult run_busy_kthread(Busy& b, const MachineConfig& cfg) {
    return run_guest(cfg, [&](Machine&) {
        task_struct* t = kthread_create(busy_kthread, &b, "busy");
        kthread_bind(t, 1);
        wake_up_process(t);
        msleep(45'000);
        b.stop = true;
        msleep(100);
        return 0;
    });
}
}  // namespace

TEST_CASE("soft lockup: only a CPU whose stopper thread cannot run for 20 s reports (SEMANTICS §9.5)", "[kernel][bug]") {
    SECTION("a busy user task is preempted for the stopper: no report") {
        auto r = run_script(default_config(1), {"yes > /dev/null &", "sleep 60", "kill $!", "echo done"});
        INFO(r.console);
        CHECK(r.status == 0);
        CHECK(r.plain.find("done\n") != std::string::npos);
        CHECK(r.plain.find("soft lockup") == std::string::npos);
    }
    SECTION("a busy kthread on a PREEMPT kernel is preempted for the stopper: no report") {
        Busy b;
        auto cfg = default_config(2);
        cfg.kernel.preempt = kern::PreemptModel::Full;
        auto r = run_busy_kthread(b, cfg);
        INFO(r.console);
        CHECK(r.status == 0);
        CHECK(r.plain.find("soft lockup") == std::string::npos);
    }
    SECTION("a softirq busy on top of a user task keeps the stopper out: reported") {
        // The tick comes in user mode; the timer callback it runs on the way out
        // busy-waits 25 s in softirq context, where nothing can be preempted.
        timer_list t;
        volatile bool done = false;
        struct Ctx {
            timer_list* t;
            volatile bool* done;
        };
        static Ctx* ctx;
        Ctx c{&t, &done};
        ctx = &c;
        auto r = run_guest(default_config(1), [&](Machine&) {
            timer_setup(&t, [](timer_list*) {
                mdelay(25'000);
                *ctx->done = true;
            }, 0);
            mod_timer(&t, jiffies_now() + 2);
            while (!done) kern::user_work(1'000'000);  // user mode, 1 ms at a time
            return 0;
        });
        INFO(r.console);
        CHECK(r.status == 0);
        CHECK(std::regex_search(r.plain, std::regex(R"(watchdog: BUG: soft lockup - CPU#0 stuck for 2\ds! \[sh:\d+\]\n)")));
    }
    SECTION("a softirq busy on top of the idle task: reported, as swapper") {
        // Periodic tick: emu samples from the tick, where 6.1 has a watchdog
        // hrtimer of its own that also fires while a tickless CPU idles.
        timer_list t;
        auto cfg = default_config(2);
        cfg.kernel.nohz = false;
        auto r = run_guest(cfg, [&](Machine&) {
            timer_setup(&t, [](timer_list*) { mdelay(25'000); }, 0);
            t.expires = jiffies_now() + 2;
            add_timer_on(&t, 1);  // CPU 1 has nothing else to run
            msleep(30'000);
            return 0;
        });
        INFO(r.console);
        CHECK(r.status == 0);
        CHECK(std::regex_search(r.plain, std::regex(R"(watchdog: BUG: soft lockup - CPU#1 stuck for 2\ds! \[swapper/1:0\]\n)")));
    }
    SECTION("a busy kthread on a voluntary kernel: the stopper runs only at cond_resched() or might_sleep()") {
        for (auto between : {Busy::CondResched, Busy::MightSleep, Busy::Spin}) {
            Busy b;
            b.between = between;
            auto r = run_busy_kthread(b, default_config(2));
            INFO("between busy waits: " << between << "\n" << r.console);
            CHECK(r.status == 0);
            bool reported = std::regex_search(
                r.plain, std::regex(R"(watchdog: BUG: soft lockup - CPU#1 stuck for 2\ds! \[busy:\d+\]\n)"));
            CHECK(reported == (between == Busy::Spin));
        }
    }
}

TEST_CASE("soft lockup: reported at the first 4 s sample past 20 get_timestamp() units, then every 20 more "
          "(SEMANTICS §9.5)",
          "[kernel][bug]") {
    // watchdog.c counts in running_clock() >> 30 (1.07 s units): a CPU stuck
    // since boot passes "now > touch + 20" at the 24 s sample (22 units), not
    // at 20 s; the next report needs 20 units past that one: at 48 s (44).
    auto r = run_guest(default_config(1), [&](Machine&) {
        preempt_disable();
        mdelay(50'000);
        preempt_enable();
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.console, std::regex(R"(\[   24\.0\d+\] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[sh:\d+\]\n)")));
    CHECK(std::regex_search(r.console, std::regex(R"(\[   48\.0\d+\] watchdog: BUG: soft lockup - CPU#0 stuck for 44s! \[sh:\d+\]\n)")));
    CHECK(r.console.find("stuck for 20s!") == std::string::npos);
}
