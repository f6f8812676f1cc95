// The module loader, char devices and guest faults, as a student meets them
// (issue: guest modules, "Done means": each bad input with its message).
#include "tests/support/guest.hpp"

#include <elf.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <vector>

// Last: the guest's linux/ headers it includes define macros (__init) that
// clash with names inside the standard headers.
#include "kernel/module.hpp"

using namespace emu;
using namespace emu::test;

namespace {
// Runs `emu run` on a script with TMPDIR set for it (and only for it).
EmuRun run_with_tmpdir(const std::string& tmpdir, const std::string& script_text, const std::string& root,
                       const std::string& options = "") {
    std::string script = tmpdir + ".sh";
    std::ofstream(script) << script_text;
    const char* old = std::getenv("TMPDIR");
    std::string saved = old ? old : "";
    setenv("TMPDIR", tmpdir.c_str(), 1);
    auto r = run_emu("run " + options + "--root " + root + " " + script);
    if (old) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
    std::remove(script.c_str());
    return r;
}
std::string fresh_tmpdir() {
    char tmpl[] = "/tmp/emu-test-tmpdir-XXXXXX";
    return mkdtemp(tmpl) ? std::string(tmpl) : std::string();
}
std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().string());
    return out;
}
}  // namespace

TEST_CASE("insmod refuses bad modules with Linux's messages and errno", "[modules]") {
    auto r = run_script(default_config(2), {
        "insmod nothere.ko", "echo rc=$?",
        "insmod notelf.ko", "echo rc=$?",
        "insmod hz1000.ko",
        "insmod badsym.ko",
        "insmod nomem.ko",
        "insmod oops.ko", "insmod oops.ko",
        "rmmod nosuch", "echo rc=$?",
        "lsmod",
    }, EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.plain.find("insmod: ERROR: could not load module nothere.ko: No such file or directory\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module notelf.ko: Invalid module format\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("hz1000: version magic '6.1.0-emu SMP mod_unload hz=1000' should be '6.1.0-emu SMP mod_unload hz=250'\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module hz1000.ko: Invalid module format\n") != std::string::npos);
    CHECK(r.plain.find("badsym: Unknown symbol frobnicate_kernel (err -2)\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module badsym.ko: Unknown symbol in module\n") != std::string::npos);
    CHECK(r.plain.find("nomem: init\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module nomem.ko: Cannot allocate memory\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module oops.ko: File exists\n") != std::string::npos);
    CHECK(r.plain.find("rmmod: ERROR: Module nosuch is not currently loaded\nrc=1\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(\noops +\d+  0\n)")));
    // Said once per boot, by the first module past the version magic check:
    // 6.1's check_modinfo() and signature check taint before any symbol is
    // resolved, so a module refused for an unknown symbol still says it.
    CHECK(r.plain.find("badsym: loading out-of-tree module taints kernel.\nbadsym: module verification failed: "
                       "signature and/or required key missing - tainting kernel\nbadsym: Unknown symbol") !=
          std::string::npos);
    CHECK(count(r.plain, "loading out-of-tree module taints kernel") == 1);
}

TEST_CASE("char devices: ENXIO without a driver, ENOTTY for an unknown ioctl, busy while open", "[modules]") {
    auto r = run_script(default_config(2), {
        "mknod /dev/oops c 43 0",
        "./rawioctl /dev/oops 0", "echo rc=$?",
        "insmod oops.ko",
        "./rawioctl /dev/oops 99",
        "./rawioctl /dev/oops 0 1 &",
        "sleep 0.5",
        "rmmod oops", "echo rc=$?",
        "wait",
        "rmmod oops", "echo rc=$?",
        "mknod /dev/x c", "mknod /dev/x q 1 2", "mknod /dev/x c 1 z", "mknod /tmp/x c 1 2",
        "./nosuchprog",
    }, EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.plain.find("/dev/oops: No such device or address\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("ioctl: Inappropriate ioctl for device\n") != std::string::npos);
    CHECK(r.plain.find("rmmod: ERROR: Module oops is in use\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("rawioctl done\nrc=0\n") != std::string::npos);
    CHECK(r.plain.find("mknod: missing operand\n") != std::string::npos);
    CHECK(r.plain.find("mknod: invalid device type 'q'\n") != std::string::npos);
    CHECK(r.plain.find("mknod: invalid minor device number 'z'\n") != std::string::npos);
    CHECK(r.plain.find("mknod: /tmp/x: Read-only file system\n") != std::string::npos);
    CHECK(r.plain.find("sh: ./nosuchprog: not found\n") != std::string::npos);
}

TEST_CASE("a NULL dereference in an ioctl: Oops, the process is killed, the next command runs (SEMANTICS §10.1)",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 1",
                                            "echo next command rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.plain.find("BUG: kernel NULL pointer dereference, address: 0000000000000000\n") != std::string::npos);
    CHECK(r.plain.find("#PF: supervisor write access in kernel mode\n#PF: error_code(0x0002) - not-present page\n") !=
          std::string::npos);
    CHECK(r.plain.find("Oops: 0002 [#1] PREEMPT SMP NOPTI\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(CPU: \d PID: \d+ Comm: rawioctl Tainted: G           OE      6\.1\.0-emu #1\n)")));
    CHECK(std::regex_search(r.plain, std::regex(R"(RIP: 0010:oops_ioctl\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\]\n)")));
    CHECK(r.plain.find("Modules linked in: oops(OE)\n") != std::string::npos);
    CHECK(r.plain.find("---[ end trace 0000000000000000 ]---\n") != std::string::npos);
    CHECK(r.plain.find("Killed\nnext command rc=137\n") != std::string::npos);
}

TEST_CASE("a guest program's abort() or failed assert() kills that process with SIGABRT, not emu", "[modules]") {
    auto r = run_script(default_config(2),
                        {"./aborter a", "echo rc=$?", "./aborter s", "echo rc=$?", "./aborter x", "echo rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.status == 0);
    CHECK(r.plain.find("aborter: a\nAborted\nrc=134\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(aborter: s\naborter: .*aborter\.c:15: main: Assertion `argc == 42' failed\.\nAborted\nrc=134\n)")));
    CHECK(r.plain.find("aborter: x\nrc=3\n") != std::string::npos);
}

TEST_CASE("insmod and modinfo of what is not a module file: an error, never a host crash", "[modules]") {
    // 6.1 kernel_read_file(): a directory or a device is -EINVAL; a file that is not ELF is -ENOEXEC.
    std::string longname(300, 'x');
    auto r = run_script(default_config(2),
                        {"insmod \"\"", "echo rc=$?", "insmod /", "echo rc=$?", "modinfo .", "echo rc=$?",
                         "insmod /proc/self/mem", "echo rc=$?", "insmod /dev/zero", "echo rc=$?",
                         "insmod /tmp/" + longname + "/a.ko", "echo rc=$?", "./" + longname, "echo rc=$?",
                         "echo still here"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.status == 0);
    CHECK(r.plain.find("insmod: ERROR: could not load module : No such file or directory\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module /: Invalid parameters\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("modinfo: ERROR: Module . not found.\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module /proc/self/mem: Invalid module format\nrc=1\n") !=
          std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module /dev/zero: Invalid parameters\nrc=1\n") !=
          std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not load module /tmp/" + longname + "/a.ko: No such file or directory\nrc=1\n") !=
          std::string::npos);
    CHECK(r.plain.find("rc=127\nstill here\n") != std::string::npos);
}

TEST_CASE("the Oopses of one boot are numbered: [#1], then [#2], and the second is tainted D (6.1 __die_header())",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 1",
                                            "./rawioctl /dev/oops 1"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    auto first = r.plain.find("Oops: 0002 [#1] PREEMPT SMP NOPTI\n");
    auto second = r.plain.find("Oops: 0002 [#2] PREEMPT SMP NOPTI\n");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(std::regex_search(r.plain.substr(second), std::regex(R"(Comm: rawioctl Tainted: G      D    OE )")));
}

TEST_CASE("an Oops under spin_lock_irqsave: the irqs-disabled note, then the preempt_count one "
          "(6.1 kernel/exit.c make_task_dead())",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 6",
                                            "echo next command rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    std::smatch m;
    REQUIRE(std::regex_search(r.plain, m, std::regex(R"(\nnote: rawioctl\[(\d+)\] exited with irqs disabled\n)")));
    std::string next = "note: rawioctl[" + m[1].str() + "] exited with preempt_count 1\n";
    CHECK(r.plain.substr(static_cast<std::size_t>(m.position(0) + m.length(0)), next.size()) == next);
    CHECK(r.plain.find("---[ end trace 0000000000000000 ]---\n") < static_cast<std::size_t>(m.position(0)));
    CHECK(r.plain.find("Killed\nnext command rc=137\n") != std::string::npos);
}

namespace {
// show_regs() as 6.1 prints it on x86-64 (SEMANTICS §10.1 item 6): RIP, the
// code bytes with the one at RIP in <..>, RSP/EFLAGS, five register rows,
// the segment and control registers.
const std::string kHex = "[0-9a-f]{16}";
std::string regs_block(const std::string& rip) {
    return "RIP: 0010:" + rip + "\\+0x[0-9a-f]+/0x[0-9a-f]+( \\[oops\\])?\n"
           "Code: ([0-9a-f]{2} ){42}<[0-9a-f]{2}>( [0-9a-f]{2}){21}\n"
           "RSP: 0018:ffffc900" + std::string("[0-9a-f]{8}") + " EFLAGS: 000[0-9a-f]{5}\n"
           "RAX: " + kHex + " RBX: " + kHex + " RCX: " + kHex + "\n"
           "RDX: " + kHex + " RSI: " + kHex + " RDI: " + kHex + "\n"
           "RBP: " + kHex + " R08: " + kHex + " R09: " + kHex + "\n"
           "R10: " + kHex + " R11: " + kHex + " R12: " + kHex + "\n"
           "R13: " + kHex + " R14: " + kHex + " R15: " + kHex + "\n"
           "FS:  " + kHex + "\\(0000\\) GS:" + kHex + "\\(0000\\) knlGS:" + kHex + "\n"
           "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033\n"
           "CR2: " + kHex + " CR3: " + kHex + " CR4: " + kHex + "\n";
}
}  // namespace

TEST_CASE("an Oops shows the registers before the trace and again after it, as oops_end() does (SEMANTICS §10.1)",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 1"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    std::string block = regs_block("oops_ioctl");
    // Interrupts were on in the ioctl: IF (0x200) is set in EFLAGS; CR2 holds the faulting address.
    CHECK(std::regex_search(r.plain, std::regex("Hardware name: [^\n]*\n" + block + "Call Trace:\n <TASK>\n")));
    CHECK(std::regex_search(r.plain, std::regex("EFLAGS: 000[0-9a-f]{2}[2367abef][0-9a-f]{2}\n")));
    CHECK(std::regex_search(r.plain, std::regex("\nCR2: 0000000000000000 CR3: ")));
    CHECK(std::regex_search(r.plain, std::regex("Modules linked in: oops\\(OE\\)\nCR2: 0000000000000000\n"
                                                "---\\[ end trace 0000000000000000 \\]---\n" + block)));
}

TEST_CASE("a WARN shows the registers of its site before the call trace (SEMANTICS §9.4)", "[modules]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 4",
                                            "rmmod oops"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(std::regex_search(r.plain, std::regex("Modules linked in: [^\n]*\nCPU: [^\n]*\nHardware name: [^\n]*\n" +
                                                regs_block("debug_print_object") + "Call Trace:\n <TASK>\n")));
}

TEST_CASE("splat registers read the same in every run: host addresses become stable kernel addresses",
          "[modules][oops][determinism]") {
    std::string script = std::string(EMU_TEST_MODULES) + "/regs.sh";
    {
        std::ofstream f(script);
        f << "insmod oops.ko\nmknod /dev/oops c 43 0\n./rawioctl /dev/oops 1\n./rawioctl /dev/oops 4\nrmmod oops\n";
    }
    auto a = run_emu("run " + script);
    auto b = run_emu("run " + script);
    INFO(a.out);
    CHECK(a.out.find("RIP: 0010:oops_ioctl+") != std::string::npos);
    CHECK(a.out.find("RIP: 0010:debug_print_object+") != std::string::npos);
    CHECK(a.out.find("00007f") == std::string::npos);  // no host user-space addresses
    CHECK(a.out == b.out);
}

TEST_CASE("a NULL dereference in a timer: Oops, then a kernel panic; emu stops with status 3", "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 2",
                                            "sleep 1", "echo not reached"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.outcome == Machine::Outcome::Panicked);
    CHECK(r.status == kern::kExitPanic);
    CHECK(std::regex_search(r.plain, std::regex(R"(RIP: 0010:oops_timer_fn\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\]\n)")));
    CHECK(r.plain.find("Kernel panic - not syncing: Fatal exception in interrupt\n") != std::string::npos);
    CHECK(r.plain.find("not reached") == std::string::npos);
}

TEST_CASE("rmmod with a timer still pending: ODEBUG free active, the timer disarmed (SEMANTICS §10.4)", "[modules]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 4",
                                            "rmmod oops", "echo rmmod rc=$?", "sleep 11", "echo still here"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.plain.find("------------[ cut here ]------------\nODEBUG: free active (active state 0) object: ") !=
          std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(object type: timer_list hint: oops_timer_fn\+0x0/0x[0-9a-f]+ \[oops\]\n)")));
    CHECK(std::regex_search(r.plain, std::regex(R"(WARNING: CPU: \d PID: \d+ at lib/debugobjects.c:505 debug_print_object\+0x[0-9a-f]*[1-9a-f][0-9a-f]*/0x[0-9a-f]+\n)")));
    // free_module() marks the module UNFORMED first: print_modules() shows only the last unloaded.
    CHECK(r.plain.find("Modules linked in: [last unloaded: oops(OE)]\n") != std::string::npos);
    CHECK(r.plain.find("rmmod rc=0\n") != std::string::npos);
    // Disarmed: nothing of the unloaded module runs 10 s later.
    CHECK(r.plain.find("\nBUG:") == std::string::npos);
    CHECK(r.plain.find("Oops") == std::string::npos);
    CHECK(r.plain.find("still here\n") != std::string::npos);
}

TEST_CASE("init that fails with a timer armed: freed as on rmmod, ODEBUG free active, the timer disarmed (SEMANTICS §10.4)",
          "[modules]") {
    auto r = run_script(default_config(2), {"insmod nomem.ko leave_timer=1", "echo insmod rc=$?", "sleep 2",
                                            "echo still here"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.plain.find("ODEBUG: free active (active state 0) object: ") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(object type: timer_list hint: nomem_timer_fn\+0x0/0x[0-9a-f]+ \[nomem\]\n)")));
    // free_module() marks it UNFORMED first, and a failed init is no unload: nothing is listed.
    CHECK(r.plain.find("Modules linked in:\n") != std::string::npos);
    CHECK(r.plain.find("insmod rc=1\n") != std::string::npos);
    CHECK(r.plain.find("nomem: timer ran") == std::string::npos);
    CHECK(r.plain.find("still here\n") != std::string::npos);
}

TEST_CASE("C function names are not demangled: c stays c", "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko", "mknod /dev/oops c 43 0", "./rawioctl /dev/oops 5"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(std::regex_search(r.plain, std::regex(R"(RIP: 0010:c\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\]\n)")));
    CHECK(r.plain.find("char+") == std::string::npos);
}

TEST_CASE("a module whose init oopsed stays Loading and cannot be removed", "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod oops.ko oops_in_init=1", "echo insmod rc=$?", "cat /proc/modules",
                                            "rmmod oops", "echo rmmod rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(std::regex_search(r.plain, std::regex(R"(RIP: 0010:oops_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\]\n)")));
    CHECK(r.plain.find("Killed\ninsmod rc=137\n") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(\noops \d+ 0 - Loading 0x0000000000000000 \(OE\)\n)")));
    CHECK(r.plain.find("rmmod: ERROR: could not remove module oops: Device or resource busy\nrmmod rc=1\n") !=
          std::string::npos);
}

TEST_CASE("guest code emu cannot instrument that loops trips the host watchdog, which names it", "[modules]") {
    std::string tmpdir = fresh_tmpdir();
    REQUIRE(!tmpdir.empty());
    auto r = run_with_tmpdir(tmpdir, "insmod oops.ko\nmknod /dev/oops c 43 0\n./rawioctl /dev/oops 3\necho not reached\n",
                             EMU_TEST_MODULES, "--host-watchdog 0.5 ");
    std::string out = r.out;
    INFO(out);
    CHECK(r.status == kExitStuck);
    CHECK(files_in(tmpdir).empty());  // _exit() skips destructors: the copies are removed before it
    std::filesystem::remove_all(tmpdir);
    CHECK(std::regex_search(out, std::regex(R"(emu: host watchdog: CPU\d has run oops_spin_forever\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\] for 0\.5 s of host time without reaching a preemption point \(code emu does not instrument)")));
    CHECK(out.find("not reached") == std::string::npos);
}

TEST_CASE("private copies left by an emu that died (SIGKILL) are removed by the next one; a live one's are kept",
          "[modules]") {
    std::string tmpdir = fresh_tmpdir();
    REQUIRE(!tmpdir.empty());
    // A pid no process has (above pid_max's default) and pid 1, which always lives.
    std::string dead = tmpdir + "/emu-modules-4194305-AAAAAA", dead2 = tmpdir + "/emu-programs-4194305-BBBBBB";
    std::string alive = tmpdir + "/emu-modules-1-CCCCCC";
    for (const std::string& d : {dead, dead2, alive}) std::filesystem::create_directories(d + "/sub");
    auto r = run_with_tmpdir(tmpdir, "insmod oops.ko\nrmmod oops\n", EMU_TEST_MODULES);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(!std::filesystem::exists(dead));
    CHECK(!std::filesystem::exists(dead2));
    CHECK(std::filesystem::exists(alive));
    std::filesystem::remove_all(tmpdir);
}

TEST_CASE("the lab's test program: usage, wrong letters, ESRCH for a pid that does not exist", "[modules][lab]") {
    auto r = run_script(default_config(2), {"insmod deferred.ko", "mknod /dev/deferred c 42 0", "./test", "echo rc=$?",
                                            "./test x", "echo rc=$?", "./test p 99999", "echo rc=$?"},
                        EMU_LAB_MODULES);
    INFO(r.console);
    CHECK(r.plain.find("Usage: ./test <options>\n") != std::string::npos);
    CHECK(r.plain.find("rc=1\n") != std::string::npos);
    // Kernel messages may interleave with the program's output, as on a serial console.
    CHECK(std::regex_search(r.plain, std::regex(R"(Wrong parameter: Success\n(.*\n)?rc=1\n)")));
    CHECK(std::regex_search(r.plain, std::regex(R"(ioctl monitor pid error: No such process\n(.*\n)?rc=1\n)")));
}

TEST_CASE("a module using every API of the lab, its documentation and the seed chapter builds, loads and runs",
          "[modules][api]") {
    auto r = run_script(default_config(2), {"insmod apicover.ko loops=5 other_name=9", "modinfo apicover.ko",
                                            "rmmod apicover"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(std::regex_search(r.plain, std::regex(R"(apicover: apicover_init: loops=5 other_name=9 HZ=250 in_interrupt=0 cpu=\d pid=\d+ comm=insmod\n)")));
    CHECK(r.plain.find("apicover: handler: work_handler, data is 34\n") != std::string::npos);
    CHECK(r.plain.find("emu: call_usermodehelper(\"/sbin/shutdown\") refused") != std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex(R"(apicover: ok: timer fired 2, hrtimer fired 1, tasklet holder 1, counter \d+\n)")));
    // kmod merges parm= and parmtype= (6.1's __MODULE_PARM_TYPE) into one line.
    CHECK(r.plain.find("parm:           loops:how many times (int)\n") != std::string::npos);
    CHECK(r.plain.find("parm:           other_name:int\n") != std::string::npos);
    CHECK(r.plain.find("apicover: exit\n") != std::string::npos);
    CHECK(r.plain.find("BUG") == std::string::npos);
}


TEST_CASE("the private copies of modules and programs live under TMPDIR and are gone when emu exits", "[modules]") {
    std::string tmpdir = fresh_tmpdir();
    REQUIRE(!tmpdir.empty());
    auto r = run_with_tmpdir(tmpdir, "insmod deferred.ko\nmknod /dev/deferred c 42 0\n./test x\nrmmod deferred\n",
                             EMU_LAB_MODULES);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("ERROR") == std::string::npos);
    CHECK(files_in(tmpdir).empty());
    std::filesystem::remove_all(tmpdir);

    // A TMPDIR where nothing can be made: the copy fails, and says where it tried.
    std::string file = tmpdir + "-file";
    std::ofstream(file) << "not a directory\n";
    auto bad = run_with_tmpdir(file, "insmod deferred.ko\necho rc=$?\n", EMU_LAB_MODULES);
    INFO(bad.out);
    CHECK(bad.out.find("deferred: cannot copy to " + file + "/emu-modules-") != std::string::npos);
    CHECK(bad.out.find("insmod: ERROR: could not insert module deferred.ko: Invalid module format\nrc=1\n") !=
          std::string::npos);
    std::remove(file.c_str());
}

TEST_CASE("copy directories: each process removes its own, a fork()ed child not its parent's", "[modules]") {
    std::string tmpdir = fresh_tmpdir();
    REQUIRE(!tmpdir.empty());
    const char* old = std::getenv("TMPDIR");
    std::string saved = old ? old : "";
    setenv("TMPDIR", tmpdir.c_str(), 1);
    std::string parent_copy = kern::private_copy_path("modules", "x.ko");
    std::string parent_dir = std::filesystem::path(parent_copy).parent_path().string();
    std::fflush(nullptr);
    pid_t child = fork();
    if (child == 0) {
        // Makes a directory of its own, then exits normally (static destructors run).
        kern::private_copy_path("programs", "y");
        std::exit(0);
    }
    REQUIRE(child > 0);
    int st = 0;
    waitpid(child, &st, 0);
    CHECK(WIFEXITED(st));
    // The child's own directory is gone; the parent's is not the child's to remove.
    CHECK(files_in(tmpdir) == std::vector<std::string>{parent_dir});
    // A directory of its own, from mkdtemp(): nothing found in a shared /tmp is used.
    struct stat sb{};
    REQUIRE(lstat(parent_dir.c_str(), &sb) == 0);
    CHECK(S_ISDIR(sb.st_mode));
    CHECK((sb.st_mode & 0777) == 0700);
    CHECK(sb.st_uid == geteuid());
    kern::remove_private_copies();
    CHECK_FALSE(std::filesystem::exists(parent_dir));
    if (old) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
    std::filesystem::remove_all(tmpdir);
}

TEST_CASE("insmod of a file that is no module, and insmod/rmmod without an argument, say so as 6.1 and kmod do",
          "[modules]") {
    auto r = run_script(default_config(2), {"insmod oops.o", "echo rc=$?", "insmod /bin/true", "echo rc=$?",
                                            "insmod", "echo rc=$?", "rmmod", "echo rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.console);
    // An object file and a program: 6.1's setup_load_info() finds no module in them.
    CHECK(count(r.plain, "(missing .modinfo name field): No module found in object\n") == 2);
    CHECK(r.plain.find("insmod: ERROR: could not insert module oops.o: Invalid module format\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: could not insert module /bin/true: Invalid module format\nrc=1\n") !=
          std::string::npos);
    CHECK(r.plain.find("version magic") == std::string::npos);
    CHECK(r.plain.find("insmod: ERROR: missing filename.\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("rmmod: ERROR: missing module name.\nrc=1\n") != std::string::npos);
}

TEST_CASE("a .ko whose section table points outside the file is refused, never read past its end", "[modules]") {
    // oops.ko with the section-name table's offset made huge, as a corrupt copy would have it.
    std::string bad = std::string(EMU_TEST_MODULES) + "/corrupt-copy.ko";
    std::filesystem::copy_file(std::string(EMU_TEST_MODULES) + "/oops.ko", bad,
                               std::filesystem::copy_options::overwrite_existing);
    {
        std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
        Elf64_Ehdr eh{};
        f.read(reinterpret_cast<char*>(&eh), sizeof eh);
        f.seekp(static_cast<std::streamoff>(eh.e_shoff + eh.e_shstrndx * sizeof(Elf64_Shdr) +
                                            offsetof(Elf64_Shdr, sh_offset)));
        std::uint64_t huge = 0xffffffffull;
        f.write(reinterpret_cast<const char*>(&huge), sizeof huge);
    }
    auto r = run_script(default_config(1), {"insmod corrupt-copy.ko", "echo rc=$?"}, EMU_TEST_MODULES);
    INFO(r.console);
    CHECK(r.plain.find("insmod: ERROR: could not insert module corrupt-copy.ko: Invalid module format\nrc=1\n") !=
          std::string::npos);
    std::filesystem::remove(bad);
}

// Unloaded text is gone (issue #15 item 4): 6.1's free_module() frees the
// module's memory, so code of it that still runs faults when it next returns
// there, with the Oops of a page fault (SEMANTICS §10.1; 6.1 arch/x86/mm/fault.c
// show_fault_oops(): "#PF: supervisor instruction fetch in kernel mode", error
// code 0x10 = X86_PF_INSTR on a not-present page).
namespace {
const std::string kModuleSpaceAddr = "ffffffffc[0-9a-f]{7}";

void check_instruction_fetch_oops(const std::string& plain, const std::string& comm) {
    CHECK(std::regex_search(plain, std::regex("BUG: unable to handle page fault for address: (" + kModuleSpaceAddr +
                                              ")\n#PF: supervisor instruction fetch in kernel mode\n"
                                              "#PF: error_code\\(0x0010\\) - not-present page\n")));
    CHECK(plain.find("Oops: 0010 [#1] PREEMPT SMP NOPTI\n") != std::string::npos);
    CHECK(std::regex_search(plain, std::regex("CPU: \\d PID: \\d+ Comm: " + comm + " Tainted: ")));
    // RIP is no symbol any more, and its code bytes cannot be read (show_ip(), show_opcodes()).
    CHECK(std::regex_search(plain, std::regex("RIP: 0010:0x" + kModuleSpaceAddr + "\nCode: Unable to access opcode "
                                              "bytes at 0x" + kModuleSpaceAddr + "\\.\n")));
    CHECK(plain.find("Modules linked in: [last unloaded: gone(OE)]\n") != std::string::npos);
}
}  // namespace

TEST_CASE("a kthread the exit function forgot to stop: listed asleep after rmmod, its next wake-up Oopses on "
          "an instruction fetch, the shell goes on",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod gone.ko", "sleep 1", "rmmod gone", "echo removed", "ps",
                                            "sleep 1", "echo next command", "ps"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.status == 0);
    std::size_t removed = r.plain.find("removed\n");
    REQUIRE(removed != std::string::npos);
    CHECK(r.plain.find("gone: tick 9\n") < removed);
    CHECK(r.plain.find("gone: tick", removed) == std::string::npos);  // never runs its code again
    // ps: the thread still sleeps (msleep: uninterruptible) in what was the module, as on Linux.
    CHECK(std::regex_search(r.plain.substr(removed), std::regex(R"(^removed\n  PID S +TIME COMMAND\n(.*\n)*? *\d+ D +\S+ \[gone_ticker\]\n)")));
    check_instruction_fetch_oops(r.plain, "gone_ticker");
    std::size_t next = r.plain.find("next command\n");
    REQUIRE(next != std::string::npos);
    CHECK(r.plain.find("[gone_ticker]", next) == std::string::npos);  // it died
}

TEST_CASE("a work item still running at rmmod: the worker Oopses when its function returns into freed text",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod gone.ko mode=work", "rmmod gone", "sleep 1", "echo next command"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.status == 0);
    CHECK(r.plain.find("gone: work started\n") != std::string::npos);
    CHECK(r.plain.find("gone: work done") == std::string::npos);
    check_instruction_fetch_oops(r.plain, "events/\\d");
    CHECK(r.plain.find("next command\n") != std::string::npos);
}

TEST_CASE("a /proc file left behind by rmmod: opening it reads freed module data, a read fault (0x0000)",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod gone.ko mode=proc", "rmmod gone", "cat /proc/gone",
                                            "echo next command rc=$?"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.plain, std::regex("BUG: unable to handle page fault for address: " + kModuleSpaceAddr +
                                                "\n#PF: supervisor read access in kernel mode\n"
                                                "#PF: error_code\\(0x0000\\) - not-present page\n")));
    CHECK(r.plain.find("Oops: 0000 [#1] PREEMPT SMP NOPTI\n") != std::string::npos);
    CHECK(r.plain.find("Killed\nnext command rc=137\n") != std::string::npos);
}

TEST_CASE("a timer callback busy on another CPU at rmmod: its return into freed text is an Oops in interrupt "
          "context, a panic",
          "[modules][oops]") {
    auto r = run_script(default_config(2), {"insmod gone.ko mode=timer", "sleep 0.1", "rmmod gone", "sleep 2",
                                            "echo not reached"},
                        EMU_TEST_MODULES);
    INFO(r.plain);
    CHECK(r.outcome == Machine::Outcome::Panicked);
    CHECK(r.plain.find("gone: timer started\n") != std::string::npos);
    CHECK(r.plain.find("gone: timer done") == std::string::npos);
    check_instruction_fetch_oops(r.plain, "swapper/\\d");
    CHECK(r.plain.find("Kernel panic - not syncing: Fatal exception in interrupt\n") != std::string::npos);
    CHECK(r.plain.find("not reached") == std::string::npos);
}

TEST_CASE("the freed module's addresses read the same in every run", "[modules][oops][determinism]") {
    std::string script = std::string(EMU_TEST_MODULES) + "/gone.sh";
    std::ofstream(script) << "insmod gone.ko\nsleep 1\nrmmod gone\nsleep 1\n";
    auto a = run_emu("run " + script);
    auto b = run_emu("run " + script);
    INFO(a.out);
    CHECK(a.out.find("RIP: 0010:0xffffffffc") != std::string::npos);
    CHECK(a.out == b.out);
}
