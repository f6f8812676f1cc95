#pragma once
// System calls for emu's built-in user programs (the shell, ps, sleep, yes,
// cat, dmesg): each enters the kernel, does its work in the caller's context,
// and returns to user mode (where pending signals and reschedules happen).
#include "kernel/kernel.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace emu::user {

// Enters the kernel for the lifetime of the object (syscall entry and exit-to-user work).
struct Syscall {
    Syscall();
    ~Syscall();
    Syscall(const Syscall&) = delete;
    Syscall& operator=(const Syscall&) = delete;
};

kern::Kernel& kernel();
kern::Task& self();
// fd 1 (the console, /dev/null, or the file it was redirected to): the bytes written or -errno.
long write_out(std::string_view text);
void write_err(std::string_view text);   // fd 2 (the console)
// File system calls (kernel/kernfs.hpp): a descriptor / count, or -errno.
int open(const std::string& path, int flags, unsigned mode = 0666);
long read(int fd, void* buf, std::size_t n);
long write(int fd, const void* buf, std::size_t n);
long long lseek(int fd, long long offset, int whence);
int close(int fd);
int readdir(const std::string& path, std::vector<std::string>& names);
int stat_mode(const std::string& path, unsigned& mode);
// nanosleep(): returns false when interrupted by a signal.
bool nanosleep_ns(std::uint64_t ns);
// `stdout_fd` >= 0: the child's fd 1 is the caller's open file `stdout_fd` (a redirection).
int spawn(kern::UserProgram program, std::vector<std::string> argv, bool devnull, int stdout_fd = -1);
// waitpid(): pid -1 waits for any child; returns the reaped pid or -errno.
int waitpid(int pid, int* status, bool nohang);
int kill(int pid, int sig);
// Reads one line typed on the console; false at end of input.
bool read_console_line(std::string& line);
// One slice of the program's own computation, in user mode.
void burn();
// The shell's own work for one builtin command (the cost table's sh_builtin).
void charge_builtin();

}  // namespace emu::user
