// A loaded module's directory /sys/module/NAME (kernel/module/sysfs.c and
// the module attributes of kernel/module/main.c): made after its arguments
// are parsed and before its init runs, removed when it is freed.
#include "kernel/params.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/module.hpp"
#include "kernel/printk.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/moduleparam.h"

#include <cstdio>
#include <vector>

namespace emu::kern {

namespace {

// A read-only attribute whose text is made at each read.
void text_attr(KernfsNode* dir, const char* name, std::function<std::string()> text) {
    KernfsAttrOps ops;
    ops.show = [text = std::move(text)](char* page) -> long {
        std::string s = text();
        if (s.size() > static_cast<std::size_t>(kPageSize - 1)) s.resize(kPageSize - 1);
        s.copy(page, s.size());
        page[s.size()] = '\0';
        return static_cast<long>(s.size());
    };
    kernfs_create_attr(dir, name, 0444, std::move(ops));
}

std::string modinfo_field(const LoadedModule& m, const std::string& key) {
    for (const std::string& kv : m.modinfo)
        if (kv.size() > key.size() && kv.compare(0, key.size(), key) == 0 && kv[key.size()] == '=')
            return kv.substr(key.size() + 1);
    return {};
}

}  // namespace

// kernel/params.c's module_param_sysfs_setup(): reads go through get and, if
// the mode lets anyone write, writes through set, under kernel_param_lock().
void param_sysfs_setup(Kernel& k, LoadedModule& m, KernfsNode* moddir) {
    KernfsNode* dir = nullptr;
    for (unsigned i = 0; i < m.num_kp; ++i) {
        const kernel_param* kp = &m.kp[i];
        if (kp->perm == 0) continue;
        if (!dir) dir = kernfs_create_dir(moddir, "parameters", 0755);
        if (IS_ERR_OR_NULL(dir)) return;
        KernfsAttrOps ops;
        struct module* mod = m.mod;
        ops.show = [kp, mod](char* page) -> long {
            if (!kp->ops->get) return -EPERM;
            kernel_param_lock(mod);
            int count = kp->ops->get(page, kp);
            kernel_param_unlock(mod);
            return count;
        };
        // Runtime mode changes must not make a parameter writable: no store without a write bit.
        if (kp->perm & 0222) {
            ops.store = [kp, mod](const char* buf, std::size_t len) -> long {
                if (!kp->ops->set) return -EPERM;
                // The set operation may cut the string (arrays): give it a copy of sysfs's buffer.
                std::vector<char> copy(buf, buf + len);
                copy.push_back('\0');
                kernel_param_lock(mod);
                int err = param_check_unsafe(kp) ? kp->ops->set(copy.data(), kp) : -EPERM;
                kernel_param_unlock(mod);
                return err ? err : static_cast<long>(len);
            };
        }
        kernfs_create_attr(dir, kp->name, kp->perm, std::move(ops));
    }
    (void)k;
}


int mod_sysfs_setup(Kernel& k, LoadedModule& m) {
    KernfsNode* top = kernfs_mkdir_p(k, "/sys/module", 0755);
    if (IS_ERR_OR_NULL(top)) return top ? static_cast<int>(PTR_ERR(top)) : -ENOENT;
    KernfsNode* dir = kernfs_create_dir(top, m.name, 0755);
    if (IS_ERR(dir)) {
        if (PTR_ERR(dir) == -EEXIST) {
            printk_emit(k, LOGLEVEL_ERR, "%s: module is already loaded\n", m.name.c_str());
            return -EINVAL;
        }
        return static_cast<int>(PTR_ERR(dir));
    }
    m.sysfs_dir = dir;
    kernfs_create_dir(dir, "holders", 0755);  // no module depends on another in emu
    param_sysfs_setup(k, m, dir);

    LoadedModule* mod = &m;
    // MODINFO_ATTR(version), MODINFO_ATTR(srcversion): only when .modinfo has them.
    for (const char* key : {"version", "srcversion"}) {
        std::string value = modinfo_field(m, key);
        if (!value.empty()) text_attr(dir, key, [value] { return value + "\n"; });
    }
    text_attr(dir, "initstate", [mod] {
        return std::string(mod->live ? "live" : mod->going ? "going" : "coming") + "\n";
    });
    text_attr(dir, "refcnt", [mod] { return std::to_string(mod->refcount) + "\n"; });
    // Every module here is out of tree and unsigned (the taint flags O and E).
    text_attr(dir, "taint", [] { return std::string("OE\n"); });
    text_attr(dir, "coresize", [mod] { return std::to_string(mod->text_hi - mod->text_lo) + "\n"; });
    // Init sections are not kept apart from the rest in emu: nothing to free after init.
    text_attr(dir, "initsize", [] { return std::string("0\n"); });
    return 0;
}

void mod_sysfs_teardown(Kernel&, LoadedModule& m) {
    if (!m.sysfs_dir) return;
    kernfs_remove(m.sysfs_dir);
    m.sysfs_dir = nullptr;
}

}  // namespace emu::kern
