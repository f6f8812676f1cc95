// kernel/locking/rwsem.c: reader-writer semaphores on emu's sleeping-lock
// scheme (a waiter on the sleeper's stack, granted the lock by whoever
// releases it). 6.1's hand-off rules kept: arrival order, a reader arriving
// while anyone waits queues too, a released write lock (or downgrade) wakes
// the first waiter, or every queued reader when a reader is first, and a
// waiter that gives up (signal) lets those behind it go when it could.
#include "kernel/kernel.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/rwsem.h"

using namespace emu;
using namespace emu::kern;

namespace {

constexpr long kWriterLocked = 1;
constexpr long kReaderBias = 1L << 8;

struct RwsemWaiter {
    list_head node;
    Task* task;
    bool writer;
    bool granted;
};

long readers(rw_semaphore* sem) { return atomic_long_read(&sem->count) / kReaderBias; }
bool write_locked(rw_semaphore* sem) { return atomic_long_read(&sem->count) & kWriterLocked; }

void grant(rw_semaphore* sem, RwsemWaiter* w) {
    list_del(&w->node);
    if (w->writer) {
        atomic_long_set(&sem->count, kWriterLocked);
        atomic_long_set(&sem->owner, reinterpret_cast<long>(w->task));
    } else {
        atomic_long_add(kReaderBias, &sem->count);
    }
    w->granted = true;
    try_to_wake_up(w->task, TASK_NORMAL);
}

// Hands the lock to whoever may have it now (rwsem_mark_wake()).
void wake_waiters(rw_semaphore* sem) {
    if (write_locked(sem) || list_empty(&sem->wait_list)) return;
    auto* first = list_first_entry(&sem->wait_list, RwsemWaiter, node);
    if (first->writer) {
        if (readers(sem) == 0) grant(sem, first);
        return;
    }
    RwsemWaiter *w, *n;
    list_for_each_entry_safe(w, n, &sem->wait_list, node) if (!w->writer) grant(sem, w);
}

// Queues and sleeps until granted; -EINTR if a signal ends the sleep first.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
int slow_path(rw_semaphore* sem, bool writer, unsigned int state) {
    Task* t = this_cpu().curr;
    RwsemWaiter w{{}, t, writer, false};
    list_add_tail(&w.node, &sem->wait_list);
    for (;;) {
        t->__state = state;
        if (w.granted) break;
        if (signal_pending_state(state, t)) {
            t->__state = TASK_RUNNING;
            list_del(&w.node);
            wake_waiters(sem);
            return -EINTR;
        }
        __schedule(false);
        t = this_cpu().curr;
    }
    t->__state = TASK_RUNNING;
    return 0;
}
#pragma GCC diagnostic pop

bool read_trylock(rw_semaphore* sem) {
    if (write_locked(sem) || !list_empty(&sem->wait_list)) return false;
    atomic_long_add(kReaderBias, &sem->count);
    return true;
}

bool write_trylock(rw_semaphore* sem) {
    if (atomic_long_read(&sem->count) != 0 || !list_empty(&sem->wait_list)) return false;
    atomic_long_set(&sem->count, kWriterLocked);
    atomic_long_set(&sem->owner, reinterpret_cast<long>(this_cpu().curr));
    return true;
}

// The lines are those of might_sleep() in 6.1's kernel/locking/rwsem.c.
int read_common(rw_semaphore* sem, unsigned int state, int line) {
    __might_sleep("kernel/locking/rwsem.c", line);
    charge(this_kernel().cfg.costs.lock_op);
    if (read_trylock(sem)) return 0;
    return slow_path(sem, false, state);
}

int write_common(rw_semaphore* sem, unsigned int state, int line) {
    __might_sleep("kernel/locking/rwsem.c", line);
    charge(this_kernel().cfg.costs.lock_op);
    if (write_trylock(sem)) return 0;
    return slow_path(sem, true, state);
}

}  // namespace

extern "C" {

void __init_rwsem(struct rw_semaphore* sem, const char* name, struct lock_class_key* key) {
    atomic_long_set(&sem->count, RWSEM_UNLOCKED_VALUE);
    atomic_long_set(&sem->owner, 0);
    INIT_LIST_HEAD(&sem->wait_list);
    sem->name = name;
    sem->key = key;
}

void down_read(struct rw_semaphore* sem) { read_common(sem, TASK_UNINTERRUPTIBLE, 1519); }
int down_read_interruptible(struct rw_semaphore* sem) { return read_common(sem, TASK_INTERRUPTIBLE, 1528); }
int down_read_killable(struct rw_semaphore* sem) { return read_common(sem, TASK_KILLABLE, 1542); }
void down_write(struct rw_semaphore* sem) { write_common(sem, TASK_UNINTERRUPTIBLE, 1572); }
int down_write_killable(struct rw_semaphore* sem) { return write_common(sem, TASK_KILLABLE, 1583); }

int down_read_trylock(struct rw_semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    return read_trylock(sem) ? 1 : 0;
}
int down_write_trylock(struct rw_semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    return write_trylock(sem) ? 1 : 0;
}

void up_read(struct rw_semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    atomic_long_sub(kReaderBias, &sem->count);
    if (readers(sem) == 0) wake_waiters(sem);
}

void up_write(struct rw_semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    atomic_long_set(&sem->owner, 0);
    atomic_long_set(&sem->count, atomic_long_read(&sem->count) & ~kWriterLocked);
    wake_waiters(sem);
}

// The writer becomes one reader; queued readers may join it at once.
void downgrade_write(struct rw_semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    atomic_long_set(&sem->owner, 0);
    atomic_long_set(&sem->count, kReaderBias);
    wake_waiters(sem);
}

}  // extern "C"
