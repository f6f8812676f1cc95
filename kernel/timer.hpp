#pragma once
#include "kernel/kernel.hpp"

namespace emu::kern {

void timers_init(Kernel& k);
void timer_base_init(Cpu& c);
// run_local_timers(): from the tick; raises TIMER_SOFTIRQ only when a base is due.
void run_local_timers(Cpu& c);
// The wheel's level geometry for the machine's HZ (LVL_DEPTH is 8 at HZ=100).
inline int wheel_levels(const Kernel& k) { return k.cfg.hz > 100 ? 9 : 8; }
// __next_timer_interrupt(): recomputes a base's next expiry (after deletions).
unsigned long timer_base_next_expiry(Kernel& k, TimerBase& b);

}  // namespace emu::kern

extern "C" int mod_timer_notpending(struct timer_list* timer, unsigned long expires);
