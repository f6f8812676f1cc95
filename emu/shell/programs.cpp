// emu's user programs: what `ps`, `sleep`, `yes`, `cat`, `dmesg` and friends
// do in the guest. Each runs as its own process and talks to the kernel only
// through emu::user system calls.
#include "emu/shell/shell.hpp"
#include "emu/shell/usercalls.hpp"
#include "kernel/printk.hpp"
#include "kernel/proc.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace emu {

namespace {

using Argv = std::vector<std::string>;

int prog_sleep(Argv& argv) {
    if (argv.size() < 2) {
        user::write_err("sleep: missing operand\n");
        return 1;
    }
    double total = 0;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        char* end = nullptr;
        double v = std::strtod(a.c_str(), &end);
        double mul = 1;
        if (end && *end) {
            std::string suffix(end);
            if (suffix == "s") mul = 1;
            else if (suffix == "m") mul = 60;
            else if (suffix == "h") mul = 3600;
            else if (suffix == "d") mul = 86400;
            else end = nullptr;
        }
        if (!end || end == a.c_str() || !std::isfinite(v) || v < 0) {
            user::write_err(fmt::format("sleep: invalid time interval '{}'\n", a));
            return 1;
        }
        total += v * mul;
    }
    user::nanosleep_ns(static_cast<std::uint64_t>(std::llround(total * 1e9)));
    return 0;
}

int prog_yes(Argv& argv) {
    std::string line = argv.size() > 1 ? argv[1] : "y";
    for (std::size_t i = 2; i < argv.size(); ++i) line += " " + argv[i];
    line += '\n';
    for (;;) {
        user::burn();
        user::write_out(line);
    }
}

int prog_ps(Argv&) {
    user::write_out(kern::ps_listing(user::kernel()));
    return 0;
}

int prog_cat(Argv& argv) {
    int status = 0;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        kern::Kernel& k = user::kernel();
        const std::string& f = argv[i];
        if (f == "/proc/interrupts") user::write_out(kern::proc_interrupts(k));
        else if (f == "/proc/softirqs") user::write_out(kern::proc_softirqs(k));
        else if (f == "/proc/uptime") user::write_out(kern::proc_uptime(k));
        else if (f == "/proc/version") user::write_out("Linux version 6.1.0-emu (emu@emu) #1 SMP\n");
        else {
            user::write_err(fmt::format("cat: {}: No such file or directory\n", f));
            status = 1;
        }
    }
    return status;
}

int prog_dmesg(Argv& argv) {
    kern::Kernel& k = user::kernel();
    bool clear_after = false, clear_only = false;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-c") clear_after = true;
        else if (a == "-C") clear_only = true;
        else if (a == "-n" || a.rfind("-n", 0) == 0) {
            std::string level = a.size() > 2 ? a.substr(2) : (i + 1 < argv.size() ? argv[++i] : "");
            char* end = nullptr;
            long v = std::strtol(level.c_str(), &end, 10);
            if (level.empty() || *end || v < 1 || v > 8) {
                user::write_err(fmt::format("dmesg: unknown level '{}'\n", level));
                return 1;
            }
            k.printk->console_loglevel = static_cast<int>(v);
            return 0;
        } else {
            user::write_err(fmt::format("dmesg: invalid option -- '{}'\n", a));
            return 1;
        }
    }
    std::string text = k.printk->read_all(clear_after || clear_only);
    if (!clear_only) user::write_out(text);
    return 0;
}

int prog_uptime(Argv&) {
    user::write_out(kern::proc_uptime(user::kernel()));
    return 0;
}

}  // namespace

const ProgramTable& builtin_programs() {
    static const ProgramTable table = {
        {"sleep", prog_sleep}, {"yes", prog_yes},     {"ps", prog_ps},
        {"cat", prog_cat},     {"dmesg", prog_dmesg}, {"uptime", prog_uptime},
    };
    return table;
}

}  // namespace emu
