#pragma once
// sysfs (fs/sysfs/) for the kernel's own C++: which directory of this
// machine's /sys a kobject is. A kobject added to sysfs keeps its directory
// in kobj->sd; the global ones (kernel_kobj, ...) and the device model's
// roots stand for fixed directories of whichever machine uses them.
#include "kernel/kernel.hpp"

#include <string>

struct kobject;

namespace emu::kern {

struct KernfsNode;

// printf() into a string, for messages built before they are printed (a WARN's text).
std::string kfmt(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// The top of /sys that the kernel makes at boot: class, devices, firmware,
// hypervisor, kernel/mm, module, power (kset_create_and_add() calls of 6.1's init).
void sysfs_init(Kernel& k);

// kobj's directory, or nullptr if it has none (not added, or removed).
// nullptr for kobj means /sys itself.
KernfsNode* sysfs_dir(Kernel& k, kobject* kobj);
// kernel_kobj and the like: never freed, never counted.
bool is_global_kobj(const kobject* kobj);
// The device model's roots: /sys/class and /sys/devices.
kobject* class_root_kobj();
kobject* devices_root_kobj();

}  // namespace emu::kern
