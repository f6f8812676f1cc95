// The emu command line, run as a user would: bad input gets a message naming
// itself and exit status 2; scripts' statuses come back.
#include "tests/support/guest.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

using emu::test::run_emu;

namespace {
std::string temp_script(const std::string& name, const std::string& text) {
    std::string path = std::string("/tmp/emu-cli-test-") + name + ".sh";
    std::ofstream(path) << text;
    return path;
}
}  // namespace

TEST_CASE("an unknown option names itself and exits 2", "[cli]") {
    auto r = run_emu("run --frobnicate x.sh");
    CHECK(r.status == 2);
    CHECK(r.out.find("--frobnicate") != std::string::npos);
}

TEST_CASE("an unknown command names itself and exits 2", "[cli]") {
    auto r = run_emu("frob");
    CHECK(r.status == 2);
    CHECK(r.out.find("emu: unknown command 'frob' (commands: run, shell, build, kdir, bench, costs)") != std::string::npos);
}

TEST_CASE("bad option values name themselves and exit 2", "[cli]") {
    std::string s = temp_script("ok", "true\n");
    for (const char* bad : {"--cpus 0", "--cpus 65", "--hz 123", "--preempt sometimes", "--nohz maybe", "--freq fast",
                            "--cost nosuch=5", "--cost api_call", "--timeout -1"}) {
        auto r = run_emu(std::string("run ") + bad + " " + s);
        INFO(bad << " -> " << r.out);
        CHECK(r.status == 2);
        std::string opt = std::string(bad).substr(0, std::string(bad).find(' '));
        CHECK(r.out.find(opt) != std::string::npos);
    }
}

TEST_CASE("emu bench --only with a mistyped workload names it and exits 2, running nothing", "[cli]") {
    auto r = run_emu("bench --quick --only W2,W9");
    CHECK(r.status == 2);
    CHECK(r.out.find("emu bench: unknown workload 'W9' in --only") != std::string::npos);
    CHECK(r.out.find("B1 ") == std::string::npos);
}

TEST_CASE("emu build --hz takes only an HZ that emu run can boot with", "[cli]") {
    auto r = run_emu("build /nonexistent-module-dir --hz 123");
    CHECK(r.status == 2);
    CHECK(r.out.find("--hz: 123 is not one of 100, 250, 300, 1000") != std::string::npos);
}

TEST_CASE("a script that cannot be read says so", "[cli]") {
    auto r = run_emu("run /nonexistent/script.sh");
    CHECK(r.status == 2);
    CHECK(r.out.find("cannot read script '/nonexistent/script.sh': No such file or directory") != std::string::npos);
}

TEST_CASE("emu run exits with the script's status; output is the guest console", "[cli]") {
    auto r = run_emu("run --loglevel 1 " + temp_script("status", "echo hi\nexit 7\n"));
    CHECK(r.status == 7);
    CHECK(r.out == "hi\n");
}

TEST_CASE("emu shell reads commands from standard input", "[cli]") {
    auto r = run_emu("shell --loglevel 1 < " + temp_script("stdin", "echo from stdin\nexit 4\n"));
    CHECK(r.status == 4);
    CHECK(r.out.find("from stdin") != std::string::npos);
}

TEST_CASE("emu costs lists the cost table", "[cli]") {
    auto r = run_emu("costs");
    CHECK(r.status == 0);
    CHECK(r.out.find("context_switch") != std::string::npos);
}

TEST_CASE("a scenario syntax error names file:line and exits 2", "[cli]") {
    std::string s = temp_script("badscn", "echo hi\nexpect \"x\" within 2parsecs\n");
    auto r = run_emu("run " + s);
    CHECK(r.status == 2);
    CHECK(r.out.find(s + ":2: syntax error: expect: bad duration '2parsecs'") != std::string::npos);
    struct Bad {
        const char* text;
        const char* message;
    };
    for (const Bad& b : {Bad{"echo hi\nexpect \"zz\n", ":2: syntax error: unterminated quote"},
                         Bad{"# first\nexpect-exit 1\nfalse\n", ":2: syntax error: expect-exit before any command"},
                         Bad{"echo hi\nexpec \"hi\"\necho more\n",
                             ":2: syntax error: unknown expectation 'expec' (expect, expect-not or expect-exit)"},
                         Bad{"echo hi\nexpect-nto \"hi\"\n", ":2: syntax error: unknown expectation 'expect-nto'"},
                         // Numbers that would wrap: a wait past 10^6 s, NaN, an exit status outside 0-255.
                         Bad{"echo hi\nexpect \"hi\" within 1e30s\n", ":2: syntax error: expect: bad duration '1e30s'"},
                         Bad{"echo hi\nexpect-not \"x\" for 1e12\n", ":2: syntax error: expect-not: bad duration '1e12'"},
                         Bad{"echo hi\nexpect-not \"x\" for nan\n", ":2: syntax error: expect-not: bad duration 'nan'"},
                         Bad{"true\nexpect-exit 99999999999999999999\n",
                             ":2: syntax error: expect-exit: '99999999999999999999' is not an exit status (0-255)"},
                         Bad{"true\nexpect-exit 256\n", ":2: syntax error: expect-exit: '256' is not an exit status (0-255)"}}) {
        std::string path = temp_script("badscn2", b.text);
        auto bad = run_emu("run " + path);
        INFO(b.text << "\n" << bad.out);
        CHECK(bad.status == 2);
        CHECK(bad.out.find(path + b.message) != std::string::npos);
    }
}

TEST_CASE("expectations match long console lines without overflowing: no false pass (RE2, host-compiled)", "[cli]") {
    std::string line(300, 'a');
    // std::regex recursed once per character here and overflowed the shell's
    // fiber stack: the shell Oopsed and the run exited 0 with the expectation unchecked.
    std::string ok = temp_script("longok", "echo " + line + "b\nexpect \"^(a|b)+$\"\n");
    auto r = run_emu("run --loglevel 1 " + ok);
    INFO(r.out);
    CHECK(r.status == 0);
    std::string bad = temp_script("longbad", "echo " + line + "\nexpect \"^(a|b)+c$\" within 10ms\n");
    auto r2 = run_emu("run --loglevel 1 " + bad);
    INFO(r2.out);
    CHECK(r2.status == 1);
    CHECK(r2.out.find(bad + ":2: expectation failed: expect \"^(a|b)+c$\" within 10 ms: no such console line") !=
          std::string::npos);
    // A regex beyond 4096 characters, or one RE2 cannot run in linear time, is a syntax error before boot.
    std::string huge = temp_script("hugere", "echo hi\nexpect \"" + std::string(80000, 'x') + "\"\n");
    auto r3 = run_emu("run " + huge);
    CHECK(r3.status == 2);
    CHECK(r3.out.find(huge + ":2: syntax error: expect: the regular expression has 80000 characters (at most 4096)") !=
          std::string::npos);
    std::string look = temp_script("lookre", "echo hi\nexpect \"h(?=i)\"\n");
    auto r4 = run_emu("run " + look);
    CHECK(r4.status == 2);
    CHECK(r4.out.find(look + ":2: syntax error: expect: bad regular expression \"h(?=i)\"") != std::string::npos);
}

TEST_CASE("SIGTERM or SIGINT to emu run: what was printed is kept, one line says why, exit 128+N", "[cli]") {
    std::string s = temp_script("busy", "echo before\nyes > /dev/null\n");
    for (const char* sig : {"TERM", "INT"}) {
        std::string out = std::string("/tmp/emu-cli-test-sig-") + sig;
        // The console goes to a file (flushed line by line), the signal comes while the guest is busy.
        std::string cmd = fmt::format("{} run {} --timeout inf > {}.out 2> {}.err & p=$!; sleep 0.5; kill -{} $p; "
                                      "wait $p; echo $? > {}.rc",
                                      EMU_BINARY, s, out, out, sig, out);
        REQUIRE(std::system(("sh -c '" + cmd + "'").c_str()) == 0);
        auto slurp = [](const std::string& f) {
            std::ifstream in(f);
            return std::string(std::istreambuf_iterator<char>(in), {});
        };
        INFO(sig << "\n" << slurp(out + ".out") << slurp(out + ".err"));
        CHECK(slurp(out + ".rc") == (std::string(sig) == "TERM" ? "143\n" : "130\n"));
        CHECK(slurp(out + ".out").find("before\n") != std::string::npos);
        CHECK(std::regex_search(slurp(out + ".err"),
                                std::regex(std::string("^emu: interrupted by SIG") + sig +
                                           R"( at guest time \d+\.\d{6} s; the machine is stopped\n$)")));
    }
}

TEST_CASE("numeric options are checked: inf is no limit, a negative or huge cost is refused", "[cli]") {
    std::string s = temp_script("infscn", "echo hi\nexpect \"hi\"\n");
    for (const char* opts : {"--timeout inf", "--timeout 1e300", "--host-watchdog inf"}) {
        auto r = run_emu(std::string("run --loglevel 1 ") + opts + " " + s);
        INFO(opts << "\n" << r.out);
        CHECK(r.status == 0);  // the script ran to its end, no instant time limit or watchdog
        CHECK(r.out.find("hi\n") != std::string::npos);
    }
    struct Bad {
        const char* opts;
        const char* message;
    };
    for (const Bad& b : {Bad{"--cost printk=-1", "--cost: 'printk=-1' is not NAME=CYCLES"},
                         Bad{"--cost printk=99999999999999999999999", "--cost: 'printk=99999999999999999999999': at most 1000000000000 cycles"},
                         Bad{"--cost guest_block=2000000000000", "at most 1000000000000 cycles"},
                         Bad{"--cost guest_block=0", "--cost: guest_block must be at least 1 cycle"},
                         Bad{"--timeout nan", "--timeout: nan is not a positive number of seconds"},
                         Bad{"--timeout -1", "--timeout: -1 is not a positive number of seconds"}}) {
        auto r = run_emu(std::string("run ") + b.opts + " " + s);
        INFO(b.opts << "\n" << r.out);
        CHECK(r.status == 2);
        CHECK(r.out.find(b.message) != std::string::npos);
    }
}

TEST_CASE("expectations leave $? alone; expect-not names the line that appeared", "[cli]") {
    std::string s = temp_script("exitscn", "false\nexpect-exit 1\nexpect-exit 1\necho rc=$?\nexpect \"rc=1\"\n");
    auto r = run_emu("run --loglevel 1 " + s);
    INFO(r.out);
    CHECK(r.status == 0);
    std::string n = temp_script("notscn", "echo alpha\necho beta\nexpect-not \"bet\"\n");
    auto r2 = run_emu("run --loglevel 1 " + n);
    INFO(r2.out);
    CHECK(r2.status == 1);
    CHECK(r2.out.find(n + ":3: expectation failed: expect-not \"bet\" for 0 ms: this line appeared: beta") !=
          std::string::npos);
}

TEST_CASE("a failing expectation prints file:line and the recent console, and exits 1", "[cli]") {
    std::string s = temp_script("failscn", "echo hello\nexpect \"goodbye\" within 100ms\necho after\n");
    auto r = run_emu("run --loglevel 1 " + s);
    CHECK(r.status == 1);
    CHECK(r.out.find(s + ":2: expectation failed: expect \"goodbye\" within 100 ms: no such console line") != std::string::npos);
    CHECK(r.out.find("after") == std::string::npos);
}

TEST_CASE("emu build compiles modules with -nostdinc: a host C library header is not found, as in Kbuild", "[cli]") {
    std::string dir = "/tmp/emu-cli-test-nostdinc";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/Kbuild") << "obj-m := hosthdr.o\n";
    std::ofstream(dir + "/hosthdr.c") << "#include <linux/module.h>\n#include <stdio.h>\nMODULE_LICENSE(\"GPL\");\n";
    auto r = run_emu("build " + dir + " -o " + dir + "/out");
    INFO(r.out);
    CHECK(r.status == 1);
    CHECK(r.out.find("stdio.h: No such file or directory") != std::string::npos);
    CHECK(r.out.find("emu build: building the modules of " + dir + " failed") != std::string::npos);
}
