#include "emu/kbuild/kbuild.hpp"

#include "emu/sim/panic.hpp"
#include "kernel/module.hpp"
#include "kernel/unmodelled.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace fs = std::filesystem;

namespace emu::build {

namespace {

// Module.symvers's namespace column for the exports only older kernels had
// (emu/kbuild/modpost.cpp reads the same name: -s leaves them out).
constexpr const char* kNotIn61Namespace = "EMU_NOT_IN_6_1";

// Runs argv[0] (found on PATH) with the terminal's output; `env` entries
// (NAME=value) replace the caller's. Returns its exit status, or -1 with
// errno if it could not be started.
int spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        bool replaced = false;
        for (const std::string& mine : env)
            replaced = replaced || kv.compare(0, mine.find('=') + 1, mine, 0, mine.find('=') + 1) == 0;
        if (!replaced) envs.push_back(kv);
    }
    envs.insert(envs.end(), env.begin(), env.end());
    std::vector<char*> args, envp;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    for (const std::string& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
    args.push_back(nullptr);
    envp.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid;
    if (int err = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), envp.data())) {
        errno = err;
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string data_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw UserError("emu: cannot find its own executable (/proc/self/exe): " + ec.message(), 1);
    return (exe.parent_path().parent_path() / "lib" / "emu").lexically_normal().string();
}

std::string kdir() {
    std::string dir = data_dir() + "/kdir";
    if (!fs::exists(dir + "/Makefile"))
        throw UserError(fmt::format("emu: no kernel build directory at {}: emu is not installed completely "
                                    "(build it with scripts/build, or install it with cmake --install)",
                                    dir),
                        1);
    return dir;
}

int build_modules(const ModuleBuild& b) {
    std::string k = kdir();
    std::error_code ec;  // a path the host refuses is the user's error, never an exception
    if (!fs::is_directory(b.dir, ec)) throw UserError(fmt::format("emu build: {}: No such directory", b.dir), 1);
    std::string dir = fs::absolute(b.dir, ec).lexically_normal().string();
    std::vector<std::string> argv = {"make", "--no-print-directory", "-C", k, "M=" + dir};
    if (!b.outdir.empty()) {
        fs::create_directories(b.outdir, ec);
        if (ec || !fs::is_directory(b.outdir, ec))
            throw UserError(fmt::format("emu build: -o {}: cannot make the output directory: {}", b.outdir,
                                        ec ? ec.message() : "Not a directory"),
                            1);
        argv.push_back("MO=" + fs::absolute(b.outdir, ec).lexically_normal().string());
    }
    argv.push_back(fmt::format("CONFIG_HZ={}", b.hz));
    if (b.strict) argv.push_back("EMU_STRICT=1");
    if (b.verbose) argv.push_back("V=1");
    argv.push_back(b.clean ? "clean" : "modules");
    // As if make were typed in the module's directory: $(PWD) there is DIR.
    int status = spawn(argv, {"PWD=" + dir});
    if (status < 0)
        throw UserError(fmt::format("emu build: cannot run make: {} (GNU make builds modules: apt-get install make)",
                                    std::strerror(errno)),
                        1);
    if (status != 0) std::fprintf(stderr, "emu build: building the modules of %s failed\n", dir.c_str());
    return status == 0 ? 0 : 1;
}

int build_user(const std::vector<std::string>& sources, const std::string& output) {
    std::string shim = data_dir() + "/user/usershim.c";
    if (!fs::exists(shim)) throw UserError(fmt::format("emu build: {} is missing: emu is not installed completely", shim), 1);
    std::vector<std::string> argv = {"cc", "-std=gnu11", "-O2", "-g", "-fPIC", "-shared", "-fno-omit-frame-pointer",
                                     "-fno-builtin-printf", "-fno-builtin-puts", "-fno-builtin-putchar", "-Wall",
                                     // each basic block charges guest time (kernel/kcov.cpp)
                                     "-fsanitize-coverage=trace-pc",
                                     // a huge frame faults on the stack's guard page instead of skipping it
                                     "-fstack-clash-protection",
                                     "-Wl,-Bsymbolic", "-Wl,-z,noexecstack", "-o", output};
    for (const std::string& s : sources) {
        if (!fs::exists(s)) throw UserError(fmt::format("emu build: {}: No such file or directory", s), 1);
        argv.push_back(s);
    }
    argv.push_back(shim);
    int status = spawn(argv, {});
    if (status != 0) {
        std::fprintf(stderr, "emu build: building %s failed\n", output.c_str());
        return 1;
    }
    return 0;
}

std::string symvers_text() {
    std::string out;
    for (const std::string& sym : kern::exported_symbols())
        out += fmt::format("0x00000000\t{}\tvmlinux\tEXPORT_SYMBOL\t{}\n", sym,
                           kern::exported_but_not_by_6_1(sym) ? kNotIn61Namespace : "");
    return out;
}

}  // namespace emu::build
