#pragma once
// Character devices (fs/char_dev.c), plus the loaded-module registry they
// share (kernel/module.cpp). Device nodes, open files and the system calls
// are kernel/kernfs.hpp's.
#include "kernel/kernel.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/include/linux/cdev.h"

#include <string>
#include <vector>

namespace emu::kern {

struct ChrdevRegion {
    unsigned int major, baseminor, count;
    std::string name;
    cdev* internal = nullptr;  // register_chrdev()'s own cdev
};

// drivers/char/misc.c's state.
struct MiscState {
    list_head list{};                // registered miscdevices, newest first
    std::uint64_t dynamic_used[2]{};  // DYNAMIC_MINORS (128) bits: bit i is minor 127 - i
    cdev chrdev{};                    // major 10's cdev (misc_fops)
    void* cls = nullptr;              // the "misc" class, made at the first registration
};

struct Vfs {
    std::vector<ChrdevRegion> regions;
    std::vector<cdev*> cdevs;  // cdev_add()ed
    Kernfs fs;                 // the file tree and the open files
    MiscState misc;
};

Vfs& vfs(Kernel& k);
// def_chr_fops.open: finds the cdev of inode->i_rdev and switches the file to its operations.
int chrdev_open(inode* ino, file* filp);
// register_chrdev() for the kernel's own drivers at boot (no CPU runs yet).
int register_chrdev_boot(Kernel& k, unsigned major, const char* name, const file_operations* fops, cdev* c);
// drivers/char/misc.c: major 10 and /proc/misc (kernel/misc.cpp).
void misc_init(Kernel& k);

}  // namespace emu::kern
