#include "emu/shell/interactive.hpp"

#include "emu/shell/shell.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace emu {

namespace {

// Reads whatever complete lines stdin has; returns false at end of input.
bool pump_stdin(Console& console, int timeout_ms) {
    pollfd pfd{STDIN_FILENO, POLLIN, 0};
    if (poll(&pfd, 1, timeout_ms) <= 0) return true;
    static std::string partial;
    char buf[4096];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) {
        if (!partial.empty()) console.push_input(std::move(partial));
        partial.clear();
        console.close_input();
        return false;
    }
    partial.append(buf, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = partial.find('\n')) != std::string::npos;) {
        console.push_input(partial.substr(0, nl));
        partial.erase(0, nl + 1);
    }
    return true;
}

}  // namespace

int run_interactive(const MachineConfig& cfg, const std::string& root) {
    Machine m(cfg);
    if (!root.empty()) m.kernel().host_root = root;
    ShellScript script;
    script.name = "<stdin>";
    script.interactive = true;
    m.boot(make_shell(std::move(script)));
    auto start = std::chrono::steady_clock::now();
    bool open = true;
    Cycles limit = m.guest_time_limit();
    for (;;) {
        auto wall = std::chrono::steady_clock::now() - start;
        auto wall_ns = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(wall).count());
        Cycles target = std::min(limit, m.engine().timebase().from_ns(wall_ns) + 1);
        Engine::RunResult r = m.run_until(target);
        std::fflush(stdout);
        if (m.kernel().powered_off || m.kernel().panicked) break;
        if (target >= limit && r == Engine::RunResult::LimitReached) break;
        if (r == Engine::RunResult::Quiescent) {
            if (!open) break;
            open = pump_stdin(m.console(), -1);
        } else if (open) {
            open = pump_stdin(m.console(), 5);
        }
    }
    Machine::Outcome o = m.kernel().panicked ? Machine::Outcome::Panicked
                         : m.kernel().powered_off
                             ? (m.kernel().exit_code_hint == kern::kExitDeadlock ? Machine::Outcome::Deadlocked
                                                                                 : Machine::Outcome::PoweredOff)
                             : Machine::Outcome::Idle;
    if (o != Machine::Outcome::PoweredOff) std::fprintf(stderr, "emu: %s\n", m.describe(o).c_str());
    return m.exit_status(o);
}

}  // namespace emu
