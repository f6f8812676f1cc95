// sysfs (fs/sysfs/dir.c, file.c, group.c): a kobject's directory and its
// attribute files in this machine's /sys, on kernel/kernfs.hpp. A read runs
// the kobject type's sysfs_ops->show() on a zeroed, page-aligned page; a
// write runs ->store() with kernfs's NUL-terminated copy of the bytes. An
// operation the type lacks makes the file refuse that direction at open
// (EACCES), as kernfs does for sysfs. Messages are 6.1's ("sysfs: " prefix).
#include "kernel/sysfs.hpp"

#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/kobject.h"
#include "kernel/include/linux/sysfs.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace emu::kern {

namespace {

constexpr long kPage = 4096;

__attribute__((noinline)) std::uintptr_t caller_pc() { return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)); }

KernfsNode* sd_of(const kobject* kobj) { return reinterpret_cast<KernfsNode*>(kobj->sd); }

// The path below /sys, as kernfs_path() prints a sysfs node.
std::string sysfs_path(const KernfsNode* n) {
    std::string p = kernfs_path(n);
    return p.rfind("/sys", 0) == 0 ? p.substr(4) : p;
}

void sysfs_warn_dup(KernfsNode* parent, const char* name) {
    printk_emit(this_kernel(), LOGLEVEL_WARNING, "sysfs: cannot create duplicate filename '%s/%s'\n",
                sysfs_path(parent).c_str(), name);
    dump_stack_current();
}

struct FreeDeleter {
    void operator()(char* p) const { std::free(p); }
};

// sysfs_add_file_mode_ns(): the file's operations come from the kobject's type.
int sysfs_add_file_mode_ns(KernfsNode* parent, kobject* kobj, const attribute* attr, unsigned mode) {
    Kernel& k = this_kernel();
    const sysfs_ops* ops = kobj->ktype ? kobj->ktype->sysfs_ops : nullptr;
    if (!ops) {
        warn_report(k, "fs/sysfs/file.c", 273, caller_pc(),
                    kfmt("missing sysfs attribute operations for kobject: %s\n", kobject_name(kobj)));
        return -EINVAL;
    }
    KernfsAttrOps kops;
    auto* a = const_cast<attribute*>(attr);
    if (ops->show) {
        kops.show = [kobj, a](char* page) -> long {
            const sysfs_ops* o = kobj->ktype->sysfs_ops;
            std::unique_ptr<char, FreeDeleter> buf(static_cast<char*>(std::aligned_alloc(kPage, kPage)));
            std::memset(buf.get(), 0, kPage);
            ssize_t count = o->show(kobj, a, buf.get());
            if (count < 0) return count;
            if (count >= kPage) {
                printk_emit(this_kernel(), LOGLEVEL_DEFAULT, "fill_read_buffer: %s returned bad count\n",
                            format_symbol(this_kernel(), reinterpret_cast<std::uintptr_t>(o->show)).c_str());
                count = kPage - 1;
            }
            std::memcpy(page, buf.get(), static_cast<std::size_t>(count));
            page[count] = '\0';
            return count;
        };
    }
    if (ops->store) {
        kops.store = [kobj, a](const char* buf, std::size_t len) -> long {
            if (!len) return 0;
            return kobj->ktype->sysfs_ops->store(kobj, a, buf, len);
        };
    }
    KernfsNode* n = kernfs_create_attr(parent, attr->name, mode & 0777, std::move(kops));
    if (IS_ERR(n)) {
        if (PTR_ERR(n) == -EEXIST) sysfs_warn_dup(parent, attr->name);
        return static_cast<int>(PTR_ERR(n));
    }
    return 0;
}

void remove_by_name(KernfsNode* dir, const char* name) {
    if (KernfsNode* n = kernfs_find_child(dir, name)) kernfs_remove(n);
}

void remove_files(KernfsNode* dir, const attribute_group* grp) {
    if (grp->attrs)
        for (attribute* const* attr = grp->attrs; *attr; ++attr) remove_by_name(dir, (*attr)->name);
}

int create_files(KernfsNode* dir, kobject* kobj, const attribute_group* grp, bool update) {
    Kernel& k = this_kernel();
    int error = 0;
    if (grp->attrs) {
        int i = 0;
        for (attribute* const* attr = grp->attrs; *attr && !error; ++i, ++attr) {
            unsigned mode = (*attr)->mode;
            // An update removes and re-adds: a mode or visibility change.
            if (update) remove_by_name(dir, (*attr)->name);
            if (grp->is_visible) {
                mode = grp->is_visible(kobj, *attr, i) & ~SYSFS_GROUP_INVISIBLE;
                if (!mode) continue;
            }
            if (mode & ~(SYSFS_PREALLOC | 0664))
                warn_report(k, "fs/sysfs/group.c", 50, caller_pc(),
                            kfmt("Attribute %s: Invalid permissions 0%o\n", (*attr)->name, mode));
            mode &= SYSFS_PREALLOC | 0664;
            error = sysfs_add_file_mode_ns(dir, kobj, *attr, mode);
        }
        if (error) {
            remove_files(dir, grp);
            return error;
        }
    }
    if (grp->bin_attrs) {
        // Binary attributes are not modelled: said, and refused.
        printk_emit(k, LOGLEVEL_ERR, "emu: sysfs binary attributes are not supported (group %s of %s)\n",
                    grp->name ? grp->name : "", kobject_name(kobj));
        remove_files(dir, grp);
        return -EINVAL;
    }
    return 0;
}

int internal_create_group(kobject* kobj, bool update, const attribute_group* grp) {
    Kernel& k = this_kernel();
    if (!kobj || (!update && !kobj->sd)) {
        warn_report(k, "fs/sysfs/group.c", 117, caller_pc(), "");
        return -EINVAL;
    }
    if (update && !kobj->sd) return -EINVAL;
    if (!grp->attrs && !grp->bin_attrs) return 0;  // 6.1 skips it (pr_debug)
    KernfsNode* parent = sysfs_dir(k, kobj);
    KernfsNode* dir = parent;
    if (grp->name) {
        if (update) {
            dir = kernfs_find_child(parent, grp->name);
            if (!dir) {
                printk_emit(k, LOGLEVEL_WARNING, "sysfs: The group %s does not exist for kobject: %s\n", grp->name,
                            kobject_name(kobj));
                return -EINVAL;
            }
        } else {
            dir = kernfs_create_dir(parent, grp->name, 0755);
            if (IS_ERR(dir)) {
                if (PTR_ERR(dir) == -EEXIST) sysfs_warn_dup(parent, grp->name);
                return static_cast<int>(PTR_ERR(dir));
            }
        }
    }
    int error = create_files(dir, kobj, grp, update);
    if (error && grp->name && !update) kernfs_remove(dir);
    return error;
}

int vscnprintf_page(char* buf, long size, const char* fmt, va_list args) {
    if (size <= 0) return 0;
    int n = emu::kern::kernel_vsnprintf(buf, static_cast<std::size_t>(size), fmt, args);
    if (n < 0) return 0;
    return n < size ? n : static_cast<int>(size - 1);
}

}  // namespace

std::string kfmt(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    emu::kern::kernel_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

int sysfs_create_dir_ns(struct kobject* kobj, const void*) {
    Kernel& k = this_kernel();
    if (!kobj) {
        warn_report(k, "fs/sysfs/dir.c", 47, caller_pc(), "");
        return -EINVAL;
    }
    KernfsNode* parent = sysfs_dir(k, kobj->parent);
    if (!parent) return -ENOENT;
    KernfsNode* n = kernfs_create_dir(parent, kobject_name(kobj), 0755, kobj);
    if (IS_ERR(n)) {
        if (PTR_ERR(n) == -EEXIST) sysfs_warn_dup(parent, kobject_name(kobj));
        return static_cast<int>(PTR_ERR(n));
    }
    kobj->sd = reinterpret_cast<kernfs_node*>(n);
    return 0;
}

void sysfs_remove_dir(struct kobject* kobj) {
    KernfsNode* n = sd_of(kobj);
    kobj->sd = nullptr;
    if (n) kernfs_remove(n);
}

int sysfs_create_file_ns(struct kobject* kobj, const struct attribute* attr, const void*) {
    if (!kobj || !kobj->sd || !attr) {
        warn_report(this_kernel(), "fs/sysfs/file.c", 355, caller_pc(), "");
        return -EINVAL;
    }
    return sysfs_add_file_mode_ns(sd_of(kobj), kobj, attr, attr->mode);
}

int sysfs_create_files(struct kobject* kobj, const struct attribute* const* ptr) {
    int err = 0;
    for (int i = 0; ptr[i] && !err; ++i) err = sysfs_create_file(kobj, ptr[i]);
    if (err)
        for (int i = 0; ptr[i]; ++i) sysfs_remove_file(kobj, ptr[i]);
    return err;
}

void sysfs_remove_file_ns(struct kobject* kobj, const struct attribute* attr, const void*) {
    if (KernfsNode* dir = sd_of(kobj)) remove_by_name(dir, attr->name);
}

void sysfs_remove_files(struct kobject* kobj, const struct attribute* const* ptr) {
    for (int i = 0; ptr[i]; ++i) sysfs_remove_file(kobj, ptr[i]);
}

int sysfs_create_group(struct kobject* kobj, const struct attribute_group* grp) {
    return internal_create_group(kobj, false, grp);
}

int sysfs_update_group(struct kobject* kobj, const struct attribute_group* grp) {
    return internal_create_group(kobj, true, grp);
}

int sysfs_create_groups(struct kobject* kobj, const struct attribute_group** groups) {
    if (!groups) return 0;
    int error = 0;
    int i = 0;
    for (; groups[i]; ++i) {
        error = sysfs_create_group(kobj, groups[i]);
        if (error) {
            while (--i >= 0) sysfs_remove_group(kobj, groups[i]);
            break;
        }
    }
    return error;
}

int sysfs_update_groups(struct kobject* kobj, const struct attribute_group** groups) {
    if (!groups) return 0;
    int error = 0;
    for (int i = 0; groups[i]; ++i) {
        error = sysfs_update_group(kobj, groups[i]);
        if (error) {
            while (--i >= 0) sysfs_remove_group(kobj, groups[i]);
            break;
        }
    }
    return error;
}

void sysfs_remove_group(struct kobject* kobj, const struct attribute_group* grp) {
    KernfsNode* parent = sd_of(kobj);
    if (!parent) return;
    KernfsNode* dir = parent;
    if (grp->name) {
        dir = kernfs_find_child(parent, grp->name);
        if (!dir) {
            warn_report(this_kernel(), "fs/sysfs/group.c", 278, caller_pc(),
                        kfmt("sysfs group '%s' not found for kobject '%s'\n", grp->name, kobject_name(kobj)));
            return;
        }
    }
    remove_files(dir, grp);
    if (grp->name) kernfs_remove(dir);
}

void sysfs_remove_groups(struct kobject* kobj, const struct attribute_group** groups) {
    if (!groups) return;
    for (int i = 0; groups[i]; ++i) sysfs_remove_group(kobj, groups[i]);
}

int sysfs_add_file_to_group(struct kobject* kobj, const struct attribute* attr, const char* group) {
    KernfsNode* dir = sd_of(kobj);
    if (group) dir = dir ? kernfs_find_child(dir, group) : nullptr;
    if (!dir) return -ENOENT;
    return sysfs_add_file_mode_ns(dir, kobj, attr, attr->mode);
}

void sysfs_remove_file_from_group(struct kobject* kobj, const struct attribute* attr, const char* group) {
    KernfsNode* dir = sd_of(kobj);
    if (group) dir = dir ? kernfs_find_child(dir, group) : nullptr;
    if (dir) remove_by_name(dir, attr->name);
}

// Adds the group's files to the existing group directory of the same name.
int sysfs_merge_group(struct kobject* kobj, const struct attribute_group* grp) {
    KernfsNode* dir = sd_of(kobj);
    dir = dir && grp->name ? kernfs_find_child(dir, grp->name) : nullptr;
    if (!dir) return -ENOENT;
    int error = 0;
    attribute* const* attr = grp->attrs;
    for (; attr && *attr && !error; ++attr) error = sysfs_add_file_mode_ns(dir, kobj, *attr, (*attr)->mode);
    if (error)
        while (--attr >= grp->attrs) remove_by_name(dir, (*attr)->name);
    return error;
}

void sysfs_unmerge_group(struct kobject* kobj, const struct attribute_group* grp) {
    KernfsNode* dir = sd_of(kobj);
    dir = dir && grp->name ? kernfs_find_child(dir, grp->name) : nullptr;
    if (dir) remove_files(dir, grp);
}

// show()'s buffer is the page sysfs passed: anything else is a bug, said and refused.
int sysfs_emit(char* buf, const char* fmt, ...) {
    if (!buf || (reinterpret_cast<std::uintptr_t>(buf) & (kPage - 1))) {
        warn_report(this_kernel(), "fs/sysfs/file.c", 734, caller_pc(),
                    kfmt("invalid sysfs_emit: buf:%p\n", static_cast<void*>(buf)));
        return 0;
    }
    va_list ap;
    va_start(ap, fmt);
    int len = vscnprintf_page(buf, kPage, fmt, ap);
    va_end(ap);
    return len;
}

int sysfs_emit_at(char* buf, int at, const char* fmt, ...) {
    if (!buf || (reinterpret_cast<std::uintptr_t>(buf) & (kPage - 1)) || at < 0 || at >= kPage) {
        warn_report(this_kernel(), "fs/sysfs/file.c", 760, caller_pc(),
                    kfmt("invalid sysfs_emit_at: buf:%p at:%d\n", static_cast<void*>(buf), at));
        return 0;
    }
    va_list ap;
    va_start(ap, fmt);
    int len = vscnprintf_page(buf + at, kPage - at, fmt, ap);
    va_end(ap);
    return len;
}

}  // extern "C"
