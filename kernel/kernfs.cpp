// The guest's file tree of kernel-made files and the system calls on it.
// Mirrors the parts of fs/namei.c, fs/open.c and fs/read_write.c that these
// files meet, with Linux's errno at each step:
//  - path walk: ENOENT, ENOTDIR; O_CREAT: EEXIST with O_EXCL, EISDIR on a
//    directory, EACCES in procfs/sysfs/debugfs (no create op), EROFS in the
//    read-only root; writing a directory: EISDIR.
//  - the caller is root, so mode bits never refuse (CAP_DAC_OVERRIDE), except
//    where a filesystem checks them itself: kernfs (sysfs) refuses with EACCES
//    to open for writing a file without write bits or store, and for reading
//    one without read bits or show (fs/kernfs/file.c).
//  - do_dentry_open(): the file holds a module reference on its f_op's owner;
//    FMODE_CAN_READ/WRITE follow the operations after open (read/write
//    without them: EINVAL); no llseek clears FMODE_LSEEK (lseek: ESPIPE).
//  - ksys_read/write: the driver works on a copy of f_pos, stored back on
//    success only.
//  - a removed node: procfs calls release on open files at removal, then its
//    calls fail with EIO; sysfs's with ENODEV; debugfs's with EIO.
#include "kernel/kernfs.hpp"

#include "kernel/bug.hpp"
#include "kernel/char_dev.hpp"
#include "kernel/module.hpp"
#include "kernel/printk.hpp"
#include "kernel/proc.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/file.h"
#include "kernel/include/linux/seq_file.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/uaccess.h"

#include <algorithm>
#include <cstring>

namespace emu::kern {

namespace {

constexpr unsigned kMinorBits = 20;
constexpr int kDevtmpfsMade = 1;  // subsys_ops tag of a node devtmpfs made (vs mknod)
constexpr long kMaxRwCount = 0x7ffff000;

KernfsNode* err_node(int err) { return static_cast<KernfsNode*>(ERR_PTR(err)); }

KernfsNode* new_node(Kernfs& fs, KernfsNode* parent, std::string_view name, KernfsKind kind, unsigned mode) {
    if (parent) {
        if (!parent->is_dir() || parent->removed) return err_node(-ENOENT);
        if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos)
            return err_node(-EINVAL);
        if (parent->children.count(name)) return err_node(-EEXIST);
    }
    auto n = std::make_unique<KernfsNode>();
    KernfsNode* raw = n.get();
    static_cast<inode&>(*raw) = inode{};
    raw->name = std::string(name);
    raw->parent = parent;
    raw->kind = kind;
    raw->fs = parent ? parent->fs : KernfsFs::Root;
    raw->tree = &fs;
    raw->i_mode = mode;
    raw->dent.d_name.name = reinterpret_cast<const unsigned char*>(raw->name.c_str());
    raw->dent.d_name.len = static_cast<u32>(raw->name.size());
    raw->dent.d_inode = raw;
    raw->dent.d_parent = parent ? &parent->dent : &raw->dent;  // the root is its own parent
    raw->dent.d_fsdata = raw;
    fs.nodes.push_back(std::move(n));
    if (parent) parent->children.emplace(raw->name, raw);
    return raw;
}

Kernfs& fs_of(const KernfsNode* n) { return *n->tree; }

// The node at a normalized absolute path; -ENOENT / -ENOTDIR through `err`.
KernfsNode* walk(Kernel& k, const std::string& path, int& err, KernfsNode** parent_out = nullptr,
                 std::string* last = nullptr) {
    KernfsNode* cur = kernfs(k).root;
    err = 0;
    std::size_t i = 1;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        std::string_view comp(path.data() + i, j - i);
        i = j + 1;
        if (comp.empty()) continue;
        if (!cur->is_dir()) {
            err = -ENOTDIR;
            return nullptr;
        }
        KernfsNode* next = kernfs_find_child(cur, comp);
        if (!next) {
            bool final = i > path.size();
            if (final && parent_out) *parent_out = cur;
            if (final && last) *last = std::string(comp);
            err = -ENOENT;
            return nullptr;
        }
        cur = next;
    }
    return cur;
}

std::map<int, std::shared_ptr<OpenFile>>& fd_table(Task* t) { return kernfs(*t->kernel).fds[t]; }

OpenFile* lookup_fd(int fd) {
    auto& table = fd_table(this_cpu().curr);
    auto it = table.find(fd);
    return it == table.end() ? nullptr : it->second.get();
}

// The last reference to an open file is gone: __fput().
void fput_final(OpenFile& of) {
    if (!of.released && of.f.f_op && of.f.f_op->release) of.f.f_op->release(of.f.f_inode, &of.f);
    fops_put(of.f.f_op);
    std::erase(of.node->open_files, &of);
}

bool removed_eio(const OpenFile& of) { return of.node->removed && of.node->fs == KernfsFs::Debugfs; }

// ---- /dev/null and devtmpfs's regular files

long ram_read(OpenFile& of, char* buf, unsigned long n, emu_loff_t& pos) {
    const std::string& d = of.node->data;
    if (pos >= static_cast<emu_loff_t>(d.size())) return 0;
    std::size_t c = std::min<std::size_t>(n, d.size() - static_cast<std::size_t>(pos));
    if (copy_to_user(buf, d.data() + pos, c)) return -EFAULT;
    pos += static_cast<emu_loff_t>(c);
    return static_cast<long>(c);
}

long ram_write(OpenFile& of, const char* buf, unsigned long n, emu_loff_t& pos) {
    std::string& d = of.node->data;
    if (of.f.f_flags & O_APPEND) pos = static_cast<emu_loff_t>(d.size());
    // A tmpfs of the guest's memory, not the host's: a write past it is ENOSPC
    // (a huge lseek() then write() must not exhaust the host).
    constexpr std::size_t kRamFileMax = std::size_t{64} << 20;
    if (pos < 0 || static_cast<std::size_t>(pos) > kRamFileMax || n > kRamFileMax - static_cast<std::size_t>(pos))
        return -ENOSPC;
    std::size_t end = static_cast<std::size_t>(pos) + n;
    if (d.size() < end) d.resize(end);
    if (copy_from_user(d.data() + pos, buf, n)) return -EFAULT;
    pos += static_cast<emu_loff_t>(n);
    of.node->i_size = static_cast<emu_loff_t>(d.size());
    return static_cast<long>(n);
}

// ---- sysfs attributes (fs/kernfs/file.c + fs/sysfs/file.c)

int attr_seq_show(seq_file* m, void*) {
    auto* n = static_cast<KernfsNode*>(m->private_);
    if (n->removed) return -ENODEV;
    char* buf = nullptr;
    std::size_t room = seq_get_buf(m, &buf);
    if (room < static_cast<std::size_t>(kPageSize)) {  // a page at least: grow and come back
        seq_commit(m, -1);
        return 0;
    }
    std::memset(buf, 0, kPageSize);
    long count = n->attr.show(buf);
    if (count < 0) return static_cast<int>(count);
    if (count >= kPageSize) {
        Kernel& k = this_kernel();
        printk_emit(k, LOGLEVEL_DEFAULT, "fill_read_buffer: %s returned bad count\n",
                    n->attr.show_sym ? format_symbol(k, reinterpret_cast<std::uintptr_t>(n->attr.show_sym)).c_str()
                                     : "show");
        count = kPageSize - 1;
    }
    seq_commit(m, static_cast<int>(count));
    return 0;
}

int attr_open(inode* ino, file* f) {
    KernfsNode* n = KernfsNode::of(ino);
    bool has_read = static_cast<bool>(n->attr.show), has_write = static_cast<bool>(n->attr.store);
    if ((f->f_mode & FMODE_WRITE) && (!(n->i_mode & 0222) || !has_write)) return -EACCES;
    if ((f->f_mode & FMODE_READ) && (!(n->i_mode & 0444) || !has_read)) return -EACCES;
    return single_open(f, attr_seq_show, n);
}

emu_ssize_t attr_write(file* f, const char* ubuf, size_t count, emu_loff_t* ppos) {
    KernfsNode* n = KernfsNode::of(f->f_inode);
    std::size_t len = std::min<std::size_t>(count, kPageSize);
    char* buf = static_cast<char*>(__kmalloc(len + 1, GFP_KERNEL));
    if (!buf) return -ENOMEM;
    if (copy_from_user(buf, ubuf, len)) {
        kfree(buf);
        return -EFAULT;
    }
    buf[len] = '\0';
    long ret;
    if (n->removed) ret = -ENODEV;
    else if (!n->attr.store) ret = -EINVAL;
    else ret = len ? n->attr.store(buf, len) : 0;
    kfree(buf);
    if (ret > 0) *ppos += ret;
    return ret;
}

emu_loff_t attr_llseek(file* f, emu_loff_t off, int whence) { return generic_file_llseek(f, off, whence); }

const file_operations kAttrFops = {
    .owner = nullptr,
    .llseek = attr_llseek,
    .read = seq_read,
    .write = attr_write,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .open = attr_open,
    .flush = nullptr,
    .release = single_release,
};

// ---- kernel-made text files (procfs's own, as proc_create_single())

int text_show(seq_file* m, void*) {
    auto* n = static_cast<KernfsNode*>(m->private_);
    std::string s = n->text();
    seq_write(m, s.data(), s.size());
    return 0;
}

int text_open(inode* ino, file* f) { return single_open(f, text_show, KernfsNode::of(ino)); }
// procfs's proc_reg_write() without a proc_write: EIO.
emu_ssize_t text_write(file*, const char*, size_t, emu_loff_t*) { return -EIO; }

const file_operations kTextFops = {
    .owner = nullptr,
    .llseek = seq_lseek,
    .read = seq_read,
    .write = text_write,
    .poll = nullptr,
    .unlocked_ioctl = nullptr,
    .compat_ioctl = nullptr,
    .open = text_open,
    .flush = nullptr,
    .release = single_release,
};

void collect(KernfsNode* n, std::vector<KernfsNode*>& out) {
    for (auto& [name, c] : n->children) collect(c, out);
    out.push_back(n);
}

KernfsNode* find_dev(KernfsNode* dir, unsigned dev) {
    for (auto& [name, c] : dir->children) {
        if (c->kind == KernfsKind::Chr && c->i_rdev == dev && c->subsys_ops == &kDevtmpfsMade) return c;
        if (c->is_dir())
            if (KernfsNode* f = find_dev(c, dev)) return f;
    }
    return nullptr;
}

}  // namespace

Kernfs& kernfs(Kernel& k) { return k.vfs->fs; }

void kernfs_init(Kernel& k) {
    Kernfs& fs = kernfs(k);
    fs.root = new_node(fs, nullptr, "", KernfsKind::Dir, kS_IFDIR | 0755);
    KernfsNode* dev = kernfs_create_dir(fs.root, "dev", 0755);
    dev->fs = KernfsFs::Devtmpfs;
    KernfsNode* null = new_node(fs, dev, "null", KernfsKind::Null, kS_IFCHR | 0666);
    null->i_rdev = (1u << kMinorBits) | 3;
    KernfsNode* proc = kernfs_create_dir(fs.root, "proc", 0555);
    proc->fs = KernfsFs::Proc;
    KernfsNode* sys = kernfs_create_dir(fs.root, "sys", 0555);
    sys->fs = KernfsFs::Sysfs;
    KernfsNode* debug = kernfs_create_dir(kernfs_create_dir(sys, "kernel", 0755), "debug", 0700);
    debug->fs = KernfsFs::Debugfs;
    proc_root_init(k);
    misc_init(k);
}

KernfsNode* kernfs_find_child(KernfsNode* dir, std::string_view name) {
    if (!dir || !dir->is_dir()) return nullptr;
    auto it = dir->children.find(name);
    return it == dir->children.end() ? nullptr : it->second;
}

KernfsNode* kernfs_lookup(Kernel& k, std::string_view path) {
    int err;
    return walk(k, normalize_path(path), err);
}

std::string kernfs_path(const KernfsNode* n) {
    if (!n->parent) return "/";
    std::string out;
    for (; n->parent; n = n->parent) out = "/" + n->name + out;
    return out;
}

KernfsNode* kernfs_mkdir_p(Kernel& k, std::string_view path, unsigned mode) {
    std::string p = normalize_path(path);
    KernfsNode* cur = kernfs(k).root;
    std::size_t i = 1;
    while (i <= p.size()) {
        std::size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        std::string_view comp(p.data() + i, j - i);
        i = j + 1;
        if (comp.empty()) continue;
        KernfsNode* next = kernfs_find_child(cur, comp);
        if (!next) next = kernfs_create_dir(cur, comp, mode);
        if (IS_ERR(next)) return next;
        if (!next->is_dir()) return err_node(-ENOTDIR);
        cur = next;
    }
    return cur;
}

KernfsNode* kernfs_create_dir(KernfsNode* parent, std::string_view name, unsigned mode, void* priv) {
    if (!parent || IS_ERR(parent)) return err_node(-ENOENT);
    KernfsNode* n = new_node(fs_of(parent), parent, name, KernfsKind::Dir, kS_IFDIR | (mode & 07777));
    if (!IS_ERR(n)) n->i_private = priv;
    return n;
}

KernfsNode* kernfs_create_file(KernfsNode* parent, std::string_view name, unsigned mode,
                               const file_operations* fops, void* priv) {
    if (!parent || IS_ERR(parent)) return err_node(-ENOENT);
    if (!(mode & kS_IFMT)) mode |= kS_IFREG;
    KernfsNode* n = new_node(fs_of(parent), parent, name, KernfsKind::File, mode);
    if (IS_ERR(n)) return n;
    n->fops = fops;
    n->i_private = priv;
    return n;
}

KernfsNode* kernfs_create_attr(KernfsNode* parent, std::string_view name, unsigned mode, KernfsAttrOps ops,
                               void* priv) {
    KernfsNode* n = kernfs_create_file(parent, name, kS_IFREG | (mode & 07777), &kAttrFops, priv);
    if (IS_ERR(n)) return n;
    n->kind = KernfsKind::Attr;
    n->attr = std::move(ops);
    n->i_size = kPageSize;  // sysfs reports a page for every attribute
    return n;
}

KernfsNode* kernfs_create_text(KernfsNode* parent, std::string_view name, unsigned mode,
                               std::function<std::string()> text) {
    KernfsNode* n = kernfs_create_file(parent, name, kS_IFREG | (mode & 07777), &kTextFops, nullptr);
    if (IS_ERR(n)) return n;
    n->kind = KernfsKind::Text;
    n->text = std::move(text);
    return n;
}

KernfsNode* kernfs_create_chrdev(KernfsNode* parent, std::string_view name, unsigned mode, unsigned dev) {
    if (!parent || IS_ERR(parent)) return err_node(-ENOENT);
    KernfsNode* n = new_node(fs_of(parent), parent, name, KernfsKind::Chr, kS_IFCHR | (mode & 07777));
    if (!IS_ERR(n)) n->i_rdev = dev;
    return n;
}

void kernfs_remove(KernfsNode* n, bool recursive) {
    if (!n || IS_ERR(n) || n->removed || !n->parent) return;
    if (n->parent->children.count(n->name) && n->parent->children[n->name] == n) n->parent->children.erase(n->name);
    std::vector<KernfsNode*> all;
    if (recursive) collect(n, all);
    else all.push_back(n);
    for (KernfsNode* x : all) {
        x->removed = true;
        // proc_entry_rundown(): procfs releases the files still open on the entry.
        if (x->fs != KernfsFs::Proc) continue;
        std::vector<OpenFile*> open = x->open_files;
        for (OpenFile* of : open) {
            if (of->released) continue;
            of->released = true;
            if (of->f.f_op && of->f.f_op->release) of->f.f_op->release(of->f.f_inode, &of->f);
        }
    }
}

const file_operations* fops_get(const file_operations* fops) {
    if (fops && fops->owner && !try_module_get(fops->owner)) return nullptr;
    return fops;
}

void fops_put(const file_operations* fops) {
    if (fops && fops->owner) module_put(fops->owner);
}

int devtmpfs_create_node(Kernel& k, const std::string& name, unsigned mode, unsigned dev) {
    std::string path = "/dev/" + name;
    auto slash = path.rfind('/');
    KernfsNode* dir = kernfs_mkdir_p(k, path.substr(0, slash), 0755);
    if (IS_ERR(dir)) return static_cast<int>(PTR_ERR(dir));
    KernfsNode* n = kernfs_create_chrdev(dir, path.substr(slash + 1), mode ? mode : 0600, dev);
    if (IS_ERR(n)) return static_cast<int>(PTR_ERR(n));
    n->subsys_ops = &kDevtmpfsMade;
    return 0;
}

void devtmpfs_delete_node(Kernel& k, unsigned dev) {
    KernfsNode* devdir = kernfs_lookup(k, "/dev");
    if (KernfsNode* n = devdir ? find_dev(devdir, dev) : nullptr) kernfs_remove(n);
}

// ---------------------------------------------------------------- system calls

std::string normalize_path(std::string_view path, const std::string& cwd) {
    std::string full = !path.empty() && path[0] == '/' ? std::string(path) : cwd + "/" + std::string(path);
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < full.size()) {
        std::size_t j = full.find('/', i);
        if (j == std::string::npos) j = full.size();
        std::string_view comp(full.data() + i, j - i);
        i = j + 1;
        if (comp.empty() || comp == ".") continue;
        if (comp == "..") {
            if (!parts.empty()) parts.pop_back();
            continue;
        }
        parts.push_back(comp);
    }
    std::string out;
    for (auto p : parts) out += "/" + std::string(p);
    return out.empty() ? "/" : out;
}

int sys_open(const std::string& path, int flags, unsigned mode) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    Task* t = this_cpu().curr;
    int acc = flags & 3;
    if (acc == 3) return -EINVAL;
    std::string p = normalize_path(path, t->cwd);
    int err = 0;
    KernfsNode* parent = nullptr;
    std::string last;
    KernfsNode* n = walk(k, p, err, &parent, &last);
    if (!n) {
        if (err != -ENOENT || !(flags & O_CREAT) || !parent) return err;
        // lookup_open(): only devtmpfs (a tmpfs) creates; the root is a read-only view.
        if (parent->fs == KernfsFs::Root) return -EROFS;
        if (parent->fs != KernfsFs::Devtmpfs) return -EACCES;
        n = new_node(kernfs(k), parent, last, KernfsKind::Ram, kS_IFREG | (mode & 07777 & ~022u));
        if (IS_ERR(n)) return static_cast<int>(PTR_ERR(n));
    } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
        return -EEXIST;
    }
    if (n->is_dir() && (acc != O_RDONLY || (flags & O_CREAT))) return -EISDIR;
    if (n->kind == KernfsKind::Ram && (flags & O_TRUNC) && acc != O_RDONLY) {
        n->data.clear();
        n->i_size = 0;
    }

    auto of = std::make_shared<OpenFile>();
    of->node = n;
    file& f = of->f;
    f.f_flags = static_cast<unsigned>(flags);
    f.f_mode = (acc == O_WRONLY ? FMODE_WRITE : acc == O_RDWR ? FMODE_READ | FMODE_WRITE : FMODE_READ) |
               FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
    f.f_inode = n;
    f.f_path.dentry = &n->dent;
    int ret = 0;
    if (n->kind == KernfsKind::Chr) {
        ret = chrdev_open(n, &f);  // def_chr_fops
    } else if (n->kind == KernfsKind::File || n->kind == KernfsKind::Attr || n->kind == KernfsKind::Text) {
        f.f_op = fops_get(n->fops);
        if (!f.f_op) {
            if (n->fs == KernfsFs::Debugfs) {
                // full_proxy_open(): the module that made the file is gone.
                warn_report(k, "fs/debugfs/file.c", 266, reinterpret_cast<std::uintptr_t>(&sys_open),
                            "debugfs file owner did not clean up at exit: " + n->name + "\n");
                return -ENXIO;
            }
            warn_report(k, "fs/open.c", 882, reinterpret_cast<std::uintptr_t>(&sys_open), "");
            return -ENODEV;
        }
        if (f.f_op->open) ret = f.f_op->open(n, &f);
    }
    if (ret < 0) {
        fops_put(f.f_op);
        return ret;
    }
    f.f_mode |= FMODE_OPENED;
    bool plain = n->kind == KernfsKind::Null || n->kind == KernfsKind::Ram || n->is_dir();
    if ((f.f_mode & FMODE_READ) && (plain || (f.f_op && f.f_op->read))) f.f_mode |= FMODE_CAN_READ;
    if ((f.f_mode & FMODE_WRITE) && (plain || (f.f_op && f.f_op->write))) f.f_mode |= FMODE_CAN_WRITE;
    if ((f.f_mode & FMODE_LSEEK) && !plain && !(f.f_op && f.f_op->llseek)) f.f_mode &= ~FMODE_LSEEK;
    n->open_files.push_back(of.get());
    auto& table = fd_table(t);
    int fd = 3;
    while (table.count(fd)) ++fd;
    table[fd] = std::move(of);
    return fd;
}

long sys_read(int fd, char* buf, unsigned long n) {
    charge(this_kernel().cfg.costs.api_call);
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    file& f = of->f;
    if (!(f.f_mode & FMODE_READ)) return -EBADF;
    if (of->node->is_dir()) return -EISDIR;
    if (!(f.f_mode & FMODE_CAN_READ)) return -EINVAL;
    if (static_cast<long>(n) < 0 || n > static_cast<unsigned long>(kMaxRwCount)) n = kMaxRwCount;
    emu_loff_t pos = f.f_pos;
    long ret;
    if (of->node->kind == KernfsKind::Null) ret = 0;
    else if (of->node->kind == KernfsKind::Ram) ret = ram_read(*of, buf, n, pos);
    else if (removed_eio(*of)) ret = -EIO;
    else ret = f.f_op->read(&f, buf, n, &pos);
    if (ret >= 0 && !(f.f_mode & FMODE_STREAM)) f.f_pos = pos;
    return ret;
}

long sys_write(int fd, const char* buf, unsigned long n) {
    charge(this_kernel().cfg.costs.api_call);
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    file& f = of->f;
    if (!(f.f_mode & FMODE_WRITE)) return -EBADF;
    if (!(f.f_mode & FMODE_CAN_WRITE)) return -EINVAL;
    if (static_cast<long>(n) < 0 || n > static_cast<unsigned long>(kMaxRwCount)) n = kMaxRwCount;
    emu_loff_t pos = f.f_pos;
    long ret;
    if (of->node->kind == KernfsKind::Null) ret = static_cast<long>(n);
    else if (of->node->kind == KernfsKind::Ram) ret = ram_write(*of, buf, n, pos);
    else if (removed_eio(*of)) ret = -EIO;
    else ret = f.f_op->write(&f, buf, n, &pos);
    if (ret >= 0 && !(f.f_mode & FMODE_STREAM)) f.f_pos = pos;
    return ret;
}

long long sys_lseek(int fd, long long offset, int whence) {
    charge(this_kernel().cfg.costs.api_call);
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    if (whence < 0 || whence > SEEK_MAX) return -EINVAL;
    file& f = of->f;
    if (!(f.f_mode & FMODE_LSEEK)) return -ESPIPE;
    KernfsNode* n = of->node;
    if (n->kind == KernfsKind::Null) return f.f_pos = 0;  // null_lseek
    if (n->kind == KernfsKind::Ram || n->is_dir()) return generic_file_llseek(&f, offset, whence);
    if (removed_eio(*of)) return -EIO;
    return f.f_op->llseek(&f, offset, whence);
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg) {
    charge(this_kernel().cfg.costs.api_call);
    OpenFile* of = lookup_fd(fd);
    if (!of) return -EBADF;
    if (!of->f.f_op || !of->f.f_op->unlocked_ioctl) return -ENOTTY;
    if (removed_eio(*of)) return -EIO;
    return of->f.f_op->unlocked_ioctl(&of->f, cmd, arg);
}

int sys_close(int fd) {
    Task* t = this_cpu().curr;
    auto& table = fd_table(t);
    auto it = table.find(fd);
    if (it == table.end()) return -EBADF;
    std::shared_ptr<OpenFile> of = std::move(it->second);
    table.erase(it);
    if (of.use_count() == 1) fput_final(*of);
    return 0;
}

int share_fd(Task* child, int fd, int newfd) {
    auto& mine = fd_table(this_cpu().curr);
    auto it = mine.find(fd);
    if (it == mine.end()) return -EBADF;
    auto& theirs = fd_table(child);
    if (auto old = theirs.find(newfd); old != theirs.end()) {
        std::shared_ptr<OpenFile> prev = std::move(old->second);
        theirs.erase(old);
        if (prev.use_count() == 1) fput_final(*prev);
    }
    theirs[newfd] = it->second;
    return newfd;
}

bool has_fd(Task* t, int fd) {
    auto& fds = kernfs(*t->kernel).fds;
    auto it = fds.find(t);
    return it != fds.end() && it->second.count(fd);
}

void close_all_files(Task* t) {
    Kernfs& fs = kernfs(*t->kernel);
    auto it = fs.fds.find(t);
    if (it == fs.fds.end()) return;
    auto table = std::move(it->second);
    fs.fds.erase(it);
    for (auto& [fd, of] : table)
        if (of.use_count() == 1) fput_final(*of);
}

int sys_readdir(const std::string& path, std::vector<std::string>& names) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    int err;
    KernfsNode* n = walk(k, normalize_path(path, this_cpu().curr->cwd), err);
    if (!n) return err;
    if (!n->is_dir()) return -ENOTDIR;
    names.clear();
    for (auto& [name, c] : n->children) names.push_back(name);
    return 0;
}

int sys_stat_mode(const std::string& path, unsigned& mode) {
    Kernel& k = this_kernel();
    int err;
    KernfsNode* n = walk(k, normalize_path(path, this_cpu().curr->cwd), err);
    if (!n) return err;
    mode = n->i_mode;
    return 0;
}

int sys_mknod(const std::string& path, char type, unsigned major, unsigned minor) {
    Kernel& k = this_kernel();
    int err;
    KernfsNode* parent = nullptr;
    std::string last;
    std::string p = normalize_path(path, this_cpu().curr->cwd);
    if (walk(k, p, err, &parent, &last)) return -EEXIST;
    if (err != -ENOENT || !parent) return err;
    if (parent->fs == KernfsFs::Root) return -EROFS;
    if (parent->fs != KernfsFs::Devtmpfs) return -EPERM;  // no mknod op in procfs, sysfs, debugfs
    KernfsNode* n = kernfs_create_chrdev(parent, last, 0644, (major << kMinorBits) | minor);
    if (IS_ERR(n)) return static_cast<int>(PTR_ERR(n));
    if (type == 'n') n->kind = KernfsKind::Null;
    return 0;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

// fs/file.c's references by descriptor (linux/file.h): the calling task's
// table; each fget() holds the open file until its fput(), even once the
// descriptor is closed; the last reference runs release (__fput()).
extern "C" {

struct file* fget(unsigned int fd) {
    auto& table = fd_table(this_cpu().curr);
    auto it = table.find(static_cast<int>(fd));
    if (it == table.end()) return nullptr;
    it->second->gets.push_back(it->second);
    return &it->second->f;
}

struct file* fget_raw(unsigned int fd) { return fget(fd); }

void fput(struct file* f) {
    OpenFile* of = OpenFile::of(f);
    if (of->gets.empty()) return;  // not from fget(): the descriptor's reference is not ours to drop
    std::shared_ptr<OpenFile> ref = std::move(of->gets.back());
    of->gets.pop_back();
    if (ref.use_count() == 1) fput_final(*ref);
}

// Always a counted reference (6.1 skips it for a single-threaded file table).
unsigned long __fdget(unsigned int fd) {
    struct file* f = fget(fd);
    return f ? reinterpret_cast<unsigned long>(f) | FDPUT_FPUT : 0;
}
unsigned long __fdget_raw(unsigned int fd) { return __fdget(fd); }
// No file needs f_pos_lock here: one position per open file, moved by one task at a time.
unsigned long __fdget_pos(unsigned int fd) { return __fdget(fd); }
void __f_unlock_pos(struct file*) {}

}  // extern "C"

// fs/read_write.c and fs/libfs.c: the llseek helpers and buffer copies drivers use.
extern "C" {

emu_loff_t no_llseek(struct file*, emu_loff_t, int) { return -ESPIPE; }

emu_loff_t noop_llseek(struct file* f, emu_loff_t, int) { return f->f_pos; }

emu_loff_t default_llseek(struct file* f, emu_loff_t offset, int whence) {
    emu_loff_t size = f->f_inode ? f->f_inode->i_size : 0;
    switch (whence) {
    case SEEK_END:
        offset += size;
        break;
    case SEEK_CUR:
        if (offset == 0) return f->f_pos;
        offset += f->f_pos;
        break;
    case SEEK_DATA:
        if (offset >= size) return -ENXIO;
        break;
    case SEEK_HOLE:
        if (offset >= size) return -ENXIO;
        offset = size;
        break;
    }
    if (offset < 0 && !(f->f_mode & FMODE_UNSIGNED_OFFSET)) return -EINVAL;
    f->f_pos = offset;
    return offset;
}

emu_loff_t generic_file_llseek_size(struct file* f, emu_loff_t offset, int whence, emu_loff_t maxsize,
                                    emu_loff_t eof) {
    switch (whence) {
    case SEEK_END:
        offset += eof;
        break;
    case SEEK_CUR:
        if (offset == 0) return f->f_pos;
        offset += f->f_pos;
        break;
    case SEEK_DATA:
        if (offset < 0 || offset >= eof) return -ENXIO;
        break;
    case SEEK_HOLE:
        if (offset < 0 || offset >= eof) return -ENXIO;
        offset = eof;
        break;
    }
    if (offset < 0 && !(f->f_mode & FMODE_UNSIGNED_OFFSET)) return -EINVAL;
    if (offset > maxsize) return -EINVAL;
    f->f_pos = offset;
    return offset;
}

emu_loff_t generic_file_llseek(struct file* f, emu_loff_t offset, int whence) {
    return generic_file_llseek_size(f, offset, whence, MAX_LFS_FILESIZE, f->f_inode ? f->f_inode->i_size : 0);
}

emu_loff_t fixed_size_llseek(struct file* f, emu_loff_t offset, int whence, emu_loff_t size) {
    switch (whence) {
    case SEEK_SET:
    case SEEK_CUR:
    case SEEK_END:
        return generic_file_llseek_size(f, offset, whence, size, size);
    default:
        return -EINVAL;
    }
}

emu_loff_t no_seek_end_llseek_size(struct file* f, emu_loff_t offset, int whence, emu_loff_t size) {
    switch (whence) {
    case SEEK_SET:
    case SEEK_CUR:
        return generic_file_llseek_size(f, offset, whence, size, 0);
    default:
        return -EINVAL;
    }
}

emu_loff_t no_seek_end_llseek(struct file* f, emu_loff_t offset, int whence) {
    return no_seek_end_llseek_size(f, offset, whence, MAX_LFS_FILESIZE);
}

int nonseekable_open(struct inode*, struct file* f) {
    f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}

int stream_open(struct inode*, struct file* f) {
    f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
    f->f_mode |= FMODE_STREAM;
    return 0;
}

int simple_open(struct inode* inode, struct file* f) {
    if (inode->i_private) f->private_data = inode->i_private;
    return 0;
}

emu_ssize_t simple_read_from_buffer(void* to, size_t count, emu_loff_t* ppos, const void* from, size_t available) {
    emu_loff_t pos = *ppos;
    if (pos < 0) return -EINVAL;
    if (static_cast<size_t>(pos) >= available || !count) return 0;
    if (count > available - static_cast<size_t>(pos)) count = available - static_cast<size_t>(pos);
    size_t ret = copy_to_user(to, static_cast<const char*>(from) + pos, count);
    if (ret == count) return -EFAULT;
    count -= ret;
    *ppos = pos + static_cast<emu_loff_t>(count);
    return static_cast<emu_ssize_t>(count);
}

emu_ssize_t simple_write_to_buffer(void* to, size_t available, emu_loff_t* ppos, const void* from, size_t count) {
    emu_loff_t pos = *ppos;
    if (pos < 0) return -EINVAL;
    if (static_cast<size_t>(pos) >= available || !count) return 0;
    if (count > available - static_cast<size_t>(pos)) count = available - static_cast<size_t>(pos);
    size_t res = copy_from_user(static_cast<char*>(to) + pos, from, count);
    if (res == count) return -EFAULT;
    count -= res;
    *ppos = pos + static_cast<emu_loff_t>(count);
    return static_cast<emu_ssize_t>(count);
}

}  // extern "C"
