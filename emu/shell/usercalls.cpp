#include "emu/shell/usercalls.hpp"

#include "kernel/char_dev.hpp"
#include "kernel/process.hpp"
#include "kernel/sched.hpp"
#include "kernel/time.hpp"

namespace emu::user {

using namespace emu::kern;


Syscall::Syscall() { syscall_enter(); }
Syscall::~Syscall() { syscall_exit(); }

Kernel& kernel() { return this_kernel(); }
Task& self() { return *this_cpu().curr; }

long write_out(std::string_view text) {
    Syscall sc;
    Kernel& k = this_kernel();
    if (self().stdout_devnull) return static_cast<long>(text.size());
    if (has_fd(&self(), 1)) return sys_write(1, text.data(), text.size());
    charge(k.cfg.costs.printk_char * text.size());
    k.console.write(text);
    return static_cast<long>(text.size());
}

int open(const std::string& path, int flags, unsigned mode) {
    Syscall sc;
    return sys_open(path, flags, mode);
}

long read(int fd, void* buf, std::size_t n) {
    Syscall sc;
    return sys_read(fd, static_cast<char*>(buf), n);
}

long write(int fd, const void* buf, std::size_t n) {
    Syscall sc;
    return sys_write(fd, static_cast<const char*>(buf), n);
}

long long lseek(int fd, long long offset, int whence) {
    Syscall sc;
    return sys_lseek(fd, offset, whence);
}

int close(int fd) {
    Syscall sc;
    return sys_close(fd);
}

int readdir(const std::string& path, std::vector<std::string>& names) {
    Syscall sc;
    return sys_readdir(path, names);
}

int stat_mode(const std::string& path, unsigned& mode) {
    Syscall sc;
    return sys_stat_mode(path, mode);
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

int spawn(UserProgram program, std::vector<std::string> argv, bool devnull, int stdout_fd) {
    Syscall sc;
    Kernel& k = this_kernel();
    Task* t = spawn_user(k, &self(), std::move(program), std::move(argv));
    // Before anything can run the child (no charge in between): its inherited stdout.
    t->stdout_devnull = devnull;
    if (stdout_fd >= 0) share_fd(t, stdout_fd, 1);
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

void charge_builtin() {
    Kernel& k = this_kernel();
    user_work(k.cfg.costs.sh_builtin);
}

}  // namespace emu::user

// The system-call entry points of user programs built with the guest C library shim.
extern "C" {

int __emu_user_open(const char* path, int flags, unsigned mode) {
    emu::user::Syscall sc;
    return emu::kern::sys_open(path ? path : "", flags, mode);
}
long __emu_user_ioctl(int fd, unsigned long cmd, unsigned long arg) {
    emu::user::Syscall sc;
    return emu::kern::sys_ioctl(fd, static_cast<unsigned>(cmd), arg);
}
long __emu_user_read(int fd, void* buf, unsigned long n) {
    emu::user::Syscall sc;
    return emu::kern::sys_read(fd, static_cast<char*>(buf), n);
}
long __emu_user_write(int fd, const void* buf, unsigned long n) {
    if (fd == 1 || fd == 2) {
        std::string_view text(static_cast<const char*>(buf), n);
        if (fd == 1) return emu::user::write_out(text);
        emu::user::write_err(text);
        return static_cast<long>(n);
    }
    emu::user::Syscall sc;
    return emu::kern::sys_write(fd, static_cast<const char*>(buf), n);
}
int __emu_user_close(int fd) {
    emu::user::Syscall sc;
    return emu::kern::sys_close(fd);
}
long long __emu_user_lseek(int fd, long long offset, int whence) {
    emu::user::Syscall sc;
    return emu::kern::sys_lseek(fd, offset, whence);
}
int __emu_user_getpid(void) { return emu::user::self().pid; }
unsigned int __emu_user_sleep_us(unsigned long long us) {
    emu::user::nanosleep_ns(us * 1000);
    return 0;
}
void __emu_user_exit(int code) {
    emu::user::Syscall sc;
    emu::kern::do_exit_task(code, 0);
}
// abort(): the process dies of SIGABRT (the host's abort() would end emu itself).
void __emu_user_abort(void) {
    emu::user::Syscall sc;
    emu::kern::do_exit_task(0, emu::kern::SIGABRT_NR);
}
// The guest program's name, for messages the C library prefixes with it (assert()).
const char* __emu_user_comm(void) { return emu::user::self().comm; }

}  // extern "C"
