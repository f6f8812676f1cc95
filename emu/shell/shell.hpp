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

// What a scenario's expectations found (expect, expect-not, expect-exit).
struct ScenarioReport {
    int expectations = 0;
    std::string failure;  // empty while every expectation held
};

struct ShellScript {
    std::string name;                 // for messages (file name)
    std::vector<std::string> lines;   // empty with interactive = true: read the console
    bool interactive = false;
    std::shared_ptr<ScenarioReport> report = std::make_shared<ScenarioReport>();
};

// Checks the expectation lines of a scenario before it runs; throws UserError "file:line: ...".
void check_scenario_syntax(const ShellScript& script);

// Returns the program pid 1 runs: the shell over `script`.
kern::UserProgram make_shell(ShellScript script);

// The built-in programs a shell can run, by name (ps, sleep, yes, cat, dmesg, ...).
using ProgramTable = std::map<std::string, kern::UserProgram, std::less<>>;
const ProgramTable& builtin_programs();
// Loads an executable plugin (./PROG): 0, or 127 (not found) / 126 (not a program) with `error` set.
int load_user_program(const std::string& guest_path, kern::UserProgram& program, std::string& error);
std::string host_path(const std::string& guest_path);

}  // namespace emu
