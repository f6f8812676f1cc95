// Mirrors kernel/locking/{spinlock.c,mutex.c,semaphore.c,rwlock}: spinlocks
// that really spin across CPUs (charging cycles, interruptible as the IRQ
// state allows), the _bh/_irq/_irqsave variants with Linux's preempt_count
// effects, mutexes and semaphores that sleep (with might_sleep checks), and
// the hooks into lockdep. A CPU spinning on a lock it already holds is
// marked deadlocked: the soft-lockup detector reports it and stops the
// machine (Linux would hang forever).
#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/lockdep.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/mutex.h"
#include "kernel/include/linux/semaphore.h"

using namespace emu;
using namespace emu::kern;

namespace {

void lockdep_acquire(spinlock_t* l, std::uintptr_t ip, bool trylock = false) {
    Kernel& k = this_kernel();
    if (k.lockdep) k.lockdep->acquire(l, ip, trylock);
}

void lockdep_release(spinlock_t* l) {
    Kernel& k = this_kernel();
    if (k.lockdep && k.lockdep->enabled()) k.lockdep->release(l);
}

void do_raw_spin_lock(spinlock_t* l, std::uintptr_t ip) {
    Cpu* c = &this_cpu();
    Kernel& k = c->k;
    charge(k.cfg.costs.lock_op);
    if (l->locked) {
        bool reported = false;
        while (l->locked) {
            c = &this_cpu();
            if (l->owner_cpu == c->id) {
                c->deadlocked = true;
                c->deadlock_why = "spins on a lock it already holds";
            }
            // The NMI watchdog (kernel/watchdog.cpp) has reported this CPU: with
            // interrupts off nothing can ever release a lock it holds itself.
            if (c->deadlocked && !c->core.irqs_on && c->hard_watchdog_warn && !reported) {
                reported = true;
                printk_emit(k, LOGLEVEL_EMERG,
                            "emu: CPU#%d spins with interrupts off on a lock it already holds; stopping the machine\n",
                            c->id);
                k.exit_code_hint = kExitDeadlock;
                k.stop_machine(kExitDeadlock);
            }
            charge(k.cfg.costs.spin_step);
        }
        this_cpu().deadlocked = false;
    }
    Cpu& now = this_cpu();
    l->locked = 1;
    l->owner_cpu = now.id;
    l->owner = now.curr;
    l->acquire_ip = ip;
}

void do_raw_spin_unlock(spinlock_t* l) {
    l->locked = 0;
    l->owner_cpu = -1;
    l->owner = nullptr;
}

void preempt_enable_internal() {
    Cpu& c = this_cpu();
    c.preempt_count -= 1;
    if (c.k.cfg.preempt == PreemptModel::Full && should_resched_voluntary()) __schedule(true);
}

// Sleeping locks: waiters queue on the lock's list; unlock hands the lock to the first waiter.
struct LockWaiter {
    list_head node;
    Task* task;
    bool granted;
};

// The waiter lives on the sleeper's stack and is unlinked before it returns.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
bool sleep_on(list_head* wait_list, unsigned int state) {
    LockWaiter w{{}, this_cpu().curr, false};
    list_add_tail(&w.node, wait_list);
    for (;;) {
        Task* t = this_cpu().curr;
        t->__state = state;
        if (w.granted) break;
        if ((state & TASK_INTERRUPTIBLE) && signal_pending(t)) {
            t->__state = TASK_RUNNING;
            list_del(&w.node);
            return false;
        }
        __schedule(false);
    }
    this_cpu().curr->__state = TASK_RUNNING;
    return true;
}
#pragma GCC diagnostic pop

Task* grant_first(list_head* wait_list) {
    if (list_empty(wait_list)) return nullptr;
    auto* w = list_first_entry(wait_list, LockWaiter, node);
    list_del(&w->node);
    w->granted = true;
    try_to_wake_up(w->task, TASK_NORMAL);
    return w->task;
}

int mutex_lock_common(mutex* m, unsigned int state, std::uintptr_t ip) {
    __might_sleep("kernel/locking/mutex.c", 580);
    Cpu& c = this_cpu();
    charge(c.k.cfg.costs.lock_op);
    if (!m->owner) {
        m->owner = c.curr;
        m->acquire_ip = ip;
        return 0;
    }
    if (m->owner == c.curr) {
        printk_emit(c.k, LOGLEVEL_WARNING, "emu: %s/%d takes mutex %s it already holds: it will sleep forever\n",
                    c.curr->comm, c.curr->pid, m->name ? m->name : "?");
    }
    if (!sleep_on(&m->wait_list, state)) return -EINTR;
    m->acquire_ip = ip;  // ownership was handed over by mutex_unlock
    return 0;
}

}  // namespace

extern "C" {

void __emu_spin_lock_init(spinlock_t* lock, const char* name, const struct lock_class_key* key) {
    lock->locked = 0;
    lock->owner_cpu = -1;
    lock->owner = nullptr;
    lock->name = name;
    lock->key = key;
    lock->dep_class = nullptr;
    lock->acquire_ip = 0;
}

void spin_lock(spinlock_t* lock) {
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    this_cpu().preempt_count += 1;
    lockdep_acquire(lock, ip);
    do_raw_spin_lock(lock, ip);
}

void spin_unlock(spinlock_t* lock) {
    lockdep_release(lock);
    do_raw_spin_unlock(lock);
    preempt_enable_internal();
}

void spin_lock_bh(spinlock_t* lock) {
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    this_cpu().preempt_count += SOFTIRQ_LOCK_OFFSET;
    lockdep_acquire(lock, ip);
    do_raw_spin_lock(lock, ip);
}

void spin_unlock_bh(spinlock_t* lock) {
    lockdep_release(lock);
    do_raw_spin_unlock(lock);
    __emu_local_bh_enable_cnt(SOFTIRQ_LOCK_OFFSET);
}

void spin_lock_irq(spinlock_t* lock) {
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    local_irq_disable_internal();
    this_cpu().preempt_count += 1;
    lockdep_acquire(lock, ip);
    do_raw_spin_lock(lock, ip);
}

void spin_unlock_irq(spinlock_t* lock) {
    lockdep_release(lock);
    do_raw_spin_unlock(lock);
    local_irq_enable_internal();
    preempt_enable_internal();
}

unsigned long _raw_spin_lock_irqsave(spinlock_t* lock) {
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    unsigned long flags = arch_local_save_flags();
    local_irq_disable_internal();
    this_cpu().preempt_count += 1;
    lockdep_acquire(lock, ip);
    do_raw_spin_lock(lock, ip);
    return flags;
}

void spin_unlock_irqrestore(spinlock_t* lock, unsigned long flags) {
    lockdep_release(lock);
    do_raw_spin_unlock(lock);
    arch_local_irq_restore(flags);
    preempt_enable_internal();
}

int spin_trylock(spinlock_t* lock) {
    charge(this_kernel().cfg.costs.lock_op);
    Cpu& c = this_cpu();
    c.preempt_count += 1;
    if (lock->locked) {
        preempt_enable_internal();
        return 0;
    }
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    lockdep_acquire(lock, ip, true);
    do_raw_spin_lock(lock, ip);
    return 1;
}

int spin_trylock_bh(spinlock_t* lock) {
    charge(this_kernel().cfg.costs.lock_op);
    Cpu& c = this_cpu();
    c.preempt_count += SOFTIRQ_LOCK_OFFSET;
    if (lock->locked) {
        __emu_local_bh_enable_cnt(SOFTIRQ_LOCK_OFFSET);
        return 0;
    }
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    lockdep_acquire(lock, ip, true);
    do_raw_spin_lock(lock, ip);
    return 1;
}

int spin_is_locked(spinlock_t* lock) { return lock->locked != 0; }

// rwlocks: readers share, a writer excludes; spinning like spinlocks. No lockdep.
void rwlock_init(rwlock_t* lock) {
    lock->readers = 0;
    lock->writer_cpu = -1;
}
void read_lock(rwlock_t* lock) {
    Kernel& k = this_kernel();
    this_cpu().preempt_count += 1;
    charge(k.cfg.costs.lock_op);
    while (lock->readers < 0) charge(k.cfg.costs.spin_step);
    lock->readers = lock->readers + 1;
}
void read_unlock(rwlock_t* lock) {
    lock->readers = lock->readers - 1;
    preempt_enable_internal();
}
void write_lock(rwlock_t* lock) {
    Kernel& k = this_kernel();
    this_cpu().preempt_count += 1;
    charge(k.cfg.costs.lock_op);
    while (lock->readers != 0) charge(k.cfg.costs.spin_step);
    lock->readers = -1;
    lock->writer_cpu = this_cpu().id;
}
void write_unlock(rwlock_t* lock) {
    lock->readers = 0;
    lock->writer_cpu = -1;
    preempt_enable_internal();
}
void read_lock_bh(rwlock_t* lock) {
    this_cpu().preempt_count += SOFTIRQ_DISABLE_OFFSET;
    read_lock(lock);
}
void read_unlock_bh(rwlock_t* lock) {
    lock->readers = lock->readers - 1;
    __emu_local_bh_enable_cnt(SOFTIRQ_LOCK_OFFSET);
}
void write_lock_bh(rwlock_t* lock) {
    this_cpu().preempt_count += SOFTIRQ_DISABLE_OFFSET;
    write_lock(lock);
}
void write_unlock_bh(rwlock_t* lock) {
    lock->readers = 0;
    lock->writer_cpu = -1;
    __emu_local_bh_enable_cnt(SOFTIRQ_LOCK_OFFSET);
}
unsigned long _raw_read_lock_irqsave(rwlock_t* lock) {
    unsigned long flags = arch_local_save_flags();
    local_irq_disable_internal();
    read_lock(lock);
    return flags;
}
unsigned long _raw_write_lock_irqsave(rwlock_t* lock) {
    unsigned long flags = arch_local_save_flags();
    local_irq_disable_internal();
    write_lock(lock);
    return flags;
}
void read_unlock_irqrestore(rwlock_t* lock, unsigned long flags) {
    lock->readers = lock->readers - 1;
    arch_local_irq_restore(flags);
    preempt_enable_internal();
}
void write_unlock_irqrestore(rwlock_t* lock, unsigned long flags) {
    lock->readers = 0;
    lock->writer_cpu = -1;
    arch_local_irq_restore(flags);
    preempt_enable_internal();
}

void __mutex_init(struct mutex* lock, const char* name, struct lock_class_key* key) {
    lock->owner = nullptr;
    INIT_LIST_HEAD(&lock->wait_list);
    lock->name = name;
    lock->key = key;
    lock->acquire_ip = 0;
}

void mutex_lock(struct mutex* lock) {
    mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)));
}
int mutex_lock_interruptible(struct mutex* lock) {
    return mutex_lock_common(lock, TASK_INTERRUPTIBLE, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)));
}
int mutex_lock_killable(struct mutex* lock) {
    return mutex_lock_common(lock, TASK_KILLABLE, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)));
}
int mutex_trylock(struct mutex* lock) {
    charge(this_kernel().cfg.costs.lock_op);
    if (lock->owner) return 0;
    lock->owner = this_cpu().curr;
    lock->acquire_ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    return 1;
}
void mutex_unlock(struct mutex* lock) {
    Cpu& c = this_cpu();
    charge(c.k.cfg.costs.lock_op);
    if (lock->owner != c.curr) {
        // DEBUG_MUTEXES: DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)
        WARN(1, "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\n");
    }
    lock->owner = grant_first(&lock->wait_list);
}
bool mutex_is_locked(struct mutex* lock) { return lock->owner != nullptr; }
void mutex_destroy(struct mutex*) {}

void sema_init(struct semaphore* sem, int val) {
    sem->count = static_cast<unsigned>(val);
    INIT_LIST_HEAD(&sem->wait_list);
}
void down(struct semaphore* sem) {
    __might_sleep("kernel/locking/semaphore.c", 59);
    charge(this_kernel().cfg.costs.lock_op);
    if (sem->count > 0) {
        --sem->count;
        return;
    }
    sleep_on(&sem->wait_list, TASK_UNINTERRUPTIBLE);
}
int down_interruptible(struct semaphore* sem) {
    __might_sleep("kernel/locking/semaphore.c", 82);
    charge(this_kernel().cfg.costs.lock_op);
    if (sem->count > 0) {
        --sem->count;
        return 0;
    }
    return sleep_on(&sem->wait_list, TASK_INTERRUPTIBLE) ? 0 : -EINTR;
}
int down_killable(struct semaphore* sem) { return down_interruptible(sem); }
int down_trylock(struct semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    if (sem->count > 0) {
        --sem->count;
        return 0;
    }
    return 1;
}
int down_timeout(struct semaphore* sem, long) { return down_interruptible(sem); }
void up(struct semaphore* sem) {
    charge(this_kernel().cfg.costs.lock_op);
    if (!grant_first(&sem->wait_list)) ++sem->count;
}

}  // extern "C"
