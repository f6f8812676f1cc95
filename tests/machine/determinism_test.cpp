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
