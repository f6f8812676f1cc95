#include "emu/cli/options.hpp"

#include "emu/sim/panic.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace emu {

namespace {
constexpr unsigned long long kMaxCostCycles = 1'000'000'000'000ull;
}  // namespace

std::uint64_t parse_frequency(const std::string& text) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    std::string unit = end ? std::string(end) : "";
    for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double mul = 0;
    if (unit.empty() || unit == "hz") mul = 1;
    else if (unit == "khz" || unit == "k") mul = 1e3;
    else if (unit == "mhz" || unit == "m") mul = 1e6;
    else if (unit == "ghz" || unit == "g") mul = 1e9;
    double hz = v * mul;
    if (end == text.c_str() || mul == 0 || !(hz >= 1e6 && hz <= 1e11))
        throw UserError(fmt::format("--freq: '{}' is not a frequency between 1MHz and 100GHz (e.g. 1GHz, 2500MHz)", text));
    return static_cast<std::uint64_t>(hz);
}

int check_hz(int hz) {
    if (hz != 100 && hz != 250 && hz != 300 && hz != 1000)
        throw UserError(fmt::format("--hz: {} is not one of 100, 250, 300, 1000", hz));
    return hz;
}

MachineConfig to_config(const MachineOptions& o) {
    MachineConfig cfg;
    if (o.cpus < 1 || o.cpus > 64) throw UserError(fmt::format("--cpus: {} is not between 1 and 64", o.cpus));
    cfg.cpus = o.cpus;
    cfg.kernel.hz = check_hz(o.hz);
    cfg.freq_hz = parse_frequency(o.freq);
    if (o.preempt == "none") cfg.kernel.preempt = kern::PreemptModel::None;
    else if (o.preempt == "voluntary") cfg.kernel.preempt = kern::PreemptModel::Voluntary;
    else if (o.preempt == "full") cfg.kernel.preempt = kern::PreemptModel::Full;
    else throw UserError(fmt::format("--preempt: '{}' is not one of none, voluntary, full", o.preempt));
    if (o.nohz == "on") cfg.kernel.nohz = true;
    else if (o.nohz == "off") cfg.kernel.nohz = false;
    else throw UserError(fmt::format("--nohz: '{}' is not on or off", o.nohz));
    cfg.seed = o.seed;
    cfg.quantum = o.quantum;
    // inf is no limit; NaN is not a number.
    if (!(o.timeout > 0))
        throw UserError(fmt::format("--timeout: {} is not a positive number of seconds (inf: no limit)", o.timeout));
    cfg.guest_time_limit_s = o.timeout;
    if (!(o.host_watchdog >= 0))
        throw UserError(fmt::format("--host-watchdog: {} is not a number of seconds (0 or inf turns it off)", o.host_watchdog));
    // Beyond a day of host time (or inf) it would never fire: off.
    cfg.host_watchdog_s = o.host_watchdog > 86400 ? 0 : o.host_watchdog;
    if (o.loglevel < 1 || o.loglevel > 8) throw UserError(fmt::format("--loglevel: {} is not between 1 and 8", o.loglevel));
    cfg.kernel.console_loglevel = o.loglevel;
    cfg.kernel.panic_on_warn = o.panic_on_warn;
    cfg.kernel.panic_on_oops = o.panic_on_oops;
    for (const std::string& c : o.costs) {
        auto eq = c.find('=');
        char* end = nullptr;
        errno = 0;
        unsigned long long v = eq == std::string::npos ? 0 : std::strtoull(c.c_str() + eq + 1, &end, 10);
        // strtoull() takes "-1" as its wrap-around: only digits are cycles.
        if (eq == std::string::npos || !end || *end || eq + 1 == c.size() ||
            !std::isdigit(static_cast<unsigned char>(c[eq + 1])))
            throw UserError(fmt::format("--cost: '{}' is not NAME=CYCLES", c));
        // A cost is one operation's: more than 1000 s of guest time is a typo (and could wrap the clock).
        if (errno == ERANGE || v > kMaxCostCycles)
            throw UserError(fmt::format("--cost: '{}': at most {} cycles", c, kMaxCostCycles));
        // A block that costs nothing would make a loop in guest code endless in guest time: no tick, no lockup report.
        if (c.substr(0, eq) == "guest_block" && v == 0)
            throw UserError("--cost: guest_block must be at least 1 cycle (guest code would take no time)");
        if (!cfg.kernel.costs.set(c.substr(0, eq), v))
            throw UserError(fmt::format("--cost: unknown cost '{}' (see `emu costs`)", c.substr(0, eq)));
    }
    return cfg;
}

}  // namespace emu
