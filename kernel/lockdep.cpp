#include "kernel/lockdep.hpp"

#include "kernel/bug.hpp"
#include "kernel/printk.hpp"
#include "kernel/stacktrace.hpp"

#include <fmt/format.h>

namespace emu::kern {

namespace {
const char* const kUsageStr[] = {"IN-HARDIRQ-W", "HARDIRQ-ON-W", "IN-SOFTIRQ-W", "SOFTIRQ-ON-W"};
}

Lockdep::LockClass* Lockdep::class_of(spinlock_t* lock) {
    if (lock->dep_class) return static_cast<LockClass*>(lock->dep_class);
    // Dynamically initialised locks are keyed by their init site; static ones by themselves.
    const void* key = lock->key ? static_cast<const void*>(lock->key) : static_cast<const void*>(lock);
    auto& slot = m_classes[key];
    if (!slot) {
        slot = std::make_unique<LockClass>();
        slot->id = static_cast<int>(m_classes.size());
        slot->name = lock->name ? lock->name : "(unnamed)";
    }
    lock->dep_class = slot.get();
    return slot.get();
}

std::string Lockdep::usage_chars(const LockClass* cls) const {
    std::string s;
    for (int used_in : {USED_IN_HARDIRQ, USED_IN_SOFTIRQ}) {
        char c = '.';
        if (cls->usage & (1u << (used_in + 1))) c = '+';
        if (cls->usage & (1u << used_in)) c = (cls->usage & (1u << (used_in + 1))) ? '?' : '-';
        s += c;
        s += '.';  // read usage: not tracked (spinlocks are write locks)
    }
    return s;
}

// "%px (%s){usage}-{2:2}, at: %pS" -- the address is a stable stand-in, not a host pointer.
std::string Lockdep::lock_line(const LockClass* cls, std::uintptr_t ip) {
    return fmt::format("ffff888003a{:05x} ({}){{{}}}-{{{}}}, at: {}", 0x1e0d8 + cls->id * 0x40, cls->name,
                       usage_chars(cls), cls->map ? "0:0" : "2:2", format_symbol(m_k, ip));
}

void Lockdep::header(const char* rule, const char* title) {
    printk_emit(m_k, LOGLEVEL_WARNING, "\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", rule);
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", title);
    printk_emit(m_k, LOGLEVEL_WARNING, "6.1.0-emu #1 %s\n", taint_string(m_k).c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", std::string(std::string(rule).size(), '-').c_str());
}

void Lockdep::print_held_locks(Task* t, bool only_if_any) {
    int depth = t->lockdep_depth;
    if (!depth) {
        if (!only_if_any) printk_emit(m_k, LOGLEVEL_DEFAULT, "no locks held by %s/%d.\n", t->comm, t->pid);
        return;
    }
    printk_emit(m_k, LOGLEVEL_DEFAULT, "%d lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", t->comm, t->pid);
    for (int i = 0; i < depth; ++i) {
        const HeldLock& h = t->held_locks[static_cast<std::size_t>(i)];
        printk_emit(m_k, LOGLEVEL_DEFAULT, " #%d: %s\n", i, lock_line(static_cast<LockClass*>(h.cls), h.ip).c_str());
    }
}

void Lockdep::print_usage_bug(Task* t, LockClass* cls, Usage prev, Usage next, std::uintptr_t ip) {
    Cpu& c = this_cpu();
    unsigned pc = c.preempt_count;
    header("================================", "WARNING: inconsistent lock state");
    printk_emit(m_k, LOGLEVEL_WARNING, "inconsistent {%s} -> {%s} usage.\n", kUsageStr[prev], kUsageStr[next]);
    bool hardirq = pc & HARDIRQ_MASK, softirq = pc & SOFTIRQ_OFFSET;
    bool softirqs_enabled = !(pc & SOFTIRQ_MASK) && !hardirq;
    printk_emit(m_k, LOGLEVEL_WARNING, "%s/%d [HC%u[%u]:SC%u[%u]:HE%u:SE%u] takes:\n", t->comm, t->pid,
                hardirq ? 1u : 0u, static_cast<unsigned>((pc & HARDIRQ_MASK) >> 16), softirq ? 1u : 0u,
                static_cast<unsigned>((pc & SOFTIRQ_MASK) >> 8),
                c.core.irqs_on ? 1u : 0u, softirqs_enabled ? 1u : 0u);
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", lock_line(cls, ip).c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "{%s} state was registered at:\n", kUsageStr[prev]);
    for (std::uintptr_t a : cls->traces[prev]) {
        if (is_fiber_entry(a)) break;
        printk_emit(m_k, LOGLEVEL_WARNING, "  %s\n", format_symbol(m_k, a).c_str());
    }
    printk_emit(m_k, LOGLEVEL_WARNING, "\nother info that might help us debug this:\n");
    printk_emit(m_k, LOGLEVEL_WARNING, " Possible unsafe locking scenario:\n\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "       CPU0\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "       ----\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "  lock(%s);\n", cls->name.c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "  <Interrupt>\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "    lock(%s);\n", cls->name.c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "\n *** DEADLOCK ***\n\n");
    print_held_locks(t, false);
    printk_emit(m_k, LOGLEVEL_WARNING, "\nstack backtrace:\n");
    dump_stack_current();
}

void Lockdep::print_deadlock_bug(Task* t, LockClass* cls, std::uintptr_t ip, std::uintptr_t held_ip) {
    header("============================================", "WARNING: possible recursive locking detected");
    printk_emit(m_k, LOGLEVEL_WARNING, "%s/%d is trying to acquire lock:\n", t->comm, t->pid);
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", lock_line(cls, ip).c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "\nbut task is already holding lock:\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "%s\n", lock_line(cls, held_ip).c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "\nother info that might help us debug this:\n");
    printk_emit(m_k, LOGLEVEL_WARNING, " Possible unsafe locking scenario:\n\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "       CPU0\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "       ----\n");
    printk_emit(m_k, LOGLEVEL_WARNING, "  lock(%s);\n", cls->name.c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "  lock(%s);\n", cls->name.c_str());
    printk_emit(m_k, LOGLEVEL_WARNING, "\n *** DEADLOCK ***\n\n");
    printk_emit(m_k, LOGLEVEL_WARNING, " May be due to missing lock nesting notation\n\n");
    print_held_locks(t, false);
    printk_emit(m_k, LOGLEVEL_WARNING, "\nstack backtrace:\n");
    dump_stack_current();
}

// mark_lock(): record a usage state; a state that contradicts an earlier one is a bug.
bool Lockdep::mark(Task* t, void*, LockClass* cls, Usage u, std::uintptr_t ip) {
    if (cls->usage & (1u << u)) return true;
    cls->usage |= 1u << u;
    std::uintptr_t fp = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    cls->traces[u] = walk_frames(fp, t->fiber.stack_lo(), t->fiber.stack_hi(), 12);
    // Trim our own frames: the trace starts at the guest's lock call.
    auto& tr = cls->traces[u];
    while (!tr.empty() && tr.front() != ip) tr.erase(tr.begin());
    if (tr.empty()) tr.push_back(ip);
    Usage conflict = static_cast<Usage>(u ^ 1);  // IN-X <-> X-ON
    if (!(cls->usage & (1u << conflict))) return true;
    debug_locks_off();
    print_usage_bug(t, cls, conflict, u, ip);
    return false;
}

void Lockdep::acquire(spinlock_t* lock, std::uintptr_t ip, bool trylock) {
    if (!m_enabled) return;
    acquire_class(lock, class_of(lock), ip, trylock);
}

void Lockdep::acquire_map_slow(lock_class_key* key, std::uintptr_t ip) {
    if (!m_enabled) return;
    // A key first seen, or last registered by another machine's checker.
    if (key->__emu_owner != this || !key->__emu_class) register_map(key);
    acquire_class(key, static_cast<LockClass*>(key->__emu_class), ip, false);
}

void Lockdep::register_map(lock_class_key* key) {
    auto& slot = m_classes[key];
    if (!slot) {
        slot = std::make_unique<LockClass>();
        slot->id = static_cast<int>(m_classes.size());
        slot->name = std::string("(") + (key->__emu_name ? key->__emu_name : "timer") + ")";
        slot->map = true;
    }
    key->__emu_class = slot.get();
    key->__emu_owner = this;
}

void Lockdep::acquire_class(void* lock, LockClass* cls, std::uintptr_t ip, bool trylock) {
    Cpu& c = this_cpu();
    Task* t = c.curr;
    // A class that already has every usage state this acquisition sets
    // (every acquisition after the first in each context) skips mark_lock.
    unsigned need = usage_needed(c.preempt_count, c.core.irqs_on, trylock);
    if ((cls->usage & need) != need) {
        for (Usage u : {USED_IN_HARDIRQ, USED_IN_SOFTIRQ, ENABLED_HARDIRQ, ENABLED_SOFTIRQ})
            if ((need >> u & 1) && !mark(t, lock, cls, u, ip)) return;
    }
    if (!trylock) cls->settled_context = usage_context(c.preempt_count, c.core.irqs_on);
    if (!trylock) {
        for (int i = 0; i < t->lockdep_depth; ++i) {
            const HeldLock& h = t->held_locks[static_cast<std::size_t>(i)];
            if (h.cls == cls) {
                debug_locks_off();
                print_deadlock_bug(t, cls, ip, h.ip);
                return;
            }
        }
    }
    if (t->lockdep_depth < static_cast<int>(t->held_locks.size()))
        t->held_locks[static_cast<std::size_t>(t->lockdep_depth++)] = HeldLock{lock, cls, ip};
}

void Lockdep::release(const void* lock) {
    Task* t = this_cpu().curr;
    for (int i = t->lockdep_depth - 1; i >= 0; --i) {
        if (t->held_locks[static_cast<std::size_t>(i)].lock != lock) continue;
        for (int j = i; j + 1 < t->lockdep_depth; ++j)
            t->held_locks[static_cast<std::size_t>(j)] = t->held_locks[static_cast<std::size_t>(j + 1)];
        --t->lockdep_depth;
        return;
    }
}

}  // namespace emu::kern
