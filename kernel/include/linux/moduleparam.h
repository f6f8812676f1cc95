#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H
#include "types.h"
#include "stringify.h"

/* One descriptor per module_param, in the .emu_params section the loader reads. */
struct emu_module_param {
	const char *name;
	const char *type;   /* "int", "uint", "long", "ulong", "short", "ushort", "bool", "charp", "byte" */
	void *ptr;
};
#define __EMU_PARAM_CAT2(a, b) a##b
#define __EMU_PARAM_CAT(a, b) __EMU_PARAM_CAT2(a, b)
#define module_param_named(name, value, type, perm) \
	static const struct emu_module_param __EMU_PARAM_CAT(__emu_param_, __COUNTER__) \
	__attribute__((__section__(".emu_params"), __used__, __aligned__(8))) = { #name, #type, &(value) }
#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_array(name, type, nump, perm)
#define MODULE_PARM_DESC(_parm, desc) \
	static const char __EMU_PARAM_CAT(__emu_parmdesc_, __COUNTER__)[] \
	__attribute__((__section__(".modinfo"), __used__, __aligned__(1))) = "parm=" #_parm ":" desc
#endif
