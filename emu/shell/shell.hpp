#pragma once
// The guest shell: a small POSIX-sh subset that runs as the guest process
// `sh`, reading a script's lines (emu run) or the console (emu shell). Each
// external command runs as its own guest process; echo, exit, kill, wait,
// cd, true, false and assignments are builtins, as in dash.
#include "kernel/kernel.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace emu {

struct ShellScript {
    std::string name;                 // for messages (file name)
    std::vector<std::string> lines;   // empty with interactive = true: read the console
    bool interactive = false;
};

// Returns the program pid 1 runs: the shell over `script`.
kern::UserProgram make_shell(ShellScript script);

// The built-in programs a shell can run, by name (ps, sleep, yes, cat, dmesg, ...).
using ProgramTable = std::map<std::string, kern::UserProgram, std::less<>>;
const ProgramTable& builtin_programs();

}  // namespace emu
