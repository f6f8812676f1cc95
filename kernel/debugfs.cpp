// Mirrors fs/debugfs/inode.c and fs/debugfs/file.c (6.1), with fs/libfs.c's
// simple_attr files: debugfs lives at /sys/kernel/debug (a dentry is the
// kernfs node). A name already present is pr_err'd and ERR_PTR(-EEXIST);
// a parent that is an error pointer is handed back; the value helpers return
// nothing (6.1's void API: callers need not check). One-value files print
// with 6.1's formats (u* "%llu\n", x* "0x%0Nllx\n", atomic_t "%lld\n", bool
// "Y\n"/"N\n"); writes parse with kstrtoull/kstrtoll (bool: kstrtobool, and
// a bad value is ignored but the write still succeeds, as 6.1 does). A file
// without write bits has no set (writing it: EACCES), one without read bits
// no get. After debugfs_remove() calls on files still open fail with EIO.
#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/debugfs.h"
#include "kernel/include/linux/err.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/uaccess.h"

#include <cstdio>
#include <cstring>

extern "C" {
int kstrtoull(const char* s, unsigned int base, unsigned long long* res);
int kstrtoll(const char* s, unsigned int base, long long* res);
int kstrtobool(const char* s, bool* res);
}

namespace emu::kern {
namespace {

constexpr unsigned kS_IWUGO = 0222, kS_IRUGO = 0444;

// Error pointers and NULL pass through both unchanged.
KernfsNode* node_of(dentry* d) {
    if (!d || IS_ERR(d)) return reinterpret_cast<KernfsNode*>(d);
    return static_cast<KernfsNode*>(d->d_fsdata);
}
dentry* dentry_of(KernfsNode* n) {
    if (!n || IS_ERR(n)) return reinterpret_cast<dentry*>(n);
    return &n->dent;
}
KernfsNode* debugfs_root() { return kernfs_lookup(this_kernel(), "/sys/kernel/debug"); }
KernfsNode* file_node(const file* f) { return KernfsNode::of(f->f_inode); }

// start_creating(): the parent (NULL: the root), or an error pointer.
KernfsNode* start_creating(const char* name, dentry* parent) {
    if (IS_ERR(parent)) return node_of(parent);
    KernfsNode* p = parent ? node_of(parent) : debugfs_root();
    if (p->removed) return static_cast<KernfsNode*>(ERR_PTR(-ENOENT));
    if (KernfsNode* old = kernfs_find_child(p, name)) {
        Kernel& k = this_kernel();
        const char* pname = p->name.empty() || p == debugfs_root() ? "/" : p->name.c_str();
        if (old->is_dir())
            printk_emit(k, LOGLEVEL_ERR, "debugfs: Directory '%s' with parent '%s' already present!\n", name, pname);
        else
            printk_emit(k, LOGLEVEL_ERR, "debugfs: File '%s' in directory '%s' already present!\n", name, pname);
        return static_cast<KernfsNode*>(ERR_PTR(-EEXIST));
    }
    return p;
}

dentry* create_file(const char* name, umode_t mode, dentry* parent, void* data, const file_operations* fops) {
    charge(this_kernel().cfg.costs.api_call);
    if (!(mode & kS_IFMT)) mode |= kS_IFREG;
    KernfsNode* p = start_creating(name, parent);
    if (IS_ERR(p)) return dentry_of(p);
    KernfsNode* n = kernfs_create_file(p, name, mode, fops, data);
    return dentry_of(n);
}

dentry* create_mode(const char* name, umode_t mode, dentry* parent, void* value, const file_operations* rw,
                    const file_operations* ro, const file_operations* wo) {
    if (!(mode & kS_IWUGO)) return create_file(name, mode, parent, value, ro);
    if (!(mode & kS_IRUGO)) return create_file(name, mode, parent, value, wo);
    return create_file(name, mode, parent, value, rw);
}

// ---- fs/libfs.c simple_attr

struct SimpleAttr {
    int (*get)(void*, u64*);
    int (*set)(void*, u64);
    char get_buf[24];  // a u64 and "\n\0"
    char set_buf[24];
    void* data;
    const char* fmt;
    struct mutex mutex;
};

emu_ssize_t attr_write_xsigned(file* f, const char* buf, size_t len, bool is_signed) {
    auto* attr = static_cast<SimpleAttr*>(f->private_data);
    if (!attr->set) return -EACCES;
    if (int r = mutex_lock_interruptible(&attr->mutex)) return r;
    emu_ssize_t ret = -EFAULT;
    size_t size = std::min(sizeof attr->set_buf - 1, len);
    if (!copy_from_user(attr->set_buf, buf, size)) {
        attr->set_buf[size] = '\0';
        unsigned long long val = 0;
        if (is_signed) {
            long long sv = 0;
            ret = kstrtoll(attr->set_buf, 0, &sv);
            val = static_cast<unsigned long long>(sv);
        } else {
            ret = kstrtoull(attr->set_buf, 0, &val);
        }
        if (!ret) {
            ret = attr->set(attr->data, val);
            if (ret == 0) ret = static_cast<emu_ssize_t>(len);  // the whole input, as 6.1 claims
        }
    }
    mutex_unlock(&attr->mutex);
    return ret;
}

// ---- the value files

template <typename T>
int get_val(void* data, u64* val) {
    *val = static_cast<u64>(*static_cast<T*>(data));
    return 0;
}
template <typename T>
int set_val(void* data, u64 val) {
    *static_cast<T*>(data) = static_cast<T>(val);
    return 0;
}
int get_atomic(void* data, u64* val) {
    *val = static_cast<u64>(static_cast<long long>(atomic_read(static_cast<atomic_t*>(data))));
    return 0;
}
int set_atomic(void* data, u64 val) {
    atomic_set(static_cast<atomic_t*>(data), static_cast<int>(val));
    return 0;
}

template <int (*Get)(void*, u64*), int (*Set)(void*, u64), const char* Fmt>
int attr_open(inode* ino, file* f) {
    return simple_attr_open(ino, f, Get, Set, Fmt);
}

template <int (*Get)(void*, u64*), int (*Set)(void*, u64), const char* Fmt, bool Signed>
constexpr file_operations attr_fops() {
    return file_operations{
        .owner = nullptr,
        .llseek = no_llseek,
        .read = debugfs_attr_read,
        .write = Signed ? debugfs_attr_write_signed : debugfs_attr_write,
        .poll = nullptr,
        .unlocked_ioctl = nullptr,
        .compat_ioctl = nullptr,
        .open = attr_open<Get, Set, Fmt>,
        .flush = nullptr,
        .release = simple_attr_release,
    };
}

// The rw, ro and wo variants of one value type.
template <int (*Get)(void*, u64*), int (*Set)(void*, u64), const char* Fmt, bool Signed = false>
struct ValueFops {
    static constexpr file_operations rw = attr_fops<Get, Set, Fmt, Signed>();
    static constexpr file_operations ro = attr_fops<Get, nullptr, Fmt, Signed>();
    static constexpr file_operations wo = attr_fops<nullptr, Set, Fmt, Signed>();
};

constexpr char kFmtU[] = "%llu\n";
constexpr char kFmtX8[] = "0x%02llx\n";
constexpr char kFmtX16[] = "0x%04llx\n";
constexpr char kFmtX32[] = "0x%08llx\n";
constexpr char kFmtX64[] = "0x%016llx\n";
constexpr char kFmtLld[] = "%lld\n";

template <typename F>
void create_value(const char* name, umode_t mode, dentry* parent, void* value) {
    create_mode(name, mode, parent, value, &F::rw, &F::ro, &F::wo);
}

emu_ssize_t write_file_bool(file* f, const char* ubuf, size_t count, emu_loff_t*) {
    auto* val = static_cast<bool*>(f->private_data);
    char buf[4] = {};
    size_t n = std::min(count, sizeof buf - 1);
    if (copy_from_user(buf, ubuf, n)) return -EFAULT;  // kstrtobool_from_user()
    bool bv;
    if (!kstrtobool(buf, &bv)) {
        if (int r = debugfs_file_get(dentry_of(file_node(f)))) return r;
        *val = bv;
    }
    return static_cast<emu_ssize_t>(count);
}

constexpr file_operations kBoolFops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = debugfs_read_file_bool,
    .write = debugfs_write_file_bool,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .open = simple_open,
    .flush = nullptr,
    .release = nullptr,
};
constexpr file_operations kBoolFopsRo = {nullptr, default_llseek, debugfs_read_file_bool, nullptr, nullptr,
                                          nullptr, nullptr, simple_open, nullptr, nullptr};
constexpr file_operations kBoolFopsWo = {nullptr, default_llseek, nullptr, debugfs_write_file_bool, nullptr,
                                          nullptr, nullptr, simple_open, nullptr, nullptr};

emu_ssize_t write_file_str(file*, const char*, size_t, emu_loff_t*) { return -EINVAL; }  // read-only strings in 6.1

constexpr file_operations kStrFops = {nullptr, default_llseek, debugfs_read_file_str, write_file_str, nullptr,
                                       nullptr, nullptr, simple_open, nullptr, nullptr};
constexpr file_operations kStrFopsRo = {nullptr, default_llseek, debugfs_read_file_str, nullptr, nullptr,
                                         nullptr, nullptr, simple_open, nullptr, nullptr};
constexpr file_operations kStrFopsWo = {nullptr, default_llseek, nullptr, write_file_str, nullptr,
                                         nullptr, nullptr, simple_open, nullptr, nullptr};

emu_ssize_t read_file_blob(file* f, char* ubuf, size_t count, emu_loff_t* ppos) {
    auto* blob = static_cast<debugfs_blob_wrapper*>(f->private_data);
    if (int r = debugfs_file_get(dentry_of(file_node(f)))) return r;
    return simple_read_from_buffer(ubuf, count, ppos, blob->data, blob->size);
}

constexpr file_operations kBlobFops = {nullptr, default_llseek, read_file_blob, nullptr, nullptr,
                                        nullptr, nullptr, simple_open, nullptr, nullptr};

}  // namespace
}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

int simple_attr_open(struct inode* inode, struct file* file, int (*get)(void*, u64*), int (*set)(void*, u64),
                     const char* fmt) {
    auto* attr = static_cast<SimpleAttr*>(__kmalloc(sizeof(SimpleAttr), GFP_KERNEL | __GFP_ZERO));
    if (!attr) return -ENOMEM;
    attr->get = get;
    attr->set = set;
    attr->data = inode->i_private;
    attr->fmt = fmt;
    __mutex_init(&attr->mutex, "&attr->mutex", nullptr);
    file->private_data = attr;
    return nonseekable_open(inode, file);
}

int simple_attr_release(struct inode*, struct file* file) {
    kfree(file->private_data);
    return 0;
}

emu_ssize_t simple_attr_read(struct file* file, char* buf, size_t len, emu_loff_t* ppos) {
    auto* attr = static_cast<SimpleAttr*>(file->private_data);
    if (!attr->get) return -EACCES;
    if (int r = mutex_lock_interruptible(&attr->mutex)) return r;
    emu_ssize_t ret;
    size_t size;
    if (*ppos && attr->get_buf[0]) {
        size = std::strlen(attr->get_buf);  // a continued read
    } else {
        u64 val;
        ret = attr->get(attr->data, &val);
        if (ret) {
            mutex_unlock(&attr->mutex);
            return ret;
        }
        int n = std::snprintf(attr->get_buf, sizeof attr->get_buf, attr->fmt, static_cast<unsigned long long>(val));
        size = std::min<size_t>(static_cast<size_t>(n), sizeof attr->get_buf - 1);  // scnprintf()
    }
    ret = simple_read_from_buffer(buf, len, ppos, attr->get_buf, size);
    mutex_unlock(&attr->mutex);
    return ret;
}

emu_ssize_t simple_attr_write(struct file* file, const char* buf, size_t len, emu_loff_t*) {
    return attr_write_xsigned(file, buf, len, false);
}

emu_ssize_t simple_attr_write_signed(struct file* file, const char* buf, size_t len, emu_loff_t*) {
    return attr_write_xsigned(file, buf, len, true);
}

int debugfs_file_get(struct dentry* dentry) { return node_of(dentry)->removed ? -EIO : 0; }
void debugfs_file_put(struct dentry*) {}

emu_ssize_t debugfs_attr_read(struct file* file, char* buf, size_t len, emu_loff_t* ppos) {
    if (int r = debugfs_file_get(dentry_of(file_node(file)))) return r;
    return simple_attr_read(file, buf, len, ppos);
}

emu_ssize_t debugfs_attr_write(struct file* file, const char* buf, size_t len, emu_loff_t* ppos) {
    if (int r = debugfs_file_get(dentry_of(file_node(file)))) return r;
    return simple_attr_write(file, buf, len, ppos);
}

emu_ssize_t debugfs_attr_write_signed(struct file* file, const char* buf, size_t len, emu_loff_t* ppos) {
    if (int r = debugfs_file_get(dentry_of(file_node(file)))) return r;
    return simple_attr_write_signed(file, buf, len, ppos);
}

struct dentry* debugfs_create_file(const char* name, umode_t mode, struct dentry* parent, void* data,
                                   const struct file_operations* fops) {
    return create_file(name, mode, parent, data, fops);
}

struct dentry* debugfs_create_file_unsafe(const char* name, umode_t mode, struct dentry* parent, void* data,
                                          const struct file_operations* fops) {
    return create_file(name, mode, parent, data, fops);
}

void debugfs_create_file_size(const char* name, umode_t mode, struct dentry* parent, void* data,
                              const struct file_operations* fops, emu_loff_t file_size) {
    dentry* d = create_file(name, mode, parent, data, fops);
    if (!IS_ERR(d)) node_of(d)->i_size = file_size;
}

struct dentry* debugfs_create_dir(const char* name, struct dentry* parent) {
    charge(this_kernel().cfg.costs.api_call);
    KernfsNode* p = start_creating(name, parent);
    if (IS_ERR(p)) return dentry_of(p);
    return dentry_of(kernfs_create_dir(p, name, 0755));
}

struct dentry* debugfs_lookup(const char* name, struct dentry* parent) {
    if (!name || IS_ERR(parent)) return nullptr;
    KernfsNode* p = parent ? node_of(parent) : debugfs_root();
    return dentry_of(kernfs_find_child(p, name));
}

void dput(struct dentry*) {}  // nodes are never freed: nothing to drop

void debugfs_remove(struct dentry* dentry) {
    if (IS_ERR_OR_NULL(dentry)) return;
    charge(this_kernel().cfg.costs.api_call);
    kernfs_remove(node_of(dentry));
}

void debugfs_lookup_and_remove(const char* name, struct dentry* parent) {
    debugfs_remove(debugfs_lookup(name, parent));
}

const struct file_operations* debugfs_real_fops(const struct file* filp) { return filp->f_op; }

bool debugfs_initialized(void) { return true; }

void debugfs_create_u8(const char* name, umode_t mode, struct dentry* parent, u8* value) {
    create_value<ValueFops<get_val<u8>, set_val<u8>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_u16(const char* name, umode_t mode, struct dentry* parent, u16* value) {
    create_value<ValueFops<get_val<u16>, set_val<u16>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_u32(const char* name, umode_t mode, struct dentry* parent, u32* value) {
    create_value<ValueFops<get_val<u32>, set_val<u32>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_u64(const char* name, umode_t mode, struct dentry* parent, u64* value) {
    create_value<ValueFops<get_val<u64>, set_val<u64>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_ulong(const char* name, umode_t mode, struct dentry* parent, unsigned long* value) {
    create_value<ValueFops<get_val<unsigned long>, set_val<unsigned long>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_x8(const char* name, umode_t mode, struct dentry* parent, u8* value) {
    create_value<ValueFops<get_val<u8>, set_val<u8>, kFmtX8>>(name, mode, parent, value);
}
void debugfs_create_x16(const char* name, umode_t mode, struct dentry* parent, u16* value) {
    create_value<ValueFops<get_val<u16>, set_val<u16>, kFmtX16>>(name, mode, parent, value);
}
void debugfs_create_x32(const char* name, umode_t mode, struct dentry* parent, u32* value) {
    create_value<ValueFops<get_val<u32>, set_val<u32>, kFmtX32>>(name, mode, parent, value);
}
void debugfs_create_x64(const char* name, umode_t mode, struct dentry* parent, u64* value) {
    create_value<ValueFops<get_val<u64>, set_val<u64>, kFmtX64>>(name, mode, parent, value);
}
void debugfs_create_size_t(const char* name, umode_t mode, struct dentry* parent, size_t* value) {
    create_value<ValueFops<get_val<size_t>, set_val<size_t>, kFmtU>>(name, mode, parent, value);
}
void debugfs_create_atomic_t(const char* name, umode_t mode, struct dentry* parent, atomic_t* value) {
    create_value<ValueFops<get_atomic, set_atomic, kFmtLld, true>>(name, mode, parent, value);
}

emu_ssize_t debugfs_read_file_bool(struct file* file, char* user_buf, size_t count, emu_loff_t* ppos) {
    if (int r = debugfs_file_get(dentry_of(file_node(file)))) return r;
    char buf[2] = {*static_cast<bool*>(file->private_data) ? 'Y' : 'N', '\n'};
    return simple_read_from_buffer(user_buf, count, ppos, buf, 2);
}

emu_ssize_t debugfs_write_file_bool(struct file* file, const char* user_buf, size_t count, emu_loff_t* ppos) {
    return write_file_bool(file, user_buf, count, ppos);
}

void debugfs_create_bool(const char* name, umode_t mode, struct dentry* parent, bool* value) {
    create_mode(name, mode, parent, value, &kBoolFops, &kBoolFopsRo, &kBoolFopsWo);
}

emu_ssize_t debugfs_read_file_str(struct file* file, char* user_buf, size_t count, emu_loff_t* ppos) {
    if (int r = debugfs_file_get(dentry_of(file_node(file)))) return r;
    const char* str = *static_cast<char**>(file->private_data);
    std::string copy = str ? str : "";
    std::size_t len = copy.size() + 1;
    copy += '\n';
    return simple_read_from_buffer(user_buf, count, ppos, copy.data(), len);
}

void debugfs_create_str(const char* name, umode_t mode, struct dentry* parent, char** value) {
    create_mode(name, mode, parent, value, &kStrFops, &kStrFopsRo, &kStrFopsWo);
}

struct dentry* debugfs_create_blob(const char* name, umode_t mode, struct dentry* parent,
                                   struct debugfs_blob_wrapper* blob) {
    return create_file(name, mode & 0444, parent, blob, &kBlobFops);
}

}  // extern "C"
