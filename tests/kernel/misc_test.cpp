// Misc devices (kernel/misc.cpp, 6.1 drivers/char/misc.c).
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/include/linux/miscdevice.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {
void* g_seen;
int misc_t_open(inode*, file* f) {
    g_seen = f->private_data;
    return 0;
}
const file_operations kFops = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, misc_t_open, nullptr, nullptr};
}  // namespace

TEST_CASE("misc: dynamic minors 127 down, EBUSY for a taken static minor, /dev node with its mode, "
          "private_data is the device at open, gone at deregister",
          "[kernel][misc]") {
    miscdevice a{}, b{}, c{}, d{};
    int rb = 0, rd = 0, after = 0;
    unsigned mode = 0;
    std::string proc;
    g_seen = nullptr;
    auto r = run_guest(default_config(1), [&](Machine&) {
        a = {MISC_DYNAMIC_MINOR, "ma", &kFops, {}, nullptr, nullptr, nullptr, nullptr, 0};
        b = {MISC_DYNAMIC_MINOR, "mb", &kFops, {}, nullptr, nullptr, nullptr, "sub/mb", 0640};
        c = {130, "mc", &kFops, {}, nullptr, nullptr, nullptr, nullptr, 0};
        d = {130, "md", &kFops, {}, nullptr, nullptr, nullptr, nullptr, 0};
        REQUIRE(misc_register(&a) == 0);
        rb = misc_register(&b);
        REQUIRE(misc_register(&c) == 0);
        rd = misc_register(&d);
        sys_stat_mode("/dev/sub/mb", mode);
        int fd = sys_open("/dev/ma", 0);
        sys_close(fd);
        fd = sys_open("/proc/misc", 0);
        char buf[128];
        long n = sys_read(fd, buf, sizeof buf);
        proc.assign(buf, static_cast<std::size_t>(n > 0 ? n : 0));
        sys_close(fd);
        misc_deregister(&a);
        after = sys_open("/dev/ma", 0);
        misc_deregister(&b);
        misc_deregister(&c);
        return 0;
    });
    INFO(r.console);
    CHECK(a.minor == 127);
    CHECK(rb == 0);
    CHECK(b.minor == 126);
    CHECK(rd == -EBUSY);
    CHECK(mode == 020640);
    CHECK(g_seen == &a);
    CHECK(proc == "130 mc\n126 mb\n127 ma\n");
    CHECK(after == -ENOENT);
}
