#pragma once
// Machine options shared by every subcommand: parsed by CLI11 in main.cpp,
// validated here into a MachineConfig. A bad value is a UserError naming
// itself (exit status 2).
#include "emu/machine/machine.hpp"

#include <string>
#include <vector>

namespace emu {

struct MachineOptions {
    int cpus = 2;
    int hz = 250;
    std::string freq = "1GHz";
    std::string preempt = "voluntary";
    std::string nohz = "on";
    std::uint64_t seed = 0;
    std::uint64_t quantum = 2000;
    double timeout = 3600;
    double host_watchdog = 10;
    int loglevel = 7;
    bool panic_on_warn = false;
    bool panic_on_oops = false;
    std::vector<std::string> costs;
};

MachineConfig to_config(const MachineOptions& o);
// --hz: one of the values Linux allows on x86 (100, 250, 300, 1000); a
// UserError naming the value otherwise. emu build checks the same rule.
int check_hz(int hz);
std::uint64_t parse_frequency(const std::string& text);

}  // namespace emu
