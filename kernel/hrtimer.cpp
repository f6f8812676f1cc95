// Mirrors kernel/time/hrtimer.c's module interface on top of the per-CPU
// hrtimer queue that also drives the tick (kernel/time.cpp): callbacks run
// in hard IRQ context at their expiry; HRTIMER_RESTART re-arms at the
// (forwarded) expiry. call_usermodehelper (kernel/umh.c) is refused.
#include "kernel/bug.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/time.hpp"

#include "kernel/include/linux/hrtimer.h"
#include "kernel/include/linux/kmod.h"

#include <new>

using namespace emu;
using namespace emu::kern;

namespace {

static_assert(sizeof(Hrtimer) <= sizeof(static_cast<hrtimer*>(nullptr)->emu_private), "Hrtimer must fit the guest node");

Hrtimer& node(hrtimer* t) { return *reinterpret_cast<Hrtimer*>(t->emu_private); }

void fire(Hrtimer* h) {
    auto* t = static_cast<hrtimer*>(h->data);
    enum hrtimer_restart r = t->function ? t->function(t) : HRTIMER_NORESTART;
    if (r == HRTIMER_RESTART && !h->queued) {
        Kernel& k = this_kernel();
        Cycles when = k.ns_to_cycles(static_cast<std::uint64_t>(t->_softexpires));
        hrtimer_start_on(this_cpu(), *h, when, when);
    }
}

}  // namespace

extern "C" {

void hrtimer_init(struct hrtimer* timer, int, enum hrtimer_mode mode) {
    auto* h = new (timer->emu_private) Hrtimer();
    h->fn = fire;
    h->data = timer;
    timer->_softexpires = 0;
    timer->function = nullptr;
    timer->is_rel = mode & HRTIMER_MODE_REL;
}

void hrtimer_start_range_ns(struct hrtimer* timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.timer_mod);
    if (mode & HRTIMER_MODE_REL) tim += static_cast<ktime_t>(k.now_ns());
    timer->_softexpires = tim;
    Cycles soft = k.ns_to_cycles(static_cast<std::uint64_t>(tim));
    unsigned long flags = arch_local_irq_save();
    hrtimer_start_on(this_cpu(), node(timer), soft, soft + k.ns_to_cycles(range_ns));
    arch_local_irq_restore(flags);
}

int hrtimer_try_to_cancel(struct hrtimer* timer) {
    unsigned long flags = arch_local_irq_save();
    bool was = node(timer).queued;
    hrtimer_cancel_on(node(timer));
    arch_local_irq_restore(flags);
    return was ? 1 : 0;
}

int hrtimer_cancel(struct hrtimer* timer) {
    __might_sleep("kernel/time/hrtimer.c", 1390);
    return hrtimer_try_to_cancel(timer);
}

u64 hrtimer_forward(struct hrtimer* timer, ktime_t now, ktime_t interval) {
    if (interval <= 0 || timer->_softexpires > now) return 0;
    u64 overruns = static_cast<u64>((now - timer->_softexpires) / interval) + 1;
    timer->_softexpires += static_cast<ktime_t>(overruns) * interval;
    return overruns;
}

int hrtimer_active(const struct hrtimer* timer) {
    return reinterpret_cast<const Hrtimer*>(timer->emu_private)->queued ? 1 : 0;
}

ktime_t hrtimer_cb_get_time(struct hrtimer*) { return static_cast<ktime_t>(this_kernel().now_ns()); }

int call_usermodehelper(const char* path, char**, char**, int) {
    printk_emit(this_kernel(), LOGLEVEL_WARNING,
                "emu: call_usermodehelper(\"%s\") refused: the guest has no user-space programs to run\n",
                path ? path : "(null)");
    return -ENOENT;
}

}  // extern "C"
