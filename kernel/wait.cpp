// Mirrors kernel/sched/wait.c and kernel/sched/completion.c: wait queues whose
// entries live on the sleepers' stacks (no allocation), exclusive waiters,
// wake_up_interruptible() leaving uninterruptible sleepers asleep, and
// completions built on them.
#include "kernel/irq.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/completion.h"

using namespace emu;
using namespace emu::kern;

namespace {

// The wait queue's lock: __wake_up holds it while it walks the entries, and a
// sleeper takes it before it leaves (as Linux's finish_wait and completions
// do), so an on-stack entry or completion is never freed under a waker that
// is still looking at it from another CPU.
void wait_for_queue_lock(wait_queue_head* q) {
    while (q->lock.locked) charge(this_kernel().cfg.costs.spin_step);
}

// finish_wait() once the waker holding the queue's lock is done.
__attribute__((noinline)) void finish_wait_after_waker(wait_queue_head* q, wait_queue_entry* e) {
    wait_for_queue_lock(q);
    finish_wait(q, e);
}

void lock_queue(wait_queue_head* q) {
    wait_for_queue_lock(q);
    q->lock.locked = 1;
}

// __wake_up_common(): the queue's lock is held.
void wake_locked(wait_queue_head* q, unsigned int mode, int nr_exclusive, void* key) {
    list_head *pos, *n;
    list_for_each_safe(pos, n, &q->head) {
        wait_queue_entry* e = list_entry(pos, wait_queue_entry, entry);
        unsigned flags_e = e->flags;
        int ret = e->func(e, mode, 0, key);
        if (ret < 0) break;
        if (ret && (flags_e & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive) break;
    }
}

void add_entry(wait_queue_head* q, wait_queue_entry* e) {
    if (e->flags & WQ_FLAG_EXCLUSIVE) list_add_tail(&e->entry, &q->head);
    else list_add(&e->entry, &q->head);
}

long do_wait_for_common(completion* x, long timeout, unsigned int state) {
    if (x->done) {
        if (x->done != UINT_MAX_DONE) --x->done;
        return timeout ? timeout : 1;
    }
    wait_queue_entry wait;
    init_wait_entry(&wait, WQ_FLAG_EXCLUSIVE);
    wait.func = default_wake_function;
    list_add_tail(&wait.entry, &x->wait.head);
    do {
        Task* t = this_cpu().curr;
        if (signal_pending_state(state, t)) {
            list_del_init(&wait.entry);
            return -ERESTARTSYS;
        }
        t->__state = state;
        timeout = schedule_timeout(timeout);
    } while (!x->done && timeout);
    wait_for_queue_lock(&x->wait);
    list_del_init(&wait.entry);
    if (!x->done) return timeout;
    if (x->done != UINT_MAX_DONE) --x->done;
    return timeout ? timeout : 1;
}

long wait_for_common(completion* x, long timeout, unsigned int state) {
    __might_sleep("kernel/sched/completion.c", 101);
    return do_wait_for_common(x, timeout, state);
}

}  // namespace

namespace emu::kern {

void wake_up_var(Kernel& k) { __wake_up(&k.var_wq, TASK_NORMAL, 0, nullptr); }

void wait_var_until(Kernel& k, bool (*cond)(void*), void* arg) {
    __might_sleep("include/linux/wait_bit.h", 313);  // before the condition: it reports even when no wait is needed
    if (cond(arg)) return;
    wait_queue_entry e;
    init_wait_entry(&e, 0);
    for (;;) {
        prepare_to_wait_event(&k.var_wq, &e, TASK_UNINTERRUPTIBLE);
        if (cond(arg)) break;
        schedule();
    }
    finish_wait(&k.var_wq, &e);
}

}  // namespace emu::kern

extern "C" {

void __init_waitqueue_head(struct wait_queue_head* q, const char* name, struct lock_class_key* key) {
    __emu_spin_lock_init(&q->lock, name, key);
    INIT_LIST_HEAD(&q->head);
}

int waitqueue_active(struct wait_queue_head* q) { return !list_empty(&q->head); }

int default_wake_function(struct wait_queue_entry* e, unsigned mode, int, void*) {
    return try_to_wake_up(Task::of(static_cast<task_struct*>(e->private_)), mode);
}

int autoremove_wake_function(struct wait_queue_entry* e, unsigned mode, int sync, void* key) {
    int ret = default_wake_function(e, mode, sync, key);
    if (ret) list_del_init(&e->entry);
    return ret;
}

void init_wait_entry(struct wait_queue_entry* e, int flags) {
    e->flags = static_cast<unsigned>(flags);
    e->private_ = this_cpu().curr;
    e->func = autoremove_wake_function;
    INIT_LIST_HEAD(&e->entry);
}

void add_wait_queue(struct wait_queue_head* q, struct wait_queue_entry* e) {
    e->flags &= ~static_cast<unsigned>(WQ_FLAG_EXCLUSIVE);
    list_add(&e->entry, &q->head);
}

void add_wait_queue_exclusive(struct wait_queue_head* q, struct wait_queue_entry* e) {
    e->flags |= WQ_FLAG_EXCLUSIVE;
    list_add_tail(&e->entry, &q->head);
}

void remove_wait_queue(struct wait_queue_head*, struct wait_queue_entry* e) { list_del_init(&e->entry); }

void prepare_to_wait(struct wait_queue_head* q, struct wait_queue_entry* e, int state) {
    charge(this_kernel().cfg.costs.api_call);
    e->flags &= ~static_cast<unsigned>(WQ_FLAG_EXCLUSIVE);
    if (list_empty(&e->entry)) list_add(&e->entry, &q->head);
    this_cpu().curr->__state = static_cast<unsigned>(state);
}

void prepare_to_wait_exclusive(struct wait_queue_head* q, struct wait_queue_entry* e, int state) {
    charge(this_kernel().cfg.costs.api_call);
    e->flags |= WQ_FLAG_EXCLUSIVE;
    if (list_empty(&e->entry)) list_add_tail(&e->entry, &q->head);
    this_cpu().curr->__state = static_cast<unsigned>(state);
}

}  // extern "C"

namespace {

[[gnu::always_inline]] inline long prepare_to_wait_event_body(wait_queue_head* q, wait_queue_entry* e, int state) {
    Task* t = this_cpu().curr;
    if (signal_pending_state(state, t)) {
        // Removed here so that a wake-up racing with the signal is not lost.
        list_del_init(&e->entry);
        return -ERESTARTSYS;
    }
    if (list_empty(&e->entry)) add_entry(q, e);
    t->__state = static_cast<unsigned>(state);
    return 0;
}

__attribute__((noinline)) long prepare_to_wait_event_at_deadline(wait_queue_head* q, wait_queue_entry* e, int state) {
    preempt_point_slow();
    return prepare_to_wait_event_body(q, e, state);
}

}  // namespace

extern "C" {

// Every wait_event() loop calls this twice per sleep. The entry's preemption
// point is a tail call, so the common path makes no call and saves no register.
long prepare_to_wait_event(struct wait_queue_head* q, struct wait_queue_entry* e, int state) {
    if (__builtin_expect(charge_reaches_deadline(this_kernel().cfg.costs.api_call), 0))
        return prepare_to_wait_event_at_deadline(q, e, state);
    return prepare_to_wait_event_body(q, e, state);
}

void finish_wait(struct wait_queue_head* q, struct wait_queue_entry* e) {
    this_cpu().curr->__state = TASK_RUNNING;
    // A waker on another CPU still walking the queue: wait for it, out of line
    // (the common path then makes no call and saves no register).
    if (__builtin_expect(q->lock.locked, 0)) return finish_wait_after_waker(q, e);
    if (!list_empty(&e->entry)) list_del_init(&e->entry);
}

void __wake_up(struct wait_queue_head* q, unsigned int mode, int nr_exclusive, void* key) {
    bool irqs_were_on = kernel_irq_save(this_kernel());
    lock_queue(q);
    wake_locked(q, mode, nr_exclusive, key);
    q->lock.locked = 0;
    kernel_irq_restore(irqs_were_on);
}

void __wake_up_locked(struct wait_queue_head* q, unsigned int mode, int nr) { __wake_up(q, mode, nr, nullptr); }

void init_completion(struct completion* x) {
    x->done = 0;
    __init_waitqueue_head(&x->wait, "&x->wait", nullptr);
}
void reinit_completion(struct completion* x) { x->done = 0; }

// As in Linux, `done` changes under the queue's lock: a waiter that sees it
// cannot leave (and free an on-stack completion) before the wake-up is over.
void complete(struct completion* x) {
    unsigned long flags = arch_local_irq_save();
    lock_queue(&x->wait);
    if (x->done != UINT_MAX_DONE) ++x->done;
    wake_locked(&x->wait, TASK_NORMAL, 1, nullptr);
    x->wait.lock.locked = 0;
    arch_local_irq_restore(flags);
}

void complete_all(struct completion* x) {
    unsigned long flags = arch_local_irq_save();
    lock_queue(&x->wait);
    x->done = UINT_MAX_DONE;
    wake_locked(&x->wait, TASK_NORMAL, 0, nullptr);
    x->wait.lock.locked = 0;
    arch_local_irq_restore(flags);
}

void wait_for_completion(struct completion* x) { wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE); }
unsigned long wait_for_completion_timeout(struct completion* x, unsigned long timeout) {
    return static_cast<unsigned long>(wait_for_common(x, static_cast<long>(timeout), TASK_UNINTERRUPTIBLE));
}
int wait_for_completion_interruptible(struct completion* x) {
    long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
    return t == -ERESTARTSYS ? static_cast<int>(t) : 0;
}
long wait_for_completion_interruptible_timeout(struct completion* x, unsigned long timeout) {
    return wait_for_common(x, static_cast<long>(timeout), TASK_INTERRUPTIBLE);
}
int wait_for_completion_killable(struct completion* x) {
    long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);
    return t == -ERESTARTSYS ? static_cast<int>(t) : 0;
}
bool try_wait_for_completion(struct completion* x) {
    if (!x->done) return false;
    if (x->done != UINT_MAX_DONE) --x->done;
    return true;
}
bool completion_done(struct completion* x) { return x->done != 0; }

}  // extern "C"
