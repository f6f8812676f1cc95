// The emu command line: parse options, build a Machine, hand over to the
// chosen front end. Exit statuses: the guest's own (emu run), 2 for bad
// usage, 3 kernel panic, 4 deadlock, 5 machine idle forever, 6 host watchdog
// (guest code never returned to the kernel), 124 guest time limit.
#include "emu/bench/bench.hpp"
#include "emu/kbuild/kbuild.hpp"
#include "emu/cli/options.hpp"
#include "emu/machine/machine.hpp"
#include "emu/sim/panic.hpp"
#include "emu/shell/interactive.hpp"
#include "emu/shell/shell.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <csignal>
#include <fstream>
#include <iostream>

namespace {

void add_machine_options(CLI::App* app, emu::MachineOptions& o) {
    app->add_option("--cpus", o.cpus, "number of CPUs (1-64)")->capture_default_str();
    app->add_option("--hz", o.hz, "timer interrupt frequency: 100, 250, 300 or 1000")->capture_default_str();
    app->add_option("--freq", o.freq, "CPU frequency, e.g. 1GHz or 2500MHz")->capture_default_str();
    app->add_option("--preempt", o.preempt, "preemption model: none, voluntary, full")->capture_default_str();
    app->add_option("--nohz", o.nohz, "tickless idle: on or off")->capture_default_str();
    app->add_option("--seed", o.seed, "perturbs tie-breaks between CPUs (0: by CPU number)")->capture_default_str();
    app->add_option("--quantum", o.quantum, "cycles a CPU may run ahead of the others")->capture_default_str();
    app->add_option("--timeout", o.timeout, "stop after this many guest seconds")->capture_default_str();
    app->add_option("--host-watchdog", o.host_watchdog,
                    "host seconds one guest step may run without reaching the kernel (0: off)")
        ->capture_default_str();
    app->add_option("--loglevel", o.loglevel, "console_loglevel (1-8)")->capture_default_str();
    app->add_flag("--panic-on-warn", o.panic_on_warn, "panic at the first WARN or BUG splat (panic_on_warn=1)");
    app->add_flag("--panic-on-oops", o.panic_on_oops, "panic at an Oops in process context (oops=panic)");
    app->add_option("--cost", o.costs, "override a cycle cost, NAME=CYCLES (see `emu costs`)");
}

// SIGINT, SIGTERM and SIGHUP while `emu run` runs: the machine stops at its
// next step, and run_script() reports it, flushes the console and removes the
// private copies (as any other end of a run does) instead of the process
// dying with output still buffered. A signal handler can only reach the
// machine through a process-wide pointer; it is set only while a run lasts.
emu::Machine* g_interruptible = nullptr;

class InterruptHandlers {
public:
    explicit InterruptHandlers(emu::Machine& m) {
        g_interruptible = &m;
        struct sigaction sa {};
        sa.sa_handler = [](int sig) {
            if (g_interruptible) g_interruptible->interrupt(sig);
        };
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &sa, &m_old[i]);
    }
    ~InterruptHandlers() {
        for (std::size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &m_old[i], nullptr);
        g_interruptible = nullptr;
    }
    InterruptHandlers(const InterruptHandlers&) = delete;
    InterruptHandlers& operator=(const InterruptHandlers&) = delete;

private:
    static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction m_old[std::size(kSignals)] {};
};

int run_script(const emu::MachineOptions& o, const std::string& path, const std::string& root) {
    std::ifstream in(path);
    if (!in) throw emu::UserError("cannot read script '" + path + "': " + std::strerror(errno), 2);
    emu::ShellScript script;
    script.name = path;
    for (std::string line; std::getline(in, line);) script.lines.push_back(line);
    emu::check_scenario_syntax(script);
    auto report = script.report;
    emu::Machine m(emu::to_config(o));
    // The guest's working directory shows the script's directory (or --root).
    m.kernel().host_root = root.empty() ? std::filesystem::absolute(path).parent_path().string() : root;
    m.boot(emu::make_shell(std::move(script)));
    emu::Machine::Outcome outcome;
    {
        InterruptHandlers on_signal(m);
        outcome = m.run();
    }
    std::fflush(stdout);
    if (outcome != emu::Machine::Outcome::PoweredOff) std::fprintf(stderr, "emu: %s\n", m.describe(outcome).c_str());
    if (!report->failure.empty()) {
        std::fprintf(stderr, "%s", report->failure.c_str());
        return 1;
    }
    // A scenario passes when every expectation held and the machine stopped normally.
    if (report->expectations) return outcome == emu::Machine::Outcome::PoweredOff ? 0 : 1;
    return m.exit_status(outcome);
}

}  // namespace

int main(int argc, char** argv) {
    spdlog::set_pattern("emu: %l: %v");
    spdlog::set_level(spdlog::level::warn);
    CLI::App app{"emu: a deterministic SMP machine whose kernel mirrors Linux 6.1's deferred work"};
    app.require_subcommand(1);
    emu::MachineOptions opts;
    std::string script;
    auto* run = app.add_subcommand("run", "run a shell script in a fresh guest, then power off");
    run->add_option("script", script, "the script: one shell command per line")->required();
    std::string root;
    run->add_option("--root", root, "directory the guest's working directory shows (default: the script's)");
    add_machine_options(run, opts);
    auto* shell = app.add_subcommand("shell", "an interactive guest shell on this terminal");
    shell->add_option("--root", root, "directory the guest's working directory shows (default: the current one)");
    add_machine_options(shell, opts);
    app.add_subcommand("costs", "print the cycle cost table");
    emu::build::ModuleBuild module_build;
    std::string build_dir, build_out;
    std::vector<std::string> user_sources;
    bool build_user = false;
    auto* build = app.add_subcommand(
        "build", "build the modules of DIR as `make -C $(emu kdir) M=DIR modules` does, or a user program (--user)");
    build->add_option("dir", build_dir, "module directory with a Kbuild or Makefile (obj-m := NAME.o)");
    build->add_flag("--user", build_user, "build a user program from C files");
    build->add_option("--src", user_sources, "C source of the user program (with --user)");
    build->add_option("-o,--output", build_out, "output directory (modules) or program file (--user)");
    build->add_option("--hz", module_build.hz, "HZ the modules are built for (CONFIG_HZ)")->capture_default_str();
    build->add_flag("--strict", module_build.strict, "constructs Linux 6.1 no longer has are errors, as on 6.1");
    build->add_flag("-v,--verbose", module_build.verbose, "print the full commands (V=1)");
    build->add_flag("--clean", module_build.clean, "remove what building DIR wrote (make clean)");
    app.add_subcommand("kdir", "print the kernel build directory (make -C \"$(emu kdir)\" M=\"$PWD\" modules)");
    // Module.symvers of the build directory, written when emu itself is built.
    std::string symvers_out;
    app.add_subcommand("symvers", "")->group("")->add_option("file", symvers_out)->required();
    emu::bench::Options bench_opts;
    auto* bench = app.add_subcommand("bench", "measure the engine's hot paths against bare host baselines");
    bench->add_flag("--quick", bench_opts.quick, "a few iterations: check the workloads, do not judge the figures");
    bench->add_option("--json", bench_opts.json_path, "write the results as JSON to this file");
    bench->add_option("--only", bench_opts.only, "comma-separated workload ids (e.g. W1,W4)");
    bench->add_option("--labs", bench_opts.labs, "directory of the built lab modules (for W7)");
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
            known = known || sub->check_name(argv[1]);
        if (!known) {
            std::cerr << "emu: unknown command '" << argv[1] << "' (commands: run, shell, build, kdir, bench, costs)\n"
                      << "Run 'emu --help' for the options.\n";
            return 2;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "emu: " << e.what() << "\nRun 'emu --help' for the options.\n";
        return 2;
    }
    try {
        if (*run) return run_script(opts, script, root);
        if (*shell) return emu::run_interactive(emu::to_config(opts), root);
        if (*bench) return emu::bench::run(bench_opts);
        if (*build) {
            if (build_user) {
                if (!build_dir.empty()) user_sources.insert(user_sources.begin(), build_dir);
                if (user_sources.empty() || build_out.empty())
                    throw emu::UserError("emu build --user FILE.c... -o PROG: needs sources and -o");
                return emu::build::build_user(user_sources, build_out);
            }
            if (build_dir.empty()) throw emu::UserError("emu build DIR [-o OUTDIR]: needs a module directory");
            // The HZ a module is built for must be one emu run can boot with.
            emu::check_hz(module_build.hz);
            module_build.dir = build_dir;
            module_build.outdir = build_out;
            return emu::build::build_modules(module_build);
        }
        if (app.got_subcommand("kdir")) {
            std::cout << emu::build::kdir() << "\n";
            return 0;
        }
        if (app.got_subcommand("symvers")) {
            std::ofstream out(symvers_out);
            out << emu::build::symvers_text();
            return out.flush() ? 0 : 1;
        }
        std::cout << emu::kern::CostTable::describe();
        return 0;
    } catch (const emu::UserError& e) {
        std::string what = e.what();  // "emu build: ..." names itself already
        std::cerr << (what.rfind("emu", 0) == 0 ? "" : "emu: ") << what << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        // Whatever the host refused (a path, a file): said, never an abort that loses the output.
        std::cout.flush();
        std::cerr << "emu: " << e.what() << "\n";
        return 1;
    }
}
