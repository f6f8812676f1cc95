// Mirrors kernel/time/timer.c (Linux 6.1): the non-cascading hierarchical
// timer wheel. Each CPU has two bases (standard, deferrable). Level n has 64
// buckets of granularity 8^n jiffies; a timer lands in the first level whose
// range covers its delta and is rounded *up* to that level's granularity, so
// timers never fire early (and usually fire a little late).
//
//   HZ=250   level  granularity        range
//             0       1 jiffy (4 ms)    0 .. 62 jiffies
//             1       8 jiffies         63 .. 503
//             2      64 jiffies         504 .. 4031
//             3     512 jiffies         4032 .. 32255
//             ...    (8^n)              ...   (levels 0..8; 0..7 at HZ=100)
//
// Kept: bucket_expiry round-up, next_expiry tracking, forward_timer_base,
// the mod_timer same-bucket shortcut, running_timer and timer_delete_sync
// waiting for a callback on another CPU, the preempt-leak check, NOHZ target
// selection (a timer armed on an idle CPU goes to a busy one unless PINNED),
// waking a remote idle CPU whose tick is stopped, the timer's lockdep map
// held around its callback.
// Dropped: timer migration hierarchy (6.9+).
#include "kernel/timer.hpp"

#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/lockdep.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/time.hpp"

#include <bit>
#include <fmt/format.h>

namespace emu::kern {

namespace {

constexpr int LVL_CLK_SHIFT = 3;
constexpr unsigned long LVL_CLK_DIV = 1ul << LVL_CLK_SHIFT;
constexpr unsigned long LVL_CLK_MASK = LVL_CLK_DIV - 1;
constexpr int LVL_BITS = 6;
constexpr unsigned long LVL_SIZE = 1ul << LVL_BITS;
constexpr unsigned long LVL_MASK = LVL_SIZE - 1;
constexpr int LVL_SHIFT(int n) { return n * LVL_CLK_SHIFT; }
constexpr unsigned long LVL_GRAN(int n) { return 1ul << LVL_SHIFT(n); }
constexpr unsigned long LVL_OFFS(int n) { return static_cast<unsigned long>(n) * LVL_SIZE; }
constexpr unsigned long LVL_START(int n) { return (LVL_SIZE - 1) << ((n - 1) * LVL_CLK_SHIFT); }
constexpr unsigned long NEXT_TIMER_MAX_DELTA = (1ul << 30) - 1;
constexpr int BASE_STD = 0;
constexpr int BASE_DEF = 1;
constexpr int MOD_TIMER_PENDING_ONLY = 0x01;
constexpr int MOD_TIMER_REDUCE = 0x02;
constexpr int MOD_TIMER_NOTPENDING = 0x04;
// timer_shutdown() (6.2+) leaves this in ->data: later arming is silently ignored.
constexpr unsigned long kShutdownMagic = 0x5d0d0a7e5d0d0a7eul;

unsigned timer_get_idx(const timer_list* t) { return (t->flags & TIMER_ARRAYMASK) >> TIMER_ARRAYSHIFT; }
void timer_set_idx(timer_list* t, unsigned idx) {
    t->flags = (t->flags & ~static_cast<u32>(TIMER_ARRAYMASK)) | (idx << TIMER_ARRAYSHIFT);
}

unsigned calc_index(unsigned long expires, int lvl, unsigned long* bucket_expiry) {
    expires = (expires >> LVL_SHIFT(lvl)) + 1;
    *bucket_expiry = expires << LVL_SHIFT(lvl);
    return static_cast<unsigned>(LVL_OFFS(lvl) + (expires & LVL_MASK));
}

unsigned calc_wheel_index(int depth, unsigned long expires, unsigned long clk, unsigned long* bucket_expiry) {
    unsigned long delta = expires - clk;
    for (int lvl = 0; lvl < depth - 1; ++lvl)
        if (delta < LVL_START(lvl + 1)) return calc_index(expires, lvl, bucket_expiry);
    if (static_cast<long>(delta) < 0) {
        *bucket_expiry = clk;
        return static_cast<unsigned>(clk & LVL_MASK);
    }
    unsigned long cutoff = LVL_START(depth);
    if (delta >= cutoff) expires = clk + (cutoff - LVL_GRAN(depth - 1));  // WHEEL_TIMEOUT_MAX
    return calc_index(expires, depth - 1, bucket_expiry);
}

bool test_bit_map(const TimerBase& b, unsigned idx) { return b.pending_map[idx / 64] >> (idx % 64) & 1; }
void set_bit_map(TimerBase& b, unsigned idx) { b.pending_map[idx / 64] |= 1ull << (idx % 64); }
void clear_bit_map(TimerBase& b, unsigned idx) { b.pending_map[idx / 64] &= ~(1ull << (idx % 64)); }

// next_pending_bucket(): the distance from `clk` to the level's next pending
// bucket, wrapping round the level, or -1. 6.1 does two find_next_bit() calls
// (from clk to the end, then from the start); a level is 64 buckets, one word
// of the map, so here that is one rotate and one count of trailing zeros.
static_assert(LVL_SIZE == 64, "a wheel level is one word of the pending map");
int next_pending_bucket(const TimerBase& b, int lvl, unsigned clk) {
    std::uint64_t w = b.pending_map[static_cast<std::size_t>(lvl)];
    std::uint64_t from_clk = std::rotr(w, static_cast<int>(clk));  // bit i: bucket clk + i (mod 64)
    return from_clk ? __builtin_ctzll(from_clk) : -1;
}

unsigned long next_timer_interrupt(TimerBase& b, int depth) {
    unsigned long next = b.clk + NEXT_TIMER_MAX_DELTA;
    unsigned long clk = b.clk;
    for (int lvl = 0; lvl < depth; ++lvl) {
        int pos = next_pending_bucket(b, lvl, static_cast<unsigned>(clk & LVL_MASK));
        unsigned long lvl_clk = clk & LVL_CLK_MASK;
        if (pos >= 0) {
            unsigned long tmp = (clk + static_cast<unsigned long>(pos)) << LVL_SHIFT(lvl);
            if (time_before(tmp, next)) next = tmp;
            // The next expiry happens before the next level is reached: done.
            if (static_cast<unsigned long>(pos) <= ((LVL_CLK_DIV - lvl_clk) & LVL_CLK_MASK)) break;
        }
        unsigned long adj = lvl_clk ? 1 : 0;
        clk >>= LVL_CLK_SHIFT;
        clk += adj;
    }
    b.next_expiry_recalc = false;
    b.timers_pending = next != b.clk + NEXT_TIMER_MAX_DELTA;
    return next;
}

TimerBase& base_of(Kernel& k, u32 tflags, int cpu) {
    static_assert(BASE_STD == 0 && BASE_DEF == 1);
    return *k.timer_bases[static_cast<std::size_t>(cpu) * 2 + ((tflags & TIMER_DEFERRABLE) ? BASE_DEF : BASE_STD)];
}

TimerBase& lock_timer_base(Kernel& k, timer_list* t) {
    int cpu = static_cast<int>(t->flags & TIMER_CPUMASK);
    if (cpu >= k.nr_cpus()) cpu = 0;  // a statically initialised or corrupted timer
    return base_of(k, t->flags, cpu);
}

bool idle_cpu(const Cpu& c) { return c.curr->is_idle() && c.nr_queued == 0; }

// get_target_base()'s rule, the common case: a pinned timer, or any timer
// armed on a busy CPU, goes to this CPU's base.
bool target_is_self(const Cpu& self, u32 tflags) { return (tflags & TIMER_PINNED) || !idle_cpu(self); }

// get_target_base(), as a CPU number: the base is that CPU's of the timer's
// kind. get_nohz_timer_target(): an idle CPU hands a timer that is not
// pinned to the first busy CPU (timer migration is on by default).
int target_cpu(Kernel& k, u32 tflags) {
    Cpu& self = this_cpu();
    if (target_is_self(self, tflags)) return self.id;
    for (auto& c : k.cpus)
        if (c.get() != &self && !idle_cpu(*c)) return c->id;
    return self.id;
}

void forward_timer_base(Kernel& k, TimerBase& b) {
    unsigned long jnow = k.jiffies_now;
    if (static_cast<long>(jnow - b.clk) < 1) return;
    if (time_after(b.next_expiry, jnow)) {
        b.clk = jnow;
    } else {
        if (time_before(b.next_expiry, b.clk)) return;
        b.clk = b.next_expiry;
    }
}

// trigger_dyntick_cpu(), split: the test inline, the kick out of line.
// A timer that became first on the base of a CPU whose tick is stopped: that
// CPU must look again.
bool dyntick_kick_needed(const Kernel& k, const TimerBase& b, const timer_list* t) {
    return k.cfg.nohz && !(t->flags & TIMER_DEFERRABLE) && b.is_idle;
}
__attribute__((noinline)) void kick_dyntick_cpu(Kernel& k, TimerBase& b) {
    Cpu& target = k.cpu(b.cpu);
    if (in_guest() && &target == &this_cpu()) return;  // tick_irq_exit() re-evaluates
    bool was_on = in_guest() && tl_core->irqs_on;  // still "under the base lock"
    if (was_on) local_irq_disable_internal();
    resched_curr(target);
    if (was_on) local_irq_enable_internal();
}
// kick_dyntick_cpu(), then `ret`: mod_timer() ends in this tail call.
__attribute__((noinline)) int kick_dyntick_cpu_and_return(Kernel& k, TimerBase& b, int ret) {
    kick_dyntick_cpu(k, b);
    return ret;
}

// The entry of a wheel operation: the call and raw_spin_lock_irqsave() of the
// base, charged at once. Interrupts reach a CPU, and other CPUs run, only at
// preemption points (charge()), and the wheel code after this has none, so it
// runs as if under the base lock with interrupts off without toggling them.
// The one path that charges, the IPI to a remote idle CPU, comes last, once
// the base is consistent; it masks interrupts as Linux does under the lock.
Cycles lock_base_cost(const Kernel& k) { return k.cfg.costs.timer_mod + k.cfg.costs.lock_op; }
void lock_base_charge(Kernel& k) { charge(lock_base_cost(k)); }

// Returns whether the timer is now the base's first: its CPU may have to be
// woken (dyntick_kick_needed()), which the caller does last.
[[gnu::always_inline]] inline bool enqueue_timer(TimerBase& b, timer_list* t, unsigned idx,
                                                unsigned long bucket_expiry) {
    hlist_add_head(&t->entry, &b.vectors[idx]);
    set_bit_map(b, idx);
    timer_set_idx(t, idx);
    if (time_before(bucket_expiry, b.next_expiry)) {
        b.next_expiry = bucket_expiry;
        b.timers_pending = true;
        b.next_expiry_recalc = false;
        return true;
    }
    return false;
}

[[gnu::always_inline]] inline bool internal_add_timer(Kernel& k, TimerBase& b, timer_list* t) {
    unsigned long bucket_expiry;
    unsigned idx = calc_wheel_index(wheel_levels(k), t->expires, b.clk, &bucket_expiry);
    return enqueue_timer(b, t, idx, bucket_expiry);
}

void detach_timer(timer_list* t, bool clear_pending) {
    __hlist_del(&t->entry);
    if (clear_pending) t->entry.pprev = nullptr;
    t->entry.next = reinterpret_cast<hlist_node*>(0x122);
}

int detach_if_pending(timer_list* t, TimerBase& b, bool clear_pending) {
    if (!timer_pending(t)) return 0;
    unsigned idx = timer_get_idx(t);
    if (!t->entry.next && t->entry.pprev == &b.vectors[idx].first) {
        clear_bit_map(b, idx);
        b.next_expiry_recalc = true;
    }
    detach_timer(t, clear_pending);
    return 1;
}

// __mod_timer(), after its entry charge, in parts. `options` is a template
// argument so that each entry point (mod_timer, mod_timer_pending,
// timer_reduce, add_timer) tests only its own. The not-pending path, most
// calls, makes no call except in tail position or to BUG(): the pending path
// is a separate function and a timer leaving its CPU's base goes out of
// line. With the base one load from Kernel::timer_bases, the compiler keeps
// that path in scratch registers and saves one, where one function saved five.

// The expiry and the enqueue on base `b`, then the remote CPU's kick if the
// timer became that base's first; returns `ret`. `idx`, `clk` and
// `bucket_expiry` are a bucket computed against `clk`, or ~0u.
[[gnu::always_inline]] inline int enqueue_on(Kernel& k, timer_list* t, TimerBase* b, unsigned long expires,
                                            unsigned idx, unsigned long clk, unsigned long bucket_expiry, int ret) {
    t->expires = expires;
    bool first = (idx != ~0u && clk == b->clk) ? enqueue_timer(*b, t, idx, bucket_expiry)
                                               : internal_add_timer(k, *b, t);
    if (first && dyntick_kick_needed(k, *b, t)) return kick_dyntick_cpu_and_return(k, *b, ret);
    return ret;
}

// The end of __mod_timer() for a timer that may change base, out of line:
// mod_timer_locked() and mod_timer_pending_timer() inline only the common
// case, a timer that stays on this CPU's base. get_target_base() (NOHZ), then
// enqueue_on() with the bucket computed against the chosen base.
__attribute__((noinline)) int enqueue_on_target_slow(Kernel& k, timer_list* t, TimerBase* b, unsigned long expires,
                                                     int ret) {
    int target = target_cpu(k, t->flags);
    if (b->cpu != target) {
        // A running callback keeps its timer on its base (serialisation, timer_delete_sync).
        if (b->running_timer != t) {
            b = &base_of(k, t->flags, target);
            t->flags = (t->flags & ~static_cast<u32>(TIMER_BASEMASK)) | static_cast<u32>(b->cpu);
            forward_timer_base(k, *b);
        }
    }
    return enqueue_on(k, t, b, expires, ~0u, 0, 0, ret);
}

// 6.1's BUG_ON(!timer->function) of __mod_timer(); true for a timer that
// timer_shutdown() disarmed, which arming leaves alone.
[[gnu::always_inline]] inline bool timer_shut_down(const timer_list* t) {
    if (__builtin_expect(t->function || t->legacy_function, 1)) return false;
    if (t->data != kShutdownMagic) BUG();
    return true;
}

// A pending timer: unchanged expiry, same bucket, or moved.
template <int options>
__attribute__((noinline)) int mod_timer_pending_timer(Kernel& k, timer_list* t, unsigned long expires) {
    if (timer_shut_down(t)) return 0;
    long diff = static_cast<long>(t->expires - expires);
    if (!diff) return 1;
    if ((options & MOD_TIMER_REDUCE) && diff <= 0) return 1;
    TimerBase* b = &lock_timer_base(k, t);
    forward_timer_base(k, *b);
    if (timer_pending(t) && (options & MOD_TIMER_REDUCE) && time_before_eq(t->expires, expires)) return 1;
    unsigned long clk = b->clk, bucket_expiry = 0;
    unsigned idx = calc_wheel_index(wheel_levels(k), expires, clk, &bucket_expiry);
    // Same bucket: only the expiry changes.
    if (idx == timer_get_idx(t)) {
        if (!(options & MOD_TIMER_REDUCE)) t->expires = expires;
        else if (time_after(t->expires, expires)) t->expires = expires;
        return 1;
    }
    int ret = detach_if_pending(t, *b, false);
    // As mod_timer_locked(): inline only a timer that stays on this CPU's base.
    Cpu& self = this_cpu();
    if (b->cpu != self.id || !target_is_self(self, t->flags)) return enqueue_on_target_slow(k, t, b, expires, ret);
    return enqueue_on(k, t, b, expires, idx, clk, bucket_expiry, ret);
}

template <int options>
__attribute__((noinline)) int mod_timer_locked(Kernel& k, timer_list* t, unsigned long expires) {
    // The pending test first: its tail call then comes before the register saves.
    if (!(options & MOD_TIMER_NOTPENDING) && timer_pending(t)) return mod_timer_pending_timer<options>(k, t, expires);
    if (timer_shut_down(t)) return 0;
    TimerBase* b = &lock_timer_base(k, t);
    forward_timer_base(k, *b);
    // MOD_TIMER_NOTPENDING skipped the test above, and the entry's preemption
    // point may have let an interrupt or another CPU arm the timer: detach it
    // as 6.1 does. Otherwise it is not pending (no preemption point since the test).
    int ret = (options & MOD_TIMER_NOTPENDING) ? detach_if_pending(t, *b, false) : 0;
    if (options & MOD_TIMER_PENDING_ONLY) return 0;
    // Inline only the common case: the timer stays on this CPU's base.
    Cpu& self = this_cpu();
    if (b->cpu != self.id || !target_is_self(self, t->flags)) return enqueue_on_target_slow(k, t, b, expires, ret);
    return enqueue_on(k, t, b, expires, ~0u, 0, 0, ret);
}

// The entry charge reached the CPU's deadline: take the preemption point, then do the work.
template <int options>
__attribute__((noinline)) int mod_timer_at_deadline(timer_list* t, unsigned long expires) {
    preempt_point_slow();
    return mod_timer_locked<options>(this_kernel(), t, expires);
}

template <int options>
[[gnu::always_inline]] inline int mod_timer_common(timer_list* t, unsigned long expires) {
    Kernel& k = this_kernel();
    if (__builtin_expect(charge_reaches_deadline(lock_base_cost(k)), 0))
        return mod_timer_at_deadline<options>(t, expires);
    return mod_timer_locked<options>(k, t, expires);
}

int collect_expired_timers(TimerBase& b, int depth, hlist_head* heads) {
    unsigned long clk = b.clk = b.next_expiry;
    int levels = 0;
    for (int i = 0; i < depth; ++i) {
        unsigned idx = static_cast<unsigned>((clk & LVL_MASK) + static_cast<unsigned long>(i) * LVL_SIZE);
        if (test_bit_map(b, idx)) {
            clear_bit_map(b, idx);
            hlist_head* vec = &b.vectors[idx];
            // hlist_move_list()
            heads->first = vec->first;
            if (heads->first) heads->first->pprev = &heads->first;
            vec->first = nullptr;
            ++heads;
            ++levels;
        }
        if (clk & LVL_CLK_MASK) break;
        clk >>= LVL_CLK_SHIFT;
    }
    return levels;
}

// WARN_ONCE(1, "timer: %pS preempt leak: %08x -> %08x\n", ...), out of
// line so that call_timer_fn() keeps few values across the callback. Not
// `cold`: its call stays in call_timer_fn()'s body, whose return address is
// the RIP Linux reports.
// `fn`: the callback, read before it ran (it may have freed its timer).
__attribute__((noinline)) void timer_preempt_leak(Kernel& k, std::uintptr_t fn, unsigned int count, Cpu& after) {
    auto ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    if (!k.warned_timer_preempt_leak) {
        k.warned_timer_preempt_leak = true;
        Symbol s = symbolize(fn);
        std::string sym = format_symbol(k, fn);
        // %pS of a function pointer prints +0x0.
        if (s.found) {
            std::string mod;
            auto lb = sym.find(" [");
            if (lb != std::string::npos) mod = sym.substr(lb);
            sym = fmt::format("{}+0x0/0x{:x}{}", s.name, s.size, mod);
        }
        warn_report(k, "kernel/time/timer.c", 1707, ip,
                    fmt::format("timer: {} preempt leak: {:08x} -> {:08x}\n", sym, count, after.preempt_count));
    }
}

// expire_timers() and call_timer_fn() of 6.1 as one function, called once
// per expired bucket. 6.1 inlines expire_timers() into __run_timers(), so a
// call trace from a callback reads "call_timer_fn, __run_timers,
// run_timer_softirq" either way; one frame per bucket instead of one per
// timer saves its call and register saves on every expiry.
//
// Linux drops the base lock around each callback, raw_spin_unlock_irq()
// before and raw_spin_lock_irq() after (plain unlock/lock for TIMER_IRQSAFE):
// IRQs are on in a callback, off in an IRQSAFE one and between callbacks.
// Interrupts reach a CPU only at preemption points and the wheel code
// between callbacks has none, so the flag changes only where the next
// callback needs it different: once per batch, not twice per timer. A
// callback that returns with IRQs off has them switched on before the next
// one, as Linux's unlock_irq does, taking any interrupt it left pending.
__attribute__((noinline)) void call_timer_fn(Kernel& k, TimerBase& b, hlist_head* head) {
    while (head->first) {
        timer_list* t = hlist_entry(head->first, timer_list, entry);
        b.running_timer = t;
        detach_timer(t, true);
        bool irqs_in_callback = !(t->flags & TIMER_IRQSAFE);
        if (tl_core->irqs_on != irqs_in_callback) {
            if (irqs_in_callback) local_irq_enable_internal();
            else local_irq_disable_internal();
        }
        // call_timer_fn() proper.
        Cpu& c = this_cpu();
        unsigned int count = c.preempt_count;
        charge(k.cfg.costs.timer_run);
        // lock_map_acquire(&lockdep_map): 6.1 marks the callback as holding the
        // timer's pseudo-lock, so it shows in held-lock lists. Kept in a local:
        // the callback may free the timer.
        lock_class_key* map = k.lockdep ? t->lockdep_key : nullptr;
        if (map) k.lockdep->acquire_map(map, _THIS_IP_, c);  // same CPU: a softirq never migrates
        std::uintptr_t fn;
        if (auto f = t->function) {
            fn = reinterpret_cast<std::uintptr_t>(f);
            f(t);
        } else {  // setup_timer(): function stays NULL
            fn = reinterpret_cast<std::uintptr_t>(t->legacy_function);
            t->legacy_function(t->data);
        }
        Cpu& after = this_cpu();  // the callback may have slept (a bug Linux survives)
        if (map) k.lockdep->release_map(map, after);
        if (count != after.preempt_count) {
            timer_preempt_leak(k, fn, count, after);
            after.preempt_count = count;
        }
        b.running_timer = nullptr;
    }
}

void __run_timers(Kernel& k, TimerBase& b) {
    if (time_before(k.jiffies_now, b.next_expiry)) return;
    int depth = wheel_levels(k);
    hlist_head heads[TimerBase::kLevels];
    local_irq_disable_internal();
    while (time_after_eq(k.jiffies_now, b.clk) && time_after_eq(k.jiffies_now, b.next_expiry)) {
        int levels = collect_expired_timers(b, depth, heads);
        b.clk++;
        b.next_expiry = next_timer_interrupt(b, depth);
        while (levels--) call_timer_fn(k, b, heads + levels);
        if (tl_core->irqs_on) local_irq_disable_internal();  // raw_spin_lock_irq() after the last callback
    }
    local_irq_enable_internal();
}

__attribute__((noinline)) void run_timer_softirq(softirq_action*) {
    Cpu& c = this_cpu();
    __run_timers(c.k, c.timer_base[BASE_STD]);
    __run_timers(c.k, this_cpu().timer_base[BASE_DEF]);
}

}  // namespace

unsigned long timer_base_next_expiry(Kernel& k, TimerBase& b) { return next_timer_interrupt(b, wheel_levels(k)); }

void timers_init(Kernel& k) { k.softirq_vec[TIMER_SOFTIRQ] = &run_timer_softirq; }

void timer_base_init(Cpu& c) {
    for (TimerBase& b : c.timer_base) {
        b.cpu = c.id;
        b.clk = c.k.jiffies_now;
        b.next_expiry = b.clk + NEXT_TIMER_MAX_DELTA;
        b.timers_pending = false;
    }
}

void run_local_timers(Cpu& c) {
    Kernel& k = c.k;
    if (time_before(k.jiffies_now, c.timer_base[BASE_STD].next_expiry) &&
        time_before(k.jiffies_now, c.timer_base[BASE_DEF].next_expiry))
        return;
    raise_softirq_irqoff_on(c, TIMER_SOFTIRQ);
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void init_timer_key(struct timer_list* timer, void (*func)(struct timer_list*), unsigned int flags, const char* name,
                    struct lock_class_key* key) {
    if (flags & ~static_cast<unsigned>(TIMER_INIT_FLAGS)) {
        WARN_ON_ONCE(1);
        flags &= TIMER_INIT_FLAGS;
    }
    timer->entry.pprev = nullptr;
    timer->entry.next = nullptr;
    timer->function = func;
    timer->legacy_function = nullptr;
    timer->data = 0;
    timer->flags = flags | static_cast<u32>(in_guest() ? this_cpu().id : 0);
    timer->lockdep_key = key;
    if (key && !key->__emu_name) key->__emu_name = name;
}

void __emu_setup_timer(struct timer_list* timer, void (*func)(unsigned long), unsigned long data, unsigned int flags) {
    init_timer_key(timer, nullptr, flags, "setup_timer", nullptr);
    timer->legacy_function = func;
    timer->data = data;
}

int mod_timer(struct timer_list* timer, unsigned long expires) { return mod_timer_common<0>(timer, expires); }
int mod_timer_pending(struct timer_list* timer, unsigned long expires) {
    return mod_timer_common<MOD_TIMER_PENDING_ONLY>(timer, expires);
}
int timer_reduce(struct timer_list* timer, unsigned long expires) {
    return mod_timer_common<MOD_TIMER_REDUCE>(timer, expires);
}
int mod_timer_notpending(struct timer_list* timer, unsigned long expires) {
    return mod_timer_common<MOD_TIMER_NOTPENDING>(timer, expires);
}

void add_timer(struct timer_list* timer) {
    BUG_ON(timer_pending(timer));  // 6.1
    mod_timer_common<MOD_TIMER_NOTPENDING>(timer, timer->expires);
}

void add_timer_on(struct timer_list* timer, int cpu) {
    Kernel& k = this_kernel();
    lock_base_charge(k);
    BUG_ON(timer_pending(timer) || (!timer->function && !timer->legacy_function));
    if (cpu < 0 || cpu >= k.nr_cpus()) {
        WARN(1, "add_timer_on: CPU %d is not online\n", cpu);
        return;
    }
    TimerBase& nb = base_of(k, timer->flags, cpu);
    TimerBase* target = &nb;
    timer->flags = (timer->flags & ~static_cast<u32>(TIMER_BASEMASK)) | static_cast<u32>(cpu);
    forward_timer_base(k, *target);
    if (internal_add_timer(k, *target, timer) && dyntick_kick_needed(k, *target, timer)) kick_dyntick_cpu(k, *target);
}

int __emu_timer_delete(struct timer_list* timer) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.timer_mod);  // before the test: a callback may re-arm the timer at this preemption point
    if (!timer_pending(timer)) return 0;
    charge(k.cfg.costs.lock_op);  // the base lock; detach_if_pending() tests again under it
    return detach_if_pending(timer, lock_timer_base(k, timer), true);
}

int try_to_del_timer_sync(struct timer_list* timer) {
    Kernel& k = this_kernel();
    lock_base_charge(k);
    TimerBase& b = lock_timer_base(k, timer);
    int ret = -1;
    if (b.running_timer != timer) ret = detach_if_pending(timer, b, true);
    return ret;
}

int timer_delete_sync(struct timer_list* timer) {
    Kernel& k = this_kernel();
    // Calling this from hard IRQ context could deadlock (unless TIMER_IRQSAFE).
    WARN_ON(in_irq() && !(timer->flags & TIMER_IRQSAFE));
    Cpu* marked = nullptr;
    for (;;) {
        int ret = try_to_del_timer_sync(timer);
        if (ret >= 0) {
            if (marked) marked->deadlocked = false;
            return ret;
        }
        // The callback "running" on this very CPU was interrupted and its
        // task switched out (a callback that slept): nothing can finish it
        // while we spin. Linux spins forever (soft lockup reports); emu
        // reports the soft lockup, then stops the machine.
        Cpu& c = this_cpu();
        if (static_cast<int>(timer->flags & TIMER_CPUMASK) == c.id) {
            c.deadlocked = true;
            c.deadlock_why = "waits in del_timer_sync() for a callback whose context slept on this very CPU";
            marked = &c;
        }
        charge(k.cfg.costs.spin_step);  // cpu_relax() while the callback runs elsewhere
    }
}

int timer_shutdown(struct timer_list* timer) {
    int ret = __emu_timer_delete(timer);
    timer->function = nullptr;
    timer->legacy_function = nullptr;
    timer->data = kShutdownMagic;
    return ret;
}

int timer_shutdown_sync(struct timer_list* timer) {
    int ret = timer_delete_sync(timer);
    timer->function = nullptr;
    timer->legacy_function = nullptr;
    timer->data = kShutdownMagic;
    return ret;
}

void destroy_timer_on_stack(struct timer_list*) {}

}  // extern "C"
