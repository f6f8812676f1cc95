// Mirrors kernel/workqueue.c (Linux 6.1 semantics, events/N threading):
//  - PENDING (bit 0 of work->data) makes queueing idempotent: queue_work()
//    of a pending item returns false; the item runs once for all of them;
//  - PENDING is cleared just before the function runs, so an item may be
//    requeued while it runs (it then runs again after, on the same worker);
//  - non-reentrancy: an item queued while running on another worker goes to
//    that worker, so it never runs concurrently with itself;
//  - delayed work is a TIMER_IRQSAFE timer that queues the work;
//  - flush_work/flush_workqueue insert barrier items and wait for them;
//    cancel_*_sync keep PENDING while they wait so the item cannot be requeued;
//  - destroy_workqueue drains, then stops the workers; queueing to a
//    draining/destroyed queue is refused with Linux's WARN.
// work->data holds the worker (last or current) in its upper bits and
// PENDING/PWQ/CANCELING in the low 8 bits.
// Dropped: concurrency management and kworker pools, rescuers, max_active > 1
// on a single worker (items run one at a time per worker).
#include "kernel/workqueue.hpp"

#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/lockdep.hpp"
#include "kernel/printk.hpp"
#include "kernel/process.hpp"
#include "kernel/sched.hpp"
#include "kernel/vsprintf.hpp"
#include "emu/sim/panic.hpp"

#include <cstdarg>

namespace emu::kern {

namespace {

constexpr unsigned long kFlagMask = (1ul << WORK_STRUCT_FLAG_BITS) - 1;
constexpr unsigned long kPending = WORK_STRUCT_PENDING;
constexpr unsigned long kPwq = WORK_STRUCT_PWQ;
constexpr unsigned long kCanceling = 1ul << 7;  // WORK_OFFQ_CANCELING, kept in the flag byte here
constexpr const char* kSystemNames[7] = {"events", "events_highpri", "events_long", "events_unbound",
                                         "events_freezable", "events_power_efficient",
                                         "events_freezable_power_efficient"};

unsigned long* data_bits(work_struct* w) { return reinterpret_cast<unsigned long*>(&w->data.counter); }
Worker* worker_of(work_struct* w) { return reinterpret_cast<Worker*>(atomic_long_read(&w->data) & ~kFlagMask); }
void set_data(work_struct* w, Worker* wk, unsigned long flags) {
    atomic_long_set(&w->data, static_cast<long>(reinterpret_cast<unsigned long>(wk) | flags));
}

int worker_thread(void* arg);

// events/0, or the queue's name for an unbound one (the task's comm may be cut to 15 characters).
std::string worker_name(const Worker& w) { return w.cpu >= 0 ? w.wq->name + "/" + std::to_string(w.cpu) : w.wq->name; }

void start_worker_thread(Kernel& k, Worker& w) {
    w.task = create_kthread(k, &worker_thread, &w, worker_name(w));
    w.task->worker = &w;
    w.task->flags |= PF_WQ_WORKER;
    if (w.cpu >= 0) kthread_bind(w.task, static_cast<unsigned>(w.cpu));
    wake_up_process(w.task);
}

Worker& get_worker(Kernel& k, Workqueue& wq, int cpu) {
    std::size_t slot = wq.per_cpu ? static_cast<std::size_t>(cpu) : 0;
    auto& w = wq.workers[slot];
    if (!w) {
        w = std::make_unique<Worker>();
        w->wq = &wq;
        w->cpu = wq.per_cpu ? cpu : -1;
        INIT_LIST_HEAD(&w->worklist);
        start_worker_thread(k, *w);
    }
    return *w;
}

bool is_chained_work(Workqueue& wq) {
    Task* t = in_guest() ? this_cpu().curr : nullptr;
    return t && t->worker && t->worker->wq == &wq;
}

// Wakes the worker only when it is idle: while it runs an item, the task's
// sleep belongs to that item (its schedule_timeout() must not end early), and the
// worker looks at its list again before it goes idle.
void kick_worker(Worker& w) {
    if (!w.current_work) try_to_wake_up(w.task, TASK_NORMAL);
}

void insert_work(Worker& w, work_struct* work, list_head* where) {
    set_data(work, &w, kPending | kPwq);
    list_add_tail(&work->entry, where);
    kick_worker(w);
}

void __queue_work(int cpu, Workqueue* wq, work_struct* work) {
    Kernel& k = this_kernel();
    // 6.1: queueing to a draining or destroyed queue (other than chained work)
    // is a bare WARN_ON_ONCE, and the item is dropped with PENDING still set.
    if (!wq || wq->destroyed || (wq->flags & (__WQ_DRAINING | __WQ_DESTROYING))) {
        if (!wq || !is_chained_work(*wq)) {
            WARN_ON_ONCE(1);
            return;
        }
    }
    if (cpu == WORK_CPU_UNBOUND || cpu < 0 || cpu >= k.nr_cpus()) cpu = this_cpu().id;
    Worker* target = &get_worker(k, *wq, cpu);
    // Non-reentrancy: running elsewhere for the same wq -> queue behind it there.
    Worker* last = worker_of(work);
    if (last && last != target && last->wq == wq && last->current_work == work) target = last;
    if (!list_empty(&work->entry)) {
        WARN_ON(1);
        return;
    }
    insert_work(*target, work, &target->worklist);
}

constexpr int kGrabRetry = -1;      // -EAGAIN: someone is queueing it right now
constexpr int kGrabCanceling = -2;  // -ENOENT: another task is canceling it

// try_to_grab_pending(): 1 if it stole a pending item (from its timer or its
// list), 0 if it was idle; PENDING is ours in both cases.
int try_to_grab_pending(work_struct* work, bool is_dwork) {
    if (is_dwork) {
        auto* dwork = container_of(work, delayed_work, work);
        if (__emu_timer_delete(&dwork->timer)) return 1;
    }
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, data_bits(work))) return 0;
    unsigned long data = static_cast<unsigned long>(atomic_long_read(&work->data));
    if (data & kPwq) {
        list_del_init(&work->entry);
        set_data(work, worker_of(work), kPending);
        return 1;
    }
    return (data & kCanceling) ? kGrabCanceling : kGrabRetry;
}

// Grabs PENDING, retrying (with IRQs on, time passing) while a queueing is in flight.
int grab_pending_retry(Kernel& k, work_struct* work, bool is_dwork, unsigned long* flags) {
    for (;;) {
        *flags = arch_local_irq_save();
        int ret = try_to_grab_pending(work, is_dwork);
        if (ret != kGrabRetry) return ret;
        arch_local_irq_restore(*flags);
        charge(k.cfg.costs.spin_step);
    }
}

struct Barrier {
    work_struct work;
    completion done;
};

void barrier_fn(work_struct* w) { complete(&container_of(w, Barrier, work)->done); }

void init_barrier(Barrier& b) {
    INIT_LIST_HEAD(&b.work.entry);
    b.work.func = barrier_fn;
    atomic_long_set(&b.work.data, 0);
    init_completion(&b.done);
}

// start_flush_work(): a barrier right after the item (queued) or at the head (running).
bool flush_work_internal(work_struct* work) {
    Kernel& k = this_kernel();
    Barrier b;
    init_barrier(b);
    unsigned long flags = arch_local_irq_save();
    unsigned long data = static_cast<unsigned long>(atomic_long_read(&work->data));
    Worker* w = worker_of(work);
    bool queued = (data & kPwq) && w;
    bool running = w && w->current_work == work;
    if (!queued && !running) {
        arch_local_irq_restore(flags);
        return false;
    }
    if (queued) {
        set_data(&b.work, w, kPending | kPwq);
        list_add(&b.work.entry, &work->entry);
        kick_worker(*w);
    } else {
        insert_work(*w, &b.work, w->worklist.next);
    }
    arch_local_irq_restore(flags);
    (void)k;
    wait_for_completion(&b.done);
    EMU_ASSERT(list_empty(&b.work.entry), "flush barrier still queued after its completion");
    return true;
}

void flush_wq_internal(Workqueue& wq) {
    __might_sleep("kernel/workqueue.c", 2812);
    std::vector<std::unique_ptr<Barrier>> barriers;
    for (auto& w : wq.workers) {
        if (!w) continue;
        auto b = std::make_unique<Barrier>();
        init_barrier(*b);
        unsigned long flags = arch_local_irq_save();
        insert_work(*w, &b->work, &w->worklist);
        arch_local_irq_restore(flags);
        barriers.push_back(std::move(b));
    }
    for (auto& b : barriers) wait_for_completion(&b->done);
}

bool wq_busy(Workqueue& wq) {
    for (auto& w : wq.workers)
        if (w && (!list_empty(&w->worklist) || w->current_work)) return true;
    return false;
}

void process_one_work(Kernel& k, Worker& w, work_struct* work) {
    list_del_init(&work->entry);
    w.current_work = work;
    w.current_func = work->func;
    set_data(work, &w, 0);  // PENDING cleared before the call: it may be requeued meanwhile
    local_irq_enable_internal();
    charge(k.cfg.costs.work_run);
    work_func_t fn = w.current_func;
    fn(work);
    Cpu& c = this_cpu();
    Task* t = c.curr;
    if (c.preempt_count || t->lockdep_depth) {
        printk_emit(k, LOGLEVEL_ERR, "BUG: workqueue leaked lock or atomic: %s/0x%08x/%d\n", t->comm,
                    c.preempt_count, t->pid);
        printk_emit(k, LOGLEVEL_ERR, "     last function: %s\n",
                    format_symbol_name(k, reinterpret_cast<std::uintptr_t>(fn)).c_str());
        if (k.lockdep) k.lockdep->print_held_locks(t, true);
        dump_stack_current();
    }
    local_irq_disable_internal();
    w.current_work = nullptr;
    w.current_func = nullptr;
}

int worker_thread(void* arg) {
    auto* w = static_cast<Worker*>(arg);
    Kernel& k = this_kernel();
    for (;;) {
        this_cpu().curr->__state = TASK_INTERRUPTIBLE;
        if (list_empty(&w->worklist)) {
            if (w->stopping || kthread_should_stop()) break;
            schedule();
            continue;
        }
        this_cpu().curr->__state = TASK_RUNNING;
        local_irq_disable_internal();
        while (!list_empty(&w->worklist)) {
            work_struct* work = list_first_entry(&w->worklist, work_struct, entry);
            process_one_work(k, *w, work);
            local_irq_enable_internal();
            _cond_resched("kernel/workqueue.c", 2485);
            local_irq_disable_internal();
        }
        local_irq_enable_internal();
    }
    this_cpu().curr->__state = TASK_RUNNING;
    return 0;
}

Workqueue* create_wq(Kernel& k, std::string name, unsigned flags, int max_active) {
    auto wq = std::make_unique<Workqueue>();
    if (name.size() > 23) name.resize(23);  // WQ_NAME_LEN 24
    wq->name = std::move(name);
    wq->flags = flags;
    wq->per_cpu = !(flags & WQ_UNBOUND);
    if (max_active == 0) max_active = WQ_DFL_ACTIVE;
    if (max_active < 1 || max_active > WQ_MAX_ACTIVE) {
        printk_emit(k, LOGLEVEL_WARNING,
                    "workqueue: max_active %d requested for %s is out of range, clamping between %d and %d\n",
                    max_active, wq->name.c_str(), 1, WQ_MAX_ACTIVE);
        max_active = std::clamp(max_active, 1, static_cast<int>(WQ_MAX_ACTIVE));
    }
    wq->max_active = max_active;
    wq->workers.resize(wq->per_cpu ? static_cast<std::size_t>(k.nr_cpus()) : 1);
    Workqueue* raw = wq.get();
    k.workqueues.push_back(std::move(wq));
    return raw;
}

}  // namespace

void workqueue_init(Kernel& k) {
    for (int i = 0; i < 7; ++i) {
        unsigned flags = (i == 3) ? WQ_UNBOUND : 0;
        k.system_wqs[static_cast<std::size_t>(i)] = create_wq(k, kSystemNames[i], flags, i == 3 ? WQ_MAX_ACTIVE : 0);
    }
    // events/N exist from boot, as on a pre-cmwq kernel; the others on first use.
    for (int cpu = 0; cpu < k.nr_cpus(); ++cpu) get_worker(k, *k.system_wqs[0], cpu);
    k.workqueues_online = true;
}


// 6.1's pool outlives a kworker that dies in an Oops: the manager creates
// another when work is pending and no worker is idle. Here the worker's items
// go on in a new thread of the same name; the item that oopsed is lost, as
// on Linux.
void workqueue_worker_died(Kernel& k, Task* dying) {
    Worker& w = *dying->worker;
    dying->worker = nullptr;
    w.current_work = nullptr;
    w.current_func = nullptr;
    start_worker_thread(k, w);
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void __emu_init_work(struct work_struct* work, work_func_t func) {
    atomic_long_set(&work->data, WORK_STRUCT_NO_POOL);
    INIT_LIST_HEAD(&work->entry);
    work->func = func;
}

void __emu_init_delayed_work(struct delayed_work* dwork, work_func_t func, unsigned int timer_flags) {
    __emu_init_work(&dwork->work, func);
    init_timer_key(&dwork->timer, delayed_work_timer_fn, timer_flags | TIMER_IRQSAFE, "&dwork->timer", nullptr);
    dwork->wq = nullptr;
    dwork->cpu = 0;
}

struct workqueue_struct* __emu_system_wq(int which) {
    Kernel& k = this_kernel();
    return reinterpret_cast<workqueue_struct*>(k.system_wqs[static_cast<std::size_t>(which)]);
}

struct workqueue_struct* alloc_workqueue(const char* fmt, unsigned int flags, int max_active, ...) {
    Kernel& k = this_kernel();
    char name[64];
    va_list ap;
    va_start(ap, max_active);
    emu::kern::kernel_vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    if ((flags & WQ_UNBOUND) && max_active == 1) flags |= __WQ_ORDERED;
    Workqueue* wq = create_wq(k, name, flags, max_active);
    // A dedicated queue gets its threads at creation, as create_workqueue() did.
    if (wq->per_cpu)
        for (int cpu = 0; cpu < k.nr_cpus(); ++cpu) get_worker(k, *wq, cpu);
    else
        get_worker(k, *wq, 0);
    return reinterpret_cast<workqueue_struct*>(wq);
}

bool queue_work_on(int cpu, struct workqueue_struct* wq, struct work_struct* work) {
    charge(this_kernel().cfg.costs.work_queue);
    unsigned long flags = arch_local_irq_save();
    bool ret = false;
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
        __queue_work(cpu, reinterpret_cast<Workqueue*>(wq), work);
        ret = true;
    }
    arch_local_irq_restore(flags);
    return ret;
}

void delayed_work_timer_fn(struct timer_list* t) {
    auto* dwork = container_of(t, struct delayed_work, timer);
    __queue_work(dwork->cpu, reinterpret_cast<Workqueue*>(dwork->wq), &dwork->work);
}

static void queue_delayed(int cpu, struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay) {
    Kernel& k = this_kernel();
    timer_list* timer = &dwork->timer;
    WARN_ON_ONCE(!wq);
    WARN_ON_ONCE(timer->function != delayed_work_timer_fn);
    WARN_ON_ONCE(timer_pending(timer));
    WARN_ON_ONCE(!list_empty(&dwork->work.entry));
    if (!delay) {
        __queue_work(cpu, reinterpret_cast<Workqueue*>(wq), &dwork->work);
        return;
    }
    dwork->wq = wq;
    dwork->cpu = cpu;
    timer->expires = k.jiffies_now + delay;
    if (cpu != WORK_CPU_UNBOUND) add_timer_on(timer, cpu);
    else add_timer(timer);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay) {
    unsigned long flags = arch_local_irq_save();
    bool ret = false;
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work))) {
        queue_delayed(cpu, wq, dwork, delay);
        ret = true;
    }
    arch_local_irq_restore(flags);
    return ret;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct* wq, struct delayed_work* dwork, unsigned long delay) {
    unsigned long flags;
    int ret = grab_pending_retry(this_kernel(), &dwork->work, true, &flags);
    if (ret >= 0) queue_delayed(cpu, wq, dwork, delay);
    arch_local_irq_restore(flags);
    return ret > 0;
}

bool flush_work(struct work_struct* work) {
    Kernel& k = this_kernel();
    __might_sleep("kernel/workqueue.c", 3158);
    if (WARN_ON(!k.workqueues_online || !work->func)) return false;
    return flush_work_internal(work);
}

bool flush_delayed_work(struct delayed_work* dwork) {
    unsigned long flags = arch_local_irq_save();
    if (timer_delete_sync(&dwork->timer))
        __queue_work(dwork->cpu, reinterpret_cast<Workqueue*>(dwork->wq), &dwork->work);
    arch_local_irq_restore(flags);
    return flush_work(&dwork->work);
}

// flush_scheduled_work() and flush_workqueue() are header macros; for a system
// queue 6.1 warns at build time only (SEMANTICS §5.5).
void __flush_workqueue(struct workqueue_struct* wq) { flush_wq_internal(*reinterpret_cast<Workqueue*>(wq)); }

void __warn_flushing_systemwide_wq(void) {}

void drain_workqueue(struct workqueue_struct* wq) {
    Kernel& k = this_kernel();
    auto* q = reinterpret_cast<Workqueue*>(wq);
    q->flags |= __WQ_DRAINING;
    for (unsigned tries = 1;; ++tries) {
        flush_wq_internal(*q);
        if (!wq_busy(*q)) break;
        if (tries == 10 || (tries % 100 == 0 && tries <= 1000))
            printk_emit(k, LOGLEVEL_WARNING, "workqueue %s: %s() isn't complete after %u tries\n", q->name.c_str(),
                        "drain_workqueue", tries);
    }
    q->flags &= ~static_cast<unsigned>(__WQ_DRAINING);
}

static bool cancel_common(struct work_struct* work, bool is_dwork, bool sync) {
    Kernel& k = this_kernel();
    if (sync) __might_sleep("kernel/workqueue.c", 3254);
    unsigned long flags;
    int ret;
    for (;;) {
        ret = grab_pending_retry(k, work, is_dwork, &flags);
        if (ret >= 0) break;
        arch_local_irq_restore(flags);
        if (!sync) return false;  // someone else is canceling it
        // Another canceller holds it: wait for that one to finish.
        schedule_timeout_uninterruptible(1);
    }
    if (!sync) {
        set_data(work, worker_of(work), 0);
        arch_local_irq_restore(flags);
        return ret != 0;
    }
    // Keep PENDING (and mark canceling) so nobody can queue it while we wait.
    set_data(work, worker_of(work), kPending | kCanceling);
    arch_local_irq_restore(flags);
    flush_work_internal(work);
    set_data(work, worker_of(work), 0);
    return ret != 0;
}

bool cancel_work(struct work_struct* work) { return cancel_common(work, false, false); }
bool cancel_work_sync(struct work_struct* work) { return cancel_common(work, false, true); }
bool cancel_delayed_work(struct delayed_work* dwork) { return cancel_common(&dwork->work, true, false); }
bool cancel_delayed_work_sync(struct delayed_work* dwork) { return cancel_common(&dwork->work, true, true); }

void destroy_workqueue(struct workqueue_struct* wq) {
    Kernel& k = this_kernel();
    auto* q = reinterpret_cast<Workqueue*>(wq);
    if (!q || q->destroyed) {
        WARN(1, "destroy_workqueue: workqueue destroyed twice\n");
        return;
    }
    q->flags |= __WQ_DESTROYING;
    drain_workqueue(wq);
    q->flags |= __WQ_DESTROYING;
    if (wq_busy(*q)) {
        WARN_ON(1);
        printk_emit(k, LOGLEVEL_WARNING, "destroy_workqueue: %s has the following busy pwq\n", q->name.c_str());
        return;  // leaked, as on Linux
    }
    for (auto& w : q->workers) {
        if (!w) continue;
        w->stopping = true;
        kthread_stop(w->task);
    }
    q->destroyed = true;
}

int schedule_on_each_cpu(work_func_t func) {
    Kernel& k = this_kernel();
    __might_sleep("kernel/workqueue.c", 3437);
    std::vector<work_struct> works(static_cast<std::size_t>(k.nr_cpus()));
    for (int cpu = 0; cpu < k.nr_cpus(); ++cpu) {
        __emu_init_work(&works[static_cast<std::size_t>(cpu)], func);
        queue_work_on(cpu, system_wq, &works[static_cast<std::size_t>(cpu)]);
    }
    for (auto& w : works) flush_work(&w);
    return 0;
}

int execute_in_process_context(work_func_t fn, struct execute_work* ew) {
    if (!in_interrupt()) {
        fn(&ew->work);
        return 0;
    }
    __emu_init_work(&ew->work, fn);
    queue_work_on(WORK_CPU_UNBOUND, system_wq, &ew->work);
    return 1;
}

bool current_is_workqueue_rescuer(void) { return false; }
bool workqueue_congested(int, struct workqueue_struct*) { return false; }

}  // extern "C"
