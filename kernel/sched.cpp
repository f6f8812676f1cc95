// Mirrors kernel/sched/core.c (a small subset): per-CPU FIFO run queues with a
// time slice, wake-ups with idle-CPU selection and wake-up preemption, the
// three preemption models, schedule_debug's "scheduling while atomic" check,
// and preempt_count as a per-CPU variable (so a softirq that sleeps leaks its
// count exactly as on Linux). Dropped: CFS vruntime, load balancing beyond
// "an idle CPU pulls from the busiest", RT classes, nice levels.
#include "kernel/sched.hpp"
#include "kernel/watchdog.hpp"

#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/process.hpp"
#include "kernel/printk.hpp"
#include "kernel/time.hpp"

#include "kernel/include/linux/smp.h"

#include <cerrno>

namespace emu::kern {

namespace {

// Time slice 3 ms, wake-up granularity 1 ms, sleeper credit 3 ms (sched_latency / 2,
// GENTLE_FAIR_SLEEPERS): precomputed in cycles in Kernel (sched_slice, ...).

void enqueue(Cpu& c, Task* t) {
    list_add_tail(&t->run_node, &c.runqueue);
    ++c.nr_queued;
    t->home = &c;
    t->cpu = static_cast<unsigned>(c.id);
}

void dequeue(Cpu& c, Task* t) {
    list_del_init(&t->run_node);
    --c.nr_queued;
}

bool cpu_idle(const Cpu& c) { return c.curr->is_idle() && c.nr_queued == 0; }

unsigned load(const Cpu& c) { return c.nr_queued + (c.curr->is_idle() ? 0u : 1u); }

// select_task_rq: stay where we were if that CPU is idle, else take an idle
// CPU, else stay. Bound tasks and tasks with an interrupt frame on their
// stack never move.
Cpu& select_task_rq(Kernel& k, Task* p) {
    if (p->bound || p->atomic_sleeper) return *p->home;
    Cpu* prev = p->home;
    bool prev_ok = prev && (p->allowed >> prev->id & 1);
    if (prev_ok && cpu_idle(*prev)) return *prev;
    Cpu* self = in_guest() ? &this_cpu() : nullptr;
    if (self && self != prev && (p->allowed >> self->id & 1) && cpu_idle(*self)) return *self;
    if (k.cpus.size() > 1) {
        for (auto& c : k.cpus)
            if ((p->allowed >> c->id & 1) && cpu_idle(*c)) return *c;
    }
    if (prev_ok) return *prev;
    Cpu* best = nullptr;
    for (auto& c : k.cpus)
        if ((p->allowed >> c->id & 1) && (!best || load(*c) < load(*best))) best = c.get();
    return best ? *best : k.cpu(0);
}

Cycles curr_vruntime(const Cpu& c) {
    const Task* t = c.curr;
    return t->vruntime + (c.core.clock > t->exec_start ? c.core.clock - t->exec_start : 0);
}

// `cv`: curr_vruntime(c), or kNever when the idle task runs.
void update_min_vruntime(Cpu& c, Cycles cv) {
    Cycles m = cv;
    list_head* pos;
    list_for_each(pos, &c.runqueue) m = std::min(m, list_entry(pos, Task, run_node)->vruntime);
    if (m != kNever && m > c.min_vruntime) c.min_vruntime = m;
}

Cycles curr_vruntime_or_never(const Cpu& c) { return c.curr->is_idle() ? kNever : curr_vruntime(c); }

void update_min_vruntime(Cpu& c) { update_min_vruntime(c, curr_vruntime_or_never(c)); }

// place_entity(): a task that slept gets at most half a latency period of credit.
void place_woken(Cpu& c, Task* p, bool fresh, Cycles cv) {
    Kernel& k = c.k;
    update_min_vruntime(c, cv);
    Cycles credit = k.sched_sleeper_credit;
    Cycles floor = fresh ? c.min_vruntime : (c.min_vruntime > credit ? c.min_vruntime - credit : 0);
    if (fresh || p->vruntime < floor) p->vruntime = floor;
}

// check_preempt_wakeup(): the woken task runs first if it is "behind" by more
// than the wake-up granularity -- a task that slept preempts a CPU hog.
// `cv` as for update_min_vruntime() (the clock has not moved since).
void check_preempt_wakeup(Cpu& target, Task* p, Cycles cv) {
    if (cv == kNever) return resched_curr(target);
    Kernel& k = target.k;
    if (cv > p->vruntime && cv - p->vruntime > k.sched_wakeup_gran) resched_curr(target);
}

// Places a woken or new task on `target`'s run queue and lets it preempt.
[[gnu::always_inline]] inline void activate_task(Cpu& target, Task* p, bool fresh) {
    Cycles cv = curr_vruntime_or_never(target);
    place_woken(target, p, fresh, cv);
    enqueue(target, p);
    check_preempt_wakeup(target, p, cv);
}

void migrate_vruntime(Task* t, const Cpu& from, const Cpu& to) {
    t->vruntime = t->vruntime - std::min(t->vruntime, from.min_vruntime) + to.min_vruntime;
}

// newidle balance: a CPU about to idle pulls a queued, movable task from the busiest CPU.
Task* pull_task(Cpu& c) {
    Cpu* busiest = nullptr;
    for (auto& o : c.k.cpus)
        if (o.get() != &c && o->nr_queued && (!busiest || o->nr_queued > busiest->nr_queued)) busiest = o.get();
    if (!busiest) return nullptr;
    list_head* pos;
    list_for_each(pos, &busiest->runqueue) {
        Task* t = list_entry(pos, Task, run_node);
        if (t->bound || t->atomic_sleeper || !(t->allowed >> c.id & 1)) continue;
        dequeue(*busiest, t);
        migrate_vruntime(t, *busiest, c);
        t->home = &c;
        t->cpu = static_cast<unsigned>(c.id);
        return t;
    }
    return nullptr;
}

}  // namespace

void send_ipi(int cpu, int vector) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.ipi_send);
    k.pic.write(IrqController::IPI, (static_cast<std::uint64_t>(cpu) << 32) | static_cast<unsigned>(vector),
                this_cpu().id);
}

void resched_curr(Cpu& target) {
    if (target.need_resched) return;
    target.need_resched = true;
    if (!in_guest() || &target == &this_cpu()) return;
    send_ipi(target.id, kRescheduleVector);
}

Task* create_task(Kernel& k, TaskKind kind, const std::string& comm, Task* parent) {
    auto owned = std::make_unique<Task>();
    Task* t = owned.get();
    t->kernel = &k;
    t->kind = kind;
    t->pid = kind == TaskKind::Idle ? 0 : ++k.last_pid;
    t->tgid = t->pid;
    t->__state = TASK_NEW;
    refcount_set(&t->usage, 1);
    t->prio = t->static_prio = t->normal_prio = DEFAULT_PRIO;
    t->flags = kind == TaskKind::User ? 0 : PF_KTHREAD;
    if (kind == TaskKind::Idle) t->flags |= PF_IDLE;
    std::snprintf(t->comm, sizeof t->comm, "%s", comm.c_str());
    INIT_LIST_HEAD(&t->run_node);
    INIT_LIST_HEAD(&t->children);
    INIT_LIST_HEAD(&t->sibling);
    INIT_LIST_HEAD(&t->pending.list);
    init_completion(&t->kthread_exited);
    init_completion(&t->kthread_parked);
    __init_waitqueue_head(&t->child_exit, "child_exit", nullptr);
    t->real_parent = t->parent = parent;
    if (parent) list_add_tail(&t->sibling, &parent->children);
    if (kind != TaskKind::Idle) {
        list_add_tail(&t->all_node, &k.tasks);
        k.pid_map.emplace(t->pid, std::move(owned));
    } else {
        INIT_LIST_HEAD(&t->all_node);
        k.pid_map.emplace(-1 - static_cast<int>(k.pid_map.size()), std::move(owned));  // idle tasks: not findable by pid
    }
    return t;
}

void release_task_ref(Task* t) {
    if (!refcount_dec_and_test(&t->usage)) return;
    Kernel& k = *t->kernel;
    if (t->is_idle()) return;
    // The last reference is gone: unhash and free (the stack was freed at exit).
    list_del_init(&t->all_node);
    list_del_init(&t->sibling);
    auto it = k.pid_map.find(t->pid);
    if (it != k.pid_map.end()) {
        k.freed_tasks.push_back(std::move(it->second));
        k.pid_map.erase(it);
    }
}

void wake_up_new_task(Task* p) {
    Kernel& k = *p->kernel;
    p->__state = TASK_RUNNING;
    p->on_rq = true;
    Cpu* target;
    if (p->bound) {
        target = p->home;
    } else {
        Cpu* best = nullptr;
        Cpu* self = in_guest() ? &this_cpu() : nullptr;
        for (auto& c : k.cpus) {
            if (!(p->allowed >> c->id & 1)) continue;
            if (!best || load(*c) < load(*best) || (load(*c) == load(*best) && c.get() == self)) best = c.get();
        }
        target = best ? best : &k.cpu(0);
    }
    activate_task(*target, p, true);
}

int try_to_wake_up(Task* p, unsigned int state) {
    Kernel& k = *p->kernel;
    if (in_guest()) charge(k.cfg.costs.wakeup);
    if (!(p->__state & state) || p->exited) return 0;
    p->__state = TASK_RUNNING;
    if (p->on_rq) return 1;  // woken before it got to sleep: it just keeps running
    p->on_rq = true;
    Cpu* prev = p->home;
    Cpu& target = select_task_rq(k, p);
    if (prev && prev != &target) migrate_vruntime(p, *prev, target);
    activate_task(target, p, false);
    return 1;
}

// The rare part of finish_task_switch(): the task that switched away had exited.
// Out of line, so that the common path stays small enough to inline into schedule().
[[gnu::noinline]] static void finish_dead_task(Cpu& c, Task* dead) {
    c.dead_task = nullptr;
    dead->fiber.retire();
    if (dead->reaped) release_task_ref(dead);  // kthreads: nobody waits for them
    else if (Task* parent = Task::of(dead->real_parent)) __wake_up(&parent->child_exit, TASK_INTERRUPTIBLE, 1, nullptr);
}

void finish_task_switch(Cpu& c) {
    if (Task* dead = c.dead_task) [[unlikely]]
        finish_dead_task(c, dead);
    c.core.irqs_on = true;
    c.core.refresh_deadline();
    c.watchdog_touch = c.core.clock;  // a task switch: the soft-lockup sample's stopper work ran
}

// The body of __schedule(): the caller holds PREEMPT_DISABLE_OFFSET (schedule()
// adds it; the idle task always runs with it, as on x86). Always inlined:
// each function return between the fiber switch and the caller of schedule()
// is a mispredicted return once the stack has changed (~10 ns each).
[[gnu::always_inline]] inline void schedule_body(bool preempt) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* prev = c.curr;
    // schedule_debug(): sleeping with a raised preempt_count is a bug; Linux
    // reports it, forces the count back and goes on.
    if (c.preempt_count != PREEMPT_DISABLE_OFFSET) {
        if (c.preempt_count & (HARDIRQ_MASK | SOFTIRQ_OFFSET)) prev->atomic_sleeper = true;
        schedule_bug(prev);
        c.preempt_count = PREEMPT_DISABLED;
    }
    c.core.irqs_on = false;
    c.core.refresh_deadline();
    c.need_resched = false;

    bool deactivate = !preempt && prev->__state != TASK_RUNNING;
    if (deactivate && signal_pending_state(prev->__state, prev)) {
        prev->__state = TASK_RUNNING;  // signal_pending_state(): don't sleep with a signal pending
        deactivate = false;
    }
    if (deactivate) {
        if (prev->is_idle()) {
            // dequeue_task_idle(): the idle task can never block.
            printk_emit(k, LOGLEVEL_ERR, "bad: scheduling from the idle thread!\n");
            dump_stack_current();
        } else {
            prev->on_rq = false;
        }
    }
    Task* next = nullptr;
    if (c.nr_queued) {
        next = list_first_entry(&c.runqueue, Task, run_node);
        dequeue(c, next);
        if (prev->on_rq && !prev->is_idle()) enqueue(c, prev);
    } else if (prev->on_rq && !prev->is_idle()) {
        next = prev;
    } else if (Task* pulled = pull_task(c)) {
        next = pulled;
    } else {
        next = c.idle;
    }

    if (next != prev) {
        // The idle task leaving from inside an interrupt (a timer callback
        // that slept) skips the idle loop's tick_nohz_idle_exit(); on Linux
        // the watchdog hrtimer and the other CPUs keep time moving, here the
        // tick restarts so jiffies and the soft-lockup detector go on.
        if (prev->is_idle() && c.tick_stopped) tick_nohz_idle_exit(c);
        if (preempt) ++prev->nivcsw; else ++prev->nvcsw;
        // update_curr(): charge the run to prev, then it counts from now
        // (update_min_vruntime() must not add the same run again).
        Cycles now = c.core.clock;
        prev->sum_exec += now - prev->exec_start;
        if (!prev->is_idle()) prev->vruntime += now - prev->exec_start;
        prev->exec_start = now;
        update_min_vruntime(c);
        prev->on_cpu = 0;
        if (prev->exited) c.dead_task = prev;
        c.curr = next;
        next->on_cpu = 1;
        next->home = &c;
        next->cpu = static_cast<unsigned>(c.id);
        c.core.running = &next->fiber;
        c.core.clock += k.cfg.costs.context_switch;
        next->exec_start = c.core.clock;
        next->slice_start = c.core.clock;
        prev->saved_errno = *c.core.host_errno;
        Fiber::switch_to(prev->fiber, next->fiber);
        // `prev` runs again here, perhaps on another CPU.
        *tl_core->host_errno = prev->saved_errno;
    }
    finish_task_switch(this_cpu());
}

[[gnu::always_inline]] inline void schedule_inline(bool preempt) {
    this_cpu().preempt_count += PREEMPT_DISABLE_OFFSET;
    schedule_body(preempt);
    Cpu& c = this_cpu();
    c.preempt_count -= PREEMPT_DISABLE_OFFSET;
    if (c.core.intr && c.core.irqs_on) preempt_point_slow();
}

void __schedule_raw(bool preempt) { schedule_body(preempt); }

void __schedule(bool preempt) { schedule_inline(preempt); }

void schedule_idle() { schedule_body(false); }

void preempt_schedule_irq() {
    do {
        __schedule(true);
    } while (this_cpu().need_resched && this_cpu().preempt_count == 0);
}

void scheduler_tick(Cpu& c) {
    update_min_vruntime(c);
    Task* curr = c.curr;
    if (curr->is_idle() || !c.nr_queued) return;
    Cycles ran = c.core.clock - curr->slice_start;
    if (ran >= c.k.sched_slice) resched_curr(c);
}

bool should_resched_voluntary() {
    Cpu& c = this_cpu();
    return c.need_resched && c.preempt_count == 0 && c.core.irqs_on;
}

// Interrupts, horizon and preemption: everything a preemption point does
// besides counting cycles. Out of line always: splats find the interrupted
// code by this function's frame.
__attribute__((noinline)) void preempt_point_slow() {
    CpuCore* core = tl_core;
    bool yielded = false;
    for (;;) {
        if (core->intr && core->irqs_on) {
            handle_irqs(this_cpu());
            // The interrupt may have rescheduled this task, which may now run on another CPU.
            core = tl_core;
            continue;
        }
        // Yield at most once: the loop hands us a fresh horizon when it resumes us.
        if (!yielded && core->clock >= core->horizon) {
            // With interrupts off only the NMI watchdog can still look at this CPU.
            if (!core->irqs_on) hardlockup_check(this_cpu());
            core->engine->yield_to_loop(*core);
            yielded = true;
            continue;
        }
        break;
    }
    core->refresh_deadline();
}

void user_work(Cycles cycles) {
    Cpu& c = this_cpu();
    c.curr->user_mode = true;
    charge(cycles);
    Cpu& now = this_cpu();
    now.curr->user_mode = false;
    syscall_exit();
}

void syscall_enter() {
    Cpu& c = this_cpu();
    c.curr->user_mode = false;
    charge(c.k.cfg.costs.syscall);
}

// exit_to_user_mode(): reschedule and deliver signals before user code runs again.
void syscall_exit() {
    for (;;) {
        Cpu& c = this_cpu();
        if (c.need_resched && c.preempt_count == 0) {
            __schedule(true);
            continue;
        }
        Task* t = c.curr;
        if (t->pending_signals & ~(1ull << 16)) do_signal_exit(t);  // fatal signals (SIGCHLD ignored)
        break;
    }
    this_cpu().curr->user_mode = true;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void schedule(void) {
    charge(this_kernel().cfg.costs.api_call);
    schedule_inline(false);
}

void preempt_schedule(void) {
    if (should_resched_voluntary()) __schedule(true);
}

struct task_struct* get_current(void) { return this_cpu().curr; }

unsigned int __emu_preempt_count(void) { return this_cpu().preempt_count; }

void preempt_count_add(int val) {
    charge(this_kernel().cfg.costs.lock_op);
    this_cpu().preempt_count += static_cast<unsigned>(val);
}

void preempt_count_sub(int val) {
    Cpu& c = this_cpu();
    if (c.preempt_count < static_cast<unsigned>(val)) {
        WARN_ON_ONCE(1);  // unbalanced preempt_enable: Linux warns (DEBUG_PREEMPT)
        return;
    }
    c.preempt_count -= static_cast<unsigned>(val);
}

void __emu_preempt_enable(void) {
    Cpu& c = this_cpu();
    preempt_count_sub(1);
    // Only a fully preemptible kernel reschedules at preempt_enable().
    if (c.k.cfg.preempt == PreemptModel::Full && should_resched_voluntary()) __schedule(true);
}

int wake_up_process(struct task_struct* p) { return try_to_wake_up(Task::of(p), TASK_NORMAL); }
int wake_up_state(struct task_struct* p, unsigned int state) { return try_to_wake_up(Task::of(p), state); }

void __emu_set_current_state(unsigned int state) { this_cpu().curr->__state = state; }

int _cond_resched(const char* file, int line) {
    Cpu& c = this_cpu();
    charge(c.k.cfg.costs.api_call);
    might_resched_check(file, line, 0);
    if (c.k.cfg.preempt == PreemptModel::Full) return 0;  // no-op under full preemption
    if (should_resched_voluntary()) {
        __schedule(true);
        return 1;
    }
    return 0;
}

void yield(void) {
    charge(this_kernel().cfg.costs.api_call);
    this_cpu().curr->__state = TASK_RUNNING;
    __schedule(false);
}

// A kernel thread has only the signals it allowed queued (send_signal()).
int signal_pending(struct task_struct* p) { return Task::of(p)->pending_signals != 0; }
int fatal_signal_pending(struct task_struct* p) { return (Task::of(p)->pending_signals & (1ull << 8)) != 0; }

char* __get_task_comm(char* to, size_t len, struct task_struct* tsk) {
    std::snprintf(to, len, "%s", tsk->comm);
    return to;
}
void set_user_nice(struct task_struct* p, long nice) { p->static_prio = static_cast<int>(DEFAULT_PRIO + nice); }
int task_nice(const struct task_struct* p) { return p->static_prio - DEFAULT_PRIO; }

struct task_struct* __emu_get_task_struct(struct task_struct* t) {
    refcount_inc(&t->usage);
    return t;
}
void __put_task_struct(struct task_struct* t) { release_task_ref(Task::of(t)); }

int __emu_smp_processor_id(void) { return this_cpu().id; }
unsigned int num_online_cpus(void) { return static_cast<unsigned>(this_kernel().nr_cpus()); }
unsigned int __emu_nr_cpu_ids(void) { return num_online_cpus(); }

}  // extern "C"
