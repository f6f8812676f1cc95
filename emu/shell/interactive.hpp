#pragma once
#include "emu/machine/machine.hpp"

namespace emu {

// `emu shell`: the guest's console on this terminal. Guest time is paced to
// real time while the shell waits for input, so a 3 s timer takes 3 s.
int run_interactive(const MachineConfig& cfg);

}  // namespace emu
