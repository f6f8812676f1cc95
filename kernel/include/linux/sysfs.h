#ifndef _SYSFS_H_
#define _SYSFS_H_
/* sysfs (6.1 include/linux/sysfs.h): a kobject is a directory under /sys, an
 * attribute a text file in it. Reading runs the attribute's show() on a
 * fresh page (PAGE_SIZE bytes, page aligned: use sysfs_emit()); writing runs
 * store() with the bytes written, NUL-terminated, at most a page. emu
 * implements directories, attribute files and groups (kernel/sysfs.cpp);
 * binary attributes, links, namespaces and ownership changes are declared
 * only: calling them is an insmod-time "Unknown symbol". */
#include "compiler.h"
#include "errno.h"
#include "list.h"
#include "lockdep.h"
#ifndef __cplusplus  /* the C++ side has the host's <sys/stat.h> */
#include "stat.h"
#endif
#include "atomic.h"
#include "kernel.h"
#include "uidgid.h"

struct kobject;
struct module;
struct bin_attribute;
struct file;
struct vm_area_struct;
struct address_space;
struct kernfs_node;

#ifndef PAGE_SIZE
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#endif

struct attribute {
	const char *name;
	umode_t mode;
};

/* Lockdep keys for dynamically allocated attributes: nothing to set up here. */
#define sysfs_attr_init(attr) do {} while (0)

struct attribute_group {
	const char *name;  /* a subdirectory, or NULL for the kobject's own */
	umode_t (*is_visible)(struct kobject *, struct attribute *, int);
	umode_t (*is_bin_visible)(struct kobject *, struct bin_attribute *, int);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};

/* is_visible() may return these on top of the mode. */
#define SYSFS_PREALLOC 010000
#define SYSFS_GROUP_INVISIBLE 020000

/* Initializers for struct kobj_attribute-like structs: the embedded
 * `struct attribute` (file name = the stringified C name), then the handlers,
 * which the _RO/_WO/_RW forms take as NAME_show / NAME_store. The fixed
 * modes 0444/0200 need no check; a caller's mode goes through
 * VERIFY_OCTAL_PERMISSIONS, so a world-writable one fails to compile. */
#define __emu_attr_head(nm, md) .attr = { .name = __stringify(nm), .mode = (md) }
#define __emu_attr_mode(md) VERIFY_OCTAL_PERMISSIONS(md)

#define __ATTR(_name, _mode, _show, _store) \
	{ __emu_attr_head(_name, __emu_attr_mode(_mode)), .show = (_show), .store = (_store) }
#define __ATTR_PREALLOC(_name, _mode, _show, _store) \
	{ __emu_attr_head(_name, SYSFS_PREALLOC | __emu_attr_mode(_mode)), \
	  .show = (_show), .store = (_store) }
#define __ATTR_RO(_name) { __emu_attr_head(_name, 0444), .show = _name##_show }
#define __ATTR_WO(_name) { __emu_attr_head(_name, 0200), .store = _name##_store }
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RO_MODE(_name, _mode) \
	{ __emu_attr_head(_name, __emu_attr_mode(_mode)), .show = _name##_show }
#define __ATTR_RW_MODE(_name, _mode) \
	{ __emu_attr_head(_name, __emu_attr_mode(_mode)), \
	  .show = _name##_show, .store = _name##_store }
/* Terminates a table of attributes. */
#define __ATTR_NULL { .attr = { .name = NULL } }

/* NAME_groups[]: just NAME_group, NULL-terminated, for .groups/.dev_groups. */
#define __ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }

/* NAME_attrs[] (NULL-terminated) gives NAME_group and NAME_groups[]. */
#define ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group _name##_group = { .attrs = _name##_attrs }; \
	__ATTRIBUTE_GROUPS(_name)
#define BIN_ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group _name##_group = { .bin_attrs = _name##_attrs }; \
	__ATTRIBUTE_GROUPS(_name)

struct bin_attribute {
	struct attribute attr;
	size_t size;
#ifdef __cplusplus
	void *private_;  /* "private" in C */
#else
	void *private;
#endif
	struct address_space *(*f_mapping)(void);
	ssize_t (*read)(struct file *, struct kobject *, struct bin_attribute *, char *, loff_t, size_t);
	ssize_t (*write)(struct file *, struct kobject *, struct bin_attribute *, char *, loff_t, size_t);
	int (*mmap)(struct file *, struct kobject *, struct bin_attribute *attr, struct vm_area_struct *vma);
};

#define sysfs_bin_attr_init(bin_attr) sysfs_attr_init(&(bin_attr)->attr)

/* Binary attributes: the mode is taken as given (no octal check), and
 * `size` is the file size shown (0 = unknown). */
#define __BIN_ATTR(_name, _mode, _read, _write, _size) \
	{ __emu_attr_head(_name, _mode), .size = (_size), .read = (_read), .write = (_write) }
#define __BIN_ATTR_RO(_name, _size) \
	{ __emu_attr_head(_name, 0444), .size = (_size), .read = _name##_read }
#define __BIN_ATTR_WO(_name, _size) \
	{ __emu_attr_head(_name, 0200), .size = (_size), .write = _name##_write }
#define __BIN_ATTR_RW(_name, _size) __BIN_ATTR(_name, 0644, _name##_read, _name##_write, _size)
#define __BIN_ATTR_NULL __ATTR_NULL
#define BIN_ATTR(_name, _mode, _read, _write, _size) \
struct bin_attribute bin_attr_##_name = __BIN_ATTR(_name, _mode, _read, _write, _size)
#define BIN_ATTR_RO(_name, _size) struct bin_attribute bin_attr_##_name = __BIN_ATTR_RO(_name, _size)
#define BIN_ATTR_WO(_name, _size) struct bin_attribute bin_attr_##_name = __BIN_ATTR_WO(_name, _size)
#define BIN_ATTR_RW(_name, _size) struct bin_attribute bin_attr_##_name = __BIN_ATTR_RW(_name, _size)

/* A kobject type's way from an attribute to its show/store (kobj_sysfs_ops for kobj_attribute). */
struct sysfs_ops {
	ssize_t (*show)(struct kobject *, struct attribute *, char *);
	ssize_t (*store)(struct kobject *, struct attribute *, const char *, size_t);
};

EMU_BEGIN_DECLS
int __must_check sysfs_create_dir_ns(struct kobject *kobj, const void *ns);
void sysfs_remove_dir(struct kobject *kobj);
int __must_check sysfs_rename_dir_ns(struct kobject *kobj, const char *new_name, const void *new_ns);
int __must_check sysfs_move_dir_ns(struct kobject *kobj, struct kobject *new_parent_kobj, const void *new_ns);
int __must_check sysfs_create_mount_point(struct kobject *parent_kobj, const char *name);
void sysfs_remove_mount_point(struct kobject *parent_kobj, const char *name);

int __must_check sysfs_create_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns);
int __must_check sysfs_create_files(struct kobject *kobj, const struct attribute * const *attr);
int __must_check sysfs_chmod_file(struct kobject *kobj, const struct attribute *attr, umode_t mode);
struct kernfs_node *sysfs_break_active_protection(struct kobject *kobj, const struct attribute *attr);
void sysfs_unbreak_active_protection(struct kernfs_node *kn);
void sysfs_remove_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns);
bool sysfs_remove_file_self(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_files(struct kobject *kobj, const struct attribute * const *attr);

int __must_check sysfs_create_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
void sysfs_remove_bin_file(struct kobject *kobj, const struct bin_attribute *attr);

int __must_check sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
int __must_check sysfs_create_link_nowarn(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
int sysfs_rename_link_ns(struct kobject *kobj, struct kobject *target, const char *old_name,
			 const char *new_name, const void *new_ns);
void sysfs_delete_link(struct kobject *dir, struct kobject *targ, const char *name);

int __must_check sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
int __must_check sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
int __must_check sysfs_update_groups(struct kobject *kobj, const struct attribute_group **groups);
int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
int sysfs_add_file_to_group(struct kobject *kobj, const struct attribute *attr, const char *group);
void sysfs_remove_file_from_group(struct kobject *kobj, const struct attribute *attr, const char *group);
int sysfs_merge_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_unmerge_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_add_link_to_group(struct kobject *kobj, const char *group_name, struct kobject *target, const char *link_name);
void sysfs_remove_link_from_group(struct kobject *kobj, const char *group_name, const char *link_name);
int compat_only_sysfs_link_entry_to_kobj(struct kobject *kobj, struct kobject *target_kobj,
					 const char *target_name, const char *symlink_name);

void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);

int sysfs_file_change_owner(struct kobject *kobj, const char *name, kuid_t kuid, kgid_t kgid);
int sysfs_change_owner(struct kobject *kobj, kuid_t kuid, kgid_t kgid);
int sysfs_link_change_owner(struct kobject *kobj, struct kobject *targ, const char *name, kuid_t kuid, kgid_t kgid);
int sysfs_groups_change_owner(struct kobject *kobj, const struct attribute_group **groups, kuid_t kuid, kgid_t kgid);
int sysfs_group_change_owner(struct kobject *kobj, const struct attribute_group *groups, kuid_t kuid, kgid_t kgid);

/* Formats into a show() buffer (which must be the page sysfs passed); the length. */
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
/* The same, at offset `at` of that page. */
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);
EMU_END_DECLS

static inline int __must_check sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	return sysfs_create_file_ns(kobj, attr, NULL);
}

static inline void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	sysfs_remove_file_ns(kobj, attr, NULL);
}

static inline int sysfs_rename_link(struct kobject *kobj, struct kobject *target, const char *old_name,
				    const char *new_name)
{
	return sysfs_rename_link_ns(kobj, target, old_name, new_name, NULL);
}

#endif
