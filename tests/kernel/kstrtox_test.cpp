// kstrto*() and simple_strto*() (kernel/kstrtox.cpp), against 6.1's
// lib/kstrtox.c rules: base 0 detects 0x and 0, one trailing newline is
// accepted, anything else is -EINVAL, values out of range are -ERANGE, and
// *res is untouched on error (6.1 include/linux/kstrtox.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/kstrtox.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace emu;
using namespace emu::test;

TEST_CASE("kstrtol: base 0 detects hex and octal; one trailing newline", "[kernel][kstrtox]") {
    long v = -1;
    CHECK(kstrtol("0x1f", 0, &v) == 0);
    CHECK(v == 31);
    CHECK(kstrtol("0X1F", 0, &v) == 0);
    CHECK(v == 31);
    CHECK(kstrtol("017", 0, &v) == 0);
    CHECK(v == 15);
    CHECK(kstrtol("0", 0, &v) == 0);
    CHECK(v == 0);
    CHECK(kstrtol("-42\n", 10, &v) == 0);
    CHECK(v == -42);
    CHECK(kstrtol("+7", 10, &v) == 0);
    CHECK(v == 7);
    // "0x" without a hex digit is octal 0 followed by junk.
    v = 5;
    CHECK(kstrtol("0x", 0, &v) == -EINVAL);
    CHECK(kstrtol("0xg", 0, &v) == -EINVAL);
    CHECK(v == 5);
    // An explicit base 16 skips "0x" too.
    CHECK(kstrtol("0x10", 16, &v) == 0);
    CHECK(v == 16);
    CHECK(kstrtol("ff", 16, &v) == 0);
    CHECK(v == 255);
}

TEST_CASE("kstrtoint: junk, spaces, two newlines and empty strings are -EINVAL", "[kernel][kstrtox]") {
    int v = 99;
    CHECK(kstrtoint("12a", 10, &v) == -EINVAL);
    CHECK(kstrtoint(" 12", 10, &v) == -EINVAL);
    CHECK(kstrtoint("12 ", 10, &v) == -EINVAL);
    CHECK(kstrtoint("12\n\n", 10, &v) == -EINVAL);
    CHECK(kstrtoint("", 10, &v) == -EINVAL);
    CHECK(kstrtoint("\n", 10, &v) == -EINVAL);
    CHECK(kstrtoint("-", 10, &v) == -EINVAL);
    CHECK(kstrtoint("+-1", 10, &v) == -EINVAL);
    CHECK(kstrtoint("-+1", 10, &v) == -EINVAL);
    CHECK(kstrtoint("9", 8, &v) == -EINVAL);
    CHECK(v == 99);
}

TEST_CASE("kstrto*: -ERANGE past each type's limits, exact limits accepted", "[kernel][kstrtox]") {
    int i = 0;
    CHECK(kstrtoint("2147483647", 10, &i) == 0);
    CHECK(i == 2147483647);
    CHECK(kstrtoint("-2147483648", 10, &i) == 0);
    CHECK(i == -2147483647 - 1);
    CHECK(kstrtoint("2147483648", 10, &i) == -ERANGE);
    CHECK(kstrtoint("-2147483649", 10, &i) == -ERANGE);
    unsigned int u = 0;
    CHECK(kstrtouint("4294967295", 10, &u) == 0);
    CHECK(u == 4294967295u);
    CHECK(kstrtouint("4294967296", 10, &u) == -ERANGE);
    CHECK(kstrtouint("-1", 10, &u) == -EINVAL);  // no sign for the unsigned types
    unsigned long long ull = 0;
    CHECK(kstrtoull("18446744073709551615", 10, &ull) == 0);
    CHECK(ull == ~0ull);
    CHECK(kstrtoull("18446744073709551616", 10, &ull) == -ERANGE);
    CHECK(kstrtoull("0x10000000000000000", 0, &ull) == -ERANGE);
    long long ll = 0;
    CHECK(kstrtoll("-9223372036854775808", 10, &ll) == 0);
    CHECK(ll == -9223372036854775807ll - 1);
    CHECK(kstrtoll("9223372036854775808", 10, &ll) == -ERANGE);
    CHECK(kstrtoll("-9223372036854775809", 10, &ll) == -ERANGE);
    u8 b = 0;
    CHECK(kstrtou8("255", 10, &b) == 0);
    CHECK(b == 255);
    CHECK(kstrtou8("256", 10, &b) == -ERANGE);
    s8 sb = 0;
    CHECK(kstrtos8("-128", 10, &sb) == 0);
    CHECK(sb == -128);
    CHECK(kstrtos8("128", 10, &sb) == -ERANGE);
    u16 w = 0;
    CHECK(kstrtou16("0xffff", 0, &w) == 0);
    CHECK(w == 0xffff);
    CHECK(kstrtou16("65536", 10, &w) == -ERANGE);
    s16 sw = 0;
    CHECK(kstrtos16("-32769", 10, &sw) == -ERANGE);
}

TEST_CASE("kstrtobool: y/Y/t/T/1/on true, n/N/f/F/0/off false, only the first letters count", "[kernel][kstrtox]") {
    bool b = false;
    for (const char* yes : {"y", "Y", "yes", "t", "true", "T", "1", "on", "ON", "oN\n"}) {
        b = false;
        INFO(yes);
        CHECK(kstrtobool(yes, &b) == 0);
        CHECK(b);
    }
    for (const char* no : {"n", "N", "no", "f", "false", "F", "0", "off", "OFF", "offline"}) {
        b = true;
        INFO(no);
        CHECK(kstrtobool(no, &b) == 0);
        CHECK(!b);
    }
    b = true;
    for (const char* bad : {"", "o", "ox", "2", "maybe", " y"}) {
        INFO(bad);
        CHECK(kstrtobool(bad, &b) == -EINVAL);
    }
    CHECK(b);
    CHECK(kstrtobool(nullptr, &b) == -EINVAL);
}

TEST_CASE("simple_strto*: stop at the first non-digit, no error, no range check", "[kernel][kstrtox]") {
    char* end = nullptr;
    const char* s = "10x50";
    CHECK(simple_strtoul(s, &end, 10) == 10);
    CHECK(end == s + 2);
    const char* hex = "0x1fz";
    CHECK(simple_strtoul(hex, &end, 0) == 31);
    CHECK(end == hex + 4);
    const char* neg = "-12:21";
    CHECK(simple_strtol(neg, &end, 10) == -12);
    CHECK(end == neg + 3);
    CHECK(simple_strtoll("-9", nullptr, 0) == -9);
    // No digits: 0, and endp at the start; no leading spaces or '+'.
    const char* junk = "+5";
    CHECK(simple_strtoul(junk, &end, 10) == 0);
    CHECK(end == junk);
    CHECK(simple_strtoul(" 5", nullptr, 10) == 0);
    // "0x" and no hex digit: octal 0, stopping at the x.
    const char* ox = "0xg";
    CHECK(simple_strtoull(ox, &end, 0) == 0);
    CHECK(end == ox + 1);
    // Overflow wraps silently.
    CHECK(simple_strtoull("18446744073709551616", nullptr, 10) == 0);
}

TEST_CASE("kstrto*_from_user: copies at most the longest spelling; -EFAULT from a kernel thread's view",
          "[kernel][kstrtox]") {
    int rc_ok = 1, rc_nul = 1, rc_long = 1, rc_bool = 1;
    int v = 0;
    unsigned long ul = 0;
    bool flag = false;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static const char user_buf[] = "123\n<not part of it>";
        rc_ok = kstrtoint_from_user(user_buf, 4, 10, &v);                   // "123\n"
        rc_nul = kstrtoul_from_user("0x2a", 4, 0, &ul);                      // no NUL needed in the buffer
        rc_long = kstrtoint_from_user(user_buf, sizeof user_buf - 1, 10, &v);  // takes the junk too
        rc_bool = kstrtobool_from_user("on\n", 3, &flag);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(rc_ok == 0);
    CHECK(v == 123);
    CHECK(rc_nul == 0);
    CHECK(ul == 42);
    CHECK(rc_long == -EINVAL);
    CHECK(rc_bool == 0);
    CHECK(flag);
}
