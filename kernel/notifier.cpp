// kernel/notifier.c: notifier chain registration and calls. The chain walk
// fetches each block's successor before calling it, so a callback may
// unregister itself.
#include "kernel/include/linux/bug.h"
#include "kernel/include/linux/notifier.h"

namespace {

int chain_register(notifier_block** nl, notifier_block* n, bool unique_priority) {
    for (; *nl; nl = &(*nl)->next) {
        if (*nl == n) {
            WARN(1, "notifier callback %ps already registered", reinterpret_cast<void*>(n->notifier_call));
            return -EEXIST;
        }
        if (n->priority > (*nl)->priority) break;
        if (unique_priority && n->priority == (*nl)->priority) return -EBUSY;
    }
    n->next = *nl;
    __atomic_store_n(nl, n, __ATOMIC_RELEASE);  // rcu_assign_pointer
    return 0;
}

int chain_unregister(notifier_block** nl, notifier_block* n) {
    for (; *nl; nl = &(*nl)->next) {
        if (*nl == n) {
            __atomic_store_n(nl, n->next, __ATOMIC_RELEASE);
            return 0;
        }
    }
    return -ENOENT;
}

// Calls up to nr_to_call blocks (all if negative); *nr_calls counts them.
int call_chain(notifier_block** nl, unsigned long val, void* v, int nr_to_call, int* nr_calls) {
    int ret = NOTIFY_DONE;
    notifier_block* nb = __atomic_load_n(nl, __ATOMIC_ACQUIRE);
    while (nb && nr_to_call) {
        notifier_block* next = __atomic_load_n(&nb->next, __ATOMIC_ACQUIRE);
        ret = nb->notifier_call(nb, val, v);
        if (nr_calls) ++*nr_calls;
        if (ret & NOTIFY_STOP_MASK) break;
        nb = next;
        --nr_to_call;
    }
    return ret;
}

// val_up to all; on failure, val_down to the ones that had accepted it.
int call_chain_robust(notifier_block** nl, unsigned long val_up, unsigned long val_down, void* v) {
    int nr = 0;
    int ret = call_chain(nl, val_up, v, -1, &nr);
    if (ret & NOTIFY_STOP_MASK) call_chain(nl, val_down, v, nr - 1, nullptr);
    return ret;
}

}  // namespace

extern "C" {

int atomic_notifier_chain_register(struct atomic_notifier_head* nh, struct notifier_block* nb) {
    unsigned long flags = _raw_spin_lock_irqsave(&nh->lock);
    int ret = chain_register(&nh->head, nb, false);
    spin_unlock_irqrestore(&nh->lock, flags);
    return ret;
}
int atomic_notifier_chain_register_unique_prio(struct atomic_notifier_head* nh, struct notifier_block* nb) {
    unsigned long flags = _raw_spin_lock_irqsave(&nh->lock);
    int ret = chain_register(&nh->head, nb, true);
    spin_unlock_irqrestore(&nh->lock, flags);
    return ret;
}
int atomic_notifier_chain_unregister(struct atomic_notifier_head* nh, struct notifier_block* nb) {
    unsigned long flags = _raw_spin_lock_irqsave(&nh->lock);
    int ret = chain_unregister(&nh->head, nb);
    spin_unlock_irqrestore(&nh->lock, flags);
    return ret;  // 6.1 then waits for RCU readers: emu's readers run with preemption off
}
int atomic_notifier_call_chain(struct atomic_notifier_head* nh, unsigned long val, void* v) {
    rcu_read_lock();
    int ret = call_chain(&nh->head, val, v, -1, nullptr);
    rcu_read_unlock();
    return ret;
}

int blocking_notifier_chain_register(struct blocking_notifier_head* nh, struct notifier_block* nb) {
    down_write(&nh->rwsem);
    int ret = chain_register(&nh->head, nb, false);
    up_write(&nh->rwsem);
    return ret;
}
int blocking_notifier_chain_register_unique_prio(struct blocking_notifier_head* nh, struct notifier_block* nb) {
    down_write(&nh->rwsem);
    int ret = chain_register(&nh->head, nb, true);
    up_write(&nh->rwsem);
    return ret;
}
int blocking_notifier_chain_unregister(struct blocking_notifier_head* nh, struct notifier_block* nb) {
    down_write(&nh->rwsem);
    int ret = chain_unregister(&nh->head, nb);
    up_write(&nh->rwsem);
    return ret;
}
int blocking_notifier_call_chain(struct blocking_notifier_head* nh, unsigned long val, void* v) {
    int ret = NOTIFY_DONE;
    if (__atomic_load_n(&nh->head, __ATOMIC_ACQUIRE)) {  // an empty chain takes no lock
        down_read(&nh->rwsem);
        ret = call_chain(&nh->head, val, v, -1, nullptr);
        up_read(&nh->rwsem);
    }
    return ret;
}
int blocking_notifier_call_chain_robust(struct blocking_notifier_head* nh, unsigned long val_up,
                                        unsigned long val_down, void* v) {
    int ret = NOTIFY_DONE;
    if (__atomic_load_n(&nh->head, __ATOMIC_ACQUIRE)) {
        down_read(&nh->rwsem);
        ret = call_chain_robust(&nh->head, val_up, val_down, v);
        up_read(&nh->rwsem);
    }
    return ret;
}

int raw_notifier_chain_register(struct raw_notifier_head* nh, struct notifier_block* nb) {
    return chain_register(&nh->head, nb, false);
}
int raw_notifier_chain_unregister(struct raw_notifier_head* nh, struct notifier_block* nb) {
    return chain_unregister(&nh->head, nb);
}
int raw_notifier_call_chain(struct raw_notifier_head* nh, unsigned long val, void* v) {
    return call_chain(&nh->head, val, v, -1, nullptr);
}
int raw_notifier_call_chain_robust(struct raw_notifier_head* nh, unsigned long val_up, unsigned long val_down,
                                   void* v) {
    return call_chain_robust(&nh->head, val_up, val_down, v);
}

}  // extern "C"
