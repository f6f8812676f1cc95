#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H
/* preempt_count layout and context predicates, exactly as Linux 6.1 (!RT). */
#include "compiler.h"

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4
#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)
#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)
#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET
#define PREEMPT_LOCK_OFFSET PREEMPT_DISABLE_OFFSET
#define SOFTIRQ_LOCK_OFFSET (SOFTIRQ_DISABLE_OFFSET + PREEMPT_LOCK_OFFSET)
#define PREEMPT_ENABLED 0
#define PREEMPT_DISABLED (PREEMPT_DISABLE_OFFSET + PREEMPT_ENABLED)
#define INIT_PREEMPT_COUNT PREEMPT_OFFSET
#define FORK_PREEMPT_COUNT (2 * PREEMPT_DISABLE_OFFSET + PREEMPT_ENABLED)
#define PREEMPT_NEED_RESCHED 0x80000000

EMU_BEGIN_DECLS
/* preempt_count lives in the per-CPU state of the executing core, as on x86. */
unsigned int __emu_preempt_count(void);
void preempt_count_add(int val);
void preempt_count_sub(int val);
void __emu_preempt_enable(void);
void preempt_schedule(void);
EMU_END_DECLS

#define preempt_count() ((int)__emu_preempt_count())
/* The context tests read fields of the preempt count: an NMI or hard-IRQ
 * depth, the softirq byte (odd when serving one, even multiples when bottom
 * halves are merely disabled). A task is neither in NMI/IRQ nor serving. */
#define __emu_pc_field(mask) (preempt_count() & (mask))
#define nmi_count() __emu_pc_field(NMI_MASK)
#define hardirq_count() __emu_pc_field(HARDIRQ_MASK)
#define softirq_count() __emu_pc_field(SOFTIRQ_MASK)
#define irq_count() __emu_pc_field(NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK)
#define in_nmi() nmi_count()
#define in_irq() hardirq_count()
#define in_hardirq() hardirq_count()
#define in_softirq() softirq_count()
#define in_interrupt() irq_count()
#define in_serving_softirq() __emu_pc_field(SOFTIRQ_OFFSET)
#define in_task() (__emu_pc_field(NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET) == 0)
#define in_atomic() (preempt_count() != 0)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)
#define interrupt_context_level() \
        ((preempt_count() & NMI_MASK) ? 3 : (preempt_count() & HARDIRQ_MASK) ? 2 : \
         (preempt_count() & SOFTIRQ_OFFSET) ? 1 : 0)

#define preempt_disable() preempt_count_add(1)
#define preempt_enable() __emu_preempt_enable()
#define preempt_enable_no_resched() preempt_count_sub(1)
#define sched_preempt_enable_no_resched() preempt_count_sub(1)
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()
#define preemptible() (preempt_count() == 0 && !irqs_disabled())
#endif
