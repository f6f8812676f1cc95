// Mirrors kernel/watchdog.c (the soft-lockup detector: a per-CPU hrtimer
// samples every 4 s whether the CPU has scheduled) and kernel/watchdog_hld.c
// (the hard-lockup detector: an NMI every watchdog_thresh seconds checks that
// the soft detector's hrtimer has run since the last one, i.e. that the CPU
// has taken an interrupt).
#include "kernel/watchdog.hpp"

#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"

namespace emu::kern {

namespace {

constexpr std::uint64_t kSoftLockupThresh = 20;  // 2 * watchdog_thresh, in get_timestamp() units
constexpr std::uint64_t kWatchdogSampleNs = 4'000'000'000ull;   // threshold / NUM_SAMPLE_PERIODS
constexpr std::uint64_t kHardLockupPeriodNs = 10'000'000'000ull;  // watchdog_thresh: the NMI's period

// watchdog_timer_fn() prints show_regs() of the context its interrupt hit:
// in emu, the function that reached the preemption point where this tick was
// taken (its caller when it is cpu_relax(), which Linux inlines), and the
// trace from there.
__attribute__((noinline)) void show_interrupted(Cpu& c, bool irqs_were_on) {
    Task* t = c.curr;
    std::uintptr_t lo = t->fiber.stack_lo(), hi = t->fiber.stack_hi();
    auto named = [](const char* name) { return [name](std::uintptr_t ret) { return symbolize(ret).name == name; }; };
    // The interrupt entry returns into preempt_point_slow(), whose frame returns into the interrupted code.
    std::uintptr_t entry = find_frame(reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)), lo, hi, 64,
                                      named("preempt_point_slow"));
    std::uintptr_t callee = entry ? *reinterpret_cast<const std::uintptr_t*>(entry) : 0;
    if (frame_in_stack(callee, lo, hi)) {
        if (std::uintptr_t relax = find_frame(callee, lo, hi, 1, named("cpu_relax")))
            if (frame_in_stack(*reinterpret_cast<const std::uintptr_t*>(relax), lo, hi))
                callee = *reinterpret_cast<const std::uintptr_t*>(relax);
        PtRegs regs = capture_regs(c, reinterpret_cast<const std::uintptr_t*>(callee)[1], callee);
        if (frame_in_stack(regs.bp, lo, hi)) {
            // An interrupt frame: IF as the interrupted code had it (set, unless
            // an NMI came), RF clear.
            regs.flags = (regs.flags & ~0x10200ul) | (irqs_were_on ? 0x200ul : 0ul);
            dump_stack_from(regs.bp, &regs);
            return;
        }
    }
    dump_stack_current();
}

// kernel/watchdog.c's get_timestamp(): running_clock() >> 30, "roughly"
// seconds of 1.07 s. Both the threshold test and the "stuck for %us" figure
// use it, so the first report comes at the first 4 s sample after more than
// 20 such units: at 24 s, "stuck for 22s!", for a CPU stuck since boot.
std::uint64_t watchdog_timestamp(const Timebase& tb, Cycles t) { return tb.to_ns(t) >> 30; }

void report_softlockup(Cpu& c, Cycles now) {
    Kernel& k = c.k;
    const Timebase& tb = k.engine.timebase();
    c.watchdog_reported = now;
    auto secs = static_cast<unsigned>(watchdog_timestamp(tb, now) - watchdog_timestamp(tb, c.watchdog_touch));
    printk_emit(k, LOGLEVEL_EMERG, "watchdog: BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]\n", c.id, secs,
                c.curr->comm, c.curr->pid);
    print_modules(k);
    show_interrupted(c, true);
    add_taint(k, TAINT_SOFTLOCKUP);
    if (c.deadlocked) {
        printk_emit(k, LOGLEVEL_EMERG, "emu: CPU#%d %s and can never make progress; stopping the machine\n", c.id,
                    c.deadlock_why);
        k.exit_code_hint = kExitDeadlock;
        k.stop_machine(kExitDeadlock);
    }
}


// watchdog_timer_fn(): the per-CPU hrtimer, every 4 s. It is an hrtimer of
// its own, not the tick: a CPU whose tick nohz stopped (idle, or stuck in a
// softirq that interrupted the idle task) is still sampled.
void watchdog_timer_fn(Hrtimer* h) {
    Cpu& c = *h->base;
    Kernel& k = c.k;
    const Timebase& tb = k.engine.timebase();
    Cycles now = c.core.clock;
    Cycles period = tb.from_ns(kWatchdogSampleNs);
    Cycles next = h->hard + period;
    while (next <= now) next += period;
    hrtimer_start_on(c, *h, next, next);
    ++c.hrtimer_interrupts;  // what the NMI watchdog checks
    if (!k.cfg.soft_lockup_detector) return;
    // The count of the code this interrupt interrupted: a softirq, another
    // IRQ, a preempt_disable() section, or none.
    unsigned interrupted = c.preempt_count - HARDIRQ_OFFSET;
    bool in_interrupt = interrupted & (SOFTIRQ_MASK | HARDIRQ_MASK | NMI_MASK);
    if (c.curr->is_idle() && !in_interrupt) {  // an idle CPU: the stopper would run at once
        c.watchdog_touch = now;
        return;
    }
    Cycles period_start = std::max(c.watchdog_touch, c.watchdog_reported);
    // is_softlockup(): time_after(now, period_ts + thresh), in timestamp units.
    if (watchdog_timestamp(tb, now) > watchdog_timestamp(tb, period_start) + kSoftLockupThresh)
        report_softlockup(c, now);
    // The sample also queues softlockup_fn() on the CPU's stopper thread, and
    // the wake-up sets need_resched: the stopper runs, and touches the
    // timestamp (finish_task_switch()), at the next point where this CPU
    // reschedules: this interrupt's return if the interrupted code can be
    // preempted (user mode; a zero count on a PREEMPT kernel), else a
    // return to user mode, cond_resched() or might_sleep() on a voluntary
    // kernel, preempt_enable() on a PREEMPT one, or a task switch.
    resched_curr(c);
}

}  // namespace

void watchdog_init_cpu(Cpu& c) {
    Kernel& k = c.k;
    const Timebase& tb = k.engine.timebase();
    auto h = std::make_unique<Hrtimer>();
    h->fn = &watchdog_timer_fn;
    Cycles first = tb.from_ns(kWatchdogSampleNs);
    hrtimer_start_on(c, *h, first, first);
    k.tick_timers.push_back(std::move(h));
    c.nmi_next_sample = tb.from_ns(kHardLockupPeriodNs);
}

// watchdog_overflow_callback(): a hard lockup is an NMI period in which the
// watchdog hrtimer never ran, reported once until the CPU recovers. A sample
// found more than a period late (the CPU ran with interrupts on, where emu
// does not look) starts a new period instead of judging the missed one.
void hardlockup_sample(Cpu& c) {
    Kernel& k = c.k;
    const Timebase& tb = k.engine.timebase();
    Cycles period = tb.from_ns(kHardLockupPeriodNs);
    Cycles now = nmi_clock(c);
    bool late = now >= c.nmi_next_sample + period;
    c.nmi_next_sample = (now / period + 1) * period;
    bool stuck = !late && c.hrtimer_interrupts == c.hrtimer_interrupts_saved;
    c.hrtimer_interrupts_saved = c.hrtimer_interrupts;
    if (!k.cfg.soft_lockup_detector) return;
    if (!stuck) {
        c.hard_watchdog_warn = false;
        return;
    }
    if (c.hard_watchdog_warn) return;
    c.hard_watchdog_warn = true;
    printk_emit(k, LOGLEVEL_EMERG, "NMI watchdog: Watchdog detected hard LOCKUP on cpu %d\n", c.id);
    print_modules(k);
    show_interrupted(c, false);
}

}  // namespace emu::kern
