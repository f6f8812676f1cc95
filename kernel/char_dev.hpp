#pragma once
// Character devices, device nodes and open files (fs/char_dev.c, a sliver of
// the VFS), plus the loaded-module registry they share (kernel/module.cpp).
#include "kernel/kernel.hpp"
#include "kernel/include/linux/cdev.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace emu::kern {

struct DevNode {
    char type = 'c';  // 'c' character device, 'n' the null device
    unsigned int dev = 0;
    inode ino{};
};

struct OpenFile {
    file f{};
    DevNode* node = nullptr;
    struct module* owner = nullptr;
};

struct ChrdevRegion {
    unsigned int major, baseminor, count;
    std::string name;
    cdev* internal = nullptr;  // register_chrdev()'s own cdev
};

struct Vfs {
    std::map<std::string, std::unique_ptr<DevNode>> nodes;   // "/dev/deferred" -> node
    std::vector<ChrdevRegion> regions;
    std::vector<cdev*> cdevs;                                // cdev_add()ed
    std::map<Task*, std::map<int, std::unique_ptr<OpenFile>>> fds;
};

Vfs& vfs(Kernel& k);
// System calls behind the user programs' open/ioctl/read/write/close; negative errno on failure.
int sys_open(const std::string& path, int flags);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
long sys_read(int fd, char* buf, unsigned long n);
long sys_write(int fd, const char* buf, unsigned long n);
int sys_close(int fd);
void close_all_files(Task* t);
int sys_mknod(const std::string& path, char type, unsigned major, unsigned minor);

}  // namespace emu::kern
