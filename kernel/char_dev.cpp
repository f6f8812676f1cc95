// Mirrors fs/char_dev.c and the slice of the VFS a character driver sees:
// device number regions, cdevs, /dev nodes made with mknod, and the open /
// ioctl / read / write / release calls of user programs, run in the calling
// process's context. ENXIO for a node without a driver, ENOTTY for a driver
// without the ioctl, module references while a file is open.
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

OpenFile* lookup_fd(int fd) {
    Task* t = this_cpu().curr;
    auto& table = vfs(this_kernel()).fds[t];
    auto it = table.find(fd);
    return it == table.end() ? nullptr : it->second.get();
}

}  // namespace

int sys_mknod(const std::string& path, char type, unsigned major, unsigned minor) {
    Kernel& k = this_kernel();
    Vfs& v = vfs(k);
    if (v.nodes.count(path)) return -EEXIST;
    auto node = std::make_unique<DevNode>();
    node->type = type;
    node->dev = mkdev(major, minor);
    node->ino.i_rdev = node->dev;
    node->ino.i_mode = 0020000;  // S_IFCHR
    v.nodes[path] = std::move(node);
    return 0;
}

int sys_open(const std::string& path, int flags) {
    Kernel& k = this_kernel();
    Vfs& v = vfs(k);
    auto it = v.nodes.find(path);
    if (it == v.nodes.end()) return -ENOENT;
    DevNode* node = it->second.get();
    auto of = std::make_unique<OpenFile>();
    of->node = node;
    of->f.f_flags = static_cast<unsigned>(flags);
    of->f.f_mode = (flags & 3) == O_WRONLY ? FMODE_WRITE : (flags & 3) == O_RDWR ? FMODE_READ | FMODE_WRITE : FMODE_READ;
    of->f.f_inode = &node->ino;
    if (node->type == 'c') {
        cdev* c = find_cdev(k, node->dev);
        if (!c) return -ENXIO;
        node->ino.i_cdev = c;
        of->f.f_op = c->ops;
        of->owner = c->ops ? c->ops->owner : nullptr;
        if (of->owner && !try_module_get(of->owner)) return -ENXIO;
        if (of->f.f_op && of->f.f_op->open) {
            int ret = of->f.f_op->open(&node->ino, &of->f);
            if (ret < 0) {
                if (of->owner) module_put(of->owner);
                return ret;
            }
        }
    }
    auto& table = v.fds[this_cpu().curr];
    int fd = 3;
    while (table.count(fd)) ++fd;
    table[fd] = std::move(of);
    return fd;
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg) {
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    if (!of->f.f_op || !of->f.f_op->unlocked_ioctl) return -ENOTTY;
    return of->f.f_op->unlocked_ioctl(&of->f, cmd, arg);
}

long sys_read(int fd, char* buf, unsigned long n) {
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    if (of->node->type == 'n') return 0;
    if (!of->f.f_op || !of->f.f_op->read) return -EINVAL;
    return of->f.f_op->read(&of->f, buf, n, &of->f.f_pos);
}

long sys_write(int fd, const char* buf, unsigned long n) {
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    if (of->node->type == 'n') return static_cast<long>(n);
    if (!of->f.f_op || !of->f.f_op->write) return -EINVAL;
    return of->f.f_op->write(&of->f, buf, n, &of->f.f_pos);
}

int sys_close(int fd) {
    Task* t = this_cpu().curr;
    auto& table = vfs(this_kernel()).fds[t];
    auto it = table.find(fd);
    if (it == table.end()) return -EBADF;
    std::unique_ptr<OpenFile> of = std::move(it->second);
    table.erase(it);
    if (of->f.f_op && of->f.f_op->release) of->f.f_op->release(of->f.f_inode, &of->f);
    if (of->owner) module_put(of->owner);
    return 0;
}

void close_all_files(Task* t) {
    Kernel& k = *t->kernel;
    auto it = vfs(k).fds.find(t);
    if (it == vfs(k).fds.end()) return;
    std::vector<int> fds;
    for (auto& [fd, of] : it->second) fds.push_back(fd);
    for (int fd : fds) sys_close(fd);
    vfs(k).fds.erase(t);
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

emu_loff_t no_llseek(struct file*, emu_loff_t, int) { return -ESPIPE; }
emu_loff_t noop_llseek(struct file* f, emu_loff_t, int) { return f->f_pos; }
emu_loff_t default_llseek(struct file* f, emu_loff_t off, int whence) {
    if (whence == SEEK_SET) f->f_pos = off;
    else if (whence == SEEK_CUR) f->f_pos += off;
    else return -EINVAL;
    return f->f_pos;
}
int nonseekable_open(struct inode*, struct file*) { return 0; }

// linux/device.h's `struct class` cannot be named in C++; the C ABI only sees pointers.
struct EmuClass {
    const char* name;
};
struct EmuDevice {
    unsigned int devt;
};
void* __emu_class_create(const char* name) { return new EmuClass{name}; }
void class_destroy(void* cls) { delete static_cast<EmuClass*>(cls); }
void* device_create(void*, void*, unsigned int devt, void*, const char* fmt, ...) {
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    sys_mknod(std::string("/dev/") + name, 'c', major_of(devt), minor_of(devt));
    return new EmuDevice{devt};
}
void device_destroy(void*, unsigned int devt) {
    Vfs& v = vfs(this_kernel());
    for (auto it = v.nodes.begin(); it != v.nodes.end(); ++it)
        if (it->second->type == 'c' && it->second->dev == devt) {
            v.nodes.erase(it);
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

size_t strscpy(char* dest, const char* src, size_t count) {
    if (!count) return static_cast<size_t>(-E2BIG);
    size_t n = std::strlen(src);
    if (n >= count) {
        std::memcpy(dest, src, count - 1);
        dest[count - 1] = 0;
        return static_cast<size_t>(-E2BIG);
    }
    std::memcpy(dest, src, n + 1);
    return n;
}
size_t strlcpy(char* dest, const char* src, size_t size) {
    size_t n = std::strlen(src);
    if (size) {
        size_t c = n >= size ? size - 1 : n;
        std::memcpy(dest, src, c);
        dest[c] = 0;
    }
    return n;
}

}  // extern "C"
