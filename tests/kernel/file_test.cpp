// An open file's path (6.1 struct file's f_path, linux/dcache.h's d_name and
// d_inode) and references by descriptor (6.1 include/linux/file.h: fget, fput,
// fdget, fdput) for files emu opens (kernel/kernfs.cpp).
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/include/linux/debugfs.h"
#include "kernel/include/linux/file.h"
#include "kernel/include/linux/fs.h"
#include "kernel/include/linux/proc_fs.h"

#include <catch2/catch.hpp>

#include <string>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {
std::string g_seen;
inode* g_inode;
int g_released;
emu_ssize_t named_read(file* f, char*, size_t, emu_loff_t*) {
    const qstr& n = f->f_path.dentry->d_name;
    g_seen = std::string(reinterpret_cast<const char*>(n.name), n.len);
    g_inode = f->f_path.dentry->d_inode;
    return 0;
}
int counted_release(inode*, file*) {
    ++g_released;
    return 0;
}
const proc_ops kNamed = {.proc_flags = 0, .proc_open = nullptr, .proc_read = named_read, .proc_read_iter = nullptr,
                         .proc_write = nullptr, .proc_lseek = nullptr, .proc_release = counted_release,
                         .proc_poll = nullptr, .proc_ioctl = nullptr, .proc_compat_ioctl = nullptr,
                         .proc_mmap = nullptr, .proc_get_unmapped_area = nullptr};
}  // namespace

TEST_CASE("f_path.dentry names the opened file and leads to its inode (LKMPG procfs1.c)", "[kernel][file]") {
    bool same_inode = false, parent_named = false, debugfs_inode = false;
    g_seen.clear();
    run_guest(default_config(1), [&](Machine&) {
        proc_dir_entry* dir = proc_mkdir("h8dir", nullptr);
        proc_create("helloworld", 0644, dir, &kNamed);
        int fd = sys_open("/proc/h8dir/helloworld", 0);
        char c;
        sys_read(fd, &c, 1);
        file* f = fget(static_cast<unsigned>(fd));
        same_inode = f && g_inode == file_inode(f) && d_inode(file_dentry(f)) == f->f_inode;
        const qstr& pn = f->f_path.dentry->d_parent->d_name;
        parent_named = std::string(reinterpret_cast<const char*>(pn.name), pn.len) == "h8dir";
        fput(f);
        sys_close(fd);
        proc_remove(dir);
        // debugfs's dentries are the same objects: d_inode->i_private is the data.
        static int value;
        dentry* d = debugfs_create_file("h8file", 0444, nullptr, &value, nullptr);
        debugfs_inode = d && d->d_inode && d->d_inode->i_private == &value && d->d_name.len == 6;
        debugfs_remove(d);
        return 0;
    });
    CHECK(g_seen == "helloworld");
    CHECK(same_inode);
    CHECK(parent_named);
    CHECK(debugfs_inode);
}

TEST_CASE("fget/fput and fdget/fdput: a reference keeps the file open after close", "[kernel][file]") {
    int released_after_close = -1, released_after_fput = -1, released_fdput = -1;
    bool bad_fd_null = false;
    g_released = 0;
    run_guest(default_config(1), [&](Machine&) {
        proc_create("h8ref", 0644, nullptr, &kNamed);
        int fd = sys_open("/proc/h8ref", 0);
        file* f = fget(static_cast<unsigned>(fd));
        sys_close(fd);
        released_after_close = g_released;
        fput(f);
        released_after_fput = g_released;
        fd = sys_open("/proc/h8ref", 0);
        struct fd fdv = fdget(static_cast<unsigned>(fd));
        bad_fd_null = fdget(999).file == nullptr;
        sys_close(fd);
        fdput(fdv);
        released_fdput = g_released;
        remove_proc_entry("h8ref", nullptr);
        return 0;
    });
    CHECK(released_after_close == 0);
    CHECK(released_after_fput == 1);
    CHECK(bad_fd_null);
    CHECK(released_fdput == 2);
}
