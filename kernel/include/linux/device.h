#ifndef _DEVICE_H_
#define _DEVICE_H_
/* The device model's basics (6.1 include/linux/device.h, device/class.h,
 * drivers/base/core.c, class.c, devres.c), as char-device drivers use it:
 * classes (/sys/class/NAME), devices made with device_create() or
 * device_register() (a directory /sys/class/CLASS/NAME with "dev" and
 * "uevent", and the /dev node devtmpfs makes for a device with a major),
 * device attributes, driver data, dev_printk() and devm_k*alloc() (freed
 * when the device is released). Buses, drivers binding, power management
 * and DMA are not modelled: their calls are declared only. */
#include "dev_printk.h"
#include "kobject.h"
#include "list.h"
#include "lockdep.h"
#include "compiler.h"
#include "types.h"
#include "mutex.h"
#include "atomic.h"
#include "uidgid.h"
#include "gfp.h"
#include "err.h"
#include "fs.h"
#include "kdev_t.h"

struct device;
struct device_private;
struct device_driver;
struct driver_private;
struct module;
struct subsys_private;
struct bus_type;
struct device_node;
struct fwnode_handle;
struct dev_pm_ops;
struct kobj_uevent_env;
struct of_device_id;
struct acpi_device_id;

/* "class" is a C++ keyword: the kernel's C++ side calls the same struct emu_class. */
#ifdef __cplusplus
#define __emu_struct_class struct emu_class
#else
#define __emu_struct_class struct class
#endif
__emu_struct_class;

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	int (*uevent)(struct device *dev, struct kobj_uevent_env *env);
	char *(*devnode)(struct device *dev, umode_t *mode, kuid_t *uid, kgid_t *gid);
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};

/* dev_attr_NAME, for device_create_file() and attribute groups. */
#define __emu_dev_attr(_name) struct device_attribute dev_attr_##_name
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	__emu_dev_attr(_name) = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_PREALLOC(_name, _mode, _show, _store) \
	__emu_dev_attr(_name) = __ATTR_PREALLOC(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) __emu_dev_attr(_name) = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) __emu_dev_attr(_name) = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) __emu_dev_attr(_name) = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) __emu_dev_attr(_name) = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) __emu_dev_attr(_name) = __ATTR_WO(_name)

struct device_driver {
	const char *name;
	struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	const struct of_device_id *of_match_table;      /* matched by no bus on emu */
	const struct acpi_device_id *acpi_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	const struct dev_pm_ops *pm;
	void (*coredump)(struct device *dev);
	struct driver_private *p;
};

struct bus_type {
	const char *name;
	const char *dev_name;
	struct device *dev_root;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*uevent)(struct device *dev, struct kobj_uevent_env *env);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct dev_pm_ops *pm;
	struct subsys_private *p;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	struct device_private *p;
	const char *init_name;  /* the name until device_add() */
	const struct device_type *type;
	struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;      /* dev_set_drvdata()/dev_get_drvdata() */
	struct mutex mutex;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	emu_dev_t devt;         /* MAJOR:MINOR; a major gives the device a /dev node */
	u32 id;
	spinlock_t devres_lock;
	struct list_head devres_head;  /* devm_*() allocations, freed at release */
#ifdef __cplusplus
	struct emu_class *cls;  /* "class" in C */
#else
	struct class *class;
#endif
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	bool offline_disabled:1;
	bool offline:1;
};

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

/* Before device_add() names the kobject, init_name is the name. */
static inline const char *dev_name(const struct device *dev)
{ return dev->init_name != NULL ? dev->init_name : kobject_name(&dev->kobj); }
static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }

static inline int dev_to_node(struct device *dev) { (void)dev; return -1; }  /* NUMA_NO_NODE */

__emu_struct_class {
	const char *name;
	struct module *owner;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	struct kobject *dev_kobj;
	int (*dev_uevent)(struct device *dev, struct kobj_uevent_env *env);
	char *(*devnode)(struct device *dev, umode_t *mode);
	void (*class_release)(__emu_struct_class *cls);
	void (*dev_release)(struct device *dev);
	int (*shutdown_pre)(struct device *dev);
	const struct kobj_ns_type_operations *ns_type;
#ifdef __cplusplus
	const void *(*namespace_)(struct device *dev);
#else
	const void *(*namespace)(struct device *dev);
#endif
	void (*get_ownership)(struct device *dev, kuid_t *uid, kgid_t *gid);
	const struct dev_pm_ops *pm;
	struct subsys_private *p;
};

struct class_attribute {
	struct attribute attr;
	ssize_t (*show)(__emu_struct_class *cls, struct class_attribute *attr, char *buf);
	ssize_t (*store)(__emu_struct_class *cls, struct class_attribute *attr, const char *buf, size_t count);
};

#define CLASS_ATTR_RW(_name) struct class_attribute class_attr_##_name = __ATTR_RW(_name)
#define CLASS_ATTR_RO(_name) struct class_attribute class_attr_##_name = __ATTR_RO(_name)
#define CLASS_ATTR_WO(_name) struct class_attribute class_attr_##_name = __ATTR_WO(_name)

EMU_BEGIN_DECLS
/* class.c */
__emu_struct_class * __must_check __class_create(struct module *owner, const char *name, struct lock_class_key *key);
void class_destroy(__emu_struct_class *cls);
int __must_check __class_register(__emu_struct_class *cls, struct lock_class_key *key);
void class_unregister(__emu_struct_class *cls);
int __must_check class_create_file_ns(__emu_struct_class *cls, const struct class_attribute *attr, const void *ns);
void class_remove_file_ns(__emu_struct_class *cls, const struct class_attribute *attr, const void *ns);
struct device *class_find_device(__emu_struct_class *cls, struct device *start, const void *data,
				 int (*match)(struct device *, const void *));
int class_for_each_device(__emu_struct_class *cls, struct device *start, void *data,
			  int (*fn)(struct device *dev, void *data));

/* core.c */
__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
const char *dev_driver_string(const struct device *dev);
void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);
int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
__printf(5, 6) struct device *device_create(__emu_struct_class *cls, struct device *parent, emu_dev_t devt,
					    void *drvdata, const char *fmt, ...);
__printf(6, 7) struct device *device_create_with_groups(__emu_struct_class *cls, struct device *parent,
							emu_dev_t devt, void *drvdata,
							const struct attribute_group **groups,
							const char *fmt, ...);
void device_destroy(__emu_struct_class *cls, emu_dev_t devt);
int __must_check device_create_file(struct device *device, const struct device_attribute *entry);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
int __must_check device_add_groups(struct device *dev, const struct attribute_group **groups);
void device_remove_groups(struct device *dev, const struct attribute_group **groups);
int __must_check device_add_group(struct device *dev, const struct attribute_group *grp);
void device_remove_group(struct device *dev, const struct attribute_group *grp);
int device_rename(struct device *dev, const char *new_name);
int device_move(struct device *dev, struct device *new_parent, int dpm_order);

/* Not modelled: no buses or drivers to bind (Unknown symbol at insmod). */
int __must_check driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
int __must_check bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);
int __must_check device_attach(struct device *dev);
void device_release_driver(struct device *dev);
struct device *__root_device_register(const char *name, struct module *owner);
void root_device_unregister(struct device *root);

/* devres.c: memory that goes with the device. */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
EMU_END_DECLS

/* A static lock_class_key per call site, as 6.1 passes one. */
#define __emu_class_keyed(fn, a, b) \
	({ static struct lock_class_key __emu_ckey; fn(a, b, &__emu_ckey); })
#define class_create(owner, name) __emu_class_keyed(__class_create, owner, name)
#define class_register(cls) \
	({ static struct lock_class_key __emu_ckey; __class_register(cls, &__emu_ckey); })

#define root_device_register(name) __root_device_register(name, THIS_MODULE)

static inline int __must_check class_create_file(__emu_struct_class *cls, const struct class_attribute *attr)
{
	return class_create_file_ns(cls, attr, NULL);
}

static inline void class_remove_file(__emu_struct_class *cls, const struct class_attribute *attr)
{
	class_remove_file_ns(cls, attr, NULL);
}

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	if (size != 0 && n > (size_t)-1 / size)
		return NULL;
	return devm_kmalloc(dev, n * size, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

static inline int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}


/* A driver module whose init only registers `drv` and whose exit only
 * unregisters it (6.1: linux/device/driver.h); the bus headers'
 * module_*_driver() are this with their register calls. */
#define module_driver(drv, register_fn, unregister_fn, ...)				\
	static int __init drv##_init(void) { return register_fn(&(drv), ##__VA_ARGS__); }	\
	module_init(drv##_init);							\
	static void __exit drv##_exit(void) { unregister_fn(&(drv), ##__VA_ARGS__); }	\
	module_exit(drv##_exit);
#endif
