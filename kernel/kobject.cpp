// kobjects and ksets (lib/kobject.c): reference counting, names, the
// parent/kset hierarchy that sysfs shows, and kobj_sysfs_ops for
// kobj_attribute. Messages are 6.1's. Uevents have no listener here (no
// udev, no netlink): kobject_uevent() records that the event was sent and
// returns 0, as a kernel without listeners does.
#include "kernel/sysfs.hpp"

#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/kobject.h"
#include "kernel/include/linux/slab.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace emu::kern {

namespace {

__attribute__((noinline)) std::uintptr_t caller_pc() { return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)); }

// The global kobjects: fixed, never added or freed; each names a directory.
struct GlobalKobj {
    kobject kobj;
    const char* path;
};

GlobalKobj make_global(const char* name, const char* path) {
    GlobalKobj g{};
    g.kobj.name = name;
    g.kobj.state_initialized = 1;
    g.kobj.state_in_sysfs = 1;
    g.path = path;
    return g;
}

// Process-wide but immutable: the address identifies the directory, which
// each machine resolves in its own tree.
GlobalKobj g_kernel = make_global("kernel", "/sys/kernel");
GlobalKobj g_mm = make_global("mm", "/sys/kernel/mm");
GlobalKobj g_hypervisor = make_global("hypervisor", "/sys/hypervisor");
GlobalKobj g_power = make_global("power", "/sys/power");
GlobalKobj g_firmware = make_global("firmware", "/sys/firmware");
GlobalKobj g_class = make_global("class", "/sys/class");
GlobalKobj g_devices = make_global("devices", "/sys/devices");
GlobalKobj* const kGlobals[] = {&g_kernel, &g_mm, &g_hypervisor, &g_power, &g_firmware, &g_class, &g_devices};

const GlobalKobj* global_of(const kobject* kobj) {
    for (const GlobalKobj* g : kGlobals)
        if (&g->kobj == kobj) return g;
    return nullptr;
}

void kobject_init_internal(kobject* kobj) {
    if (!kobj) return;
    kref_init(&kobj->kref);
    INIT_LIST_HEAD(&kobj->entry);
    kobj->state_in_sysfs = 0;
    kobj->state_add_uevent_sent = 0;
    kobj->state_remove_uevent_sent = 0;
    kobj->state_initialized = 1;
}

void kobj_kset_join(kobject* kobj) {
    if (!kobj->kset) return;
    kset_get(kobj->kset);
    list_add_tail(&kobj->entry, &kobj->kset->list);
}

void kobj_kset_leave(kobject* kobj) {
    if (!kobj->kset) return;
    list_del_init(&kobj->entry);
    kset_put(kobj->kset);
}

int create_dir(kobject* kobj) {
    int error = sysfs_create_dir_ns(kobj, nullptr);
    if (error) return error;
    if (kobj->ktype) {
        error = sysfs_create_groups(kobj, kobj->ktype->default_groups);
        if (error) {
            sysfs_remove_dir(kobj);
            return error;
        }
    }
    return 0;
}

int kobject_add_internal(kobject* kobj) {
    Kernel& k = this_kernel();
    if (!kobj) return -ENOENT;
    if (!kobj->name || !kobj->name[0]) {
        warn_report(k, "lib/kobject.c", 219, caller_pc(),
                    kfmt("kobject: (%p): attempted to be registered with empty name!\n", static_cast<void*>(kobj)));
        return -EINVAL;
    }
    kobject* parent = kobject_get(kobj->parent);
    // A kset member without a parent goes under its kset.
    if (kobj->kset) {
        if (!parent) parent = kobject_get(&kobj->kset->kobj);
        kobj_kset_join(kobj);
        kobj->parent = parent;
    }
    int error = create_dir(kobj);
    if (error) {
        kobj_kset_leave(kobj);
        kobject_put(parent);
        kobj->parent = nullptr;
        if (error == -EEXIST)
            printk_emit(k, LOGLEVEL_ERR,
                        "kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same "
                        "name in the same directory.\n",
                        kobject_name(kobj));
        else
            printk_emit(k, LOGLEVEL_ERR, "kobject_add_internal failed for %s (error: %d parent: %s)\n",
                        kobject_name(kobj), error, parent ? kobject_name(parent) : "'none'");
    } else {
        kobj->state_in_sysfs = 1;
    }
    return error;
}

int kobject_add_varg(kobject* kobj, kobject* parent, const char* fmt, va_list vargs) {
    int retval = kobject_set_name_vargs(kobj, fmt, vargs);
    if (retval) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "kobject: can not set name properly!\n");
        return retval;
    }
    kobj->parent = parent;
    return kobject_add_internal(kobj);
}

void kobject_del_internal(kobject* kobj) {
    if (kobj->ktype) sysfs_remove_groups(kobj, kobj->ktype->default_groups);
    if (kobj->state_add_uevent_sent && !kobj->state_remove_uevent_sent) kobject_uevent(kobj, KOBJ_REMOVE);
    sysfs_remove_dir(kobj);
    kobj->state_in_sysfs = 0;
    kobj_kset_leave(kobj);
    kobj->parent = nullptr;
}

// The last reference: out of sysfs if still there, the type's release(), the name freed.
void kobject_cleanup(kobject* kobj) {
    kobject* parent = kobj->parent;
    const kobj_type* t = kobj->ktype;
    const char* name = kobj->name;
    if (kobj->state_in_sysfs) kobject_del_internal(kobj);
    else parent = nullptr;
    if (t && t->release) t->release(kobj);
    // Without release() 6.1 only says so at debug level, and leaks the object.
    if (name) kfree(name);
    kobject_put(parent);
}

void kobject_release(kref* kref) { kobject_cleanup(container_of(kref, kobject, kref)); }

void dynamic_kobj_release(kobject* kobj) { kfree(kobj); }

const kobj_type dynamic_kobj_ktype = {dynamic_kobj_release, &kobj_sysfs_ops, nullptr, nullptr, nullptr, nullptr};

void kset_release(kobject* kobj) { kfree(container_of(kobj, kset, kobj)); }

const kobj_type kset_ktype = {kset_release, &kobj_sysfs_ops, nullptr, nullptr, nullptr, nullptr};

ssize_t kobj_attr_show(kobject* kobj, attribute* attr, char* buf) {
    auto* kattr = container_of(attr, kobj_attribute, attr);
    return kattr->show ? kattr->show(kobj, kattr, buf) : -EIO;
}

ssize_t kobj_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count) {
    auto* kattr = container_of(attr, kobj_attribute, attr);
    return kattr->store ? kattr->store(kobj, kattr, buf, count) : -EIO;
}

}  // namespace

void sysfs_init(Kernel& k) {
    for (const GlobalKobj* g : kGlobals) kernfs_mkdir_p(k, g->path, 0755);
    kernfs_mkdir_p(k, "/sys/module", 0755);
}

bool is_global_kobj(const kobject* kobj) { return global_of(kobj) != nullptr; }
kobject* class_root_kobj() { return &g_class.kobj; }
kobject* devices_root_kobj() { return &g_devices.kobj; }

KernfsNode* sysfs_dir(Kernel& k, kobject* kobj) {
    if (!kobj) return kernfs_lookup(k, "/sys");
    if (const GlobalKobj* g = global_of(kobj)) {
        KernfsNode* n = kernfs_mkdir_p(k, g->path, 0755);
        return IS_ERR(n) ? nullptr : n;
    }
    return reinterpret_cast<KernfsNode*>(kobj->sd);
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

struct kobject* kernel_kobj = &g_kernel.kobj;
struct kobject* mm_kobj = &g_mm.kobj;
struct kobject* hypervisor_kobj = &g_hypervisor.kobj;
struct kobject* power_kobj = &g_power.kobj;
struct kobject* firmware_kobj = &g_firmware.kobj;

const struct sysfs_ops kobj_sysfs_ops = {kobj_attr_show, kobj_attr_store};

int kobject_set_name_vargs(struct kobject* kobj, const char* fmt, va_list vargs) {
    if (kobj->name && !fmt) return 0;
    va_list copy;
    va_copy(copy, vargs);
    int n = emu::kern::kernel_vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    if (n < 0) return -EINVAL;
    auto* s = static_cast<char*>(kmalloc(static_cast<std::size_t>(n) + 1, GFP_KERNEL));
    if (!s) return -ENOMEM;
    emu::kern::kernel_vsnprintf(s, static_cast<std::size_t>(n) + 1, fmt, vargs);
    // A '/' cannot be in a sysfs name: it becomes '!'.
    for (char* p = s; *p; ++p)
        if (*p == '/') *p = '!';
    kfree(kobj->name);
    kobj->name = s;
    return 0;
}

int kobject_set_name(struct kobject* kobj, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int ret = kobject_set_name_vargs(kobj, fmt, ap);
    va_end(ap);
    return ret;
}

void kobject_init(struct kobject* kobj, const struct kobj_type* ktype) {
    Kernel& k = this_kernel();
    const char* err = nullptr;
    if (!kobj) err = "invalid kobject pointer!";
    else if (!ktype) err = "must have a ktype to be initialized properly!\n";
    if (err) {
        printk_emit(k, LOGLEVEL_ERR, "kobject (%p): %s\n", static_cast<void*>(kobj), err);
        dump_stack_current();
        return;
    }
    if (kobj->state_initialized) {
        printk_emit(k, LOGLEVEL_ERR,
                    "kobject (%p): tried to init an initialized object, something is seriously wrong.\n",
                    static_cast<void*>(kobj));
        dump_stack_current();
    }
    kobject_init_internal(kobj);
    kobj->ktype = ktype;
}

int kobject_add(struct kobject* kobj, struct kobject* parent, const char* fmt, ...) {
    if (!kobj) return -EINVAL;
    if (!kobj->state_initialized) {
        printk_emit(this_kernel(), LOGLEVEL_ERR,
                    "kobject '%s' (%p): tried to add an uninitialized object, something is seriously wrong.\n",
                    kobject_name(kobj), static_cast<void*>(kobj));
        dump_stack_current();
        return -EINVAL;
    }
    va_list ap;
    va_start(ap, fmt);
    int ret = kobject_add_varg(kobj, parent, fmt, ap);
    va_end(ap);
    return ret;
}

int kobject_init_and_add(struct kobject* kobj, const struct kobj_type* ktype, struct kobject* parent, const char* fmt,
                         ...) {
    kobject_init(kobj, ktype);
    va_list ap;
    va_start(ap, fmt);
    int ret = kobject_add_varg(kobj, parent, fmt, ap);
    va_end(ap);
    return ret;
}

void kobject_del(struct kobject* kobj) {
    if (!kobj || is_global_kobj(kobj)) return;
    kobject* parent = kobj->parent;
    kobject_del_internal(kobj);
    kobject_put(parent);
}

struct kobject* kobject_get(struct kobject* kobj) {
    if (!kobj || is_global_kobj(kobj)) return kobj;
    if (!kobj->state_initialized)
        warn_report(this_kernel(), "lib/kobject.c", 632, caller_pc(),
                    kfmt("kobject: '%s' (%p): is not initialized, yet kobject_get() is being called.\n",
                          kobject_name(kobj), static_cast<void*>(kobj)));
    kref_get(&kobj->kref);
    return kobj;
}

struct kobject* kobject_get_unless_zero(struct kobject* kobj) {
    if (!kobj) return nullptr;
    if (is_global_kobj(kobj)) return kobj;
    return kref_get_unless_zero(&kobj->kref) ? kobj : nullptr;
}

void kobject_put(struct kobject* kobj) {
    if (!kobj || is_global_kobj(kobj)) return;
    if (!kobj->state_initialized)
        warn_report(this_kernel(), "lib/kobject.c", 719, caller_pc(),
                    kfmt("kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
                          kobject_name(kobj), static_cast<void*>(kobj)));
    kref_put(&kobj->kref, kobject_release);
}

struct kobject* kobject_create_and_add(const char* name, struct kobject* parent) {
    auto* kobj = static_cast<kobject*>(kzalloc(sizeof(kobject), GFP_KERNEL));
    if (!kobj) return nullptr;
    kobject_init(kobj, &dynamic_kobj_ktype);
    int retval = kobject_add(kobj, parent, "%s", name);
    if (retval) {
        printk_emit(this_kernel(), LOGLEVEL_WARNING, "kobject_create_and_add: kobject_add error: %d\n", retval);
        kobject_put(kobj);
        kobj = nullptr;
    }
    return kobj;
}

const void* kobject_namespace(struct kobject*) { return nullptr; }

void kobject_get_ownership(struct kobject* kobj, kuid_t* uid, kgid_t* gid) {
    uid->val = 0;
    gid->val = 0;
    if (kobj->ktype && kobj->ktype->get_ownership) kobj->ktype->get_ownership(kobj, uid, gid);
}

// "/kernel/foo": the path below /sys, as uevents and kobject_get_path() give it.
char* kobject_get_path(const struct kobject* kobj, gfp_t gfp) {
    std::string path;
    for (const kobject* p = kobj; p; p = p->parent) {
        if (!p->name) return nullptr;
        if (const GlobalKobj* g = global_of(p)) {
            path = std::string(g->path + 4) + path;  // past "/sys"
            break;
        }
        path = "/" + std::string(p->name) + path;
    }
    auto* out = static_cast<char*>(kmalloc(path.size() + 1, gfp));
    if (out) std::memcpy(out, path.c_str(), path.size() + 1);
    return out;
}

void kset_init(struct kset* k) {
    kobject_init_internal(&k->kobj);
    INIT_LIST_HEAD(&k->list);
    spin_lock_init(&k->list_lock);
}

int kset_register(struct kset* k) {
    if (!k) return -EINVAL;
    kset_init(k);
    int err = kobject_add_internal(&k->kobj);
    if (err) return err;
    kobject_uevent(&k->kobj, KOBJ_ADD);
    return 0;
}

void kset_unregister(struct kset* k) {
    if (!k) return;
    kobject_del(&k->kobj);
    kobject_put(&k->kobj);
}

struct kset* kset_create_and_add(const char* name, const struct kset_uevent_ops* uevent_ops,
                                 struct kobject* parent_kobj) {
    auto* k = static_cast<kset*>(kzalloc(sizeof(kset), GFP_KERNEL));
    if (!k) return nullptr;
    if (kobject_set_name(&k->kobj, "%s", name)) {
        kfree(k);
        return nullptr;
    }
    k->uevent_ops = uevent_ops;
    k->kobj.parent = parent_kobj;
    k->kobj.ktype = &kset_ktype;
    k->kobj.kset = nullptr;
    if (kset_register(k)) {
        kfree(k);
        return nullptr;
    }
    return k;
}

struct kobject* kset_find_obj(struct kset* k, const char* name) {
    list_head* pos;
    list_for_each(pos, &k->list) {
        kobject* obj = list_entry(pos, kobject, entry);
        if (kobject_name(obj) && std::strcmp(kobject_name(obj), name) == 0) return kobject_get_unless_zero(obj);
    }
    return nullptr;
}

// No uevent listener in emu: the event is sent to nobody.
int kobject_uevent_env(struct kobject* kobj, enum kobject_action action, char*[]) {
    if (action == KOBJ_ADD) kobj->state_add_uevent_sent = 1;
    else if (action == KOBJ_REMOVE) kobj->state_remove_uevent_sent = 1;
    return 0;
}

int kobject_uevent(struct kobject* kobj, enum kobject_action action) { return kobject_uevent_env(kobj, action, nullptr); }

int add_uevent_var(struct kobj_uevent_env* env, const char* format, ...) {
    if (env->envp_idx >= static_cast<int>(ARRAY_SIZE(env->envp))) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "add_uevent_var: too many keys\n");
        return -ENOMEM;
    }
    va_list ap;
    va_start(ap, format);
    int len = emu::kern::kernel_vsnprintf(&env->buf[env->buflen],
                                          sizeof(env->buf) - static_cast<std::size_t>(env->buflen), format, ap);
    va_end(ap);
    if (len >= static_cast<int>(sizeof(env->buf)) - env->buflen) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "add_uevent_var: buffer size too small\n");
        return -ENOMEM;
    }
    env->envp[env->envp_idx++] = &env->buf[env->buflen];
    env->buflen += len + 1;
    return 0;
}

}  // extern "C"
