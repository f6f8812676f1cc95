// Hard IRQ delivery through the controller, with local interrupts off and
// on, and remote wake-ups by IPI (SEMANTICS §2.1, §12; issue: machine core).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/wait.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {
struct Counter {
    int hits = 0;
    int cpu = -1;
};
irqreturn_t count_irq(int, void* dev) {
    auto* c = static_cast<Counter*>(dev);
    ++c->hits;
    c->cpu = smp_processor_id();
    return IRQ_HANDLED;
}
}  // namespace

TEST_CASE("an IRQ raised while local IRQs are off is taken when they are enabled", "[kernel][irq]") {
    Counter c;
    int before_enable = -1;
    auto r = run_guest(default_config(), [&](Machine& m) {
        int cpu = smp_processor_id();
        request_irq(7, count_irq, 0, "test-dev", &c);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 7, 1ull << cpu, cpu);
        local_irq_disable();
        raise_line(7);
        mdelay(2);
        before_enable = c.hits;
        local_irq_enable();
        int after = c.hits;
        free_irq(7, &c);
        return after == 1 ? 0 : 1;
    });
    CHECK(before_enable == 0);
    CHECK(r.status == 0);
    CHECK(c.hits == 1);
}

TEST_CASE("/proc/interrupts counts a device line on the CPU its affinity selects", "[kernel][irq]") {
    Counter c;
    auto r = run_guest(default_config(2), [&](Machine& m) {
        request_irq(9, count_irq, 0, "mydev", &c);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 9, 0b10, 0);
        for (int i = 0; i < 3; ++i) {
            raise_line(9);
            msleep(5);
        }
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(c.hits == 3);
    CHECK(c.cpu == 1);
}

namespace {
struct Wakee {
    wait_queue_head_t wq;
    volatile int flag = 0;
    int woke_on = -1;
    unsigned long res_before = 0;
};
irqreturn_t wake_irq(int, void* dev) {
    auto* w = static_cast<Wakee*>(dev);
    w->flag = 1;
    wake_up_interruptible(&w->wq);
    return IRQ_HANDLED;
}
int waiter(void* p) {
    auto* w = static_cast<Wakee*>(p);
    wait_event_interruptible(w->wq, w->flag != 0);
    w->woke_on = smp_processor_id();
    while (!kthread_should_stop()) msleep(1);
    return 0;
}
}  // namespace

TEST_CASE("a kthread asleep on a wait queue is woken from an IRQ handler on another CPU through an IPI",
          "[kernel][irq]") {
    Wakee w;
    std::uint64_t res_cpu1_before = 0, res_cpu1_after = 0;
    auto r = run_guest(default_config(2), [&](Machine& m) {
        init_waitqueue_head(&w.wq);
        task_struct* k = kthread_create(waiter, &w, "waiter");
        kthread_bind(k, 1);
        wake_up_process(k);
        request_irq(10, wake_irq, 0, "waker", &w);
        m.pic().write(IrqController::LINE_AFFINITY + 8 * 10, 0b01, 0);  // handled on CPU0
        msleep(10);
        res_cpu1_before = kernel().cpu(1).irq_res;
        raise_line(10);
        msleep(10);
        res_cpu1_after = kernel().cpu(1).irq_res;
        kthread_stop(k);
        free_irq(10, &w);
        return 0;
    });
    REQUIRE(r.status == 0);
    CHECK(w.woke_on == 1);
    CHECK(res_cpu1_after > res_cpu1_before);  // RES: the reschedule IPI
}
