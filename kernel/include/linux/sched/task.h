#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H
/* Task references and the task list (6.1 include/linux/sched/task.h). On
 * 6.1, get_task_struct()/put_task_struct() are declared here only, not in
 * <linux/sched.h>: code that holds a task must include this header (or one
 * that reaches it: linux/sched/signal.h, linux/fs.h, ...). */
#include "../sched.h"
#include "../pid.h"

EMU_BEGIN_DECLS
void __put_task_struct(struct task_struct *t);
struct task_struct *__emu_get_task_struct(struct task_struct *t);
EMU_END_DECLS

/* A reference that keeps the task_struct (not the task) alive. */
static inline struct task_struct *get_task_struct(struct task_struct *t) { return __emu_get_task_struct(t); }
/* The last reference frees it. */
static inline void put_task_struct(struct task_struct *t) { __put_task_struct(t); }
#endif
