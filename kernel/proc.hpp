#pragma once
// procfs text (fs/proc/*): the files and listings the guest shell shows.
#include "kernel/kernel.hpp"

#include <string>

namespace emu::kern {

std::string proc_interrupts(Kernel& k);
std::string proc_softirqs(Kernel& k);
std::string proc_uptime(Kernel& k);
std::string proc_loadavg(Kernel& k);
std::string proc_modules(Kernel& k);
// The files procfs has of its own at boot (interrupts, softirqs, uptime, version, modules).
void proc_root_init(Kernel& k);
// ps(1): PID, state letter, CPU time, command (kernel threads in brackets).
std::string ps_listing(Kernel& k);
char task_state_letter(const Task& t);

}  // namespace emu::kern
