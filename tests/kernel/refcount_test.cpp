// refcount_t (linux/refcount.h, kernel/refcount.cpp): 6.1 saturates instead of
// wrapping and WARNs once per kind from refcount_warn_saturate() at
// lib/refcount.c's line for that kind (6.1 include/linux/refcount.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/kref.h"
#include "kernel/include/linux/refcount.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {
int released = 0;
void release(struct kref*) { ++released; }
}  // namespace

TEST_CASE("refcount: underflow saturates and WARNs once at lib/refcount.c:28", "[kernel][refcount]") {
    unsigned int after_first = 0, after_second = 0;
    bool first = true, second = true;
    auto r = run_guest(default_config(1), [&](Machine&) {
        refcount_t rc = REFCOUNT_INIT(1);
        CHECK(refcount_dec_and_test(&rc));   // 1 -> 0: the last reference
        first = refcount_dec_and_test(&rc);  // 0 -> -1: underflow
        after_first = refcount_read(&rc);
        refcount_t other = REFCOUNT_INIT(0);
        second = refcount_dec_and_test(&other);  // WARN_ONCE: no second splat
        after_second = refcount_read(&other);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(!first);
    CHECK(!second);
    CHECK(after_first == 0xc0000000u);  // REFCOUNT_SATURATED
    CHECK(after_second == 0xc0000000u);
    CHECK(count(r.plain, "refcount_t: underflow; use-after-free.\n") == 1);
    CHECK(r.plain.find("------------[ cut here ]------------\nrefcount_t: underflow; use-after-free.\nWARNING: CPU: 0 PID: ") !=
          std::string::npos);
    CHECK(r.plain.find(" at lib/refcount.c:28 refcount_warn_saturate+0x") != std::string::npos);
    CHECK(r.plain.find("RIP: 0010:refcount_warn_saturate+0x") != std::string::npos);
    CHECK(r.plain.find("---[ end trace 0000000000000000 ]---") != std::string::npos);
}

TEST_CASE("refcount: addition on 0, saturation at INT_MAX, decrement to 0", "[kernel][refcount]") {
    unsigned int uaf = 0, big = 0, leak = 0;
    bool not_zero = true;
    auto r = run_guest(default_config(1), [&](Machine&) {
        refcount_t a = REFCOUNT_INIT(0);
        refcount_inc(&a);
        uaf = refcount_read(&a);
        refcount_t b = REFCOUNT_INIT(0);
        not_zero = refcount_inc_not_zero(&b);  // 0 stays 0, silently
        refcount_t c = REFCOUNT_INIT(REFCOUNT_MAX);
        refcount_inc(&c);
        big = refcount_read(&c);
        refcount_t d = REFCOUNT_INIT(1);
        refcount_dec(&d);
        leak = refcount_read(&d);
        return 0;
    });
    INFO(r.console);
    CHECK(!not_zero);
    CHECK(uaf == 0xc0000000u);
    CHECK(big == 0xc0000000u);
    CHECK(leak == 0xc0000000u);
    CHECK(r.plain.find("refcount_t: addition on 0; use-after-free.\nWARNING: CPU: 0 PID: ") != std::string::npos);
    CHECK(r.plain.find(" at lib/refcount.c:25 refcount_warn_saturate+0x") != std::string::npos);
    CHECK(r.plain.find("refcount_t: saturated; leaking memory.\nWARNING: CPU: 0 PID: ") != std::string::npos);
    CHECK(r.plain.find(" at lib/refcount.c:22 refcount_warn_saturate+0x") != std::string::npos);
    CHECK(r.plain.find("refcount_t: decrement hit 0; leaking memory.\n") != std::string::npos);
    CHECK(r.plain.find(" at lib/refcount.c:31 refcount_warn_saturate+0x") != std::string::npos);
}

TEST_CASE("kref: release runs on the last put only; get_unless_zero fails at 0", "[kernel][refcount]") {
    int puts_returning_1 = 0;
    bool got_live = false, got_dead = true;
    unsigned int count_after_get = 0;
    released = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct kref k;
        kref_init(&k);
        kref_get(&k);
        count_after_get = kref_read(&k);
        got_live = kref_get_unless_zero(&k);
        puts_returning_1 += kref_put(&k, release);
        puts_returning_1 += kref_put(&k, release);
        puts_returning_1 += kref_put(&k, release);
        got_dead = kref_get_unless_zero(&k);
        return 0;
    });
    INFO(r.console);
    CHECK(count_after_get == 2);
    CHECK(got_live);
    CHECK(puts_returning_1 == 1);
    CHECK(released == 1);
    CHECK(!got_dead);
    CHECK(r.console.find("WARNING") == std::string::npos);
}
