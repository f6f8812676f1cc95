// The file tree and its system calls (kernel/kernfs.cpp): the errno of each
// step as 6.1's fs/namei.c, fs/open.c, fs/read_write.c and fs/kernfs/file.c
// give it to root.
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"

#include <catch2/catch.hpp>

#include <cstring>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {
constexpr int kRdonly = 0, kWronly = 1, kRdwr = 2, kCreat = 0100, kExcl = 0200, kTrunc = 01000, kAppend = 02000;

std::string read_all(int fd) {
    std::string out;
    char buf[7];  // small reads: the file's position must carry over
    long n;
    while ((n = sys_read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}
}  // namespace

TEST_CASE("kernfs: path walk and open errors (ENOENT, ENOTDIR, EISDIR, EACCES, EROFS, EEXIST)", "[kernel][kernfs]") {
    std::vector<int> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        got.push_back(sys_open("/proc/nope", kRdonly));
        got.push_back(sys_open("/proc/version/x", kRdonly));
        got.push_back(sys_open("/proc", kWronly));
        got.push_back(sys_open("/proc/new", kWronly | kCreat));
        got.push_back(sys_open("/sys/kernel/debug/new", kWronly | kCreat));
        got.push_back(sys_open("/newfile", kWronly | kCreat));
        got.push_back(sys_open("/dev/null", kWronly | kCreat | kExcl));
        int fd = sys_open("/proc", kRdonly);  // a directory opens for reading; read() says what it is
        char c;
        got.push_back(static_cast<int>(sys_read(fd, &c, 1)));
        got.push_back(sys_close(fd));
        got.push_back(sys_close(fd));
        return 0;
    });
    INFO(r.console);
    REQUIRE(got.size() == 10);
    CHECK(got[0] == -ENOENT);
    CHECK(got[1] == -ENOTDIR);
    CHECK(got[2] == -EISDIR);
    CHECK(got[3] == -EACCES);
    CHECK(got[4] == -EACCES);
    CHECK(got[5] == -EROFS);
    CHECK(got[6] == -EEXIST);
    CHECK(got[7] == -EISDIR);
    CHECK(got[8] == 0);
    CHECK(got[9] == -EBADF);
}

TEST_CASE("kernfs: /dev is a tmpfs: files made by O_CREAT keep their bytes; O_TRUNC, O_APPEND, lseek", "[kernel][kernfs]") {
    std::string first, appended, truncated;
    long long seek = 0, seek_bad = 0;
    long null_read = 1, null_write = 0, wrong_mode = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int fd = sys_open("/dev/scratch", kWronly | kCreat | kTrunc);
        sys_write(fd, "hello world\n", 12);
        wrong_mode = sys_read(fd, nullptr, 0);
        sys_close(fd);
        fd = sys_open("/dev/scratch", kRdonly);
        first = read_all(fd);
        seek = sys_lseek(fd, 6, 0);
        seek_bad = sys_lseek(fd, -1, 0);
        sys_close(fd);
        fd = sys_open("/dev/scratch", kWronly | kAppend);
        sys_write(fd, "again\n", 6);
        sys_close(fd);
        fd = sys_open("/dev/scratch", kRdonly);
        appended = read_all(fd);
        sys_close(fd);
        fd = sys_open("/dev/scratch", kRdwr | kTrunc);
        sys_write(fd, "x", 1);
        sys_lseek(fd, 0, 0);
        truncated = read_all(fd);
        sys_close(fd);
        fd = sys_open("/dev/null", kRdwr);
        char b[4];
        null_read = sys_read(fd, b, 4);
        null_write = sys_write(fd, "abcd", 4);
        sys_close(fd);
        return 0;
    });
    INFO(r.console);
    CHECK(first == "hello world\n");
    CHECK(wrong_mode == -EBADF);
    CHECK(seek == 6);
    CHECK(seek_bad == -EINVAL);
    CHECK(appended == "hello world\nagain\n");
    CHECK(truncated == "x");
    CHECK(null_read == 0);
    CHECK(null_write == 4);
}

TEST_CASE("kernfs: sysfs attributes: show at the first read, store gets at most a page, EACCES without "
          "write bits (even for root), ENODEV once removed (fs/kernfs/file.c)",
          "[kernel][kernfs]") {
    int open_ro_for_write = 0, shows = 0;
    std::string text, stored;
    long wrote = 0, after_remove = 0, big = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        Kernel& k = this_kernel();
        KernfsNode* dir = kernfs_mkdir_p(k, "/sys/module/demo/parameters");
        REQUIRE(!IS_ERR(dir));
        kernfs_create_attr(dir, "ro", 0444, {.show = [&](char* page) { ++shows; return long(std::sprintf(page, "Y\n")); }});
        kernfs_create_attr(dir, "rw", 0644,
                           {.show = [&](char* page) { return long(std::sprintf(page, "%s", stored.c_str())); },
                            .store = [&](const char* buf, std::size_t len) { stored.assign(buf, len); return long(len); }});
        open_ro_for_write = sys_open("/sys/module/demo/parameters/ro", kWronly);
        int fd = sys_open("/sys/module/demo/parameters/ro", kRdonly);
        text = read_all(fd);
        sys_close(fd);
        fd = sys_open("/sys/module/demo/parameters/rw", kWronly);
        wrote = sys_write(fd, "42\n", 3);
        std::string huge(5000, 'x');
        big = sys_write(fd, huge.data(), huge.size());
        kernfs_remove(kernfs_lookup(k, "/sys/module/demo"));
        after_remove = sys_write(fd, "1", 1);
        sys_close(fd);
        return 0;
    });
    INFO(r.console);
    CHECK(open_ro_for_write == -EACCES);
    CHECK(text == "Y\n");
    CHECK(shows == 1);
    CHECK(wrote == 3);
    CHECK(big == 4096);
    CHECK(stored.size() == 4096);
    CHECK(after_remove == -ENODEV);
}

TEST_CASE("kernfs: a /dev file written far past its end gets ENOSPC, not the host's memory", "[kernel][kernfs]") {
    long far = 0, near = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int fd = sys_open("/dev/scratch", kRdwr | kCreat);
        sys_lseek(fd, 1LL << 40, 0 /* SEEK_SET */);
        far = sys_write(fd, "a", 1);
        sys_lseek(fd, 4096, 0);
        near = sys_write(fd, "b", 1);
        sys_close(fd);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(far == -ENOSPC);
    CHECK(near == 1);
}
