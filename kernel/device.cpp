// The device model's basics (drivers/base/core.c, class.c, devres.c): classes
// under /sys/class, devices with their "dev" and "uevent" attributes and the
// /dev node devtmpfs makes for a device with a major number, device
// attributes and groups, dev_printk() and devm_*() allocations released with
// the device. A class device's directory is /sys/class/CLASS/NAME itself
// (6.1 puts it under /sys/devices/virtual/ with a symbolic link there; the
// tree has no links). Messages are 6.1's.
#include "kernel/sysfs.hpp"

#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/device.h"
#include "kernel/include/linux/err.h"
#include "kernel/include/linux/slab.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

// drivers/base/base.h: what the core keeps beside a class and a device.
struct subsys_private {
    kset subsys;          // /sys/class/NAME
    list_head devices;    // its devices, by device_private::class_node
    emu_class* cls;
};

struct device_private {
    list_head class_node;
    device* dev;
};

namespace emu::kern {

namespace {

constexpr long kPage = 4096;

__attribute__((noinline)) std::uintptr_t caller_pc() { return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)); }

// The message with its "DRIVER NAME: " prefix (__dev_printk()).
void dev_vprint(int level, const device* dev, const char* fmt, va_list args) {
    Kernel& k = this_kernel();
    va_list copy;
    va_copy(copy, args);
    int n = emu::kern::kernel_vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    std::string msg(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    if (n > 0) emu::kern::kernel_vsnprintf(msg.data(), msg.size() + 1, fmt, args);
    if (dev)
        printk_emit(k, level, "%s %s: %s", dev_driver_string(dev), dev_name(dev), msg.c_str());
    else
        printk_emit(k, level, "(NULL device *): %s", msg.c_str());
}

void dev_print(int level, const device* dev, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    dev_vprint(level, dev, fmt, ap);
    va_end(ap);
}

// ---------------------------------------------------------------- devres

// One devm_*() resource: the header, then the caller's bytes.
struct Devres {
    list_head entry;
    void (*action)(void*);  // devm_add_action(): run at release
    void* data;
    std::size_t size;
    alignas(16) unsigned char payload[16];
};
constexpr std::size_t kDevresHeader = offsetof(Devres, payload);

Devres* devres_of_payload(const void* p) {
    return reinterpret_cast<Devres*>(const_cast<unsigned char*>(static_cast<const unsigned char*>(p)) - kDevresHeader);
}

// Newest first, as 6.1 releases them.
void devres_release_all(device* dev) {
    if (!dev->devres_head.next) return;  // never initialized
    while (!list_empty(&dev->devres_head)) {
        Devres* dr = list_entry(dev->devres_head.prev, Devres, entry);
        list_del(&dr->entry);
        if (dr->action) dr->action(dr->data);
        kfree(dr);
    }
}

// ---------------------------------------------------------------- classes

emu_class* to_class(kobject* kobj) { return container_of(kobj, subsys_private, subsys.kobj)->cls; }

void class_release(kobject* kobj) {
    subsys_private* cp = container_of(kobj, subsys_private, subsys.kobj);
    emu_class* cls = cp->cls;
    if (cls->class_release) cls->class_release(cls);
    kfree(cp);
}

ssize_t class_attr_show(kobject* kobj, attribute* attr, char* buf) {
    auto* ca = container_of(attr, class_attribute, attr);
    return ca->show ? ca->show(to_class(kobj), ca, buf) : -EIO;
}

ssize_t class_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count) {
    auto* ca = container_of(attr, class_attribute, attr);
    return ca->store ? ca->store(to_class(kobj), ca, buf, count) : -EIO;
}

const sysfs_ops class_sysfs_ops = {class_attr_show, class_attr_store};
const kobj_type class_ktype = {class_release, &class_sysfs_ops, nullptr, nullptr, nullptr, nullptr};

void class_create_release(emu_class* cls) { kfree(cls); }

// ---------------------------------------------------------------- devices

ssize_t dev_attr_show(kobject* kobj, attribute* attr, char* buf) {
    auto* da = container_of(attr, device_attribute, attr);
    if (!da->show) return -EIO;
    ssize_t ret = da->show(kobj_to_dev(kobj), da, buf);
    if (ret >= kPage)
        printk_emit(this_kernel(), LOGLEVEL_DEFAULT, "dev_attr_show: %s returned bad count\n",
                    format_symbol(this_kernel(), reinterpret_cast<std::uintptr_t>(da->show)).c_str());
    return ret;
}

ssize_t dev_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count) {
    auto* da = container_of(attr, device_attribute, attr);
    return da->store ? da->store(kobj_to_dev(kobj), da, buf, count) : -EIO;
}

const sysfs_ops dev_sysfs_ops = {dev_attr_show, dev_attr_store};

void device_release(kobject* kobj) {
    device* dev = kobj_to_dev(kobj);
    device_private* p = dev->p;
    // Managed resources go with the device, whether or not a driver was bound.
    devres_release_all(dev);
    if (dev->release) dev->release(dev);
    else if (dev->type && dev->type->release) dev->type->release(dev);
    else if (dev->cls && dev->cls->dev_release) dev->cls->dev_release(dev);
    else
        warn_report(this_kernel(), "drivers/base/core.c", 2332, caller_pc(),
                    kfmt("Device '%s' does not have a release() function, it is broken and must be fixed. See "
                         "Documentation/core-api/kobject.rst.\n",
                         dev_name(dev)));
    kfree(p);
}

const kobj_type device_ktype = {device_release, &dev_sysfs_ops, nullptr, nullptr, nullptr, nullptr};

// print_dev_t(): "MAJOR:MINOR".
ssize_t dev_show(device* dev, device_attribute*, char* buf) {
    return sysfs_emit(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}

ssize_t uevent_show(device* dev, device_attribute*, char* buf) {
    int len = 0;
    if (MAJOR(dev->devt)) {
        len += sysfs_emit_at(buf, len, "MAJOR=%u\nMINOR=%u\n", MAJOR(dev->devt), MINOR(dev->devt));
        len += sysfs_emit_at(buf, len, "DEVNAME=%s\n", dev_name(dev));
    }
    if (dev->type && dev->type->name) len += sysfs_emit_at(buf, len, "DEVTYPE=%s\n", dev->type->name);
    if (dev->driver) len += sysfs_emit_at(buf, len, "DRIVER=%s\n", dev->driver->name);
    return len;
}

// Writing an action asks for a synthetic uevent: nobody listens in emu, so
// only the action word is checked (lib/kobject_uevent.c's kobject_synth_uevent()).
ssize_t uevent_store(device* dev, device_attribute*, const char* buf, size_t count) {
    static const char* const kActions[] = {"add", "remove", "change", "move", "online", "offline", "bind", "unbind"};
    std::string action(buf, count);
    auto end = action.find_first_of(" \n");
    if (end != std::string::npos) action.resize(end);
    for (const char* a : kActions)
        if (action == a) return static_cast<ssize_t>(count);
    char* devpath = kobject_get_path(&dev->kobj, GFP_KERNEL);
    printk_emit(this_kernel(), LOGLEVEL_WARNING, "synth uevent: %s: unknown uevent action string\n",
                devpath ? devpath : "unknown device");
    kfree(devpath);
    dev_print(LOGLEVEL_ERR, dev, "uevent: failed to send synthetic uevent: %d\n", -EINVAL);
    return -EINVAL;
}

const device_attribute dev_attr_dev = {{"dev", 0444}, dev_show, nullptr};
const device_attribute dev_attr_uevent = {{"uevent", 0644}, uevent_show, uevent_store};

// device_get_devnode(): the device type's or class's name for the node, else
// the device's name with '!' for '/'. *tmp is what to kfree() afterwards.
const char* device_get_devnode(device* dev, umode_t* mode, char** tmp) {
    *tmp = nullptr;
    kuid_t uid{};
    kgid_t gid{};
    if (dev->type && dev->type->devnode) *tmp = dev->type->devnode(dev, mode, &uid, &gid);
    if (*tmp) return *tmp;
    if (dev->cls && dev->cls->devnode) *tmp = dev->cls->devnode(dev, mode);
    if (*tmp) return *tmp;
    const char* name = dev_name(dev);
    if (!std::strchr(name, '!')) return name;
    std::size_t n = std::strlen(name) + 1;
    *tmp = static_cast<char*>(kmalloc(n, GFP_KERNEL));
    if (!*tmp) return nullptr;
    for (std::size_t i = 0; i < n; ++i) (*tmp)[i] = name[i] == '!' ? '/' : name[i];
    return *tmp;
}

int devtmpfs_create(Kernel& k, device* dev) {
    umode_t mode = 0;
    char* tmp = nullptr;
    const char* name = device_get_devnode(dev, &mode, &tmp);
    if (!name) return -ENOMEM;
    int err = devtmpfs_create_node(k, name, mode ? mode : 0600, dev->devt);
    kfree(tmp);
    return err;
}

// Where the device's directory goes (get_device_parent()).
kobject* device_parent_kobj(device* dev) {
    if (dev->cls && !dev->parent) return &dev->cls->p->subsys.kobj;
    if (dev->parent) return &dev->parent->kobj;
    return devices_root_kobj();
}

int device_add_attrs(device* dev) {
    int error = 0;
    if (dev->cls) error = device_add_groups(dev, dev->cls->dev_groups);
    if (!error && dev->type) {
        error = device_add_groups(dev, dev->type->groups);
        if (error && dev->cls) device_remove_groups(dev, dev->cls->dev_groups);
    }
    if (!error) {
        error = device_add_groups(dev, dev->groups);
        if (error) {
            if (dev->type) device_remove_groups(dev, dev->type->groups);
            if (dev->cls) device_remove_groups(dev, dev->cls->dev_groups);
        }
    }
    return error;
}

void device_remove_attrs(device* dev) {
    device_remove_groups(dev, dev->groups);
    if (dev->type) device_remove_groups(dev, dev->type->groups);
    if (dev->cls) device_remove_groups(dev, dev->cls->dev_groups);
}

void device_create_release(device* dev) { kfree(dev); }

device* device_create_groups_vargs(emu_class* cls, device* parent, emu_dev_t devt, void* drvdata,
                                   const attribute_group** groups, const char* fmt, va_list args) {
    int retval = -ENODEV;
    device* dev = nullptr;
    if (IS_ERR_OR_NULL(cls)) return static_cast<device*>(ERR_PTR(retval));
    dev = static_cast<device*>(kzalloc(sizeof(device), GFP_KERNEL));
    if (!dev) return static_cast<device*>(ERR_PTR(-ENOMEM));
    device_initialize(dev);
    dev->devt = devt;
    dev->cls = cls;
    dev->parent = parent;
    dev->groups = groups;
    dev->release = device_create_release;
    dev_set_drvdata(dev, drvdata);
    retval = kobject_set_name_vargs(&dev->kobj, fmt, args);
    if (!retval) retval = device_add(dev);
    if (retval) {
        put_device(dev);
        return static_cast<device*>(ERR_PTR(retval));
    }
    return dev;
}

// A KERN_<LEVEL> string's level ("\0013" -> 3); the default level otherwise.
int level_of(const char* level) {
    if (level && level[0] == KERN_SOH_ASCII && level[1] >= '0' && level[1] <= '7') return level[1] - '0';
    return LOGLEVEL_DEFAULT;
}

}  // namespace

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

// ---------------------------------------------------------------- class.c

int __class_register(struct emu_class* cls, struct lock_class_key*) {
    auto* cp = static_cast<subsys_private*>(kzalloc(sizeof(subsys_private), GFP_KERNEL));
    if (!cp) return -ENOMEM;
    INIT_LIST_HEAD(&cp->devices);
    int error = kobject_set_name(&cp->subsys.kobj, "%s", cls->name);
    if (error) {
        kfree(cp);
        return error;
    }
    cp->subsys.kobj.parent = class_root_kobj();
    cp->subsys.kobj.ktype = &class_ktype;
    cp->cls = cls;
    cls->p = cp;
    error = kset_register(&cp->subsys);
    if (error) {
        kfree(cp->subsys.kobj.name);
        kfree(cp);
        cls->p = nullptr;
        return error;
    }
    error = sysfs_create_groups(&cp->subsys.kobj, cls->class_groups);
    if (error) {
        kobject_del(&cp->subsys.kobj);
        kfree(cp->subsys.kobj.name);
        kfree(cp);
        cls->p = nullptr;
    }
    return error;
}

void class_unregister(struct emu_class* cls) {
    sysfs_remove_groups(&cls->p->subsys.kobj, cls->class_groups);
    kset_unregister(&cls->p->subsys);
}

struct emu_class* __class_create(struct module* owner, const char* name, struct lock_class_key* key) {
    auto* cls = static_cast<emu_class*>(kzalloc(sizeof(emu_class), GFP_KERNEL));
    if (!cls) return static_cast<emu_class*>(ERR_PTR(-ENOMEM));
    cls->name = name;
    cls->owner = owner;
    cls->class_release = class_create_release;
    int retval = __class_register(cls, key);
    if (retval) {
        kfree(cls);
        return static_cast<emu_class*>(ERR_PTR(retval));
    }
    return cls;
}

void class_destroy(struct emu_class* cls) {
    if (IS_ERR_OR_NULL(cls)) return;
    class_unregister(cls);
}

int class_create_file_ns(struct emu_class* cls, const struct class_attribute* attr, const void* ns) {
    if (!cls) return -EINVAL;
    return sysfs_create_file_ns(&cls->p->subsys.kobj, &attr->attr, ns);
}

void class_remove_file_ns(struct emu_class* cls, const struct class_attribute* attr, const void* ns) {
    if (cls) sysfs_remove_file_ns(&cls->p->subsys.kobj, &attr->attr, ns);
}

struct device* class_find_device(struct emu_class* cls, struct device* start, const void* data,
                                 int (*match)(struct device*, const void*)) {
    if (!cls || !cls->p) return nullptr;
    bool started = !start;
    list_head* pos;
    list_for_each(pos, &cls->p->devices) {
        device* dev = list_entry(pos, device_private, class_node)->dev;
        if (!started) {
            started = dev == start;
            continue;
        }
        if (match(dev, data)) return get_device(dev);
    }
    return nullptr;
}

int class_for_each_device(struct emu_class* cls, struct device* start, void* data,
                          int (*fn)(struct device* dev, void* data)) {
    if (!cls) return -EINVAL;
    if (!cls->p) {
        warn_report(this_kernel(), "drivers/base/class.c", 395, caller_pc(),
                    kfmt("%s called for class '%s' before it was initialized", "class_for_each_device", cls->name));
        return -EINVAL;
    }
    bool started = !start;
    list_head *pos, *n;
    list_for_each_safe(pos, n, &cls->p->devices) {
        device* dev = list_entry(pos, device_private, class_node)->dev;
        if (!started) {
            started = dev == start;
            continue;
        }
        if (int error = fn(dev, data)) return error;
    }
    return 0;
}

// ---------------------------------------------------------------- core.c

int dev_set_name(struct device* dev, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int err = kobject_set_name_vargs(&dev->kobj, fmt, ap);
    va_end(ap);
    return err;
}

const char* dev_driver_string(const struct device* dev) {
    if (dev->driver) return dev->driver->name;
    if (dev->bus) return dev->bus->name;
    return dev->cls ? dev->cls->name : "";
}

void device_initialize(struct device* dev) {
    dev->kobj.kset = nullptr;
    kobject_init(&dev->kobj, &device_ktype);
    __mutex_init(&dev->mutex, "&dev->mutex", nullptr);
    spin_lock_init(&dev->devres_lock);
    INIT_LIST_HEAD(&dev->devres_head);
}

int device_add(struct device* dev) {
    Kernel& k = this_kernel();
    dev = get_device(dev);
    if (!dev) return -EINVAL;
    int error = 0;
    if (!dev->p) {
        dev->p = static_cast<device_private*>(kzalloc(sizeof(device_private), GFP_KERNEL));
        if (!dev->p) {
            put_device(dev);
            return -ENOMEM;
        }
        dev->p->dev = dev;
        INIT_LIST_HEAD(&dev->p->class_node);
    }
    // A statically named device takes its name now.
    if (dev->init_name) {
        error = dev_set_name(dev, "%s", dev->init_name);
        dev->init_name = nullptr;
    }
    if (!error) {
        if (dev_name(dev)) error = 0;
        else if (dev->bus && dev->bus->dev_name) error = dev_set_name(dev, "%s%u", dev->bus->dev_name, dev->id);
        else error = -EINVAL;
    }
    if (error) {
        put_device(dev);
        return error;
    }
    device* parent = get_device(dev->parent);
    error = kobject_add(&dev->kobj, device_parent_kobj(dev), nullptr);
    if (error) {
        put_device(parent);
        put_device(dev);
        return error;
    }
    error = device_create_file(dev, &dev_attr_uevent);
    if (!error) error = device_add_attrs(dev);
    if (!error && MAJOR(dev->devt)) {
        error = device_create_file(dev, &dev_attr_dev);
        if (!error) devtmpfs_create(k, dev);
    }
    if (error) {
        device_remove_attrs(dev);
        device_remove_file(dev, &dev_attr_uevent);
        kobject_del(&dev->kobj);
        put_device(parent);
        put_device(dev);
        return error;
    }
    kobject_uevent(&dev->kobj, KOBJ_ADD);
    if (dev->cls) list_add_tail(&dev->p->class_node, &dev->cls->p->devices);
    put_device(dev);
    return 0;
}

void device_del(struct device* dev) {
    Kernel& k = this_kernel();
    device* parent = dev->parent;
    if (MAJOR(dev->devt)) {
        devtmpfs_delete_node(k, dev->devt);
        device_remove_file(dev, &dev_attr_dev);
    }
    if (dev->cls && dev->p) list_del_init(&dev->p->class_node);
    device_remove_attrs(dev);
    device_remove_file(dev, &dev_attr_uevent);
    kobject_uevent(&dev->kobj, KOBJ_REMOVE);
    kobject_del(&dev->kobj);
    put_device(parent);
}

int device_register(struct device* dev) {
    device_initialize(dev);
    return device_add(dev);
}

void device_unregister(struct device* dev) {
    device_del(dev);
    put_device(dev);
}

struct device* get_device(struct device* dev) { return dev ? kobj_to_dev(kobject_get(&dev->kobj)) : nullptr; }

void put_device(struct device* dev) {
    if (dev) kobject_put(&dev->kobj);
}

struct device* device_create(struct emu_class* cls, struct device* parent, emu_dev_t devt, void* drvdata,
                             const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    device* dev = device_create_groups_vargs(cls, parent, devt, drvdata, nullptr, fmt, ap);
    va_end(ap);
    return dev;
}

struct device* device_create_with_groups(struct emu_class* cls, struct device* parent, emu_dev_t devt, void* drvdata,
                                         const struct attribute_group** groups, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    device* dev = device_create_groups_vargs(cls, parent, devt, drvdata, groups, fmt, ap);
    va_end(ap);
    return dev;
}

static int match_devt(struct device* dev, const void* data) { return dev->devt == *static_cast<const emu_dev_t*>(data); }

void device_destroy(struct emu_class* cls, emu_dev_t devt) {
    device* dev = class_find_device(cls, nullptr, &devt, match_devt);
    if (dev) {
        put_device(dev);
        device_unregister(dev);
    }
}

int device_create_file(struct device* dev, const struct device_attribute* attr) {
    if (!dev) return 0;
    Kernel& k = this_kernel();
    if ((attr->attr.mode & 0222) && !attr->store)
        warn_report(k, "drivers/base/core.c", 2786, caller_pc(),
                    kfmt("Attribute %s: write permission without 'store'\n", attr->attr.name));
    if ((attr->attr.mode & 0444) && !attr->show)
        warn_report(k, "drivers/base/core.c", 2788, caller_pc(),
                    kfmt("Attribute %s: read permission without 'show'\n", attr->attr.name));
    return sysfs_create_file(&dev->kobj, &attr->attr);
}

void device_remove_file(struct device* dev, const struct device_attribute* attr) {
    if (dev) sysfs_remove_file(&dev->kobj, &attr->attr);
}

int device_add_groups(struct device* dev, const struct attribute_group** groups) {
    return sysfs_create_groups(&dev->kobj, groups);
}

void device_remove_groups(struct device* dev, const struct attribute_group** groups) {
    sysfs_remove_groups(&dev->kobj, groups);
}

int device_add_group(struct device* dev, const struct attribute_group* grp) {
    const attribute_group* groups[] = {grp, nullptr};
    return device_add_groups(dev, groups);
}

void device_remove_group(struct device* dev, const struct attribute_group* grp) {
    const attribute_group* groups[] = {grp, nullptr};
    device_remove_groups(dev, groups);
}

// ---------------------------------------------------------------- dev_printk

int dev_vprintk_emit(int level, const struct device* dev, const char* fmt, va_list args) {
    (void)dev;  // the record's dictionary (SUBSYSTEM=, DEVICE=) is not kept
    return vprintk_emit(this_kernel(), level, fmt, args);
}

int dev_printk_emit(int level, const struct device* dev, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = dev_vprintk_emit(level, dev, fmt, ap);
    va_end(ap);
    return n;
}

void _dev_printk(const char* level, const struct device* dev, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    dev_vprint(level_of(level), dev, fmt, ap);
    va_end(ap);
}

#define EMU_DEV_PRINTK_LEVEL(func, lvl) \
    void func(const struct device* dev, const char* fmt, ...) { \
        va_list ap; \
        va_start(ap, fmt); \
        dev_vprint(lvl, dev, fmt, ap); \
        va_end(ap); \
    }
EMU_DEV_PRINTK_LEVEL(_dev_emerg, LOGLEVEL_EMERG)
EMU_DEV_PRINTK_LEVEL(_dev_alert, LOGLEVEL_ALERT)
EMU_DEV_PRINTK_LEVEL(_dev_crit, LOGLEVEL_CRIT)
EMU_DEV_PRINTK_LEVEL(_dev_err, LOGLEVEL_ERR)
EMU_DEV_PRINTK_LEVEL(_dev_warn, LOGLEVEL_WARNING)
EMU_DEV_PRINTK_LEVEL(_dev_notice, LOGLEVEL_NOTICE)
EMU_DEV_PRINTK_LEVEL(_dev_info, LOGLEVEL_INFO)
#undef EMU_DEV_PRINTK_LEVEL

// "error -ENOMEM: message" (%pe prints the errno's name), except for
// -EPROBE_DEFER, which stays silent unless DEBUG.
int dev_err_probe(const struct device* dev, int err, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = emu::kern::kernel_vsnprintf(nullptr, 0, fmt, ap);
    va_end(ap);
    std::string msg(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
    va_start(ap, fmt);
    if (n > 0) emu::kern::kernel_vsnprintf(msg.data(), msg.size() + 1, fmt, ap);
    va_end(ap);
    constexpr int kEprobeDefer = 517;
    if (err != -kEprobeDefer) {
        const char* name = err < 0 ? strerrorname_np(-err) : nullptr;
        std::string e = name ? std::string("-") + name : std::to_string(err);
        _dev_err(dev, "error %s: %s", e.c_str(), msg.c_str());
    }
    return err;
}

// ---------------------------------------------------------------- devres.c

void* devm_kmalloc(struct device* dev, size_t size, gfp_t gfp) {
    if (!size) return ZERO_SIZE_PTR;
    auto* dr = static_cast<Devres*>(kmalloc(kDevresHeader + size, gfp));
    if (!dr) return nullptr;
    dr->action = nullptr;
    dr->data = nullptr;
    dr->size = size;
    list_add_tail(&dr->entry, &dev->devres_head);
    return dr->payload;
}

void devm_kfree(struct device* dev, const void* p) {
    // Memory not from devm_kmalloc() (a literal, ZERO_SIZE_PTR) is left alone.
    if (!p || p == ZERO_SIZE_PTR) return;
    list_head* pos;
    list_for_each(pos, &dev->devres_head) {
        Devres* dr = list_entry(pos, Devres, entry);
        if (!dr->action && dr->payload == p) {
            list_del(&dr->entry);
            kfree(dr);
            return;
        }
    }
    warn_report(this_kernel(), "drivers/base/devres.c", 1057, caller_pc(), "");
}

char* devm_kstrdup(struct device* dev, const char* s, gfp_t gfp) {
    if (!s) return nullptr;
    std::size_t n = std::strlen(s) + 1;
    auto* p = static_cast<char*>(devm_kmalloc(dev, n, gfp));
    if (p) std::memcpy(p, s, n);
    return p;
}

void* devm_kmemdup(struct device* dev, const void* src, size_t len, gfp_t gfp) {
    void* p = devm_kmalloc(dev, len, gfp);
    if (p && p != ZERO_SIZE_PTR) std::memcpy(p, src, len);
    return p;
}

char* devm_kasprintf(struct device* dev, gfp_t gfp, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = emu::kern::kernel_vsnprintf(nullptr, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return nullptr;
    auto* p = static_cast<char*>(devm_kmalloc(dev, static_cast<std::size_t>(n) + 1, gfp));
    if (!p) return nullptr;
    va_start(ap, fmt);
    emu::kern::kernel_vsnprintf(p, static_cast<std::size_t>(n) + 1, fmt, ap);
    va_end(ap);
    return p;
}

int devm_add_action(struct device* dev, void (*action)(void*), void* data) {
    auto* dr = static_cast<Devres*>(kmalloc(sizeof(Devres), GFP_KERNEL));
    if (!dr) return -ENOMEM;
    dr->action = action;
    dr->data = data;
    dr->size = 0;
    list_add_tail(&dr->entry, &dev->devres_head);
    return 0;
}

void devm_remove_action(struct device* dev, void (*action)(void*), void* data) {
    list_head* pos;
    list_for_each(pos, &dev->devres_head) {
        Devres* dr = list_entry(pos, Devres, entry);
        if (dr->action == action && dr->data == data) {
            list_del(&dr->entry);
            kfree(dr);
            return;
        }
    }
    warn_report(this_kernel(), "drivers/base/devres.c", 770, caller_pc(), "");
}

}  // extern "C"
