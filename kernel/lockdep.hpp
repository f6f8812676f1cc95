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
    void acquire_map(lock_class_key* key, const char* name, std::uintptr_t ip);
    void release_map(lock_class_key* key);
    void print_held_locks(Task* t, bool only_if_any);
    bool enabled() const { return m_enabled; }

private:
    enum Usage { USED_IN_HARDIRQ = 0, ENABLED_HARDIRQ = 1, USED_IN_SOFTIRQ = 2, ENABLED_SOFTIRQ = 3, kUsages };
    struct LockClass {
        int id = 0;
        std::string name;
        unsigned usage = 0;
        bool map = false;  // a lockdep_map, not a spinlock: printed -{0:0}
        std::vector<std::uintptr_t> traces[kUsages];
    };
    LockClass* class_of(spinlock_t* lock);
    void acquire_class(void* id, LockClass* cls, std::uintptr_t ip, bool trylock);
    bool mark(Task* t, void* lock, LockClass* cls, Usage u, std::uintptr_t ip);
    std::string lock_line(const LockClass* cls, std::uintptr_t ip);
    std::string usage_chars(const LockClass* cls) const;
    void print_usage_bug(Task* t, LockClass* cls, Usage prev, Usage next, std::uintptr_t ip);
    void print_deadlock_bug(Task* t, LockClass* cls, std::uintptr_t ip, std::uintptr_t held_ip);
    void header(const char* rule, const char* title);
    void debug_locks_off() { m_enabled = false; }

    Kernel& m_k;
    bool m_enabled = true;
    std::unordered_map<const void*, std::unique_ptr<LockClass>> m_classes;
};

}  // namespace emu::kern
