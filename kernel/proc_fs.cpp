// Mirrors fs/proc/generic.c and fs/proc/inode.c (6.1): /proc entries made by
// modules. An entry is a kernfs node in /proc (struct proc_dir_entry is the
// node; pde_data() is its inode's i_private). Names may hold '/' to reach a
// subdirectory ("driver/foo"); a missing one is WARN "name '...'". A name
// already taken is WARN "proc_dir_entry '...' already registered" and NULL.
// Opening goes through proc_reg_*: no proc_lseek means lseek fails with
// ESPIPE, no proc_read/proc_write gives EIO, no proc_ioctl ENOTTY. Removing
// an entry calls proc_release for the files still open on it; their later
// calls fail (EIO). remove_proc_entry() on a directory with entries left
// WARNs and leaks them, as 6.1 does.
#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/proc_fs.h"
#include "kernel/include/linux/seq_file.h"

#include <fmt/format.h>

#include <cstring>

namespace emu::kern {
namespace {

constexpr unsigned kS_IALLUGO = 07777, kS_IRUGO = 0444, kS_IXUGO = 0111;

struct ProcEntry {
    const proc_ops* ops = nullptr;
    const seq_operations* seq_ops = nullptr;
    unsigned state_size = 0;
    int (*single_show)(seq_file*, void*) = nullptr;
    bool empty_dir = false;  // proc_create_mount_point(): nothing may be added
};

KernfsNode* node_of(proc_dir_entry* de) { return reinterpret_cast<KernfsNode*>(de); }
proc_dir_entry* pde_of(KernfsNode* n) { return reinterpret_cast<proc_dir_entry*>(n); }
ProcEntry* entry_of(const KernfsNode* n) { return static_cast<ProcEntry*>(n->subsys.get()); }
KernfsNode* proc_root(Kernel& k) { return kernfs_lookup(k, "/proc"); }

// The name 6.1 prints for an entry: "/proc" for the root, else its own name.
std::string pde_name(Kernel& k, const KernfsNode* n) { return n == proc_root(k) ? "/proc" : n->name; }

void proc_warn(int line, std::uintptr_t at, const std::string& msg) {
    warn_report(this_kernel(), "fs/proc/generic.c", line, at, msg);
}

// __xlate_proc_name(): walks "a/b/" of "a/b/c" from `parent` (NULL: /proc).
bool xlate(Kernel& k, const char* name, KernfsNode*& parent, const char*& residual, std::uintptr_t at) {
    KernfsNode* de = parent ? parent : proc_root(k);
    const char* cp = name;
    const char* next;
    while ((next = std::strchr(cp, '/')) != nullptr) {
        de = kernfs_find_child(de, std::string_view(cp, static_cast<std::size_t>(next - cp)));
        if (!de || !de->is_dir()) {
            proc_warn(173, at, fmt::format("name '{}'\n", name));
            return false;
        }
        cp = next + 1;
    }
    residual = cp;
    parent = de;
    return true;
}

__attribute__((noinline)) std::uintptr_t caller_pc() {
    return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
}

// proc_register()'s WARN, named as 6.1 names its site.
extern "C" __attribute__((noinline)) void proc_register(Kernel& k, KernfsNode* parent, const char* fn) {
    proc_warn(376, caller_pc(), fmt::format("proc_dir_entry '{}/{}' already registered\n", pde_name(k, parent), fn));
}

void proc_register_dup(Kernel& k, KernfsNode* parent, const char* fn) { proc_register(k, parent, fn); }

// __proc_create() and proc_register() in one: the checks on the name, then the node.
KernfsNode* proc_create_node(const char* name, unsigned mode, KernfsNode*& parent, void* data, std::uintptr_t at) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    const char* fn = nullptr;
    if (!name || !xlate(k, name, parent, fn, at)) return nullptr;
    std::size_t len = std::strlen(fn);
    if (len == 0 || len >= 256) {
        proc_warn(435, at, fmt::format("name len {}\n", len));
        return nullptr;
    }
    if (std::strcmp(fn, ".") == 0) {
        proc_warn(439, at, "name '.'\n");
        return nullptr;
    }
    if (std::strcmp(fn, "..") == 0) {
        proc_warn(443, at, "name '..'\n");
        return nullptr;
    }
    bool numeric = std::strspn(fn, "0123456789") == len;
    if (parent == proc_root(k) && numeric) {
        proc_warn(447, at, fmt::format("create '/proc/{}' by hand\n", fn));
        return nullptr;
    }
    if (entry_of(parent) && entry_of(parent)->empty_dir) {
        proc_warn(451, at, "attempt to add to permanently empty directory");
        return nullptr;
    }
    if (kernfs_find_child(parent, fn)) {
        proc_register_dup(k, parent, fn);
        return nullptr;
    }
    KernfsNode* n = (mode & kS_IFMT) == kS_IFDIR
                        ? kernfs_create_dir(parent, fn, mode & kS_IALLUGO, data)
                        : kernfs_create_file(parent, fn, mode, nullptr, data);
    if (IS_ERR(n)) return nullptr;
    n->i_mode = mode;
    n->uid = parent->uid;
    n->gid = parent->gid;
    n->subsys = std::make_shared<ProcEntry>();
    return n;
}

// ---- proc_reg_*: the file operations of every module entry (fs/proc/inode.c)

const ProcEntry& pde(file* f) { return *entry_of(KernfsNode::of(f->f_inode)); }

int proc_reg_open(inode* ino, file* f) {
    KernfsNode* n = KernfsNode::of(ino);
    if (n->removed) return -ENOENT;
    const proc_ops* ops = entry_of(n)->ops;
    if (!ops->proc_lseek) f->f_mode &= ~FMODE_LSEEK;
    return ops->proc_open ? ops->proc_open(ino, f) : 0;
}

emu_ssize_t proc_reg_read(file* f, char* buf, size_t count, emu_loff_t* ppos) {
    const proc_ops* ops = pde(f).ops;
    return ops->proc_read ? ops->proc_read(f, buf, count, ppos) : -EIO;
}

emu_ssize_t proc_reg_write(file* f, const char* buf, size_t count, emu_loff_t* ppos) {
    const proc_ops* ops = pde(f).ops;
    return ops->proc_write ? ops->proc_write(f, buf, count, ppos) : -EIO;
}

emu_loff_t proc_reg_llseek(file* f, emu_loff_t offset, int whence) {
    return pde(f).ops->proc_lseek(f, offset, whence);
}

long proc_reg_unlocked_ioctl(file* f, unsigned int cmd, unsigned long arg) {
    const proc_ops* ops = pde(f).ops;
    return ops->proc_ioctl ? ops->proc_ioctl(f, cmd, arg) : -ENOTTY;
}

int proc_reg_release(inode* ino, file* f) {
    const proc_ops* ops = entry_of(KernfsNode::of(ino))->ops;
    return ops->proc_release ? ops->proc_release(ino, f) : 0;
}

const file_operations kProcRegFops = {
    .owner = nullptr,
    .llseek = proc_reg_llseek,
    .read = proc_reg_read,
    .write = proc_reg_write,
    .poll = nullptr,
    .unlocked_ioctl = proc_reg_unlocked_ioctl,
    .compat_ioctl = nullptr,
    .open = proc_reg_open,
    .flush = nullptr,
    .release = proc_reg_release,
};

// ---- proc_create_seq*() and proc_create_single*()

int proc_seq_open(inode* ino, file* f) {
    const ProcEntry* de = entry_of(KernfsNode::of(ino));
    if (de->state_size) return seq_open_private(f, de->seq_ops, static_cast<int>(de->state_size));
    return seq_open(f, de->seq_ops);
}

int proc_seq_release(inode* ino, file* f) {
    if (entry_of(KernfsNode::of(ino))->state_size) return seq_release_private(ino, f);
    return seq_release(ino, f);
}

const proc_ops kProcSeqOps = {
    .proc_flags = 0,
    .proc_open = proc_seq_open,
    .proc_read = seq_read,
    .proc_read_iter = nullptr,
    .proc_write = nullptr,
    .proc_lseek = seq_lseek,
    .proc_release = proc_seq_release,
    .proc_poll = nullptr,
    .proc_ioctl = nullptr,
    .proc_compat_ioctl = nullptr,
    .proc_mmap = nullptr,
    .proc_get_unmapped_area = nullptr,
};

int proc_single_open(inode* ino, file* f) {
    return single_open(f, entry_of(KernfsNode::of(ino))->single_show, ino->i_private);
}

const proc_ops kProcSingleOps = {
    .proc_flags = 0,
    .proc_open = proc_single_open,
    .proc_read = seq_read,
    .proc_read_iter = nullptr,
    .proc_write = nullptr,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
    .proc_poll = nullptr,
    .proc_ioctl = nullptr,
    .proc_compat_ioctl = nullptr,
    .proc_mmap = nullptr,
    .proc_get_unmapped_area = nullptr,
};

// proc_create_reg() + the ops: a regular entry.
proc_dir_entry* create_reg(const char* name, unsigned mode, proc_dir_entry* parent, void* data, const proc_ops* ops,
                           std::uintptr_t at) {
    if ((mode & kS_IFMT) == 0) mode |= kS_IFREG;
    if ((mode & kS_IALLUGO) == 0) mode |= kS_IRUGO;
    if ((mode & kS_IFMT) != kS_IFREG) {
        warn_report(this_kernel(), "fs/proc/generic.c", 553, at, "");
        return nullptr;
    }
    KernfsNode* p = node_of(parent);
    KernfsNode* n = proc_create_node(name, mode, p, data, at);
    if (!n) return nullptr;
    n->fops = &kProcRegFops;
    n->subsys_ops = ops;
    entry_of(n)->ops = ops;
    return pde_of(n);
}

proc_dir_entry* mkdir_data(const char* name, unsigned mode, proc_dir_entry* parent, void* data, std::uintptr_t at) {
    if (mode == 0) mode = kS_IRUGO | kS_IXUGO;
    KernfsNode* p = node_of(parent);
    KernfsNode* n = proc_create_node(name, kS_IFDIR | mode, p, data, at);
    return n ? pde_of(n) : nullptr;
}

}  // namespace
}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

#define EMU_CALLER reinterpret_cast<std::uintptr_t>(__builtin_return_address(0))

extern "C" {

struct proc_dir_entry* proc_create_data(const char* name, umode_t mode, struct proc_dir_entry* parent,
                                        const struct proc_ops* proc_ops, void* data) {
    proc_dir_entry* p = create_reg(name, mode, parent, data, proc_ops, EMU_CALLER);
    return p;
}

struct proc_dir_entry* proc_create(const char* name, umode_t mode, struct proc_dir_entry* parent,
                                   const struct proc_ops* proc_ops) {
    return create_reg(name, mode, parent, nullptr, proc_ops, EMU_CALLER);
}

struct proc_dir_entry* proc_create_seq_private(const char* name, umode_t mode, struct proc_dir_entry* parent,
                                               const struct seq_operations* ops, unsigned int state_size,
                                               void* data) {
    proc_dir_entry* p = create_reg(name, mode, parent, data, &kProcSeqOps, EMU_CALLER);
    if (!p) return nullptr;
    entry_of(node_of(p))->seq_ops = ops;
    entry_of(node_of(p))->state_size = state_size;
    return p;
}

struct proc_dir_entry* proc_create_single_data(const char* name, umode_t mode, struct proc_dir_entry* parent,
                                               int (*show)(struct seq_file*, void*), void* data) {
    proc_dir_entry* p = create_reg(name, mode, parent, data, &kProcSingleOps, EMU_CALLER);
    if (p) entry_of(node_of(p))->single_show = show;
    return p;
}

struct proc_dir_entry* _proc_mkdir(const char* name, umode_t mode, struct proc_dir_entry* parent, void* data,
                                   bool) {
    return mkdir_data(name, mode, parent, data, EMU_CALLER);
}

struct proc_dir_entry* proc_mkdir_data(const char* name, umode_t mode, struct proc_dir_entry* parent, void* data) {
    return mkdir_data(name, mode, parent, data, EMU_CALLER);
}

struct proc_dir_entry* proc_mkdir_mode(const char* name, umode_t mode, struct proc_dir_entry* parent) {
    return mkdir_data(name, mode, parent, nullptr, EMU_CALLER);
}

struct proc_dir_entry* proc_mkdir(const char* name, struct proc_dir_entry* parent) {
    return mkdir_data(name, 0, parent, nullptr, EMU_CALLER);
}

struct proc_dir_entry* proc_create_mount_point(const char* name) {
    KernfsNode* parent = nullptr;
    KernfsNode* n = proc_create_node(name, kS_IFDIR | kS_IRUGO | kS_IXUGO, parent, nullptr, EMU_CALLER);
    if (n) entry_of(n)->empty_dir = true;
    return n ? pde_of(n) : nullptr;
}

void proc_set_size(struct proc_dir_entry* de, emu_loff_t size) { node_of(de)->i_size = size; }

void proc_set_user(struct proc_dir_entry* de, kuid_t uid, kgid_t gid) {
    node_of(de)->uid = uid.val;
    node_of(de)->gid = gid.val;
}

void* proc_get_parent_data(const struct inode* inode) {
    const KernfsNode* n = KernfsNode::of(inode);
    return n->parent ? n->parent->i_private : nullptr;
}

void remove_proc_entry(const char* name, struct proc_dir_entry* parent) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    std::uintptr_t at = EMU_CALLER;
    KernfsNode* p = node_of(parent);
    const char* fn = nullptr;
    if (!xlate(k, name, p, fn, at)) return;
    KernfsNode* de = kernfs_find_child(p, fn);
    if (!de) {
        proc_warn(711, at, fmt::format("name '{}'\n", name));
        return;
    }
    std::string leaked = de->children.empty() ? "" : de->children.begin()->first;
    // The entry goes (its open files are released); what is below it leaks.
    kernfs_remove(de, /*recursive=*/false);
    if (!leaked.empty())
        proc_warn(718, at,
                  fmt::format("remove_proc_entry: removing non-empty directory '{}/{}', leaking at least '{}'\n",
                              pde_name(k, de->parent), de->name, leaked));
}

int remove_proc_subtree(const char* name, struct proc_dir_entry* parent) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    KernfsNode* p = node_of(parent);
    const char* fn = nullptr;
    if (!xlate(k, name, p, fn, EMU_CALLER)) return -ENOENT;
    KernfsNode* root = kernfs_find_child(p, fn);
    if (!root) return -ENOENT;
    kernfs_remove(root, /*recursive=*/true);
    return 0;
}

void proc_remove(struct proc_dir_entry* de) {
    if (!de) return;
    KernfsNode* n = node_of(de);
    // An entry already removed is no longer under its parent: nothing to do but what 6.1 does (-ENOENT, silent).
    if (n->removed || !n->parent) return;
    remove_proc_subtree(n->name.c_str(), pde_of(n->parent));
}

}  // extern "C"
