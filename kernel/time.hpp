#pragma once
// Time keeping (kernel/time/*): jiffies, the tick, hrtimers and the per-CPU
// clock event device (the timer chip's channel), tickless idle.
#include "kernel/kernel.hpp"

namespace emu::kern {

// A high-resolution timer (kernel-internal; guest hrtimers wrap it).
struct Hrtimer {
    Cycles soft = 0;  // may fire from here on
    Cycles hard = 0;  // the clock event device is programmed for this
    void (*fn)(Hrtimer*) = nullptr;
    void* data = nullptr;
    Hrtimer* next = nullptr;
    Cpu* base = nullptr;
    bool queued = false;
    bool is_tick = false;
};

void hrtimer_start_on(Cpu& c, Hrtimer& h, Cycles soft, Cycles hard);
void hrtimer_cancel_on(Hrtimer& h);
void hrtimer_interrupt(Cpu& c);
// The tick.
void tick_init_cpu(Cpu& c);
void tick_irq_enter(Cpu& c);
void tick_irq_exit(Cpu& c);
void tick_nohz_idle_enter(Cpu& c);
void tick_nohz_idle_exit(Cpu& c);
void tick_do_update_jiffies64(Kernel& k, Cycles now);
Cycles jiffies_to_time(const Kernel& k, unsigned long j);
// An hrtimer-based sleep of the current task (nanosleep, usleep_range): returns
// early (true) only if a signal is pending and `interruptible`.
bool hrtimer_sleep(Cycles soft, Cycles hard, unsigned int state);

}  // namespace emu::kern

extern "C" unsigned long __msecs_to_jiffies(const unsigned int m);
extern "C" void cpu_relax(void);
