// The machine's names (6.1 include/linux/utsname.h, init/version.c): what
// uname(2) would return on emu's machine.
#include "tests/support/guest.hpp"

#include "kernel/include/generated/utsrelease.h"
#include "kernel/include/linux/utsname.h"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("utsname: Linux, UTS_RELEASE, the banner's version, x86_64, (none)", "[kernel][utsname]") {
    new_utsname* u = init_utsname();
    CHECK(std::string(u->sysname) == "Linux");
    CHECK(std::string(u->release) == UTS_RELEASE);
    CHECK(std::string(u->release) == "6.1.0-emu");
    CHECK(std::string(u->version) == "#1 SMP PREEMPT_DYNAMIC");
    CHECK(std::string(u->machine) == "x86_64");
    CHECK(std::string(u->nodename) == "(none)");
    CHECK(std::string(u->domainname) == "(none)");
    CHECK(utsname() == u);
    STATIC_REQUIRE(sizeof(u->nodename) == __NEW_UTS_LEN + 1);
}
