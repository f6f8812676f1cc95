#pragma once
// The lock checker (kernel/locking/lockdep.c, a subset): per-class IRQ usage
// states, the inconsistent-usage report (the spin_lock vs spin_lock_bh
// mistake) and the recursive-locking report, in Linux's formats. As in
// Linux, only the first problem per boot is reported; the checker then
// turns itself off. Not modelled: the dependency graph (circular locking),
// read-lock states, irq event stamps.
#include "kernel/kernel.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace emu::kern {

class Lockdep {
public:
    explicit Lockdep(Kernel& k) : m_k(k) {}
    // Called before the lock is actually taken (so a report precedes the spin).
    void acquire(spinlock_t* lock, std::uintptr_t ip, bool trylock);
    void release(const void* lock);  // a spinlock_t or a lockdep map's key
    // lock_map_acquire()/release() of a struct lockdep_map (e.g. a timer's):
    // a pseudo-lock keyed by its class key, named "(NAME)", wait type {0:0}.
    // Inline: a timer callback takes its map on every expiry. The class is
    // cached in the key; once it has the usage states of this context and
    // nothing else is held (no report is possible), the map is only recorded.
    // `c`: the executing CPU.
    void acquire_map(lock_class_key* key, std::uintptr_t ip, Cpu& c) {
        Task* t = c.curr;
        if (__builtin_expect(key->__emu_owner == this && m_enabled && t->lockdep_depth == 0, 1)) {
            auto* cls = static_cast<LockClass*>(key->__emu_class);
            if (usage_context(c.preempt_count, c.core.irqs_on) == cls->settled_context) {
                t->held_locks[0] = HeldLock{key, cls, ip};
                t->lockdep_depth = 1;
                return;
            }
        }
        acquire_map_slow(key, ip);
    }
    void release_map(lock_class_key* key, Cpu& c) {
        // The common case: the map is the most recent lock held.
        Task* t = c.curr;
        int top = t->lockdep_depth - 1;
        if (top >= 0 && t->held_locks[static_cast<std::size_t>(top)].lock == key) t->lockdep_depth = top;
        else release(key);
    }
    void print_held_locks(Task* t, bool only_if_any);
    bool enabled() const { return m_enabled; }
    // __debug_locks_off(): also when a taint makes lock state unreliable.
    void debug_locks_off() { m_enabled = false; }

private:
    enum Usage { USED_IN_HARDIRQ = 0, ENABLED_HARDIRQ = 1, USED_IN_SOFTIRQ = 2, ENABLED_SOFTIRQ = 3, kUsages };
    struct LockClass {
        int id = 0;
        std::string name;
        unsigned usage = 0;
        // A usage_context() whose states the class already has: an acquisition
        // there marks nothing (set once a non-trylock acquisition got them).
        unsigned settled_context = ~0u;
        bool map = false;  // a lockdep_map, not a spinlock: printed -{0:0}
        std::vector<std::uintptr_t> traces[kUsages];
    };
    // What usage_needed() depends on, in one word: the hard and soft IRQ
    // counts and the IRQ flag (bit 0, below both counts).
    static unsigned usage_context(unsigned pc, bool hardirqs_on) {
        return (pc & (HARDIRQ_MASK | SOFTIRQ_MASK)) | (hardirqs_on ? 1u : 0u);
    }
    // The usage states an acquisition in this context sets (mark_usage()).
    static unsigned usage_needed(unsigned pc, bool hardirqs_on, bool trylock) {
        bool in_hardirq = pc & HARDIRQ_MASK;
        // softirqs "enabled": no BH-disable or softirq count (lockdep ignores its own spin_lock_bh offset here).
        bool softirqs_on = !(pc & SOFTIRQ_MASK) && !in_hardirq;
        unsigned need = 0;
        if (!trylock && in_hardirq) need |= 1u << USED_IN_HARDIRQ;
        if (!trylock && (pc & SOFTIRQ_OFFSET)) need |= 1u << USED_IN_SOFTIRQ;
        if (hardirqs_on) need |= 1u << ENABLED_HARDIRQ;
        if (hardirqs_on && softirqs_on) need |= 1u << ENABLED_SOFTIRQ;
        return need;
    }
    LockClass* class_of(spinlock_t* lock);
    void register_map(lock_class_key* key);
    void acquire_map_slow(lock_class_key* key, std::uintptr_t ip);
    void acquire_class(void* id, LockClass* cls, std::uintptr_t ip, bool trylock);
    bool mark(Task* t, void* lock, LockClass* cls, Usage u, std::uintptr_t ip);
    std::string lock_line(const LockClass* cls, std::uintptr_t ip);
    std::string usage_chars(const LockClass* cls) const;
    void print_usage_bug(Task* t, LockClass* cls, Usage prev, Usage next, std::uintptr_t ip);
    void print_deadlock_bug(Task* t, LockClass* cls, std::uintptr_t ip, std::uintptr_t held_ip);
    void header(const char* rule, const char* title);

    Kernel& m_k;
    bool m_enabled = true;
    std::unordered_map<const void*, std::unique_ptr<LockClass>> m_classes;
};

}  // namespace emu::kern
