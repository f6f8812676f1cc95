// /proc entries (kernel/proc_fs.cpp, 6.1 fs/proc/generic.c and inode.c).
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/include/linux/proc_fs.h"
#include "kernel/include/linux/seq_file.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {
int g_released;
int rel(inode*, file*) {
    ++g_released;
    return 0;
}
const proc_ops kNoRead = {.proc_flags = 0, .proc_open = nullptr, .proc_read = nullptr, .proc_read_iter = nullptr,
                          .proc_write = nullptr, .proc_lseek = nullptr, .proc_release = rel, .proc_poll = nullptr,
                          .proc_ioctl = nullptr, .proc_compat_ioctl = nullptr, .proc_mmap = nullptr,
                          .proc_get_unmapped_area = nullptr};
}  // namespace

TEST_CASE("procfs: default mode, no proc_read/write/lseek/ioctl (EIO, ESPIPE, ENOTTY), release at removal",
          "[kernel][proc_fs]") {
    unsigned mode = 0;
    long rd = 0, wr = 0, after = 0;
    long long sk = 0;
    long io = 0;
    int released_at_remove = -1, released_total = -1;
    void* data = nullptr;
    g_released = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int token = 0;
        proc_dir_entry* de = proc_create_data("plain", 0, nullptr, &kNoRead, &token);
        sys_stat_mode("/proc/plain", mode);
        data = pde_data(kernfs_lookup(this_kernel(), "/proc/plain"));
        REQUIRE(data == &token);
        int fd = sys_open("/proc/plain", 2);
        char c;
        rd = sys_read(fd, &c, 1);
        wr = sys_write(fd, "x", 1);
        sk = sys_lseek(fd, 0, 0);
        io = sys_ioctl(fd, 1, 0);
        proc_remove(de);
        released_at_remove = g_released;
        after = sys_read(fd, &c, 1);
        sys_close(fd);
        released_total = g_released;
        return 0;
    });
    INFO(r.console);
    CHECK(mode == 0100444);
    CHECK(rd == -EIO);
    CHECK(wr == -EIO);
    CHECK(sk == -ESPIPE);
    CHECK(io == -ENOTTY);
    CHECK(released_at_remove == 1);
    CHECK(after == -EIO);
    CHECK(released_total == 1);
}

TEST_CASE("procfs: 6.1's warnings: duplicate name, missing parent in a path, non-empty directory removed",
          "[kernel][proc_fs]") {
    bool dup_null = false, sub_ok = false;
    auto r = run_guest(default_config(1), [&](Machine&) {
        proc_dir_entry* d = proc_mkdir("drv", nullptr);
        proc_create_single("drv/stats", 0444, nullptr, [](seq_file* m, void*) { seq_puts(m, "ok\n"); return 0; });
        sub_ok = kernfs_lookup(this_kernel(), "/proc/drv/stats") != nullptr;
        dup_null = proc_mkdir("drv", nullptr) == nullptr;
        proc_mkdir("nodir/x", nullptr);
        remove_proc_entry("drv", nullptr);
        (void)d;
        return 0;
    });
    CHECK(sub_ok);
    CHECK(dup_null);
    CHECK(r.plain.find("proc_dir_entry '/proc/drv' already registered\nWARNING: CPU: 0 PID: ") != std::string::npos);
    CHECK(r.plain.find("at fs/proc/generic.c:376 proc_register+") != std::string::npos);
    CHECK(r.plain.find("name 'nodir/x'\nWARNING: ") != std::string::npos);
    CHECK(r.plain.find("remove_proc_entry: removing non-empty directory '/proc/drv', leaking at least 'stats'\n") !=
          std::string::npos);
}
