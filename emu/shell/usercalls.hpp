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
void write_out(std::string_view text);   // fd 1 (the console, or /dev/null)
void write_err(std::string_view text);   // fd 2 (the console)
// nanosleep(): returns false when interrupted by a signal.
bool nanosleep_ns(std::uint64_t ns);
int spawn(kern::UserProgram program, std::vector<std::string> argv, bool devnull);
// waitpid(): pid -1 waits for any child; returns the reaped pid or -errno.
int waitpid(int pid, int* status, bool nohang);
int kill(int pid, int sig);
// Reads one line typed on the console; false at end of input.
bool read_console_line(std::string& line);
// One slice of the program's own computation, in user mode.
void burn();

}  // namespace emu::user
