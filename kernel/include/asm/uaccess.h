#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H
/* User memory access (6.1 arch/x86/include/asm/uaccess.h, uaccess_64.h):
 * the unchecked __get_user()/__put_user() and raw_copy_*() forms. emu checks
 * every user access the same way, so they are the checked calls. */
#include "../linux/uaccess.h"

#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
#define unsafe_get_user(x, ptr, err_label) do { if (unlikely(get_user(x, ptr))) goto err_label; } while (0)
#define unsafe_put_user(x, ptr, err_label) do { if (unlikely(put_user(x, ptr))) goto err_label; } while (0)
static inline unsigned long raw_copy_from_user(void *dst, const void __user *src, unsigned long size)
{ return copy_from_user(dst, src, size); }
static inline unsigned long raw_copy_to_user(void __user *dst, const void *src, unsigned long size)
{ return copy_to_user(dst, src, size); }
#endif
