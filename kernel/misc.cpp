// Mirrors drivers/char/misc.c (6.1): misc devices share major 10; a dynamic
// minor is the highest free one below 128 (127 first); a static minor
// already taken is EBUSY. Registration makes the device (and so the /dev
// node, named by nodename or name, with the device's mode, as misc_devnode()
// tells devtmpfs); opening the node finds the device by minor, puts it in
// file->private_data and switches to its fops (misc_open()). /proc/misc
// lists them newest first.
#include "kernel/bug.hpp"
#include "kernel/char_dev.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/device.h"
#include "kernel/include/linux/err.h"
#include "kernel/include/linux/miscdevice.h"
#include "kernel/include/linux/seq_file.h"

#include <fmt/format.h>

namespace emu::kern {
namespace {

constexpr int kDynamicMinors = 128;
constexpr unsigned kMiscMajor = 10;

MiscState& misc_state() { return vfs(this_kernel()).misc; }

bool minor_bit(const MiscState& s, int i) { return (s.dynamic_used[i / 64] >> (i % 64)) & 1; }
void set_minor_bit(MiscState& s, int i, bool on) {
    if (on) s.dynamic_used[i / 64] |= 1ull << (i % 64);
    else s.dynamic_used[i / 64] &= ~(1ull << (i % 64));
}

int misc_open(inode* ino, file* f) {
    MiscState& s = misc_state();
    unsigned minor = iminor(ino);
    miscdevice* c = nullptr;
    const file_operations* new_fops = nullptr;
    for (list_head* pos = s.list.next; pos != &s.list; pos = pos->next) {
        auto* iter = reinterpret_cast<miscdevice*>(reinterpret_cast<char*>(pos) - offsetof(miscdevice, list));
        if (iter->minor != static_cast<int>(minor)) continue;
        c = iter;
        new_fops = fops_get(iter->fops);
        break;
    }
    if (!new_fops) return -ENODEV;
    // The device is the file's private data before the driver's open runs.
    f->private_data = c;
    fops_put(f->f_op);
    f->f_op = new_fops;
    return f->f_op->open ? f->f_op->open(ino, f) : 0;
}

const file_operations kMiscFops = {
    .owner = nullptr,
    .llseek = noop_llseek,
    .read = nullptr,
    .write = nullptr,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .open = misc_open,
    .flush = nullptr,
    .release = nullptr,
};

std::string proc_misc(Kernel& k) {
    std::string out;
    MiscState& s = vfs(k).misc;
    for (list_head* pos = s.list.next; pos != &s.list; pos = pos->next) {
        auto* c = reinterpret_cast<miscdevice*>(reinterpret_cast<char*>(pos) - offsetof(miscdevice, list));
        out += fmt::format("{:>3} {}\n", c->minor, c->name ? c->name : "");
    }
    return out;
}

__attribute__((noinline)) std::uintptr_t caller_pc() {
    return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
}

}  // namespace

void misc_init(Kernel& k) {
    MiscState& s = vfs(k).misc;
    INIT_LIST_HEAD(&s.list);
    kernfs_create_text(kernfs_lookup(k, "/proc"), "misc", 0444, [&k] { return proc_misc(k); });
    register_chrdev_boot(k, kMiscMajor, "misc", &kMiscFops, &s.chrdev);
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

int misc_register(struct miscdevice* misc) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    MiscState& s = misc_state();
    bool is_dynamic = misc->minor == MISC_DYNAMIC_MINOR;
    INIT_LIST_HEAD(&misc->list);
    if (is_dynamic) {
        int i = 0;
        while (i < kDynamicMinors && minor_bit(s, i)) ++i;
        if (i >= kDynamicMinors) return -EBUSY;
        misc->minor = kDynamicMinors - i - 1;
        set_minor_bit(s, i, true);
    } else {
        for (list_head* pos = s.list.next; pos != &s.list; pos = pos->next) {
            auto* c = reinterpret_cast<miscdevice*>(reinterpret_cast<char*>(pos) - offsetof(miscdevice, list));
            if (c->minor == misc->minor) return -EBUSY;
        }
    }
    unsigned dev = MKDEV(kMiscMajor, static_cast<unsigned>(misc->minor));
    if (!s.cls) s.cls = class_create(nullptr, "misc");  // kernel/device.cpp
    void* d = device_create(static_cast<emu_class*>(s.cls), misc->parent, dev, misc, "%s", misc->name);
    if (IS_ERR(d)) {
        if (is_dynamic) {
            int i = kDynamicMinors - misc->minor - 1;
            if (i < kDynamicMinors && i >= 0) set_minor_bit(s, i, false);
            misc->minor = MISC_DYNAMIC_MINOR;
        }
        return static_cast<int>(PTR_ERR(d));
    }
    misc->this_device = static_cast<struct device*>(d);
    // misc_devnode(): the node's name and mode come from the miscdevice.
    if (misc->nodename || misc->mode) {
        devtmpfs_delete_node(k, dev);
        devtmpfs_create_node(k, misc->nodename ? misc->nodename : misc->name, misc->mode, dev);
    }
    // At the front, so that later devices can "override" earlier defaults.
    list_add(&misc->list, &s.list);
    return 0;
}

void misc_deregister(struct miscdevice* misc) {
    Kernel& k = this_kernel();
    MiscState& s = misc_state();
    int i = kDynamicMinors - misc->minor - 1;
    if (list_empty(&misc->list)) {
        warn_report(k, "drivers/char/misc.c", 228, caller_pc(), "");
        return;
    }
    list_del(&misc->list);
    device_destroy(static_cast<emu_class*>(s.cls), MKDEV(kMiscMajor, static_cast<unsigned>(misc->minor)));
    if (i < kDynamicMinors && i >= 0) set_minor_bit(s, i, false);
}

}  // extern "C"
