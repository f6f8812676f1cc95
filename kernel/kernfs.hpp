#pragma once
// The guest's kernel-generated files: one tree per Kernel of directories,
// files and device nodes, mounted as Linux mounts them: /proc (procfs),
// /sys (sysfs), /sys/kernel/debug (debugfs), /dev (devtmpfs). It is the
// sliver of the VFS (fs/namei.c, fs/open.c, fs/read_write.c) that the
// open/read/write/lseek/close system calls walk, plus kernfs's attribute
// files (fs/kernfs/file.c) for sysfs.
//
// How a subsystem adds files (all calls in kernel context, no locks needed):
//   KernfsNode* dir = kernfs_mkdir_p(k, "/sys/module/foo/parameters");
//   // A text attribute, sysfs style: show() fills one page at the first read
//   // of an open file; store() gets the written bytes (at most a page, NUL
//   // terminated) and returns the count consumed or -errno.
//   kernfs_create_attr(dir, "p", 0644, {.show = ..., .store = ...});
//   // A file whose open/read/write/llseek/release are a driver's
//   // file_operations; inode->i_private = priv, as debugfs and procfs set it.
//   kernfs_create_file(dir, "x", S_IFREG | 0444, &fops, priv);
//   kernfs_remove(node);   // the node and everything below it
// Creation returns the node, or ERR_PTR(-EEXIST / -ENOTDIR / -ENOENT).
// The node is the file's inode (KernfsNode derives from struct inode), so
// a file_operations method reaches the node with KernfsNode::of(inode).
// Nodes are never freed while the machine lives (a removed one is only
// unlinked), so a stale pointer held by a module stays harmless.
#include "kernel/kernel.hpp"
#include "kernel/include/linux/fs.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace emu::kern {

inline constexpr unsigned kS_IFMT = 0170000, kS_IFDIR = 0040000, kS_IFCHR = 0020000, kS_IFREG = 0100000;
inline constexpr long kPageSize = 4096;

enum class KernfsKind : std::uint8_t {
    Dir,
    File,  // file_operations of a driver or subsystem
    Attr,  // show/store text attribute (sysfs)
    Chr,   // character device node (i_rdev)
    Null,  // /dev/null
    Ram,   // a regular file whose bytes live in the node (devtmpfs is a tmpfs)
    Text,  // kernel-made text, read as a single_open() seq_file (procfs's own files)
};

// Which filesystem a node belongs to: the errno rules differ (see kernfs.cpp).
enum class KernfsFs : std::uint8_t { Root, Devtmpfs, Proc, Sysfs, Debugfs };

struct KernfsAttrOps {
    std::function<long(char* page)> show;                     // returns the length written or -errno
    std::function<long(const char* buf, std::size_t len)> store;  // returns bytes consumed or -errno
    const void* show_sym = nullptr;  // the guest's show function, named in "fill_read_buffer: %pS returned bad count"
};

struct OpenFile;
struct Kernfs;

struct KernfsNode : inode {
    Kernfs* tree = nullptr;
    std::string name;
    KernfsNode* parent = nullptr;
    KernfsKind kind = KernfsKind::Dir;
    KernfsFs fs = KernfsFs::Root;
    std::map<std::string, KernfsNode*, std::less<>> children;  // Dir
    const file_operations* fops = nullptr;                     // File
    KernfsAttrOps attr;                                        // Attr
    std::string data;                                          // Ram
    std::function<std::string()> text;                         // Text
    const void* subsys_ops = nullptr;  // the owning subsystem's operations (procfs: its proc_ops)
    std::shared_ptr<void> subsys;      // and its own state, if any
    unsigned uid = 0, gid = 0;
    bool removed = false;
    std::vector<OpenFile*> open_files;  // files open on this node
    dentry dent{};  // its name and inode for modules (f_path.dentry, debugfs's dentries); d_fsdata = this

    static KernfsNode* of(inode* ino) { return static_cast<KernfsNode*>(ino); }
    static const KernfsNode* of(const inode* ino) { return static_cast<const KernfsNode*>(ino); }
    bool is_dir() const { return kind == KernfsKind::Dir; }
    unsigned mode() const { return i_mode; }
};

// An open file (struct file). Shared by fd tables (a spawned program's
// redirected stdout); release runs when the last reference goes.
struct OpenFile {
    file f{};                // f.f_op holds a reference on its owner module while open
    KernfsNode* node = nullptr;
    bool released = false;   // procfs ran release already (entry removed while open)
    std::vector<std::shared_ptr<OpenFile>> gets;  // one per fget() not yet fput()
    static OpenFile* of(file* f) { return reinterpret_cast<OpenFile*>(f); }
};

struct Kernfs {
    KernfsNode* root = nullptr;
    std::vector<std::unique_ptr<KernfsNode>> nodes;  // every node ever made
    // fd tables: task -> fd -> file
    std::map<Task*, std::map<int, std::shared_ptr<OpenFile>>> fds;
};

Kernfs& kernfs(Kernel& k);
// Makes the root and the mount points (/dev with /dev/null, /proc, /sys, /sys/kernel/debug).
void kernfs_init(Kernel& k);

// ---- the tree
KernfsNode* kernfs_lookup(Kernel& k, std::string_view path);  // absolute path; nullptr if absent
KernfsNode* kernfs_find_child(KernfsNode* dir, std::string_view name);
std::string kernfs_path(const KernfsNode* n);
// The directory at `path`, made with `mode` where missing (as mkdir -p).
KernfsNode* kernfs_mkdir_p(Kernel& k, std::string_view path, unsigned mode = 0755);
KernfsNode* kernfs_create_dir(KernfsNode* parent, std::string_view name, unsigned mode, void* priv = nullptr);
// `mode` without a type bit means a regular file.
KernfsNode* kernfs_create_file(KernfsNode* parent, std::string_view name, unsigned mode,
                               const file_operations* fops, void* priv);
KernfsNode* kernfs_create_attr(KernfsNode* parent, std::string_view name, unsigned mode, KernfsAttrOps ops,
                               void* priv = nullptr);
KernfsNode* kernfs_create_chrdev(KernfsNode* parent, std::string_view name, unsigned mode, unsigned dev);
// Kernel-made text (procfs's own files such as /proc/uptime), rendered at each read from 0.
KernfsNode* kernfs_create_text(KernfsNode* parent, std::string_view name, unsigned mode,
                               std::function<std::string()> text);
// Unlinks `n` and everything below it. Open files stay open: procfs releases
// them now, and later calls on them fail as the node's filesystem fails them.
// With recursive = false only `n` is unlinked: what is below it stays as it is, unreachable
// (remove_proc_entry() on a non-empty directory leaks it so).
void kernfs_remove(KernfsNode* n, bool recursive = true);
// fops_get()/fops_put(): the module reference an open file holds on its operations.
const file_operations* fops_get(const file_operations* fops);
void fops_put(const file_operations* fops);

// devtmpfs: /dev/NAME for a device as the kernel announces it (NAME may hold '/').
// devtmpfs_delete_node() removes only a node devtmpfs made for that device (not one made by mknod).
int devtmpfs_create_node(Kernel& k, const std::string& name, unsigned mode, unsigned dev);
void devtmpfs_delete_node(Kernel& k, unsigned dev);

// ---- system calls (in the calling task's context; negative errno on failure)
std::string normalize_path(std::string_view path, const std::string& cwd = "/");
int sys_open(const std::string& path, int flags, unsigned mode = 0666);
long sys_read(int fd, char* buf, unsigned long n);
long sys_write(int fd, const char* buf, unsigned long n);
long long sys_lseek(int fd, long long offset, int whence);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
int sys_close(int fd);
// The names in a directory, sorted (getdents, as ls needs it).
int sys_readdir(const std::string& path, std::vector<std::string>& names);
// stat(): mode of the node, or -errno.
int sys_stat_mode(const std::string& path, unsigned& mode);
int sys_mknod(const std::string& path, char type, unsigned major, unsigned minor);
// Gives `child` the caller's open file `fd` as its descriptor `newfd` (a fork's inherited fd).
int share_fd(Task* child, int fd, int newfd);
bool has_fd(Task* t, int fd);
void close_all_files(Task* t);

}  // namespace emu::kern
