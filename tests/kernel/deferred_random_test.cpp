// A randomized test (issue: deferred work): 100,000 operations -- schedule,
// cancel, mod, delete, flush -- on tasklets, timers and work items from two
// CPUs and from process, softirq and hard IRQ context, checked against a
// reference model: nothing is lost, nothing runs twice, nothing runs after a
// successful synchronous cancel.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/timer.h"
#include "kernel/include/linux/workqueue.h"

#include <catch2/catch.hpp>

#include <random>

using namespace emu;
using namespace emu::test;

namespace {

constexpr int kObjects = 6;

struct Obj {
    tasklet_struct tasklet;
    timer_list timer;
    work_struct work;
    // model: successful transitions to "pending" and successful cancels
    long tasklet_scheduled = 0, tasklet_runs = 0;
    long timer_armed = 0, timer_deleted = 0, timer_runs = 0;
    long work_queued = 0, work_cancelled = 0, work_runs = 0;
    volatile int tasklet_running = 0, work_running = 0;
    long concurrency_violations = 0, early_timers = 0;
    // Synchronous-cancel windows: `blocking` stops new queueing, `check` starts
    // when cancel_*_sync returned; an op already in flight when blocking began
    // taints the window (its run is legitimately late).
    bool blocking = false, check = false;
    long epoch = 0, tainted_epoch = -1;
    long runs_after_sync_cancel = 0;
};

struct World {
    Obj objs[kObjects];
    volatile bool stop = false;
    long ops = 0;
    long target_ops = 0;
};


void tasklet_fn(tasklet_struct* t) {
    auto* o = container_of(t, Obj, tasklet);
    if (o->tasklet_running) ++o->concurrency_violations;
    o->tasklet_running = 1;
    ++o->tasklet_runs;
    o->tasklet_running = 0;
}
void check_window(Obj* o) {
    if (o->check && o->tainted_epoch != o->epoch) ++o->runs_after_sync_cancel;
}
void timer_fn(timer_list* t) {
    Obj* o = from_timer(o, t, timer);
    // Another CPU may re-arm the timer while this runs (Linux drops the base
    // lock around callbacks), changing ->expires: judge only an expiry that
    // nobody re-armed, which stays pending on this base until we return.
    bool rearmed = timer_pending(t);
    unsigned long expires = t->expires;
    unsigned long now = jiffies_now();
    if (!rearmed && !timer_pending(t) && time_before(now, expires)) ++o->early_timers;
    check_window(o);
    ++o->timer_runs;
}
void work_fn(work_struct* w) {
    auto* o = container_of(w, Obj, work);
    if (o->work_running) ++o->concurrency_violations;
    check_window(o);
    o->work_running = 1;
    ++o->work_runs;
    if (o->work_runs % 7 == 0) msleep(1);
    o->work_running = 0;
}

// One random operation from any context that allows it.
void random_op(World& w, std::mt19937& rng, bool can_sleep) {
    Obj& o = w.objs[rng() % kObjects];
    long epoch = o.epoch;
    bool arming = false;
    switch (rng() % (can_sleep ? 9 : 6)) {
    case 0:
        if (!test_and_set_bit(TASKLET_STATE_SCHED, &o.tasklet.state)) {
            ++o.tasklet_scheduled;
            __tasklet_schedule(&o.tasklet);
        }
        break;
    case 1:
        if (o.blocking) break;
        arming = true;
        if (mod_timer(&o.timer, jiffies_now() + 1 + rng() % 40) == 0) ++o.timer_armed;
        break;
    case 2:
        if (del_timer(&o.timer)) ++o.timer_deleted;
        break;
    case 3:
        if (o.blocking) break;
        arming = true;
        if (queue_work_on(static_cast<int>(rng() % 2), system_wq, &o.work)) ++o.work_queued;
        break;
    case 4:
        if (cancel_work(&o.work)) ++o.work_cancelled;
        break;
    case 5:
        if (o.blocking) break;
        arming = true;
        mod_timer_pending(&o.timer, jiffies_now() + rng() % 3);  // never starts an inactive timer
        break;
    case 6:
        if (del_timer_sync(&o.timer)) ++o.timer_deleted;
        break;
    case 7: {
        if (o.blocking) break;
        o.blocking = true;
        ++o.epoch;
        if (cancel_work_sync(&o.work)) ++o.work_cancelled;
        if (del_timer_sync(&o.timer)) ++o.timer_deleted;
        // After a synchronous cancel nothing may run until someone queues again.
        o.check = true;
        msleep(2);
        o.check = false;
        o.blocking = false;
        break;
    }
    case 8:
        flush_work(&o.work);
        break;
    }
    if (arming && o.epoch != epoch) o.tainted_epoch = o.epoch;
    ++w.ops;
}

int op_thread(void* p) {
    auto* w = static_cast<World*>(p);
    std::mt19937 rng(static_cast<unsigned>(1234 + smp_processor_id()));
    while (w->ops < w->target_ops) {
        random_op(*w, rng, true);
        if (rng() % 16 == 0) udelay(rng() % 50);
        if (rng() % 64 == 0) msleep(1);
    }
    while (!kthread_should_stop()) msleep(1);
    return 0;
}

irqreturn_t op_irq(int, void* dev) {
    auto* w = static_cast<World*>(dev);
    static thread_local std::mt19937 rng(99);
    for (int i = 0; i < 3; ++i) random_op(*w, rng, false);
    return IRQ_HANDLED;
}

}  // namespace

TEST_CASE("100,000 random deferred-work operations match the reference model", "[kernel][random]") {
    auto world = std::make_unique<World>();
    World& w = *world;
    w.target_ops = 100'000;
    auto r = run_guest(default_config(2), [&](Machine& m) {
        for (Obj& o : w.objs) {
            tasklet_setup(&o.tasklet, tasklet_fn);
            timer_setup(&o.timer, timer_fn, 0);
            INIT_WORK(&o.work, work_fn);
        }
        request_irq(12, op_irq, 0, "random-ops", &w);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 12, 0b11, 0);
        task_struct* a = kthread_create(op_thread, &w, "ops/0");
        task_struct* b = kthread_create(op_thread, &w, "ops/1");
        kthread_bind(a, 0);
        kthread_bind(b, 1);
        wake_up_process(a);
        wake_up_process(b);
        while (w.ops < w.target_ops) {
            raise_line(12);
            msleep(1);
        }
        kthread_stop(a);
        kthread_stop(b);
        free_irq(12, &w);
        // Let everything pending run out.
        msleep(500);
        for (Obj& o : w.objs) {
            flush_work(&o.work);
            tasklet_kill(&o.tasklet);
        }
        msleep(200);
        return 0;
    });
    REQUIRE(r.status == 0);
    long total_runs = 0;
    for (int i = 0; i < kObjects; ++i) {
        const Obj& o = w.objs[i];
        INFO("object " << i);
        CHECK(o.concurrency_violations == 0);
        CHECK(o.early_timers == 0);
        CHECK(o.runs_after_sync_cancel == 0);
        CHECK(o.tasklet_runs == o.tasklet_scheduled);
        CHECK(o.timer_runs == o.timer_armed - o.timer_deleted);
        CHECK(o.work_runs == o.work_queued - o.work_cancelled);
        total_runs += o.tasklet_runs + o.timer_runs + o.work_runs;
    }
    CHECK(w.ops >= 100'000);
    CHECK(total_runs > 10'000);
}
