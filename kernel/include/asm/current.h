#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H
/* `current`: the task running on this CPU (6.1 arch/x86/include/asm/current.h).
 * Headers that need it without all of sched.h (workqueue.h, interrupt.h via
 * preempt.h, ...) include this, as on 6.1. */
#include "../linux/compiler.h"

struct task_struct;
EMU_BEGIN_DECLS
struct task_struct *get_current(void);
EMU_END_DECLS

#ifndef EMU_KERNEL_INTERNAL
#define current get_current()
#endif
#endif
