// __ratelimit() (kernel/ratelimit.cpp, 6.1 lib/ratelimit.c): burst events per
// interval in guest jiffies; the next interval's first call reports
// "FUNC: N callbacks suppressed" at KERN_WARNING.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/ratelimit.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

TEST_CASE("__ratelimit: 10 per 5*HZ, then the suppressed count once the interval has passed", "[kernel][ratelimit]") {
    int passed_first = 0, passed_later = 0, passed_disabled = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct ratelimit_state rs = RATELIMIT_STATE_INIT(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
        for (int i = 0; i < 15; ++i) passed_first += ___ratelimit(&rs, "my_handler");
        sleep_ns(4'000'000'000ull);  // still inside the 5 s interval
        passed_first += ___ratelimit(&rs, "my_handler");
        sleep_ns(1'100'000'000ull);  // past it
        for (int i = 0; i < 3; ++i) passed_later += ___ratelimit(&rs, "my_handler");
        struct ratelimit_state off = RATELIMIT_STATE_INIT_DISABLED;
        for (int i = 0; i < 100; ++i) passed_disabled += ___ratelimit(&off, "x");
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(passed_first == 10);
    CHECK(passed_later == 3);
    CHECK(passed_disabled == 100);
    CHECK(count(r.plain, "my_handler: 6 callbacks suppressed\n") == 1);
}

TEST_CASE("RATELIMIT_MSG_ON_RELEASE: the count waits for ratelimit_state_exit()", "[kernel][ratelimit]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct ratelimit_state rs;
        ratelimit_state_init(&rs, 1, 2);
        ratelimit_set_flags(&rs, RATELIMIT_MSG_ON_RELEASE);
        for (int i = 0; i < 5; ++i) ___ratelimit(&rs, "quiet");
        sleep_ns(100'000'000ull);
        ___ratelimit(&rs, "quiet");
        for (int i = 0; i < 4; ++i) ___ratelimit(&rs, "quiet");
        ratelimit_state_exit(&rs);
        return 0;
    });
    INFO(r.console);
    CHECK(r.plain.find("callbacks suppressed") == std::string::npos);
    CHECK(r.plain.find("sh: 6 output lines suppressed due to ratelimiting\n") != std::string::npos);
}
