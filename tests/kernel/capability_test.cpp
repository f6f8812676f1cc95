// capable() & co. (6.1 include/linux/capability.h, kernel/capability.c) on
// emu's machine, where every task has root's credentials with every capability.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/capability.h"
#include "kernel/include/linux/cred.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

TEST_CASE("capability numbers and sets are 6.1's", "[kernel][capability]") {
    STATIC_REQUIRE(CAP_SYS_ADMIN == 21);
    STATIC_REQUIRE(CAP_NET_ADMIN == 12);
    STATIC_REQUIRE(CAP_SYS_MODULE == 16);
    STATIC_REQUIRE(CAP_LAST_CAP == 40);
    STATIC_REQUIRE(CAP_TO_INDEX(CAP_MAC_OVERRIDE) == 1);
    STATIC_REQUIRE(CAP_TO_MASK(CAP_MAC_OVERRIDE) == 1u);
    kernel_cap_t c = CAP_EMPTY_SET;
    CHECK(cap_isclear(c));
    cap_raise(c, CAP_BPF);
    CHECK(cap_raised(c, CAP_BPF));
    CHECK(!cap_isclear(c));
    CHECK(cap_issubset(c, CAP_FULL_SET));
    CHECK(!cap_issubset(CAP_FULL_SET, c));
    cap_lower(c, CAP_BPF);
    CHECK(cap_isclear(c));
}

TEST_CASE("capable(): true for every valid capability of the guest's root tasks", "[kernel][capability]") {
    bool admin = false, last = false, bpf = false, has = false, has_bad = true;
    run_guest(default_config(1), [&](Machine&) {
        admin = capable(CAP_SYS_ADMIN);
        last = ns_capable(nullptr, CAP_CHECKPOINT_RESTORE);
        bpf = bpf_capable();
        has = has_capability(nullptr, CAP_KILL);
        has_bad = has_capability(nullptr, 41);
        return 0;
    });
    CHECK(admin);
    CHECK(last);
    CHECK(bpf);
    CHECK(has);
    CHECK(!has_bad);
}

TEST_CASE("capable() with an invalid number: pr_crit, then BUG", "[kernel][capability]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        capable(CAP_LAST_CAP + 1);
        return 0;
    });
    CHECK(r.plain.find("capability: capable() called with invalid cap=41\n") != std::string::npos);
    CHECK(r.plain.find("kernel BUG at kernel/capability.c") != std::string::npos);
}
