#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H
#include "preempt.h"
#include "irqflags.h"
EMU_BEGIN_DECLS
void irq_enter(void);
void irq_exit(void);
EMU_END_DECLS
#endif
