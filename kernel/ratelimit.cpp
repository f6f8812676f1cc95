// lib/ratelimit.c: ___ratelimit(), and printk_ratelimit()'s kernel-wide state
// (kernel/printk/printk.c), kept per machine.
#include "kernel/kernel.hpp"
#include "kernel/printk.hpp"

#include "kernel/include/linux/ratelimit.h"

using namespace emu::kern;

namespace {

// The body of ___ratelimit(), after its entry's preemption point: nothing in
// here switches CPUs, so the state needs no lock (6.1 uses a trylock and
// counts a contended call as suppressed; no call can contend here).
int ratelimit_step(Kernel& k, ratelimit_state* rs, const char* func) {
    int interval = READ_ONCE(rs->interval), burst = READ_ONCE(rs->burst);
    if (!interval) return 1;
    unsigned long now = k.jiffies_now;
    if (!rs->begin) rs->begin = now;
    if (time_after(now, rs->begin + static_cast<unsigned long>(interval))) {
        if (rs->missed && !(rs->flags & RATELIMIT_MSG_ON_RELEASE)) {
            printk_emit(k, LOGLEVEL_WARNING, "%s: %d callbacks suppressed\n", func, rs->missed);
            rs->missed = 0;
        }
        rs->begin = now;
        rs->printed = 0;
    }
    if (burst && burst > rs->printed) {
        rs->printed++;
        return 1;
    }
    rs->missed++;
    return 0;
}

}  // namespace

extern "C" {

int ___ratelimit(struct ratelimit_state* rs, const char* func) {
    charge(this_kernel().cfg.costs.api_call);
    return ratelimit_step(this_kernel(), rs, func);
}

int __printk_ratelimit(const char* func) {
    charge(this_kernel().cfg.costs.api_call);
    Kernel& k = this_kernel();
    if (!k.printk_ratelimit_state) {
        k.printk_ratelimit_state = std::make_unique<ratelimit_state>();
        k.printk_ratelimit_state->interval = 5 * k.cfg.hz;
        k.printk_ratelimit_state->burst = 10;
    }
    return ratelimit_step(k, k.printk_ratelimit_state.get(), func);
}

bool printk_timed_ratelimit(unsigned long* caller_jiffies, unsigned int interval_msec) {
    charge(this_kernel().cfg.costs.api_call);
    unsigned long now = this_kernel().jiffies_now;
    unsigned long elapsed = now - *caller_jiffies;
    if (*caller_jiffies && elapsed <= msecs_to_jiffies(interval_msec)) return false;
    *caller_jiffies = now;
    return true;
}

}  // extern "C"
