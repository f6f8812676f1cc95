// Softirqs, ksoftirqd and tasklets (SEMANTICS §2.2-2.7, §3).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/sched.h"
#include "kernel/irq.hpp"
#include "kernel/proc.hpp"
#include "kernel/sched.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <regex>
#include <string>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
struct Rec {
    tasklet_struct t;
    int runs = 0;
    std::vector<std::string> comms;
    std::vector<std::string>* order = nullptr;
    std::string tag;
    int reschedule_until = 0;
};
void rec_fn(tasklet_struct* t) {
    auto* r = container_of(t, Rec, t);
    ++r->runs;
    r->comms.push_back(get_current()->comm);
    if (r->order) r->order->push_back(r->tag);
    if (r->runs < r->reschedule_until) tasklet_schedule(t);
}
}  // namespace

TEST_CASE("a tasklet scheduled 5 times before it runs runs once (SEMANTICS §3.3)", "[kernel][tasklet]") {
    Rec r;
    int runs_inside_bh = -1;
    auto res = run_guest(default_config(2), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        local_bh_disable();
        for (int i = 0; i < 5; ++i) tasklet_schedule(&r.t);
        runs_inside_bh = r.runs;
        local_bh_enable();  // the outermost enable runs it, here and now
        return r.runs == 1 ? 0 : 1;
    });
    CHECK(res.status == 0);
    CHECK(runs_inside_bh == 0);
    CHECK(r.runs == 1);
}

TEST_CASE("HI tasklets run before normal ones (SEMANTICS §2.6)", "[kernel][tasklet]") {
    std::vector<std::string> order;
    Rec lo, hi;
    lo.order = hi.order = &order;
    lo.tag = "TASKLET";
    hi.tag = "HI";
    auto res = run_guest(default_config(1), [&](Machine&) {
        tasklet_setup(&lo.t, rec_fn);
        tasklet_setup(&hi.t, rec_fn);
        local_bh_disable();
        tasklet_schedule(&lo.t);
        tasklet_hi_schedule(&hi.t);
        local_bh_enable();
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(order == std::vector<std::string>{"HI", "TASKLET"});
}

TEST_CASE("a tasklet scheduled from a kthread runs in ksoftirqd/N of that CPU (SEMANTICS §2.5)", "[kernel][tasklet]") {
    Rec r;
    int cpu = -1;
    auto res = run_guest(default_config(2), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        task_struct* k = kthread_create(
            [](void* p) {
                tasklet_schedule(&static_cast<Rec*>(p)->t);
                while (!kthread_should_stop()) msleep(1);
                return 0;
            },
            &r, "sched-from-kthread");
        kthread_bind(k, 1);
        wake_up_process(k);
        msleep(10);
        kthread_stop(k);
        cpu = 1;
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(r.runs == 1);
    CHECK(r.comms[0] == "ksoftirqd/" + std::to_string(cpu));
}

TEST_CASE("only the outermost local_bh_enable runs pending softirqs (SEMANTICS §2.5)", "[kernel][softirq]") {
    Rec r;
    int after_inner = -1, after_outer = -1;
    auto res = run_guest(default_config(1), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        local_bh_disable();
        local_bh_disable();
        tasklet_schedule(&r.t);
        local_bh_enable();
        after_inner = r.runs;
        local_bh_enable();
        after_outer = r.runs;
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(after_inner == 0);
    CHECK(after_outer == 1);
    CHECK(r.comms.at(0) == "sh");  // in the caller's context, synchronously
}

TEST_CASE("__do_softirq restarts at most 10 times, then hands over to ksoftirqd (SEMANTICS §2.2)", "[kernel][softirq]") {
    Rec r;
    r.reschedule_until = 25;
    auto res = run_guest(default_config(1), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        local_bh_disable();
        tasklet_schedule(&r.t);
        local_bh_enable();
        msleep(20);
        return 0;
    });
    CHECK(res.status == 0);
    REQUIRE(r.runs == 25);
    for (int i = 0; i < 10; ++i) CHECK(r.comms[static_cast<std::size_t>(i)] == "sh");
    CHECK(r.comms[10] == "ksoftirqd/0");
}

TEST_CASE("a disabled but scheduled tasklet is re-queued and its softirq re-raised until enabled (SEMANTICS §3.4)",
          "[kernel][tasklet]") {
    Rec r;
    std::uint64_t tasklet_count_disabled = 0, ksoftirqd_ns = 0;
    int runs_while_disabled = -1;
    auto res = run_guest(default_config(1), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        tasklet_disable(&r.t);
        tasklet_schedule(&r.t);
        msleep(20);
        runs_while_disabled = r.runs;
        tasklet_count_disabled = kernel().cpu(0).softirq_count[TASKLET_SOFTIRQ];
        ksoftirqd_ns = kern::task_cpu_time_ns(kernel(), *kernel().cpu(0).ksoftirqd);
        tasklet_enable(&r.t);
        msleep(5);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(runs_while_disabled == 0);
    CHECK(tasklet_count_disabled > 100);     // every pass counts in /proc/softirqs
    CHECK(ksoftirqd_ns > 1'000'000);         // ksoftirqd spins over it, visible as CPU time
    CHECK(r.runs == 1);
}

namespace {
struct Stress {
    tasklet_struct t;
    volatile int running = 0;
    int overlaps = 0, runs = 0;
    volatile bool stop = false;
    int cpus_seen[2] = {0, 0};
};
void stress_fn(tasklet_struct* t) {
    auto* s = container_of(t, Stress, t);
    if (s->running) ++s->overlaps;
    s->running = 1;
    ++s->runs;
    ++s->cpus_seen[smp_processor_id()];
    udelay(20);
    s->running = 0;
}
int stress_thread(void* p) {
    auto* s = static_cast<Stress*>(p);
    while (!s->stop) {
        tasklet_schedule(&s->t);
        udelay(7);
        cond_resched();  // a busy kthread must yield on a non-preemptible kernel
    }
    while (!kthread_should_stop()) msleep(1);
    return 0;
}
}  // namespace

TEST_CASE("a tasklet never runs on two CPUs at once under a 2-CPU stress (SEMANTICS §3.3)", "[kernel][tasklet]") {
    Stress s;
    auto res = run_guest(default_config(2), [&](Machine&) {
        tasklet_setup(&s.t, stress_fn);
        task_struct* a = kthread_create(stress_thread, &s, "stress/0");
        task_struct* b = kthread_create(stress_thread, &s, "stress/1");
        kthread_bind(a, 0);
        kthread_bind(b, 1);
        wake_up_process(a);
        wake_up_process(b);
        msleep(100);
        s.stop = true;
        kthread_stop(a);
        kthread_stop(b);
        tasklet_kill(&s.t);
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(s.overlaps == 0);
    CHECK(s.runs > 500);
    CHECK(s.cpus_seen[0] > 0);
    CHECK(s.cpus_seen[1] > 0);
}

TEST_CASE("tasklet_kill waits for a scheduled tasklet to run", "[kernel][tasklet]") {
    Rec r;
    int runs_after_kill = -1;
    auto res = run_guest(default_config(2), [&](Machine&) {
        tasklet_setup(&r.t, rec_fn);
        tasklet_schedule(&r.t);
        tasklet_kill(&r.t);
        runs_after_kill = r.runs;
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(runs_after_kill == 1);
}

TEST_CASE("/proc/softirqs matches Linux's format strings byte for byte (SEMANTICS §2.7)", "[kernel][proc]") {
    std::string text, expected;
    auto res = run_guest(default_config(3), [&](Machine&) {
        Rec r;
        tasklet_setup(&r.t, rec_fn);
        tasklet_schedule(&r.t);
        msleep(10);
        kern::Kernel& k = kernel();
        text = kern::proc_softirqs(k);
        char buf[64];
        expected = "                    ";
        for (int c = 0; c < 3; ++c) {
            std::snprintf(buf, sizeof buf, "CPU%-8d", c);
            expected += buf;
        }
        expected += "\n";
        for (int nr = 0; nr < NR_SOFTIRQS; ++nr) {
            std::snprintf(buf, sizeof buf, "%12s:", kern::softirq_to_name[nr]);
            expected += buf;
            for (int c = 0; c < 3; ++c) {
                std::snprintf(buf, sizeof buf, " %10u", static_cast<unsigned>(k.cpu(c).softirq_count[static_cast<std::size_t>(nr)]));
                expected += buf;
            }
            expected += "\n";
        }
        return 0;
    });
    CHECK(res.status == 0);
    CHECK(text == expected);
    CHECK(text.find("     TASKLET:          ") != std::string::npos);
}

namespace {
void sleepy_tasklet(tasklet_struct* t) {
    msleep(100);
    container_of(t, Rec, t)->runs++;
}
}  // namespace

TEST_CASE("a tasklet that msleeps: scheduling while atomic, then softirq's huh message (golden)", "[kernel][tasklet]") {
    Rec r;
    auto res = run_guest(default_config(1), [&](Machine&) {
        tasklet_setup(&r.t, sleepy_tasklet);
        tasklet_schedule(&r.t);  // from process context: runs in ksoftirqd/0
        msleep(300);
        return 0;
    });
    INFO(res.console);
    CHECK(res.status == 0);
    CHECK(r.runs == 1);
    CHECK(std::regex_search(res.console, std::regex(R"(BUG: scheduling while atomic: ksoftirqd/0/\d+/0x00000101\n)")));
    CHECK(res.console.find("softirq: huh, entered softirq 6 TASKLET (____ptrval____) with preempt_count 00000100, "
                           "exited with 00000000?\n") != std::string::npos);
    CHECK(std::regex_search(res.console, std::regex(R"( sleepy_tasklet\+0x[0-9a-f]+/0x[0-9a-f]+\n)")));
}
