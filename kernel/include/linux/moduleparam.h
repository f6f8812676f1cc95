#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H
/* Module parameters, as 6.1 declares them. Each module_param*() places one
 * struct kernel_param in the module's "__param" section; at insmod the loader
 * parses the arguments against them (kernel/params.cpp, after kernel/params.c)
 * and lists those with a non-zero mode under /sys/module/NAME/parameters/.
 * The type argument is pasted into param_ops_##type and param_check_##type,
 * and stringified only for the modinfo "parmtype=" entry. */
#include "init.h"
#include "stringify.h"
#include "kernel.h"

/* A loadable module's parameters carry no prefix; built-in ones would be "modname.". */
#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty */
#define __MODULE_INFO_PREFIX /* empty */
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#define __MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif

#ifndef __UNIQUE_ID  /* compiler.h's (6.1 compiler_types.h) */
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#endif

#define MAX_PARAM_PREFIX_LEN (64 - sizeof(unsigned long))

/* One "tag=info" string in .modinfo, which modinfo(8) and the loader read. */
#define __MODULE_INFO(tag, name, info) \
	static const char __UNIQUE_ID(name)[] \
	__attribute__((__used__, __section__(".modinfo"), __aligned__(1))) = \
		__MODULE_INFO_PREFIX __stringify(tag) "=" info

#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)

/* Several per line are allowed, hence a unique name each. */
#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)

struct module;
struct kernel_param;

enum {
	KERNEL_PARAM_OPS_FL_NOARG = (1 << 0)  /* "name" alone (no '=') is accepted */
};

struct kernel_param_ops {
	unsigned int flags;
	/* 0 or -errno; the value's storage is kp->arg. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Bytes written into a PAGE_SIZE buffer, or -errno. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* Releases what set() allocated, when the module goes. */
	void (*free)(void *arg);
};

enum {
	KERNEL_PARAM_FL_UNSAFE = (1 << 0),
	KERNEL_PARAM_FL_HWPARAM = (1 << 1),
};

struct kparam_string;
struct kparam_array;

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

extern const struct kernel_param __start___param[], __stop___param[];

/* module_param_string(): a fixed buffer, copied into. */
struct kparam_string {
	unsigned int maxlen;
	char *string;
};

/* module_param_array(): up to max elements, *num set to how many were given. */
struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

/* The descriptor every module_param*() ends in. `perm` is checked at compile
 * time (VERIFY_OCTAL_PERMISSIONS), and the prefix must fit the loader's limit. */
#define __moduleparam_const const
#define __module_param_call(prefix, name, ops_, arg, perm, level_, flags_) \
	_Static_assert(sizeof("" prefix) - 1 <= MAX_PARAM_PREFIX_LEN, \
		       "module parameter prefix too long"); \
	static const char __emu_pname_##name[] = prefix #name; \
	static struct kernel_param __moduleparam_const __param_##name \
	__attribute__((__used__, __section__("__param"), \
		       __aligned__(__alignof__(struct kernel_param)))) = { \
		__emu_pname_##name, THIS_MODULE, (ops_), VERIFY_OCTAL_PERMISSIONS(perm), \
		(level_), (flags_), { arg } }

/* A scalar of a standard type: the type check, the descriptor with
 * param_ops_<type>, then the "parmtype=" note for modinfo. */
#define __emu_param_scalar(prefix, name, var, type, perm, flags) \
	param_check_##type(name, &(var)); \
	__module_param_call(prefix, name, &param_ops_##type, &(var), perm, -1, flags)
#define __emu_param_typed(name, var, type, perm, flags) \
	__emu_param_scalar(MODULE_PARAM_PREFIX, name, var, type, perm, flags); \
	__MODULE_PARM_TYPE(name, #type)

/* An array: a kparam_array describing it, handled by param_array_ops. */
#define __emu_param_vector(name, vec, type, nump, perm, flags) \
	param_check_##type(name, &(vec)[0]); \
	static const struct kparam_array __emu_parr_##name = { \
		ARRAY_SIZE(vec), sizeof((vec)[0]), (nump), &param_ops_##type, (vec) }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, \
			    .arr = &__emu_parr_##name, perm, -1, flags); \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param(name, type, perm) __emu_param_typed(name, name, type, perm, 0)
#define module_param_named(name, value, type, perm) __emu_param_typed(name, value, type, perm, 0)
#define module_param_unsafe(name, type, perm) \
	__emu_param_typed(name, name, type, perm, KERNEL_PARAM_FL_UNSAFE)
#define module_param_named_unsafe(name, value, type, perm) \
	__emu_param_typed(name, value, type, perm, KERNEL_PARAM_FL_UNSAFE)

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)
#define module_param_cb_unsafe(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, KERNEL_PARAM_FL_UNSAFE)

/* Built-in initcall levels 1..7; a module applies all its parameters at insmod. */
#define __level_param_cb(name, ops, arg, perm, level) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, level, 0)
#define core_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 1)
#define postcore_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 2)
#define arch_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 3)
#define subsys_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 4)
#define fs_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 5)
#define device_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 6)
#define late_param_cb(name, ops, arg, perm) __level_param_cb(name, ops, arg, perm, 7)

/* The old two-function form: an ops table made on the spot. */
#define module_param_call(name, _set, _get, arg, perm) \
	static const struct kernel_param_ops __emu_pops_##name = { .set = (_set), .get = (_get) }; \
	module_param_cb(name, &__emu_pops_##name, arg, perm)

#ifndef MODULE  /* kernel command line names without a prefix */
#define core_param(name, var, type, perm) __emu_param_scalar("", name, var, type, perm, 0)
#define core_param_unsafe(name, var, type, perm) \
	__emu_param_scalar("", name, var, type, perm, KERNEL_PARAM_FL_UNSAFE)
#endif

#define module_param_string(name, string, len, perm) \
	static const struct kparam_string __emu_pstr_##name = { (len), (string) }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string, \
			    .str = &__emu_pstr_##name, perm, -1, 0); \
	__MODULE_PARM_TYPE(name, "string")

/* A function returning the variable's address as `type *`: the compiler
 * complains when the variable has another type. */
#define __param_check(name, p, type) \
	static inline type __attribute__((__unused__)) *__emu_pcheck_##name(void) { return (p); }

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) param_check_uint(name, p)
#define param_check_charp(name, p) __param_check(name, p, char *)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_bool_enable_only param_check_bool
#define param_check_invbool(name, p) __param_check(name, p, bool)
#define param_get_bint param_get_int
#define param_check_bint param_check_int

#define module_param_array(name, type, nump, perm) \
	__emu_param_vector(name, name, type, nump, perm, 0)
#define module_param_array_named(name, array, type, nump, perm) \
	__emu_param_vector(name, array, type, nump, perm, 0)

/* The resource kind is only documentation: HWPARAM marks the parameter, the
 * `& 0` keeps an unknown hwtype a compile error. */
enum hwparam_type {
	hwparam_ioport,
	hwparam_iomem,
	hwparam_ioport_or_iomem,
	hwparam_irq,
	hwparam_dma,
	hwparam_dma_addr,
	hwparam_other,
};
#define __emu_hwflags(hwtype) (KERNEL_PARAM_FL_HWPARAM | (hwparam_##hwtype & 0))
#define module_param_hw_named(name, value, type, hwtype, perm) \
	__emu_param_typed(name, value, type, perm, __emu_hwflags(hwtype))
#define module_param_hw(name, type, hwtype, perm) \
	__emu_param_typed(name, name, type, perm, __emu_hwflags(hwtype))
#define module_param_hw_array(name, type, hwtype, nump, perm) \
	__emu_param_vector(name, name, type, nump, perm, __emu_hwflags(hwtype))

EMU_BEGIN_DECLS
/* The lock the loader and /sys/module/NAME/parameters hold around set/get. */
void kernel_param_lock(struct module *mod);
void kernel_param_unlock(struct module *mod);

bool parameq(const char *name1, const char *name2);
bool parameqn(const char *name1, const char *name2, size_t n);
char *parse_args(const char *name, char *args, const struct kernel_param *params, unsigned num,
		 s16 level_min, s16 level_max, void *arg,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg));
void module_destroy_params(const struct kernel_param *params, unsigned int num);

extern const struct kernel_param_ops param_ops_byte;
int param_set_byte(const char *val, const struct kernel_param *kp);
int param_get_byte(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_short;
int param_set_short(const char *val, const struct kernel_param *kp);
int param_get_short(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_ushort;
int param_set_ushort(const char *val, const struct kernel_param *kp);
int param_get_ushort(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_int;
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_uint;
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min, unsigned int max);
extern const struct kernel_param_ops param_ops_long;
int param_set_long(const char *val, const struct kernel_param *kp);
int param_get_long(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_ulong;
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_get_ulong(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_ullong;
int param_set_ullong(const char *val, const struct kernel_param *kp);
int param_get_ullong(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_hexint;
int param_set_hexint(const char *val, const struct kernel_param *kp);
int param_get_hexint(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_charp;
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_get_charp(char *buffer, const struct kernel_param *kp);
void param_free_charp(void *arg);
extern const struct kernel_param_ops param_ops_bool;
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_bool_enable_only;
int param_set_bool_enable_only(const char *val, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_invbool;
int param_set_invbool(const char *val, const struct kernel_param *kp);
int param_get_invbool(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_bint;
int param_set_bint(const char *val, const struct kernel_param *kp);

extern const struct kernel_param_ops param_array_ops;
extern const struct kernel_param_ops param_ops_string;
int param_set_copystring(const char *val, const struct kernel_param *kp);
int param_get_string(char *buffer, const struct kernel_param *kp);

/* The loader's own (kernel/module/sysfs.c); not callable from a module. */
int module_param_sysfs_setup(struct module *mod, const struct kernel_param *kparam, unsigned int num_params);
void module_param_sysfs_remove(struct module *mod);
EMU_END_DECLS

#endif
