// Mirrors kernel/time/{time.c,tick-sched.c,hrtimer.c,sleep_timeout.c} and
// lib delay helpers: jiffies conversions, the per-CPU tick as an hrtimer on a
// one-shot clock event device (the timer chip channel), tickless idle
// (the tick stops while idle and is re-armed for the next wheel timer),
// nanosleep-style hrtimer sleeps.
#include "kernel/time.hpp"

#include "kernel/bug.hpp"
#include "kernel/irq.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/timer.hpp"
#include "kernel/watchdog.hpp"

#include "kernel/include/linux/ktime.h"

namespace emu::kern {

namespace {

// The clock event device: one one-shot channel of the timer chip per CPU.
void program_clockevent(Cpu& c) {
    Cycles when = c.hrtimers ? c.hrtimers->hard : kNever;
    if (when == c.programmed_event) return;
    c.programmed_event = when;
    std::uint64_t base = static_cast<std::uint64_t>(c.id) * TimerChip::kChannelStride;
    Cycles now = c.core.clock;
    if (when == kNever) {
        c.k.timer_chip.write(base + TimerChip::CTRL, 0, now);
        return;
    }
    c.k.timer_chip.write(base + TimerChip::CTRL, TimerChip::ENABLE, now);
    c.k.timer_chip.write(base + TimerChip::COUNT, when > now ? when - now : 1, now);
}

void enqueue_hrtimer(Cpu& c, Hrtimer& h) {
    Hrtimer** pp = &c.hrtimers;
    while (*pp && (*pp)->hard <= h.hard) pp = &(*pp)->next;
    h.next = *pp;
    *pp = &h;
    h.queued = true;
    h.base = &c;
}

void remove_hrtimer(Hrtimer& h) {
    if (!h.queued) return;
    for (Hrtimer** pp = &h.base->hrtimers; *pp; pp = &(*pp)->next) {
        if (*pp == &h) {
            *pp = h.next;
            break;
        }
    }
    h.queued = false;
    h.next = nullptr;
}

// tick_sched_timer(): jiffies, process times, the timer softirq, the slice.
void tick_sched_timer(Hrtimer* h) {
    Cpu& c = *h->base;
    Kernel& k = c.k;
    Cycles now = c.core.clock;
    charge(k.cfg.costs.tick);
    tick_do_update_jiffies64(k, now);
    run_local_timers(c);
    scheduler_tick(c);
    if (c.tick_stopped) return;  // re-armed by tick_nohz when needed
    Cycles next = h->hard + k.tick_period;
    while (next <= now) next += k.tick_period;
    hrtimer_start_on(c, *h, next, next);
}

Cycles next_tick_after(const Kernel& k, Cycles now) { return (now / k.tick_period + 1) * k.tick_period; }

// tick_nohz_stop_tick(): while idle, fire only for the next wheel timer.
void nohz_stop_or_retarget(Cpu& c) {
    Kernel& k = c.k;
    Cycles now = c.core.clock;
    Cycles next_wheel = kNever;
    TimerBase& base = c.timer_base[0];
    if (base.next_expiry_recalc) base.next_expiry = timer_base_next_expiry(k, base);  // a timer was deleted
    if (base.timers_pending) {
        unsigned long next = base.next_expiry;
        if (time_before_eq(next, k.jiffies_now)) return;  // due now: keep ticking
        next_wheel = jiffies_to_time(k, next);
    }
    Cycles next_other = kNever;
    for (Hrtimer* h = c.hrtimers; h; h = h->next)
        if (!h->is_tick) {
            next_other = h->hard;
            break;
        }
    Cycles next_event = std::min(next_wheel, next_other);
    Cycles next_tick = next_tick_after(k, now);
    if (!c.tick_stopped && next_event <= next_tick) return;
    c.tick_stopped = true;
    base.is_idle = true;
    c.timer_base[1].is_idle = true;
    Hrtimer& tick = *c.tick_timer;
    if (next_wheel == kNever) {
        hrtimer_cancel_on(tick);
    } else if (!tick.queued || tick.hard != next_wheel) {
        hrtimer_start_on(c, tick, next_wheel, next_wheel);
    }
}

}  // namespace

void charge_long(Cycles total) {
    Cycles step = this_kernel().engine.timebase().from_ns(1000);  // 1 us steps, interruptible
    while (total) {
        Cycles s = std::min(total, step);
        charge(s);
        total -= s;
    }
}

Cycles jiffies_to_time(const Kernel& k, unsigned long j) {
    return static_cast<Cycles>(j - k.initial_jiffies) * k.tick_period;
}

void tick_do_update_jiffies64(Kernel& k, Cycles now) {
    if (now < k.last_jiffies_update + k.tick_period) return;
    Cycles ticks = (now - k.last_jiffies_update) / k.tick_period;
    k.last_jiffies_update += ticks * k.tick_period;
    k.jiffies_now = k.jiffies_now + ticks;
}

void hrtimer_start_on(Cpu& c, Hrtimer& h, Cycles soft, Cycles hard) {
    if (h.queued) remove_hrtimer(h);
    h.soft = soft;
    h.hard = hard;
    enqueue_hrtimer(c, h);
    if (c.hrtimers == &h) program_clockevent(c);
}

void hrtimer_cancel_on(Hrtimer& h) {
    if (!h.queued) return;
    Cpu& c = *h.base;
    bool was_head = c.hrtimers == &h;
    remove_hrtimer(h);
    if (was_head) program_clockevent(c);
}

void hrtimer_interrupt(Cpu& c) {
    c.programmed_event = kNever;  // the one-shot channel has fired
    while (c.hrtimers && c.hrtimers->soft <= c.core.clock) {
        Hrtimer* h = c.hrtimers;
        remove_hrtimer(*h);
        h->fn(h);
    }
    Cpu& now = this_cpu();
    program_clockevent(now);
}

void tick_init_cpu(Cpu& c) {
    Kernel& k = c.k;
    auto h = std::make_unique<Hrtimer>();
    h->fn = &tick_sched_timer;
    h->is_tick = true;
    c.tick_timer = h.get();
    k.tick_timers.push_back(std::move(h));
    Cycles first = next_tick_after(k, c.core.clock);
    hrtimer_start_on(c, *c.tick_timer, first, first);
    watchdog_init_cpu(c);
}

void tick_irq_enter(Cpu& c) { tick_do_update_jiffies64(c.k, c.core.clock); }

void tick_irq_exit(Cpu& c) {
    if (c.tick_stopped && !c.need_resched) nohz_stop_or_retarget(c);
}

void tick_nohz_idle_enter(Cpu& c) {
    Kernel& k = c.k;
    if (!k.cfg.nohz) return;
    if (c.softirq_pending) {
        static int ratelimit = 0;  // a boot-wide budget of 10 reports, as in Linux
        if (ratelimit < 10) {
            ++ratelimit;
            printk_emit(k, LOGLEVEL_WARNING, "NOHZ tick-stop error: local softirq work is pending, handler #%02x!!!\n",
                        c.softirq_pending);
        }
        return;
    }
    nohz_stop_or_retarget(c);
}

void tick_nohz_idle_exit(Cpu& c) {
    if (!c.tick_stopped) return;
    Kernel& k = c.k;
    c.tick_stopped = false;
    c.timer_base[0].is_idle = false;
    c.timer_base[1].is_idle = false;
    tick_do_update_jiffies64(k, c.core.clock);
    Cycles next = next_tick_after(k, c.core.clock);
    hrtimer_start_on(c, *c.tick_timer, next, next);
}

namespace {
void hrtimer_wakeup(Hrtimer* h) {
    auto* t = static_cast<Task*>(h->data);
    h->data = nullptr;
    try_to_wake_up(t, TASK_NORMAL);
}
}  // namespace

bool hrtimer_sleep(Cycles soft, Cycles hard, unsigned int state) {
    Hrtimer h;
    h.fn = &hrtimer_wakeup;
    for (;;) {
        Cpu& c = this_cpu();
        Task* t = c.curr;
        h.data = t;
        t->__state = state;
        unsigned long flags = arch_local_irq_save();
        hrtimer_start_on(c, h, soft, hard);
        arch_local_irq_restore(flags);
        __schedule(false);
        flags = arch_local_irq_save();
        hrtimer_cancel_on(h);
        arch_local_irq_restore(flags);
        Task* me = this_cpu().curr;
        me->__state = TASK_RUNNING;
        if (this_cpu().core.clock >= soft) return false;
        if ((state & TASK_INTERRUPTIBLE) && signal_pending(me)) return true;
    }
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

namespace {

void process_timeout(timer_list* t);

struct ProcessTimer {
    timer_list timer;
    Task* task;
};

void process_timeout(timer_list* t) {
    auto* pt = reinterpret_cast<ProcessTimer*>(t);
    try_to_wake_up(pt->task, TASK_NORMAL);
}

void busy_wait_ns(std::uint64_t ns) { charge_long(this_kernel().engine.timebase().from_ns(ns)); }

// 6.1 kernel/time/timer.c: each CPU is skewed by 3 jiffies so that their
// rounded timers do not all expire on one tick; a time in the first quarter
// second after a whole second (a late tick) rounds down, any other up; a
// result no longer in the future gives back j unchanged.
unsigned long round_jiffies_common(unsigned long j, int cpu, bool force_up) {
    Kernel& k = this_kernel();
    unsigned long hz = static_cast<unsigned long>(k.cfg.hz);
    unsigned long skew = static_cast<unsigned long>(cpu) * 3;
    unsigned long r = j + skew;
    unsigned long rem = r % hz;
    r = (rem < hz / 4 && !force_up) ? r - rem : r - rem + hz;
    r -= skew;
    return static_cast<long>(k.jiffies_now - r) < 0 ? r : j;
}

// The _relative forms take and return a delay from now.
unsigned long round_relative(unsigned long j, int cpu, bool force_up) {
    unsigned long j0 = this_kernel().jiffies_now;
    return round_jiffies_common(j + j0, cpu, force_up) - j0;
}

}  // namespace

extern "C" {

volatile unsigned long* __emu_jiffies(void) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    return &k.jiffies_now;
}

u64 get_jiffies_64(void) { return *__emu_jiffies(); }

unsigned long __msecs_to_jiffies(const unsigned int m) {
    Kernel& k = this_kernel();
    if (static_cast<int>(m) < 0) return MAX_JIFFY_OFFSET;
    unsigned long hz = static_cast<unsigned long>(k.cfg.hz);
    if (1000 % hz == 0) return (m + (1000 / hz) - 1) / (1000 / hz);
    return static_cast<unsigned long>((static_cast<unsigned long long>(m) * hz + 999) / 1000);
}

unsigned long __usecs_to_jiffies(const unsigned int u) {
    Kernel& k = this_kernel();
    if (static_cast<int>(u) < 0) return MAX_JIFFY_OFFSET;
    unsigned long long hz = static_cast<unsigned long long>(k.cfg.hz);
    return static_cast<unsigned long>((static_cast<unsigned long long>(u) * hz + 999'999) / 1'000'000);
}

unsigned int jiffies_to_msecs(const unsigned long j) {
    unsigned long hz = static_cast<unsigned long>(this_kernel().cfg.hz);
    if (1000 % hz == 0) return static_cast<unsigned int>(j * (1000 / hz));
    return static_cast<unsigned int>(j * 1000 / hz);
}

unsigned int jiffies_to_usecs(const unsigned long j) {
    return static_cast<unsigned int>(j * 1'000'000 / static_cast<unsigned long>(this_kernel().cfg.hz));
}

u64 jiffies_to_nsecs(const unsigned long j) { return static_cast<u64>(j) * 1'000'000'000ull / static_cast<u64>(this_kernel().cfg.hz); }
unsigned long nsecs_to_jiffies(u64 n) { return static_cast<unsigned long>(n * static_cast<u64>(this_kernel().cfg.hz) / 1'000'000'000ull); }
u64 nsecs_to_jiffies64(u64 n) { return nsecs_to_jiffies(n); }

unsigned long __round_jiffies(unsigned long j, int cpu) { return round_jiffies_common(j, cpu, false); }
unsigned long __round_jiffies_relative(unsigned long j, int cpu) { return round_relative(j, cpu, false); }
unsigned long round_jiffies(unsigned long j) { return round_jiffies_common(j, this_cpu().id, false); }
unsigned long round_jiffies_relative(unsigned long j) { return round_relative(j, this_cpu().id, false); }
unsigned long __round_jiffies_up(unsigned long j, int cpu) { return round_jiffies_common(j, cpu, true); }
unsigned long __round_jiffies_up_relative(unsigned long j, int cpu) { return round_relative(j, cpu, true); }
unsigned long round_jiffies_up(unsigned long j) { return round_jiffies_common(j, this_cpu().id, true); }
unsigned long round_jiffies_up_relative(unsigned long j) { return round_relative(j, this_cpu().id, true); }

void cpu_relax(void) { charge(this_kernel().cfg.costs.spin_step); }

void __udelay(unsigned long usecs) { busy_wait_ns(static_cast<std::uint64_t>(usecs) * 1000); }
void __ndelay(unsigned long nsecs) { busy_wait_ns(nsecs); }
void __mdelay(unsigned long msecs) { busy_wait_ns(static_cast<std::uint64_t>(msecs) * 1'000'000); }

// schedule_timeout(): an on-stack timer on the wheel, then schedule(). No
// might_sleep() on this path: in atomic context it goes straight to
// "scheduling while atomic" (SEMANTICS.md §8.3).
long schedule_timeout(long timeout) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    if (timeout == MAX_SCHEDULE_TIMEOUT) {
        __schedule(false);
        return timeout;
    }
    if (timeout < 0) {
        printk_emit(k, LOGLEVEL_ERR, "schedule_timeout: wrong timeout value %lx\n", static_cast<unsigned long>(timeout));
        dump_stack_current();
        this_cpu().curr->__state = TASK_RUNNING;
        return 0;
    }
    unsigned long expire = static_cast<unsigned long>(timeout) + k.jiffies_now;
    ProcessTimer pt{};
    pt.task = this_cpu().curr;
    init_timer_key(&pt.timer, process_timeout, 0, "process_timeout", nullptr);
    mod_timer_notpending(&pt.timer, expire);
    schedule();
    timer_delete_sync(&pt.timer);
    long left = static_cast<long>(expire - k.jiffies_now);
    return left < 0 ? 0 : left;
}

long schedule_timeout_interruptible(long timeout) {
    __emu_set_current_state(TASK_INTERRUPTIBLE);
    return schedule_timeout(timeout);
}
long schedule_timeout_killable(long timeout) {
    __emu_set_current_state(TASK_KILLABLE);
    return schedule_timeout(timeout);
}
long schedule_timeout_uninterruptible(long timeout) {
    __emu_set_current_state(TASK_UNINTERRUPTIBLE);
    return schedule_timeout(timeout);
}
long schedule_timeout_idle(long timeout) {
    __emu_set_current_state(TASK_IDLE);
    return schedule_timeout(timeout);
}

// Linux 6.1: msleep() sleeps msecs_to_jiffies(ms) + 1 jiffies (the +1 went in 6.13).
void msleep(unsigned int msecs) {
    unsigned long timeout = __msecs_to_jiffies(msecs) + 1;
    while (timeout) timeout = static_cast<unsigned long>(schedule_timeout_uninterruptible(static_cast<long>(timeout)));
}

unsigned long msleep_interruptible(unsigned int msecs) {
    unsigned long timeout = __msecs_to_jiffies(msecs) + 1;
    while (timeout && !signal_pending(this_cpu().curr))
        timeout = static_cast<unsigned long>(schedule_timeout_interruptible(static_cast<long>(timeout)));
    return jiffies_to_msecs(timeout);
}

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state) {
    Kernel& k = this_kernel();
    __might_sleep("kernel/time/timer.c", 2121);
    if (max < min) max = min;
    Cycles now = this_cpu().core.clock;
    const Timebase& tb = k.engine.timebase();
    hrtimer_sleep(now + tb.from_us(min), now + tb.from_us(max), state);
}

void fsleep(unsigned long usecs) {
    if (usecs <= 10) __udelay(usecs);
    else if (usecs <= 20000) usleep_range_state(usecs, 2 * usecs, TASK_UNINTERRUPTIBLE);
    else msleep(static_cast<unsigned int>((usecs + 999) / 1000));
}

}  // extern "C"
