#include "emu/shell/usercalls.hpp"

#include "kernel/process.hpp"
#include "kernel/sched.hpp"
#include "kernel/time.hpp"

namespace emu::user {

using namespace emu::kern;

namespace {
struct Syscall {
    Syscall() { syscall_enter(); }
    ~Syscall() { syscall_exit(); }
};
}  // namespace

Kernel& kernel() { return this_kernel(); }
Task& self() { return *this_cpu().curr; }

void write_out(std::string_view text) {
    Syscall sc;
    Kernel& k = this_kernel();
    if (self().stdout_devnull) return;
    charge(k.cfg.costs.printk_char * text.size());
    k.console.write(text);
}

void write_err(std::string_view text) {
    Syscall sc;
    Kernel& k = this_kernel();
    charge(k.cfg.costs.printk_char * text.size());
    k.console.write(text);
}

bool nanosleep_ns(std::uint64_t ns) {
    Syscall sc;
    Kernel& k = this_kernel();
    Cycles now = this_cpu().core.clock;
    Cycles soft = now + k.ns_to_cycles(ns);
    Cycles hard = soft + k.ns_to_cycles(50'000);  // timer_slack_ns
    return !hrtimer_sleep(soft, hard, TASK_INTERRUPTIBLE);
}

int spawn(UserProgram program, std::vector<std::string> argv, bool devnull) {
    Syscall sc;
    Kernel& k = this_kernel();
    Task* t = spawn_user(k, &self(), std::move(program), std::move(argv));
    t->stdout_devnull = devnull;
    return t->pid;
}

int waitpid(int pid, int* status, bool nohang) {
    Syscall sc;
    return sys_wait(pid, status, nohang);
}

int kill(int pid, int sig) {
    Syscall sc;
    Kernel& k = this_kernel();
    Task* t = k.find_task(pid);
    if (!t || t->exited) return -ESRCH;
    return send_signal(t, sig);
}

bool read_console_line(std::string& line) {
    Syscall sc;
    Kernel& k = this_kernel();
    for (;;) {
        if (k.console.has_input()) {
            line = k.console.read_input();
            return true;
        }
        if (k.console.input_closed()) return false;
        Task* t = this_cpu().curr;
        if (signal_pending(t)) return false;
        wait_queue_entry w;
        init_wait_entry(&w, 0);
        prepare_to_wait_event(&k.tty_wait, &w, TASK_INTERRUPTIBLE);
        if (!k.console.has_input() && !k.console.input_closed()) schedule();
        finish_wait(&k.tty_wait, &w);
    }
}

void burn() {
    Kernel& k = this_kernel();
    user_work(k.cfg.costs.user_step);
}

}  // namespace emu::user
