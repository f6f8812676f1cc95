#pragma once
// Processes and kernel threads: creation, exit, reaping, signals
// (kernel/fork.c, kernel/exit.c, kernel/kthread.c, kernel/signal.c subsets).
#include "kernel/kernel.hpp"

namespace emu::kern {

constexpr int SIGABRT_NR = 6;
constexpr int SIGKILL_NR = 9;
constexpr int SIGSEGV_NR = 11;
constexpr int SIGTERM_NR = 15;
constexpr int SIGCHLD_NR = 17;

// The entry of every new task's fiber.
void task_entry(void* arg);
Task* spawn_user(Kernel& k, Task* parent, UserProgram program, std::vector<std::string> argv);
Task* create_kthread(Kernel& k, int (*fn)(void*), void* data, const std::string& name);
[[noreturn]] void do_exit_task(int code, int signal);
[[noreturn]] void kthread_exit_current(long result);
void do_signal_exit(Task* t);
int send_signal(Task* t, int sig);
// wait4(): reaps a zombie child (pid -1: any). Returns its pid, 0 if WNOHANG found none,
// -ECHILD without children, -EINTR when a signal arrives.
int sys_wait(pid_t pid, int* status, bool nohang);

}  // namespace emu::kern
