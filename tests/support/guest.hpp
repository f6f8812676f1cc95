#pragma once
// Test support: boot a machine whose user program is a test body, run it to
// power-off, and capture the console. The body runs in process context as
// the guest task "sh" (kernel mode, as inside a system call), so it can call
// the guest kernel API directly, create kthreads, request IRQs, ...
#include "emu/machine/machine.hpp"
#include "emu/shell/shell.hpp"
#include "kernel/kernel.hpp"

#include <functional>
#include <string>
#include <vector>

namespace emu::test {

struct GuestResult {
    Machine::Outcome outcome = Machine::Outcome::Idle;
    int status = -1;
    std::string console;
    std::string plain;  // the console without the "[%5lu.%06lu] " prefixes, for multi-line matches
    std::uint64_t watchdog_ticks = 0;  // ticks the host watchdog handled during the run
};

MachineConfig default_config(int cpus = 2, int hz = 250);

// Runs `body` as a guest process; its return value is the machine's exit status.
GuestResult run_guest(const MachineConfig& cfg, const std::function<int(Machine&)>& body);
// Runs shell lines as `emu run` would.
GuestResult run_script(const MachineConfig& cfg, const std::vector<std::string>& lines, const std::string& root = ".");

// Guest-side helpers (call only from inside a guest body).
kern::Kernel& kernel();
unsigned long jiffies_now();
std::uint64_t now_ns();
// Sleeps the calling task for `ns` of guest time (an hrtimer sleep, like nanosleep).
void sleep_ns(std::uint64_t ns);
// Raises device IRQ line `line` from the guest (as a device would), e.g. to test handlers.
void raise_line(int line);

std::size_t count(const std::string& haystack, const std::string& needle);

// Runs the emu binary with `args` (stderr merged into the output), as a user would.
struct EmuRun {
    int status;  // exit status, or -1 if it did not exit normally
    std::string out;
};
EmuRun run_emu(const std::string& args);

}  // namespace emu::test
