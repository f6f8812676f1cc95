#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H
#include "fs.h"
#include "err.h"
/* Device classes only name device nodes (udev would create them); emu creates /dev nodes directly. */
struct class { const char *name; };
struct device { emu_dev_t devt; };
EMU_BEGIN_DECLS
struct class *__emu_class_create(const char *name);
void class_destroy(struct class *cls);
struct device *device_create(struct class *cls, struct device *parent, emu_dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(struct class *cls, emu_dev_t devt);
EMU_END_DECLS
#define __EMU_CLASS_PICK(_1, _2, NAME, ...) NAME
#define __emu_class_create_2(owner, name) __emu_class_create(name)
#define __emu_class_create_1(name) __emu_class_create(name)
#define class_create(...) __EMU_CLASS_PICK(__VA_ARGS__, __emu_class_create_2, __emu_class_create_1, ~)(__VA_ARGS__)
#endif
