#pragma once
// Scheduler internals shared by the kernel's files (kernel/sched.cpp).
#include "kernel/kernel.hpp"

namespace emu::kern {

void __schedule(bool preempt);      // schedule(): adds and drops PREEMPT_DISABLE_OFFSET around the switch
void __schedule_raw(bool preempt);  // the caller already holds it (the idle task)
void schedule_idle();
void preempt_schedule_irq();
int try_to_wake_up(Task* p, unsigned int state);
void wake_up_new_task(Task* p);
void resched_curr(Cpu& target);
void scheduler_tick(Cpu& c);
// Runs after every switch into a task (and at a new task's first run).
void finish_task_switch(Cpu& c);
Task* create_task(Kernel& k, TaskKind kind, const std::string& comm, Task* parent);
void release_task_ref(Task* t);
// Helpers for user programs: code between system calls runs in user mode.
void user_work(Cycles cycles);
void syscall_enter();
void syscall_exit();
// The might-sleep check (__might_resched); `expected` is the preempt offset a
// caller may hold. Inline test, out-of-line report (kernel/bug.cpp).
void might_resched_report(const char* file, int line, unsigned int expected);
inline void might_resched_check(const char* file, int line, unsigned int expected) {
    Cpu& c = this_cpu();
    if (c.preempt_count == expected && c.core.irqs_on && !c.curr->is_idle()) return;
    might_resched_report(file, line, expected);
}
bool should_resched_voluntary();
// signal_pending_state(): an interruptible sleep ends on any signal, a killable one on SIGKILL.
// A kernel thread has only the signals it allowed queued (send_signal()).
inline bool signal_pending_state(unsigned int state, const Task* t) {
    if (!t->pending_signals) return false;
    if (state & TASK_INTERRUPTIBLE) return true;
    return (state & TASK_WAKEKILL) && (t->pending_signals & (1ull << 8));
}
void send_ipi(int cpu, int vector);

inline std::uint64_t task_cpu_time_ns(Kernel& k, const Task& t) {
    Cycles c = t.sum_exec;
    if (t.on_cpu) c += t.home->core.clock - t.exec_start;
    return k.engine.timebase().to_ns(c);
}

}  // namespace emu::kern
