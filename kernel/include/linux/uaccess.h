#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H
/* User memory: a process's own memory is reachable (emu's user programs share
 * the address space); kernel threads have none (-EFAULT), as on Linux. */
#include "types.h"
#include "errno.h"
EMU_BEGIN_DECLS
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
int __emu_get_user(void *dst, const void __user *src, unsigned long size);
int __emu_put_user(void __user *dst, const void *src, unsigned long size);
EMU_END_DECLS
#define get_user(x, ptr) ({ __typeof__(*(ptr)) __gu_val; int __gu_err = __emu_get_user(&__gu_val, (ptr), sizeof(*(ptr))); \
        (x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val; __gu_err; })
#define put_user(x, ptr) ({ __typeof__(*(ptr)) __pu_val = (x); __emu_put_user((ptr), &__pu_val, sizeof(*(ptr))); })
#define access_ok(addr, size) 1
/* 6.1's <linux/uaccess.h> brings the architecture's: __get_user(), raw_copy_*(). */
#include "../asm/uaccess.h"
#endif
