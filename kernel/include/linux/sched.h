#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
/* struct task_struct as guest code sees it. Lab code reaches the timer, wait
 * queue and atomic APIs through this header alone (LAB.md §7.1). */
#include "types.h"
#include "kernel.h"
#include "task_state.h"
#include "emu_old.h"
#include "atomic.h"
#include "list.h"
#include "jiffies.h"
#include "timer.h"
#include "wait.h"
#include "preempt.h"
#include "irqflags.h"
#include "smp.h"
#include "spinlock.h"
#include "completion.h"
#include "pid.h"
#include "rcupdate.h"
#include "refcount.h"
#include "../asm/current.h"
/* What 6.1's sched.h also reaches (mutex.h, hrtimer.h, cpumask.h, ...). */
#include "mutex.h"
#include "ktime.h"
#include "kref.h"
#include "bitmap.h"
#include "math64.h"
#include "jump_label.h"
#include "random.h"
#include "workqueue.h"

typedef struct { unsigned long sig[1]; } kernel_sigset_t;
#ifndef __cplusplus
typedef kernel_sigset_t sigset_t;
#endif
struct sigpending { struct list_head list; kernel_sigset_t signal; };

#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_WQ_WORKER 0x00000020
#define PF_KTHREAD 0x00200000
#define PF_NO_SETAFFINITY 0x04000000

#define SCHED_NORMAL 0
#define MAX_NICE 19
#define MIN_NICE -20
#define DEFAULT_PRIO 120

struct task_struct {
	/* 5.14 renamed `state` to `__state` (read it with READ_ONCE()); the old
	 * name still reaches the same storage, with a warning. */
	union {
#ifndef EMU_STRICT
		volatile long state __emu_not_in_6_1("task_struct::state is __state since 5.14: "
						     "use READ_ONCE(task->__state) or task_is_running(task)");
#endif
		unsigned int __state;
	};
	void *stack;
	refcount_t usage;
	unsigned int flags;
	int on_cpu;
	unsigned int cpu;
	int prio;
	int static_prio;
	int normal_prio;
	unsigned int policy;
	int exit_state;
	int exit_code;
	int exit_signal;
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	struct task_struct *parent;
	unsigned long nvcsw;
	unsigned long nivcsw;
	u64 utime;
	u64 stime;
	char comm[TASK_COMM_LEN];
	struct sigpending pending;
	kernel_sigset_t blocked;
	void *mm;
};

EMU_BEGIN_DECLS
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
void yield(void);
int wake_up_process(struct task_struct *tsk);
int wake_up_state(struct task_struct *tsk, unsigned int state);
int signal_pending(struct task_struct *p);
int fatal_signal_pending(struct task_struct *p);
char *__get_task_comm(char *to, size_t len, struct task_struct *tsk);
void set_user_nice(struct task_struct *p, long nice);
int task_nice(const struct task_struct *p);
/* Declared by 6.1 but not exported to modules since 5.17: modpost's
 * "undefined!" with --strict; a warning here otherwise. */
void do_exit(long code) __attribute__((__noreturn__))
#ifndef EMU_STRICT
	__emu_not_in_6_1("do_exit() is not exported to modules since 5.17: in a kthread, "
			 "return from the thread function or call kthread_complete_and_exit()")
#endif
	;
void __emu_set_current_state(unsigned int state);
EMU_END_DECLS

#define __set_current_state(state_value) __emu_set_current_state(state_value)
#define set_current_state(state_value) do { __emu_set_current_state(state_value); smp_mb(); } while (0)
#define get_current_state() (READ_ONCE(get_current()->__state))
#define task_pid_nr(tsk) ((tsk)->pid)
#define task_tgid_nr(tsk) ((tsk)->tgid)
#define task_cpu(p) ((p)->cpu)
#define is_idle_task(p) ((p)->pid == 0)
#define get_task_comm(buf, tsk) __get_task_comm(buf, sizeof(buf), tsk)
#define task_is_running(task) (READ_ONCE((task)->__state) == TASK_RUNNING)
#endif
