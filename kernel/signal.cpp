// Signals as modules use them (kernel/signal.c subset, 6.1
// include/linux/sched/signal.h): sending to a task or pid, allow_signal()
// for kernel threads, flushing and dequeuing, and the task list walk of
// for_each_process().
#include "kernel/process.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/sched/signal.h"

namespace emu::kern {
namespace {

bool valid_signal(int sig) { return sig >= 1 && sig <= 64; }

// The task after `from` in pid order (from == nullptr: the first), skipping
// idle tasks. Found by pid, so that a task that left the list meanwhile (the
// walk may be preempted) still has a successor.
Task* process_after(Kernel& k, Task* from) {
    list_head* pos;
    list_for_each(pos, &k.tasks) {
        Task* t = list_entry(pos, Task, all_node);
        if (!t->is_idle() && (!from || t->pid > from->pid)) return t;
    }
    return nullptr;
}

}  // namespace
}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

// SIG_KTHREAD / SIG_KTHREAD_KERNEL let a kernel thread see the signal; SIG_IGN
// (disallow_signal()) ignores it again and drops it if pending. A user
// task's dispositions are its program's, not the kernel's.
void kernel_sigaction(int sig, __sighandler_t action) {
    Task* t = this_cpu().curr;
    if (!valid_signal(sig) || !t->is_kthread()) return;
    std::uint64_t bit = 1ull << (sig - 1);
    if (action == SIG_KTHREAD || action == SIG_KTHREAD_KERNEL) {
        t->kthread_signals |= bit;
    } else if (action == SIG_IGN) {
        t->kthread_signals &= ~bit;
        t->pending_signals &= ~bit;
    }
}

void flush_signals(struct task_struct* t) { Task::of(t)->pending_signals = 0; }

void ignore_signals(struct task_struct* t) {
    Task* task = Task::of(t);
    task->kthread_signals = 0;
    task->pending_signals = 0;
}

// 0, or -EINVAL for a bad signal number; signal 0 sends nothing.
int send_sig(int sig, struct task_struct* p, int) {
    charge(this_kernel().cfg.costs.api_call);
    if (sig == 0) return 0;
    return send_signal(Task::of(p), sig);
}

// -ESRCH for a pid with no task.
int kill_pid(struct pid* pid, int sig, int) {
    charge(this_kernel().cfg.costs.api_call);
    Task* t = reinterpret_cast<Task*>(pid_task(pid, PIDTYPE_PID));
    if (!t || t->exited) return -ESRCH;
    if (sig == 0) return 0;
    return send_signal(t, sig);
}

void force_sig(int sig) { send_signal(this_cpu().curr, sig); }
void force_fatal_sig(int sig) { send_signal(this_cpu().curr, sig); }

int __emu_kernel_dequeue_signal(void) {
    Task* t = this_cpu().curr;
    std::uint64_t sigs = t->pending_signals;
    if (!sigs) return 0;
    int sig = __builtin_ctzll(sigs) + 1;
    t->pending_signals &= ~(1ull << (sig - 1));
    return sig;
}

struct task_struct* __emu_first_process(void) { return process_after(this_kernel(), nullptr); }

struct task_struct* __emu_next_process(struct task_struct* p) {
    return process_after(this_kernel(), Task::of(p));
}

}  // extern "C"
