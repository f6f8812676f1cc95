// What a user of the guest shell sees (issue: machine core, "Done means").
#include "tests/support/guest.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace emu;
using namespace emu::test;

namespace {
// Seconds of CPU time ps shows for `comm` in the last listing of `out`.
std::vector<double> cpu_times(const std::string& listing, const std::string& comm) {
    std::vector<double> times;
    std::istringstream in(listing);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex(R"(\s*\d+ [RSDIZTP]\s+(\d+):(\d+)\.(\d+) (.*))")) && m[4] == comm)
            times.push_back(std::stoi(m[1]) * 60 + std::stoi(m[2]) + std::stoi(m[3]) / 100.0);
    }
    return times;
}
}  // namespace

TEST_CASE("ps on a 4-CPU machine lists init, kthreadd, the shell and the per-CPU kernel threads", "[machine][shell]") {
    auto r = run_script(default_config(4), {"ps"});
    REQUIRE(r.status == 0);
    CHECK(std::regex_search(r.console, std::regex(R"(\n\s+1 S\s+\S+ init\n)")));
    CHECK(std::regex_search(r.console, std::regex(R"(\n\s+2 S\s+\S+ \[kthreadd\]\n)")));
    CHECK(std::regex_search(r.console, std::regex(R"(\n\s+\d+ [RS]\s+\S+ sh\n)")));
    for (int cpu = 0; cpu < 4; ++cpu) {
        CHECK(r.console.find("[ksoftirqd/" + std::to_string(cpu) + "]") != std::string::npos);
        CHECK(r.console.find("[events/" + std::to_string(cpu) + "]") != std::string::npos);
    }
    CHECK(std::regex_search(r.console, std::regex(R"(\n\s+\d+ R\s+\S+ ps\n)")));
}

TEST_CASE("two `yes > /dev/null &` on 2 CPUs both accumulate CPU time; kill ends them", "[machine][shell]") {
    auto r = run_script(default_config(2), {"yes > /dev/null &", "A=$!", "yes > /dev/null &", "B=$!", "sleep 1",
                                            "ps", "sleep 1", "ps", "kill $A $B", "sleep 0.1", "ps", "echo done $?"});
    REQUIRE(r.status == 0);
    auto listings = r.console;
    auto first = listings.find("  PID");
    auto second = listings.find("  PID", first + 1);
    auto third = listings.find("  PID", second + 1);
    REQUIRE(third != std::string::npos);
    auto t1 = cpu_times(listings.substr(first, second - first), "yes");
    auto t2 = cpu_times(listings.substr(second, third - second), "yes");
    auto t3 = cpu_times(listings.substr(third), "yes");
    REQUIRE(t1.size() == 2);
    REQUIRE(t2.size() == 2);
    CHECK(t1[0] > 0.9);
    CHECK(t1[1] > 0.9);
    CHECK(t2[0] > t1[0] + 0.9);
    CHECK(t2[1] > t1[1] + 0.9);
    CHECK(t3.empty());
    CHECK(r.console.find("done 0") != std::string::npos);
}

TEST_CASE("after `sleep 10` at HZ=250 jiffies advanced by 2500; LOC counts follow the tick mode", "[machine][time]") {
    for (bool nohz : {false, true}) {
        auto cfg = default_config(2, 250);
        cfg.kernel.nohz = nohz;
        unsigned long before = 0, after = 0;
        std::uint64_t loc_before[2], loc_after[2];
        auto r = run_guest(cfg, [&](Machine&) {
            before = jiffies_now();
            for (int c = 0; c < 2; ++c) loc_before[c] = kernel().cpu(c).irq_loc;
            sleep_ns(10'000'000'000ull);
            after = jiffies_now();
            for (int c = 0; c < 2; ++c) loc_after[c] = kernel().cpu(c).irq_loc;
            return 0;
        });
        REQUIRE(r.status == 0);
        INFO("nohz=" << nohz);
        CHECK(after - before >= 2499);
        CHECK(after - before <= 2501);
        for (int c = 0; c < 2; ++c) {
            std::uint64_t loc = loc_after[c] - loc_before[c];
            if (nohz) CHECK(loc < 50);  // an idle tickless CPU takes almost no timer interrupts
            else CHECK((loc >= 2499 && loc <= 2501));  // 250 per second
        }
    }
}

TEST_CASE("INITIAL_JIFFIES wraps the low 32 bits 5 minutes after boot (SEMANTICS §4.1)", "[machine][time]") {
    for (int hz : {100, 250, 300, 1000}) {
        unsigned long j = 0;
        auto r = run_guest(default_config(1, hz), [&](Machine&) {
            j = jiffies_now();
            return 0;
        });
        CHECK(r.status == 0);
        CHECK(j == static_cast<unsigned long>(static_cast<unsigned int>(-300 * hz)));
    }
}

TEST_CASE("unknown commands print sh: NAME: not found with status 127", "[machine][shell]") {
    auto r = run_script(default_config(1), {"frobnicate now", "echo status=$?", "false", "echo status=$?",
                                            "X=hello", "echo $X world", "# a comment", "exit 3"});
    CHECK(r.status == 3);
    CHECK(r.console.find("sh: frobnicate: not found\nstatus=127\n") != std::string::npos);
    CHECK(r.console.find("status=1\n") != std::string::npos);
    CHECK(r.console.find("hello world\n") != std::string::npos);
}

TEST_CASE("cat of /proc files, dmesg and its options", "[machine][shell]") {
    auto r = run_script(default_config(2), {"cat /proc/uptime", "cat /proc/nope", "echo rc=$?", "dmesg -n 9",
                                            "echo rc=$?", "dmesg -c > /dev/null", "dmesg", "echo after"});
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.console, std::regex(R"(\n0\.\d\d \d+\.\d\d\n)")));
    CHECK(r.console.find("cat: /proc/nope: No such file or directory\nrc=1\n") != std::string::npos);
    CHECK(r.console.find("dmesg: unknown level '9'\nrc=1\n") != std::string::npos);
    // dmesg -c emptied the buffer: the next dmesg prints nothing before "after".
    CHECK(r.console.find("rc=1\nafter\n") != std::string::npos);
}

TEST_CASE("/proc/interrupts and /proc/softirqs use Linux's exact layouts (SEMANTICS §2.7, §2.8)", "[machine][proc]") {
    auto r = run_script(default_config(2), {"cat /proc/softirqs", "cat /proc/interrupts"});
    REQUIRE(r.status == 0);
    CHECK(r.console.find("                    CPU0       CPU1       \n"
                         "          HI:          0          0\n") != std::string::npos);
    CHECK(std::regex_search(r.console, std::regex(R"(\n       TIMER: +\d+ +\d+\n      NET_TX: +\d+ +\d+\n)")));
    CHECK(r.console.find("         RCU:") != std::string::npos);
    CHECK(r.console.find("           CPU0       CPU1       \n") != std::string::npos);
    CHECK(std::regex_search(r.console, std::regex(R"(\n  4: +\d+ +\d+   IO-APIC   4-edge      ttyS0\n)")));
    CHECK(std::regex_search(r.console, std::regex(R"(\nLOC: +\d+ +\d+   Local timer interrupts\n)")));
    CHECK(r.console.find("\nERR:          0\nMIS:          0\n") != std::string::npos);
}

TEST_CASE("wait PID returns the status of a job that already ended, as dash does", "[machine][shell]") {
    auto r = run_script(default_config(2),
                        {"false &", "F=$!", "sleep 0.1", "wait $F", "echo false-job $?", "yes > /dev/null &", "Y=$!",
                         "sleep 0.1", "kill $Y", "sleep 0.1", "wait $Y", "echo yes-job $?", "sleep 0.2 &", "wait $!",
                         "echo sleep-job $?", "wait 4242", "echo unknown $?"});
    INFO(r.console);
    CHECK(r.plain.find("false-job 1\n") != std::string::npos);
    CHECK(r.plain.find("yes-job 143\n") != std::string::npos);
    CHECK(r.plain.find("sleep-job 0\n") != std::string::npos);
    CHECK(r.plain.find("unknown 127\n") != std::string::npos);
}

TEST_CASE("cat reads files through open/read/close; echo > and >> write through open/write/close, "
          "with busybox's and dash's messages",
          "[machine][shell]") {
    auto r = run_script(default_config(1),
                        {"cat /proc/version", "echo hi > /proc/version", "echo rc=$?", "echo x > /proc/new",
                         "echo rc=$?", "echo x > /x", "echo rc=$?", "cat /proc", "echo rc=$?", "echo one > /dev/f",
                         "echo two >> /dev/f", "cat /dev/f", "echo three > /dev/f", "cat /dev/f", "ls /proc",
                         "cat /proc/version > /dev/g", "cat /dev/g", "echo -n > /dev/null", "echo rc=$?"});
    CHECK(r.status == 0);
    CHECK(r.plain.find("Linux version 6.1.0-emu") != std::string::npos);
    CHECK(r.plain.find("sh: write error: Input/output error\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("sh: cannot create /proc/new: Permission denied\nrc=2\n") != std::string::npos);
    CHECK(r.plain.find("sh: cannot create /x: Read-only file system\nrc=2\n") != std::string::npos);
    CHECK(r.plain.find("cat: read error: Is a directory\nrc=1\n") != std::string::npos);
    CHECK(r.plain.find("one\ntwo\nthree\n") != std::string::npos);
    CHECK(r.plain.find("interrupts\nmisc\nmodules\nsoftirqs\nuptime\nversion\n") != std::string::npos);
    CHECK(count(r.plain, "Linux version 6.1.0-emu (emu@emu)") == 3);  // boot line, cat, cat of the copy
    CHECK(r.plain.find("rc=0\n") != std::string::npos);
}
