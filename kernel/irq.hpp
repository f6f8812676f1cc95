#pragma once
// Hard interrupts (kernel/irq/*, arch/x86/kernel/irq.c) and softirqs
// (kernel/softirq.c): the internal entry points shared between files.
#include "kernel/kernel.hpp"

namespace emu::kern {

// Takes every deliverable interrupt on `c` (IRQs must be on).
void handle_irqs(Cpu& c);
// Inline: every spin_lock_irqsave, timer and wait-queue operation passes here.
inline void local_irq_enable_internal() {
    CpuCore* core = tl_core;
    core->irqs_on = true;
    core->refresh_deadline();
    if (core->intr) preempt_point_slow();
}
inline void local_irq_disable_internal() {
    CpuCore* core = tl_core;
    core->irqs_on = false;
    core->refresh_deadline();
}
// local_irq_save()/restore() for the kernel's own hot paths: the charge and
// semantics of the exported arch_local_irq_save()/restore(), inline.
// The flags are only "were IRQs on" (what the callers test).
inline bool kernel_irq_save(Kernel& k) {
    charge(k.cfg.costs.lock_op);
    bool was_on = tl_core->irqs_on;
    if (was_on) local_irq_disable_internal();
    return was_on;
}
inline void kernel_irq_restore(bool was_on) {
    if (was_on) local_irq_enable_internal();
}
// Softirqs.
void raise_softirq_irqoff_on(Cpu& c, unsigned int nr);
void handle_softirqs(bool from_ksoftirqd);
bool ksoftirqd_running(Cpu& c, unsigned int pending);
void wakeup_softirqd(Cpu& c);
int ksoftirqd_thread(void* data);
void softirq_init(Kernel& k);
extern const char* const softirq_to_name[NR_SOFTIRQS];
// wait_var_event()/wake_up_var(): one wait queue per kernel for all variables.
void wake_up_var(Kernel& k);
void wait_var_until(Kernel& k, bool (*cond)(void*), void* arg);

}  // namespace emu::kern

extern "C" void __emu_local_bh_enable_cnt(unsigned int cnt);
