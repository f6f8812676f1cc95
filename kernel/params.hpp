#pragma once
// Module parameters for the loader (kernel/params.c) and a loaded module's
// directory /sys/module/NAME (kernel/module/sysfs.c).
#include "kernel/kernel.hpp"
#include "kernel/include/linux/moduleparam.h"

namespace emu::kern {

struct LoadedModule;
struct KernfsNode;

// load_module()'s parse_args() call: the module's arguments against its
// "__param" descriptors, unknown names warned about and ignored; 0 or the
// last error (-errno), each error reported as kernel/params.c reports it.
int module_parse_args(Kernel& k, LoadedModule& m);
// The set operation may run (an "unsafe" parameter taints the kernel, as 6.1 says).
bool param_check_unsafe(const kernel_param* kp);
// destroy_params(): frees what the set operations allocated (charp strings).
void module_destroy_params(LoadedModule& m);

// kernel/params.c's module_param_sysfs_setup(): /sys/module/NAME/parameters/
// under `moddir`, one file per parameter whose mode is not 0.
void param_sysfs_setup(Kernel& k, LoadedModule& m, KernfsNode* moddir);

// /sys/module/NAME: holders/, parameters/ (the params with a non-zero mode),
// initstate, refcnt, taint, coresize, initsize, version, srcversion.
int mod_sysfs_setup(Kernel& k, LoadedModule& m);
void mod_sysfs_teardown(Kernel& k, LoadedModule& m);

}  // namespace emu::kern
