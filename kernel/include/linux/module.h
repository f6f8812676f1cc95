#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
/* Modules: module_init/module_exit name the entry points the loader calls
 * (init_module/cleanup_module, as in Linux); MODULE_* strings land in the
 * .modinfo section that `modinfo` and the loader read. */
#include "init.h"
#include "kernel.h"
#include "moduleparam.h"
#include "export.h"
/* What Linux's module.h brings in indirectly (percpu.h -> smp.h, kobject.h ->
 * workqueue.h -> timer.h, srcu.h -> mutex.h): modules that include only
 * <linux/module.h> and use these compile on Linux, so they must here. */
#include "compiler.h"
#include "list.h"
#include "stringify.h"
#include "kmod.h"
#include "smp.h"
#include "preempt.h"
#include "spinlock.h"
#include "mutex.h"
#include "workqueue.h"
/* 6.1's module.h also reaches (through stat.h, kobject.h, kref.h, ...) the
 * whole task_struct and `current`, refcounts, bitmaps, 64-bit division,
 * static keys and random numbers -- but not kmalloc() (slab.h). */
#include "sched.h"
#include "gfp.h"
#include "stat.h"
#include "kref.h"
#include "refcount.h"
#include "atomic.h"
#include "bitmap.h"
#include "math64.h"
#include "jump_label.h"
#include "random.h"
#include "ktime.h"

struct module {
	char name[56];
	void *emu_private;
};
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define KBUILD_MODNAME_STR __stringify(KBUILD_MODNAME)

/* __MODULE_INFO comes from moduleparam.h, as on 6.1. */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, #ns)
#define MODULE_DEVICE_TABLE(type, name)

#define module_init(initfn) \
	int init_module(void) __attribute__((__alias__(#initfn))); \
	static inline __attribute__((__unused__)) int (*__emu_inittest(void))(void) { return initfn; }
#define module_exit(exitfn) \
	void cleanup_module(void) __attribute__((__alias__(#exitfn))); \
	static inline __attribute__((__unused__)) void (*__emu_exittest(void))(void) { return exitfn; }

EMU_BEGIN_DECLS
bool try_module_get(struct module *module);
void module_put(struct module *module);
EMU_END_DECLS
#define __module_get(m) ((void)try_module_get(m))
#endif
