// preempt_count layout and the context predicates (SEMANTICS.md §1), the
// scheduler's time slices and task states (§6.3, §12).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/spinlock.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {

struct Contexts {
    unsigned task = 99, bh = 0, spin = 0, spin_bh = 0, tasklet = 0, hardirq = 0, hardirq_spin = 0;
    bool task_in_task = false, bh_in_task = false, bh_in_softirq = false, bh_serving = true;
    bool tasklet_serving = false, tasklet_in_interrupt = false, tasklet_in_task = true;
    bool hardirq_in_hardirq = false, hardirq_irqs_disabled = false;
    bool tasklet_ran = false, irq_ran = false;
    spinlock_t lock;
    tasklet_struct t;
};



void record_tasklet(tasklet_struct* t) {
    auto* c = container_of(t, Contexts, t);
    c->tasklet = preempt_count();
    c->tasklet_serving = in_serving_softirq();
    c->tasklet_in_interrupt = in_interrupt();
    c->tasklet_in_task = in_task();
    c->tasklet_ran = true;
}

irqreturn_t record_irq(int, void* dev) {
    auto* c = static_cast<Contexts*>(dev);
    c->hardirq = preempt_count();
    c->hardirq_in_hardirq = in_hardirq();
    c->hardirq_irqs_disabled = irqs_disabled();
    spin_lock(&c->lock);
    c->hardirq_spin = preempt_count();
    spin_unlock(&c->lock);
    c->irq_ran = true;
    return IRQ_HANDLED;
}

}  // namespace

TEST_CASE("preempt_count values and predicates in each context (SEMANTICS §1.1-1.3)", "[kernel][sched]") {

    Contexts c;
    auto r = run_guest(default_config(), [&](Machine& m) {
        spin_lock_init(&c.lock);
        c.task = preempt_count();
        c.task_in_task = in_task();
        local_bh_disable();
        c.bh = preempt_count();
        c.bh_in_task = in_task();
        c.bh_in_softirq = in_softirq();
        c.bh_serving = in_serving_softirq();
        local_bh_enable();
        spin_lock(&c.lock);
        c.spin = preempt_count();
        spin_unlock(&c.lock);
        spin_lock_bh(&c.lock);
        c.spin_bh = preempt_count();
        spin_unlock_bh(&c.lock);
        tasklet_setup(&c.t, record_tasklet);
        tasklet_schedule(&c.t);
        request_irq(5, record_irq, 0, "ctx-test", &c);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 5, 1ull << smp_processor_id(), smp_processor_id());
        raise_line(5);
        msleep(20);
        free_irq(5, &c);
        return 0;
    });
    REQUIRE(r.status == 0);
    CHECK(c.task == 0);
    CHECK(c.task_in_task);
    CHECK(c.bh == 0x200);  // SOFTIRQ_DISABLE_OFFSET
    CHECK(c.bh_in_task);
    CHECK(c.bh_in_softirq);
    CHECK_FALSE(c.bh_serving);
    CHECK(c.spin == 0x1);
    CHECK(c.spin_bh == 0x201);  // SOFTIRQ_LOCK_OFFSET
    REQUIRE(c.tasklet_ran);
    CHECK(c.tasklet == 0x100);
    CHECK(c.tasklet_serving);
    CHECK(c.tasklet_in_interrupt);
    CHECK_FALSE(c.tasklet_in_task);
    REQUIRE(c.irq_ran);
    CHECK(c.hardirq == 0x10000);
    CHECK(c.hardirq_spin == 0x10001);
    CHECK(c.hardirq_in_hardirq);
    CHECK(c.hardirq_irqs_disabled);  // handlers run with local interrupts off
}

TEST_CASE("two CPU hogs on one CPU share it by time slices", "[kernel][sched]") {
    struct Hog {
        volatile bool stop = false;
        int ran = 0;
    } hogs[2];
    auto r = run_guest(default_config(1), [&](Machine& m) {
        auto fn = [](void* p) -> int {
            auto* h = static_cast<Hog*>(p);
            while (!h->stop) {
                mdelay(1);
                ++h->ran;
                cond_resched();
            }
            return 0;
        };
        task_struct* a = kthread_run(fn, &hogs[0], "hog%d", 0);
        task_struct* b = kthread_run(fn, &hogs[1], "hog%d", 1);
        msleep(200);
        hogs[0].stop = true;
        hogs[1].stop = true;
        kthread_stop(a);
        kthread_stop(b);
        (void)m;
        return 0;
    });
    REQUIRE(r.status == 0);
    CHECK(hogs[0].ran > 40);
    CHECK(hogs[1].ran > 40);
}

// update_curr() charges the run to the task before update_min_vruntime()
// looks at it, so the queue's floor never counts a run twice: when the only
// runnable task blocks, min_vruntime is exactly that task's vruntime (CFS,
// kernel/sched/fair.c; SEMANTICS §12 names CFS for 6.1).
TEST_CASE("min_vruntime follows the task that ran, counting its run once", "[kernel][sched]") {
    struct Runner {
        volatile bool blocked = false;
    } runner;
    Cycles floor_after = 0, vruntime_after = 0, ran = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        task_struct* a = kthread_run(
            [](void* p) -> int {
                mdelay(5);
                static_cast<Runner*>(p)->blocked = true;
                while (!kthread_should_stop()) msleep(1000);
                return 0;
            },
            &runner, "runner");
        msleep(50);  // the runner alone runs 5 ms, then blocks; the CPU idles
        REQUIRE(runner.blocked);
        kern::Task* t = kern::Task::of(a);
        floor_after = kern::this_cpu().min_vruntime;
        vruntime_after = t->vruntime;
        ran = t->sum_exec;
        kthread_stop(a);
        return 0;
    });
    REQUIRE(r.status == 0);
    CHECK(ran >= 5'000'000);  // 5 ms at 1 GHz
    CHECK(floor_after == vruntime_after);
}
