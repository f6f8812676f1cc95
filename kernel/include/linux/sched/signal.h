#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H
/* Signals and the task list (6.1 include/linux/sched/signal.h): sending a
 * signal to a task (send_sig(), kill_pid(), force_sig()), testing and
 * flushing them in a kernel thread that allowed them, and walking every
 * process. A user task dies of a fatal signal on its way back to user
 * mode; a kernel thread only sees the signals it allowed (allow_signal()). */
#include "../signal.h"
#include "../sched.h"
#include "../pid.h"
#include "../rcupdate.h"
#include "task.h"

struct kernel_siginfo;

EMU_BEGIN_DECLS
void flush_signals(struct task_struct *t);
void ignore_signals(struct task_struct *t);
int send_sig(int sig, struct task_struct *p, int priv);
int kill_pid(struct pid *pid, int sig, int priv);
void force_sig(int sig);
void force_fatal_sig(int sig);
/* Not modelled (siginfo, process groups): declared only. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int kill_pgrp(struct pid *pid, int sig, int priv);
int kill_pid_info(int sig, struct kernel_siginfo *info, struct pid *pid);
int force_sig_info(struct kernel_siginfo *info);
/* The lowest pending signal of the current task, taken off (0 if none). */
int __emu_kernel_dequeue_signal(void);
/* The task list in pid order, without the idle tasks (init_task's list). */
struct task_struct *__emu_first_process(void);
struct task_struct *__emu_next_process(struct task_struct *p);
EMU_END_DECLS

/* 6.1: dequeue_signal() on current's blocked set; the signal number. */
static inline int kernel_dequeue_signal(void) { return __emu_kernel_dequeue_signal(); }

/* Whether a sleep in `state` must end for a signal: an interruptible one
 * for any pending signal, a killable one only for SIGKILL. */
static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	bool wakeable = (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) != 0;

	if (!wakeable || !signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) ? 1 : fatal_signal_pending(p);
}

#define next_task(p) __emu_next_process(p)
/* Every process: one thread each here, so a process is its only thread. */
#define for_each_process(p) for (p = __emu_first_process(); p; p = __emu_next_process(p))
#define for_each_process_thread(p, t) for_each_process(p) for (t = p; t; t = NULL)
#define for_each_thread(p, t) for (t = p; t; t = NULL)

static inline int get_nr_threads(struct task_struct *task) { (void)task; return 1; }
static inline bool thread_group_leader(struct task_struct *p) { (void)p; return true; }

#endif
