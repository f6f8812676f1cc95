#ifndef _KOBJECT_H_
#define _KOBJECT_H_
/* kobjects (6.1 include/linux/kobject.h, lib/kobject.c): a reference-counted
 * object that appears as a directory under /sys once added; its type's
 * release() frees it when the last reference goes. kernel_kobj and its
 * siblings stand for /sys/kernel, /sys/kernel/mm, /sys/hypervisor,
 * /sys/power and /sys/firmware of the machine that uses them. Uevents have
 * no listener in emu (no udev): kobject_uevent() sends nothing. */
#include "types.h"
#include "list.h"
#include "sysfs.h"
#include "compiler.h"
#include "kernel.h"
#include "spinlock.h"
#include "kref.h"
#include "wait.h"
#include "atomic.h"
#include "workqueue.h"
#include "uidgid.h"
#include "gfp.h"

#define UEVENT_HELPER_PATH_LEN 256
#define UEVENT_NUM_ENVP 64
#define UEVENT_BUFFER_SIZE 2048

enum kobject_action {
	KOBJ_ADD,
	KOBJ_REMOVE,
	KOBJ_CHANGE,
	KOBJ_MOVE,
	KOBJ_ONLINE,
	KOBJ_OFFLINE,
	KOBJ_BIND,
	KOBJ_UNBIND,
};

struct kset;
struct kobj_type;
struct kobj_ns_type_operations;

struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	struct kernfs_node *sd;  /* its directory while in sysfs */
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

EMU_BEGIN_DECLS
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *name, ...);
__printf(2, 0) int kobject_set_name_vargs(struct kobject *kobj, const char *fmt, va_list vargs);
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(3, 4) __must_check int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
__printf(4, 5) __must_check int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
						     struct kobject *parent, const char *fmt, ...);
void kobject_del(struct kobject *kobj);
struct kobject * __must_check kobject_create_and_add(const char *name, struct kobject *parent);
int __must_check kobject_rename(struct kobject *, const char *new_name);
int __must_check kobject_move(struct kobject *, struct kobject *);
struct kobject *kobject_get(struct kobject *kobj);
struct kobject * __must_check kobject_get_unless_zero(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
const void *kobject_namespace(struct kobject *kobj);
void kobject_get_ownership(struct kobject *kobj, kuid_t *uid, kgid_t *gid);
char *kobject_get_path(const struct kobject *kobj, gfp_t flag);
EMU_END_DECLS

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
	const struct kobj_ns_type_operations *(*child_ns_type)(struct kobject *kobj);
#ifdef __cplusplus
	const void *(*namespace_)(struct kobject *kobj);  /* "namespace" in C */
#else
	const void *(*namespace)(struct kobject *kobj);
#endif
	void (*get_ownership)(struct kobject *kobj, kuid_t *uid, kgid_t *gid);
};

struct kobj_uevent_env {
	char *argv[3];
	char *envp[UEVENT_NUM_ENVP];
	int envp_idx;
	char buf[UEVENT_BUFFER_SIZE];
	int buflen;
};

struct kset_uevent_ops {
	int (* const filter)(struct kobject *kobj);
	const char *(* const name)(struct kobject *kobj);
	int (* const uevent)(struct kobject *kobj, struct kobj_uevent_env *env);
};

/* The attribute of a kobject made by kobject_create_and_add() (kobj_sysfs_ops). */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};

/* A set of kobjects of one kind, itself a directory: members are added under it. */
struct kset {
	struct list_head list;
	spinlock_t list_lock;
	struct kobject kobj;
	const struct kset_uevent_ops *uevent_ops;
};

EMU_BEGIN_DECLS
extern const struct sysfs_ops kobj_sysfs_ops;

void kset_init(struct kset *kset);
int __must_check kset_register(struct kset *kset);
void kset_unregister(struct kset *kset);
struct kset * __must_check kset_create_and_add(const char *name, const struct kset_uevent_ops *u,
					       struct kobject *parent_kobj);
struct kobject *kset_find_obj(struct kset *, const char *);

extern struct kobject *kernel_kobj;      /* /sys/kernel */
extern struct kobject *mm_kobj;          /* /sys/kernel/mm */
extern struct kobject *hypervisor_kobj;  /* /sys/hypervisor */
extern struct kobject *power_kobj;       /* /sys/power */
extern struct kobject *firmware_kobj;    /* /sys/firmware */

int kobject_uevent(struct kobject *kobj, enum kobject_action action);
int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp[]);
int kobject_synth_uevent(struct kobject *kobj, const char *buf, size_t count);
__printf(2, 3) int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...);
EMU_END_DECLS

/* A kset lives and dies by its embedded kobject's reference count. */
static inline struct kset *to_kset(struct kobject *kobj)
{ return kobj == NULL ? NULL : container_of(kobj, struct kset, kobj); }
static inline struct kset *kset_get(struct kset *k)
{ return k == NULL ? NULL : to_kset(kobject_get(&k->kobj)); }
static inline void kset_put(struct kset *k) { kobject_put(&k->kobj); }
static inline const struct kobj_type *get_ktype(struct kobject *kobj) { return kobj->ktype; }

#endif
