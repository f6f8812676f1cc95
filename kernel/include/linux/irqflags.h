#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H
#include "compiler.h"

#define X86_EFLAGS_IF 0x00000200UL
EMU_BEGIN_DECLS
unsigned long arch_local_save_flags(void);
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
void arch_local_irq_enable(void);
void arch_local_irq_disable(void);
EMU_END_DECLS
#define local_irq_enable() arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags) do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled_flags(flags) (!((flags) & X86_EFLAGS_IF))
#define irqs_disabled() irqs_disabled_flags(arch_local_save_flags())
#define raw_local_irq_save local_irq_save
#define raw_local_irq_restore local_irq_restore
#endif
