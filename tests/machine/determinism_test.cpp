// Runs are deterministic: the same script and seed give the same bytes.
#include "tests/support/guest.hpp"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

TEST_CASE("the same script and seed give byte-identical output", "[machine][determinism]") {
    std::vector<std::string> script = {"yes > /dev/null &", "sleep 0.3", "ps", "cat /proc/interrupts",
                                       "cat /proc/softirqs", "kill $!", "dmesg"};
    for (std::uint64_t seed : {0ull, 7ull}) {
        auto cfg = default_config(2);
        cfg.seed = seed;
        auto a = run_script(cfg, script);
        auto b = run_script(cfg, script);
        REQUIRE(a.status == 0);
        CHECK(a.console == b.console);
        CHECK(a.console.size() > 500);
    }
}

TEST_CASE("the host watchdog's ticks, a signal to the machine's thread, do not change a run", "[machine][determinism]") {
    // The watchdog is a POSIX timer that signals the thread running the
    // engine (emu/machine/host_watchdog.hpp), every 250 ms at a 1 s allowance:
    // a few times inside guest code during this ~1 s run. (A small allowance
    // could end the test binary when a loaded host stalls it.)
    std::vector<std::string> script = {"yes > /dev/null &", "sleep 400", "ps", "kill $!", "cat /proc/interrupts"};
    auto quiet = default_config(2);
    quiet.host_watchdog_s = 0;
    auto ticking = default_config(2);
    ticking.host_watchdog_s = 1;
    auto a = run_script(quiet, script);
    auto b = run_script(ticking, script);
    REQUIRE(b.status == 0);
    CHECK(a.watchdog_ticks == 0);
    CHECK(b.watchdog_ticks > 0);  // the run was long enough for the watchdog to look
    CHECK(b.console == a.console);
}
