#include "tests/support/guest.hpp"

#include <sys/wait.h>

#include <cstdio>

#include "kernel/sched.hpp"
#include "kernel/time.hpp"

#include <cstdio>
#include <cstdlib>

namespace emu::test {

// EMU_TEST_CONSOLE=1 prints every guest console a test produced (to stderr).
std::string strip_timestamps(const std::string& text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        std::size_t start = pos;
        if (end - pos >= 15 && text[pos] == '[' && text[pos + 13] == ']' && text[pos + 14] == ' ') start = pos + 15;
        out.append(text, start, end - start);
        pos = end;
    }
    return out;
}

void dump_if_asked(GuestResult& r) {
    r.plain = strip_timestamps(r.console);
    if (std::getenv("EMU_TEST_CONSOLE")) std::fprintf(stderr, "---- guest console ----\n%s", r.console.c_str());
}

MachineConfig default_config(int cpus, int hz) {
    MachineConfig cfg;
    cfg.cpus = cpus;
    cfg.kernel.hz = hz;
    cfg.guest_time_limit_s = 600;
    return cfg;
}

GuestResult run_guest(const MachineConfig& cfg, const std::function<int(Machine&)>& body) {
    GuestResult r;
    Machine m(cfg);
    m.console().set_sink([&r](std::string_view text) { r.console.append(text); });
    m.boot([&m, &body](std::vector<std::string>&) {
        kern::this_cpu().curr->user_mode = false;
        return body(m);
    });
    r.outcome = m.run();
    r.status = m.exit_status(r.outcome);
    r.watchdog_ticks = m.host_watchdog_ticks();
    dump_if_asked(r);
    return r;
}

GuestResult run_script(const MachineConfig& cfg, const std::vector<std::string>& lines, const std::string& root) {
    GuestResult r;
    Machine m(cfg);
    m.kernel().host_root = root;
    m.console().set_sink([&r](std::string_view text) { r.console.append(text); });
    ShellScript s;
    s.name = "test";
    s.lines = lines;
    m.boot(make_shell(std::move(s)));
    r.outcome = m.run();
    r.status = m.exit_status(r.outcome);
    r.watchdog_ticks = m.host_watchdog_ticks();
    dump_if_asked(r);
    return r;
}

kern::Kernel& kernel() { return kern::this_kernel(); }
unsigned long jiffies_now() { return kern::this_kernel().jiffies_now; }
std::uint64_t now_ns() { return kern::this_kernel().now_ns(); }

void sleep_ns(std::uint64_t ns) {
    kern::Kernel& k = kern::this_kernel();
    Cycles now = kern::this_cpu().core.clock;
    Cycles until = now + k.ns_to_cycles(ns);
    kern::hrtimer_sleep(until, until, TASK_UNINTERRUPTIBLE);
}

void raise_line(int line) { kern::this_kernel().pic.set_irq_level(line, true), kern::this_kernel().pic.set_irq_level(line, false); }

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

EmuRun run_emu(const std::string& args) {
    std::string cmd = std::string(EMU_BINARY) + " " + args + " 2>&1";
    EmuRun r{-1, {}};
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

}  // namespace emu::test
