// Mirrors fs/char_dev.c: device number regions, cdevs, and chrdev_open(),
// which gives a file opened on a device node its driver's operations
// (ENXIO for a node without a driver; the file holds a reference on the
// driver's module while open).
#include "kernel/char_dev.hpp"

#include "kernel/bug.hpp"
#include "kernel/module.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/uaccess.h"

#include <cstring>

namespace emu::kern {

Vfs& vfs(Kernel& k) { return *k.vfs; }

namespace {

constexpr unsigned kMinorBits = 20;
unsigned major_of(unsigned dev) { return dev >> kMinorBits; }
unsigned minor_of(unsigned dev) { return dev & ((1u << kMinorBits) - 1); }
unsigned mkdev(unsigned ma, unsigned mi) { return (ma << kMinorBits) | mi; }

bool overlaps(const ChrdevRegion& r, unsigned major, unsigned minor, unsigned count) {
    return r.major == major && minor < r.baseminor + r.count && r.baseminor < minor + count;
}

int reserve(Kernel& k, unsigned major, unsigned baseminor, unsigned count, const char* name) {
    Vfs& v = vfs(k);
    if (major == 0) {
        // Dynamic majors: 254 down to 234, as Linux's CHRDEV_MAJOR_DYN_END..MAX.
        for (unsigned m = 254; m >= 234 && !major; --m) {
            bool used = false;
            for (auto& r : v.regions) used = used || r.major == m;
            if (!used) major = m;
        }
        if (!major) return -EBUSY;
    }
    for (auto& r : v.regions)
        if (overlaps(r, major, baseminor, count)) return -EBUSY;
    v.regions.push_back({major, baseminor, count, name ? name : ""});
    return static_cast<int>(major);
}

cdev* find_cdev(Kernel& k, unsigned dev) {
    for (cdev* c : vfs(k).cdevs)
        if (dev >= c->dev && dev < c->dev + c->count) return c;
    return nullptr;
}

}  // namespace

int register_chrdev_boot(Kernel& k, unsigned major, const char* name, const file_operations* fops, cdev* c) {
    int r = reserve(k, major, 0, 256, name);
    if (r < 0) return r;
    *c = cdev{};
    INIT_LIST_HEAD(&c->list);
    c->ops = fops;
    c->dev = mkdev(major, 0);
    c->count = 256;
    c->added = 1;
    vfs(k).cdevs.push_back(c);
    return 0;
}

int chrdev_open(inode* ino, file* filp) {
    cdev* c = find_cdev(this_kernel(), ino->i_rdev);
    if (!c) return -ENXIO;
    ino->i_cdev = c;
    const file_operations* fops = fops_get(c->ops);
    if (!fops) return -ENXIO;
    fops_put(filp->f_op);
    filp->f_op = fops;
    return fops->open ? fops->open(ino, filp) : 0;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

int register_chrdev_region(unsigned int from, unsigned count, const char* name) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    int r = reserve(k, major_of(from), minor_of(from), count, name);
    return r < 0 ? r : 0;
}

int alloc_chrdev_region(unsigned int* dev, unsigned baseminor, unsigned count, const char* name) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    int r = reserve(k, 0, baseminor, count, name);
    if (r < 0) return r;
    *dev = mkdev(static_cast<unsigned>(r), baseminor);
    return 0;
}

void unregister_chrdev_region(unsigned int from, unsigned count) {
    Vfs& v = vfs(this_kernel());
    for (auto it = v.regions.begin(); it != v.regions.end(); ++it) {
        if (it->major == major_of(from) && it->baseminor == minor_of(from) && it->count == count) {
            v.regions.erase(it);
            return;
        }
    }
}

void cdev_init(struct cdev* c, const struct file_operations* fops) {
    std::memset(c, 0, sizeof *c);
    INIT_LIST_HEAD(&c->list);
    c->ops = fops;
}

struct cdev* cdev_alloc(void) {
    auto* c = static_cast<struct cdev*>(__kmalloc(sizeof(struct cdev), GFP_KERNEL | __GFP_ZERO));
    if (c) INIT_LIST_HEAD(&c->list);
    return c;
}

int cdev_add(struct cdev* c, unsigned int dev, unsigned count) {
    Vfs& v = vfs(this_kernel());
    c->dev = dev;
    c->count = count;
    c->added = 1;
    v.cdevs.push_back(c);
    return 0;
}

void cdev_del(struct cdev* c) {
    Vfs& v = vfs(this_kernel());
    std::erase(v.cdevs, c);
    c->added = 0;
}

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char* name,
                      const struct file_operations* fops) {
    Kernel& k = this_kernel();
    int r = reserve(k, major, baseminor, count, name);
    if (r < 0) return r;
    auto* c = new struct cdev;
    cdev_init(c, fops);
    c->owner = fops ? fops->owner : nullptr;
    cdev_add(c, mkdev(static_cast<unsigned>(r), baseminor), count);
    vfs(k).regions.back().internal = c;
    return major ? 0 : r;
}

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char*) {
    Vfs& v = vfs(this_kernel());
    for (auto it = v.regions.begin(); it != v.regions.end(); ++it) {
        if (it->major != major || it->baseminor != baseminor || it->count != count) continue;
        if (it->internal) {
            cdev_del(it->internal);
            delete it->internal;
        }
        v.regions.erase(it);
        return;
    }
}

// User memory: a user process's pointers are reachable; kernel threads have no user memory.
static bool user_ok(const void* p, unsigned long n) {
    Task* t = this_cpu().curr;
    auto a = reinterpret_cast<std::uintptr_t>(p);
    return !t->is_kthread() && a >= 4096 && a + n >= a;
}
unsigned long copy_to_user(void* to, const void* from, unsigned long n) {
    charge(this_kernel().cfg.costs.api_call + n / 8);
    if (!user_ok(to, n)) return n;
    std::memcpy(to, from, n);
    return 0;
}
unsigned long copy_from_user(void* to, const void* from, unsigned long n) {
    charge(this_kernel().cfg.costs.api_call + n / 8);
    if (!user_ok(from, n)) return n;
    std::memcpy(to, from, n);
    return 0;
}
int __emu_get_user(void* dst, const void* src, unsigned long size) { return copy_from_user(dst, src, size) ? -EFAULT : 0; }
int __emu_put_user(void* dst, const void* src, unsigned long size) { return copy_to_user(dst, src, size) ? -EFAULT : 0; }

// pids: a struct pid is the task itself here.
struct pid* find_vpid(int nr) { return reinterpret_cast<struct pid*>(this_kernel().find_task(nr)); }
struct pid* find_get_pid(int nr) {
    Task* t = this_kernel().find_task(nr);
    if (t) refcount_inc(&t->usage);
    return reinterpret_cast<struct pid*>(t);
}
void put_pid(struct pid* pid) {
    if (pid) release_task_ref(reinterpret_cast<Task*>(pid));
}
struct task_struct* pid_task(struct pid* pid, enum pid_type) { return reinterpret_cast<Task*>(pid); }
struct task_struct* get_pid_task(struct pid* pid, enum pid_type) {
    Task* t = reinterpret_cast<Task*>(pid);
    if (t) refcount_inc(&t->usage);
    return t;
}


}  // extern "C"
