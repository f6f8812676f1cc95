#pragma once
#include "emu/machine/machine.hpp"

#include <string>

namespace emu {

// `emu shell`: the guest's console on this terminal. Guest time is paced to
// real time while the shell waits for input, so a 3 s timer takes 3 s.
// `root`: the host directory the guest's working directory shows ("" = the current one).
int run_interactive(const MachineConfig& cfg, const std::string& root = "");

}  // namespace emu
