#pragma once
// Mirrors kernel/watchdog.c and kernel/watchdog_hld.c: the lockup detectors.
#include "kernel/kernel.hpp"
#include "kernel/time.hpp"

namespace emu::kern {

// At boot: the soft-lockup detector's hrtimer (every 4 s) and the NMI's first sample.
void watchdog_init_cpu(Cpu& c);
// The NMI watchdog's sample, due every watchdog_thresh seconds. It arrives
// whatever the interrupt flag says; emu takes it at a preemption point of
// code running with interrupts off (with them on, the tick keeps the
// detector's counter moving and there is nothing to find).
void hardlockup_sample(Cpu& c);
// The NMI counts unhalted cycles (perf's cycles event), so its clock stops
// while the CPU sits in hlt.
inline Cycles nmi_clock(const Cpu& c) { return c.core.clock - c.core.halted_total; }
inline void hardlockup_check(Cpu& c) {
    if (nmi_clock(c) >= c.nmi_next_sample) hardlockup_sample(c);
}

}  // namespace emu::kern
