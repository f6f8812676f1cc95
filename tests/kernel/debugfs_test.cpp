// debugfs (kernel/debugfs.cpp, 6.1 fs/debugfs/file.c + fs/libfs.c simple_attr).
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/include/linux/debugfs.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <map>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {
std::string cat(const char* path) {
    int fd = sys_open(path, 0);
    if (fd < 0) return "error " + std::to_string(fd);
    char buf[64];
    long n = sys_read(fd, buf, sizeof buf);
    sys_close(fd);
    return n < 0 ? "error " + std::to_string(n) : std::string(buf, static_cast<std::size_t>(n));
}
long put(const char* path, const char* text) {
    int fd = sys_open(path, 1);
    if (fd < 0) return fd;
    long n = sys_write(fd, text, std::strlen(text));
    sys_close(fd);
    return n;
}
}  // namespace

TEST_CASE("debugfs: value files print with 6.1's formats and parse as kstrtoull/kstrtobool", "[kernel][debugfs]") {
    std::map<std::string, std::string> out;
    long bad_bool = 0, ro_write = 0, big_u8 = 0;
    u8 v8 = 200;
    u16 x16 = 0xab;
    atomic_t at{-5};
    bool flag = true;
    u64 big = 18446744073709551615ull;
    auto r = run_guest(default_config(1), [&](Machine&) {
        dentry* d = debugfs_create_dir("t", nullptr);
        debugfs_create_u8("u8", 0644, d, &v8);
        debugfs_create_x16("x16", 0444, d, &x16);
        debugfs_create_atomic_t("at", 0644, d, &at);
        debugfs_create_bool("flag", 0600, d, &flag);
        debugfs_create_u64("u64", 0644, d, &big);
        out["u8"] = cat("/sys/kernel/debug/t/u8");
        out["x16"] = cat("/sys/kernel/debug/t/x16");
        out["at"] = cat("/sys/kernel/debug/t/at");
        out["flag"] = cat("/sys/kernel/debug/t/flag");
        out["u64"] = cat("/sys/kernel/debug/t/u64");
        bad_bool = put("/sys/kernel/debug/t/flag", "maybe\n");
        out["flag2"] = cat("/sys/kernel/debug/t/flag");
        ro_write = put("/sys/kernel/debug/t/x16", "1\n");
        big_u8 = put("/sys/kernel/debug/t/u8", "300\n");
        out["u8b"] = cat("/sys/kernel/debug/t/u8");
        debugfs_remove(d);
        out["gone"] = cat("/sys/kernel/debug/t/u8");
        return 0;
    });
    INFO(r.console);
    CHECK(out["u8"] == "200\n");
    CHECK(out["x16"] == "0x00ab\n");
    CHECK(out["at"] == "-5\n");
    CHECK(out["flag"] == "Y\n");
    CHECK(out["u64"] == "18446744073709551615\n");
    CHECK(bad_bool == 6);  // ignored, but the write "succeeds"
    CHECK(out["flag2"] == "Y\n");
    CHECK(ro_write == -EACCES);
    CHECK(big_u8 == 4);
    CHECK(out["u8b"] == "44\n");  // truncated to u8, as 6.1's set does
    CHECK(out["gone"] == "error " + std::to_string(-ENOENT));
}

TEST_CASE("debugfs: a file removed while open fails with EIO", "[kernel][debugfs]") {
    long after = 0;
    u32 v = 1;
    auto r = run_guest(default_config(1), [&](Machine&) {
        debugfs_create_u32("v", 0644, nullptr, &v);  // void in 6.1
        int fd = sys_open("/sys/kernel/debug/v", 0);
        debugfs_lookup_and_remove("v", nullptr);
        char c[8];
        after = sys_read(fd, c, sizeof c);
        sys_close(fd);
        return 0;
    });
    INFO(r.console);
    CHECK(after == -EIO);
}
