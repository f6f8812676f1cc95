// Mirrors kernel/softirq.c (Linux 6.1): softirq raising and processing with
// the 10-restart / 2 ms limits, ksoftirqd/N, bottom-half disable/enable, and
// tasklets (normal and HI lists, SCHED/RUN bits, re-queueing of disabled or
// running tasklets). Kept from 6.1: ksoftirqd_running() letting a runnable
// ksoftirqd take TIMER/NET work at irq_exit (reverted in 6.5).
// Dropped: PREEMPT_RT paths, CPU hotplug takeover, BH workqueues (6.9+).
#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/time.hpp"

namespace emu::kern {

const char* const softirq_to_name[NR_SOFTIRQS] = {"HI",       "TIMER",   "NET_TX", "NET_RX",  "BLOCK",
                                                  "IRQ_POLL", "TASKLET", "SCHED",  "HRTIMER", "RCU"};

namespace {
constexpr int kMaxSoftirqRestart = 10;
constexpr unsigned int kSoftirqNowMask = (1u << HI_SOFTIRQ) | (1u << TASKLET_SOFTIRQ);
}  // namespace

void wakeup_softirqd(Cpu& c) {
    if (c.ksoftirqd) try_to_wake_up(c.ksoftirqd, TASK_NORMAL);
}

// 4.9 .. 6.4: a runnable ksoftirqd is left to do the work, except for HI and TASKLET.
bool ksoftirqd_running(Cpu& c, unsigned int pending) {
    Task* t = c.ksoftirqd;
    if (pending & kSoftirqNowMask) return false;
    return t && t->__state == TASK_RUNNING && t->on_rq;
}

void raise_softirq_irqoff_on(Cpu& c, unsigned int nr) {
    c.softirq_pending |= 1u << nr;
    // In task context with BH enabled nobody would notice: wake ksoftirqd.
    if (!(c.preempt_count & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))) wakeup_softirqd(c);
}

__attribute__((noinline)) void handle_softirqs(bool from_ksoftirqd) {
    Cpu* c = &this_cpu();
    Kernel& k = c->k;
    unsigned long end = k.jiffies_now + __msecs_to_jiffies(2);  // MAX_SOFTIRQ_TIME
    int max_restart = kMaxSoftirqRestart;
    unsigned int pending = c->softirq_pending;
    c->preempt_count += SOFTIRQ_OFFSET;
    for (;;) {
        c->softirq_pending = 0;
        local_irq_enable_internal();
        charge(k.cfg.costs.softirq_entry);
        while (pending) {
            unsigned int nr = static_cast<unsigned>(__builtin_ctz(pending));
            pending &= pending - 1;
            c = &this_cpu();
            ++c->softirq_count[nr];
            unsigned int prev_count = c->preempt_count;
            charge(k.cfg.costs.softirq_action);
            if (auto action = k.softirq_vec[nr]) {
                static softirq_action dummy{};
                action(&dummy);
            }
            c = &this_cpu();
            if (prev_count != c->preempt_count) {
                printk_emit(k, LOGLEVEL_ERR,
                            "softirq: huh, entered softirq %u %s (____ptrval____) with preempt_count %08x, exited "
                            "with %08x?\n",
                            nr, softirq_to_name[nr], prev_count, c->preempt_count);
                c->preempt_count = prev_count;
            }
        }
        c = &this_cpu();
        local_irq_disable_internal();
        pending = c->softirq_pending;
        if (!pending) break;
        if (time_before(k.jiffies_now, end) && !c->need_resched && --max_restart) continue;
        wakeup_softirqd(*c);
        break;
    }
    (void)from_ksoftirqd;
    c->preempt_count -= SOFTIRQ_OFFSET;
}

// smpboot thread function of ksoftirqd/N.
int ksoftirqd_thread(void*) {
    for (;;) {
        Cpu& c = this_cpu();
        c.curr->__state = TASK_INTERRUPTIBLE;
        if (!c.softirq_pending) {
            schedule();
            continue;
        }
        c.curr->__state = TASK_RUNNING;
        local_irq_disable_internal();
        if (this_cpu().softirq_pending) handle_softirqs(true);
        local_irq_enable_internal();
        _cond_resched(__FILE__, __LINE__);
    }
}

// ---------------------------------------------------------------- tasklets

namespace {

void tasklet_schedule_common(tasklet_struct* t, bool hi) {
    // local_irq_save()/restore() inline: tasklets are mostly scheduled from
    // IRQ handlers, where interrupts are already off.
    charge(this_kernel().cfg.costs.lock_op);  // may take an interrupt or move us: CPU after
    Cpu& c = this_cpu();
    bool irqs_were_on = c.core.irqs_on;
    if (irqs_were_on) local_irq_disable_internal();
    TaskletList& l = hi ? c.tasklet_hi_vec : c.tasklet_vec;
    t->next = nullptr;
    *l.tail = t;
    l.tail = &t->next;
    raise_softirq_irqoff_on(c, hi ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
    if (irqs_were_on) local_irq_enable_internal();
}

bool tasklet_clear_sched(Kernel& k, tasklet_struct* t) {
    if (test_and_clear_bit(TASKLET_STATE_SCHED, &t->state)) {
        if (waitqueue_active(&k.var_wq)) wake_up_var(k);
        return true;
    }
    std::uintptr_t fn = t->use_callback ? reinterpret_cast<std::uintptr_t>(t->callback)
                                        : reinterpret_cast<std::uintptr_t>(t->func);
    WARN_ONCE(1, "tasklet SCHED state not set: %s %s\n", t->use_callback ? "callback" : "func",
              format_symbol(k, fn).c_str());
    return false;
}

__attribute__((noinline)) void tasklet_action_common(bool hi) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    TaskletList& l = hi ? c.tasklet_hi_vec : c.tasklet_vec;
    unsigned int nr = hi ? HI_SOFTIRQ : TASKLET_SOFTIRQ;
    local_irq_disable_internal();
    tasklet_struct* list = l.head;
    l.head = nullptr;
    l.tail = &l.head;
    local_irq_enable_internal();
    while (list) {
        tasklet_struct* t = list;
        list = list->next;
        if (tasklet_trylock(t)) {
            if (!atomic_read(&t->count)) {
                if (tasklet_clear_sched(k, t)) {
                    charge(k.cfg.costs.tasklet_run);
                    if (t->use_callback) t->callback(t);
                    else t->func(t->data);
                }
                tasklet_unlock(t);
                if (waitqueue_active(&k.var_wq)) wake_up_var(k);
                continue;
            }
            tasklet_unlock(t);
        }
        // Running elsewhere or disabled: back on this CPU's list, softirq re-raised.
        local_irq_disable_internal();
        Cpu& now = this_cpu();
        TaskletList& nl = hi ? now.tasklet_hi_vec : now.tasklet_vec;
        t->next = nullptr;
        *nl.tail = t;
        nl.tail = &t->next;
        now.softirq_pending |= 1u << nr;
        local_irq_enable_internal();
    }
}

void tasklet_action(softirq_action*) { tasklet_action_common(false); }
void tasklet_hi_action(softirq_action*) { tasklet_action_common(true); }

}  // namespace

void softirq_init(Kernel& k) {
    k.softirq_vec[TASKLET_SOFTIRQ] = &tasklet_action;
    k.softirq_vec[HI_SOFTIRQ] = &tasklet_hi_action;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void __raise_softirq_irqoff(unsigned int nr) { this_cpu().softirq_pending |= 1u << nr; }

void raise_softirq_irqoff(unsigned int nr) { raise_softirq_irqoff_on(this_cpu(), nr); }

void raise_softirq(unsigned int nr) {
    unsigned long flags = arch_local_irq_save();
    raise_softirq_irqoff_on(this_cpu(), nr);
    arch_local_irq_restore(flags);
}

unsigned int __emu_local_softirq_pending(void) { return this_cpu().softirq_pending; }

void open_softirq(int nr, void (*action)(struct softirq_action*)) {
    Kernel& k = this_kernel();
    // open_softirq() is not exported to modules on Linux; a module using it
    // (a patched-kernel example) gets a clear refusal instead of a crash.
    printk_emit(k, LOGLEVEL_ERR,
                "emu: open_softirq(%d) is not available to modules: softirq vectors are fixed at build time\n", nr);
    (void)action;
}

void do_softirq(void) {
    Cpu& c = this_cpu();
    if (c.preempt_count & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK)) return;
    unsigned long flags = arch_local_irq_save();
    Cpu& now = this_cpu();
    if (now.softirq_pending && !ksoftirqd_running(now, now.softirq_pending)) handle_softirqs(false);
    arch_local_irq_restore(flags);
}

void local_bh_disable(void) {
    charge(this_kernel().cfg.costs.lock_op);
    Cpu& c = this_cpu();
    WARN_ON_ONCE(c.preempt_count & HARDIRQ_MASK);
    c.preempt_count += SOFTIRQ_DISABLE_OFFSET;
}

void _local_bh_enable(void) { this_cpu().preempt_count -= SOFTIRQ_DISABLE_OFFSET; }

// __local_bh_enable_ip(): only the enable that brings the BH count to zero
// in task context runs pending softirqs, synchronously.
void __emu_local_bh_enable_cnt(unsigned int cnt) {
    Cpu& c = this_cpu();
    charge(c.k.cfg.costs.lock_op);
    WARN_ON_ONCE(c.preempt_count & HARDIRQ_MASK);
    c.preempt_count -= cnt - 1;
    if (!(c.preempt_count & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK)) && c.softirq_pending) do_softirq();
    Cpu& now = this_cpu();
    now.preempt_count -= 1;
    if (now.k.cfg.preempt == PreemptModel::Full && should_resched_voluntary()) __schedule(true);
}

void local_bh_enable(void) { __emu_local_bh_enable_cnt(SOFTIRQ_DISABLE_OFFSET); }

void __tasklet_schedule(struct tasklet_struct* t) {
    charge(this_kernel().cfg.costs.api_call);
    emu::kern::tasklet_schedule_common(t, false);
}

void __tasklet_hi_schedule(struct tasklet_struct* t) {
    charge(this_kernel().cfg.costs.api_call);
    emu::kern::tasklet_schedule_common(t, true);
}

void tasklet_init(struct tasklet_struct* t, void (*func)(unsigned long), unsigned long data) {
    t->next = nullptr;
    t->state = 0;
    atomic_set(&t->count, 0);
    t->func = func;
    t->use_callback = false;
    t->data = data;
}

void tasklet_setup(struct tasklet_struct* t, void (*callback)(struct tasklet_struct*)) {
    t->next = nullptr;
    t->state = 0;
    atomic_set(&t->count, 0);
    t->callback = callback;
    t->use_callback = true;
    t->data = 0;
}

void tasklet_unlock_spin_wait(struct tasklet_struct* t) {
    Kernel& k = this_kernel();
    while (test_bit(TASKLET_STATE_RUN, &t->state)) charge(k.cfg.costs.spin_step);
}

void tasklet_unlock_wait(struct tasklet_struct* t) {
    Kernel& k = this_kernel();
    wait_var_until(k, [](void* p) { return !test_bit(TASKLET_STATE_RUN, &static_cast<tasklet_struct*>(p)->state); }, t);
}

void tasklet_kill(struct tasklet_struct* t) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    if (in_interrupt()) printk_emit(k, LOGLEVEL_NOTICE, "softirq: Attempt to kill tasklet from interrupt\n");
    while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
        wait_var_until(k, [](void* p) { return !test_bit(TASKLET_STATE_SCHED, &static_cast<tasklet_struct*>(p)->state); },
                       t);
    tasklet_unlock_wait(t);
    clear_bit(TASKLET_STATE_SCHED, &t->state);
    wake_up_var(k);
}

}  // extern "C"
