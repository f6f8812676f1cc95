// emu's user programs: what `ps`, `sleep`, `yes`, `cat`, `dmesg` and friends
// do in the guest. Each runs as its own process and talks to the kernel only
// through emu::user system calls.
#include "emu/shell/shell.hpp"
#include "emu/shell/usercalls.hpp"
#include "kernel/printk.hpp"
#include "kernel/module.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/proc.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

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

// busybox cat: open, read() in 4 KiB pieces until 0, close; its messages.
int prog_cat(Argv& argv) {
    int status = 0;
    char buf[4096];
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& f = argv[i];
        int fd = user::open(f, 0);
        if (fd < 0) {
            user::write_err(fmt::format("cat: {}: {}\n", f, std::strerror(-fd)));
            status = 1;
            continue;
        }
        for (;;) {
            long n = user::read(fd, buf, sizeof buf);
            if (n < 0) {
                user::write_err(fmt::format("cat: read error: {}\n", std::strerror(static_cast<int>(-n))));
                status = 1;
                break;
            }
            if (n == 0) break;
            // A driver may return more than it was asked for (a bug 6.1 passes
            // on too); never read past this buffer for it.
            n = std::min<long>(n, static_cast<long>(sizeof buf));
            long w = user::write_out(std::string_view(buf, static_cast<std::size_t>(n)));
            if (w < 0) {
                user::write_err(fmt::format("cat: write error: {}\n", std::strerror(static_cast<int>(-w))));
                status = 1;
                break;
            }
        }
        user::close(fd);
    }
    return status;
}

// ls for the kernel's own trees (/proc, /sys, /dev): one name a line, sorted, as busybox
// prints to a pipe. The guest's other directories are not listed by emu yet.
int prog_ls(Argv& argv) {
    std::vector<std::string> args(argv.begin() + 1, argv.end());
    if (args.empty()) args.push_back(".");
    int status = 0;
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string p = kern::normalize_path(args[i], user::self().cwd);
        bool ours = p == "/dev" || p == "/proc" || p == "/sys" || p.rfind("/dev/", 0) == 0 ||
                    p.rfind("/proc/", 0) == 0 || p.rfind("/sys/", 0) == 0;
        if (!ours) {
            user::write_err(fmt::format("ls: {}: not supported (emu lists only /proc, /sys and /dev)\n", args[i]));
            status = 1;
            continue;
        }
        unsigned mode = 0;
        if (int r = user::stat_mode(args[i], mode); r < 0) {
            user::write_err(fmt::format("ls: {}: {}\n", args[i], std::strerror(-r)));
            status = 1;
            continue;
        }
        if ((mode & 0170000) != 0040000) {
            out += args[i] + "\n";
            continue;
        }
        std::vector<std::string> names;
        user::readdir(args[i], names);
        if (args.size() > 1) out += (out.empty() ? "" : "\n") + args[i] + ":\n";
        for (const std::string& n : names) out += n + "\n";
    }
    user::write_out(out);
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

void add_module_programs(ProgramTable& table);

const ProgramTable& builtin_programs() {
    static const ProgramTable table = [] {
        ProgramTable t = {
            {"sleep", prog_sleep}, {"yes", prog_yes},     {"ps", prog_ps},
            {"cat", prog_cat},     {"dmesg", prog_dmesg}, {"uptime", prog_uptime},
            {"ls", prog_ls},
            // /bin/true and /bin/false: what `true &` runs (the shell's builtins otherwise).
            {"true", [](Argv&) { return 0; }}, {"false", [](Argv&) { return 1; }},
        };
        add_module_programs(t);
        return t;
    }();
    return table;
}

}  // namespace emu

// ---------------------------------------------------------------- modules, devices, programs
#include "emu/shell/usercalls.hpp"
#include "kernel/char_dev.hpp"
#include "kernel/module.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace emu {

std::string host_path(const std::string& guest_path) {
    if (!guest_path.empty() && guest_path[0] == '/') return guest_path;
    return (std::filesystem::path(user::kernel().host_root) / guest_path).lexically_normal().string();
}

namespace {

using Argv = std::vector<std::string>;

const char* errstr(int err) { return std::strerror(err); }

int prog_insmod(Argv& argv) {
    if (argv.size() < 2) {
        user::write_err("insmod: ERROR: missing filename.\n");  // kmod's words
        return 1;
    }
    std::string path = host_path(argv[1]);
    std::error_code ec;  // a name too long for the host is "not found", never an exception
    if (argv[1].empty() || !std::filesystem::exists(path, ec)) {
        user::write_err(fmt::format("insmod: ERROR: could not load module {}: No such file or directory\n", argv[1]));
        return 1;
    }
    std::vector<std::string> params(argv.begin() + 2, argv.end());
    std::string name;
    int ret;
    {
        user::Syscall sc;
        ret = kern::load_module(path, params, name);
    }
    if (ret == 0) return 0;
    // kmod's mod_strerror().
    std::string why = ret == -ENOEXEC ? "Invalid module format"
                      : ret == -ENOENT ? "Unknown symbol in module"
                      : ret == -ESRCH  ? "Module has wrong symbol version"
                      : ret == -EINVAL ? "Invalid parameters"
                                       : errstr(-ret);
    user::write_err(fmt::format("insmod: ERROR: could not insert module {}: {}\n", argv[1], why));
    return 1;
}

int prog_rmmod(Argv& argv) {
    if (argv.size() < 2) {
        user::write_err("rmmod: ERROR: missing module name.\n");
        return 1;
    }
    // kmod's rmmod takes a name or a .ko path, and normalizes '-' to '_' as
    // kbuild names modules: `rmmod dedicated-workqueue` removes dedicated_workqueue.
    std::string name = std::filesystem::path(argv[1]).stem().string();
    std::replace(name.begin(), name.end(), '-', '_');
    // kmod's rmmod: check the use count first, then ask the kernel.
    int refs = kern::module_refcount(user::kernel(), name);
    if (refs == -ENOENT) {
        user::write_err(fmt::format("rmmod: ERROR: Module {} is not currently loaded\n", name));
        return 1;
    }
    if (refs > 0) {
        // kmod names the modules that hold it.
        std::string holders = kern::module_holders(user::kernel(), name);
        user::write_err(holders.empty() ? fmt::format("rmmod: ERROR: Module {} is in use\n", name)
                                        : fmt::format("rmmod: ERROR: Module {} is in use by: {}\n", name, holders));
        return 1;
    }
    int ret;
    {
        user::Syscall sc;
        ret = kern::unload_module(name);
    }
    if (ret < 0)
        user::write_err(fmt::format("rmmod: ERROR: could not remove module {}: {}\n", argv[1], std::strerror(-ret)));
    return ret ? 1 : 0;
}

int prog_lsmod(Argv&) {
    user::write_out(kern::lsmod_text(user::kernel()));
    return 0;
}

int prog_modinfo(Argv& argv) {
    if (argv.size() < 2) {
        user::write_err("Usage: modinfo FILE\n");
        return 1;
    }
    std::string path = host_path(argv[1]), error;
    auto info = kern::read_modinfo(path, error);
    if (!error.empty() || info.empty()) {
        user::write_err(fmt::format("modinfo: ERROR: Module {} not found.\n", argv[1]));
        return 1;
    }
    std::error_code ec;
    std::string out = fmt::format("{:<16}{}\n", "filename:", std::filesystem::absolute(path, ec).string());
    // kmod: "parm" (description) and "parmtype" entries merge per parameter
    // into one "parm: NAME:DESC (TYPE)" line, listed last, the parameter seen
    // last in .modinfo first.
    struct Parm {
        std::string name, desc, type;
        bool has_desc = false, has_type = false;
    };
    std::vector<Parm> parms;
    for (const std::string& kv : info) {
        auto eq = kv.find('=');
        std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
        if (key == "parm" || key == "parmtype") {
            auto colon = value.find(':');
            if (colon == std::string::npos) continue;
            std::string pname = value.substr(0, colon);
            auto it = std::find_if(parms.begin(), parms.end(), [&](const Parm& p) { return p.name == pname; });
            if (it == parms.end()) it = parms.insert(parms.begin(), Parm{pname, {}, {}});
            (key == "parm" ? it->desc : it->type) = value.substr(colon + 1);
            (key == "parm" ? it->has_desc : it->has_type) = true;
            continue;
        }
        out += fmt::format("{:<16}{}\n", key + ":", value);
    }
    for (const Parm& p : parms) {
        if (!p.has_desc) out += fmt::format("{:<16}{}:{}\n", "parm:", p.name, p.type);
        else if (p.has_type) out += fmt::format("{:<16}{}:{} ({})\n", "parm:", p.name, p.desc, p.type);
        else out += fmt::format("{:<16}{}:{}\n", "parm:", p.name, p.desc);
    }
    user::write_out(out);
    return 0;
}

int prog_mknod(Argv& argv) {
    if (argv.size() != 5) {
        user::write_err(argv.size() < 5 ? "mknod: missing operand\n" : "mknod: extra operand\n");
        user::write_err("Usage: mknod NAME TYPE [MAJOR MINOR]\n");
        return 1;
    }
    const std::string& type = argv[2];
    if (type != "c" && type != "u") {
        user::write_err(fmt::format("mknod: invalid device type '{}'\n", type));
        return 1;
    }
    auto number = [](const std::string& s, unsigned& v) {
        char* end = nullptr;
        unsigned long x = std::strtoul(s.c_str(), &end, 0);
        if (s.empty() || *end || x > 4095) return false;
        v = static_cast<unsigned>(x);
        return true;
    };
    unsigned major = 0, minor = 0;
    if (!number(argv[3], major)) {
        user::write_err(fmt::format("mknod: invalid major device number '{}'\n", argv[3]));
        return 1;
    }
    if (!number(argv[4], minor)) {
        user::write_err(fmt::format("mknod: invalid minor device number '{}'\n", argv[4]));
        return 1;
    }
    if (argv[1].rfind("/dev/", 0) != 0) {
        user::write_err(fmt::format("mknod: {}: Read-only file system\n", argv[1]));
        return 1;
    }
    int ret;
    {
        user::Syscall sc;
        ret = kern::sys_mknod(argv[1], 'c', major, minor);
    }
    if (ret) user::write_err(fmt::format("mknod: {}: {}\n", argv[1], errstr(-ret)));
    return ret ? 1 : 0;
}

}  // namespace

// An executable plugin built by `emu build --user`: loaded privately, its main()
// runs as the program of a new guest process.
int load_user_program(const std::string& guest_path, kern::UserProgram& program, std::string& error) {
    std::string path = host_path(guest_path);
    std::error_code ec;  // a name too long for the host is "not found", never an exception
    if (!std::filesystem::exists(path, ec)) {
        error = "not found";
        return 127;
    }
    std::string copy = kern::private_copy_path("programs", std::filesystem::path(path).filename().string());
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing, ec);
    void* handle = ec ? nullptr : dlopen(copy.c_str(), RTLD_NOW | RTLD_LOCAL);
    auto main_fn = handle ? reinterpret_cast<int (*)(int, char**)>(dlsym(handle, "main")) : nullptr;
    if (!main_fn) {
        error = "Exec format error";
        return 126;
    }
    program = [main_fn](std::vector<std::string>& argv) {
        std::vector<char*> av;
        for (auto& a : argv) av.push_back(a.data());
        av.push_back(nullptr);
        return main_fn(static_cast<int>(argv.size()), av.data());
    };
    return 0;
}

void add_module_programs(ProgramTable& table) {
    table.emplace("insmod", prog_insmod);
    table.emplace("rmmod", prog_rmmod);
    table.emplace("lsmod", prog_lsmod);
    table.emplace("modinfo", prog_modinfo);
    table.emplace("mknod", prog_mknod);
}

}  // namespace emu
