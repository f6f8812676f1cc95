#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H
/* String to integer conversion (6.1 include/linux/kstrtox.h, lib/kstrtox.c).
 * kstrto*() accept an optional sign ('-' only for the signed types), base 0
 * detects "0x" (hex) and "0" (octal), one trailing '\n' is allowed; they
 * return 0, -EINVAL for anything else in the string, -ERANGE when the value
 * does not fit, and leave *res untouched on error. */
#include "compiler.h"
#include "types.h"

EMU_BEGIN_DECLS
int __must_check _kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check _kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
int __must_check kstrtobool(const char *s, bool *res);

/* The same, from a user buffer of `count` bytes (not NUL-terminated): -EFAULT
 * if it cannot be read. */
int __must_check kstrtoull_from_user(const char __user *s, size_t count, unsigned int base, unsigned long long *res);
int __must_check kstrtoll_from_user(const char __user *s, size_t count, unsigned int base, long long *res);
int __must_check kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res);
int __must_check kstrtol_from_user(const char __user *s, size_t count, unsigned int base, long *res);
int __must_check kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res);
int __must_check kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res);
int __must_check kstrtou16_from_user(const char __user *s, size_t count, unsigned int base, u16 *res);
int __must_check kstrtos16_from_user(const char __user *s, size_t count, unsigned int base, s16 *res);
int __must_check kstrtou8_from_user(const char __user *s, size_t count, unsigned int base, u8 *res);
int __must_check kstrtos8_from_user(const char __user *s, size_t count, unsigned int base, s8 *res);
int __must_check kstrtobool_from_user(const char __user *s, size_t count, bool *res);

/* Old parsers: stop at the first character that is not a digit, no overflow
 * check, no error (lib/vsprintf.c). */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
EMU_END_DECLS

/* long is long long's size on x86-64: straight to the 64-bit parsers, as 6.1 does. */
static inline int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res)
{ return kstrtoull(s, base, (unsigned long long *)res); }
static inline int __must_check kstrtol(const char *s, unsigned int base, long *res)
{ return kstrtoll(s, base, (long long *)res); }
static inline int __must_check kstrtou64(const char *s, unsigned int base, u64 *res)
{ return kstrtoull(s, base, res); }
static inline int __must_check kstrtos64(const char *s, unsigned int base, s64 *res)
{ return kstrtoll(s, base, res); }
static inline int __must_check kstrtou32(const char *s, unsigned int base, u32 *res)
{ return kstrtouint(s, base, res); }
static inline int __must_check kstrtos32(const char *s, unsigned int base, s32 *res)
{ return kstrtoint(s, base, res); }
static inline int __must_check kstrtou64_from_user(const char __user *s, size_t count, unsigned int base, u64 *res)
{ return kstrtoull_from_user(s, count, base, res); }
static inline int __must_check kstrtos64_from_user(const char __user *s, size_t count, unsigned int base, s64 *res)
{ return kstrtoll_from_user(s, count, base, res); }
static inline int __must_check kstrtou32_from_user(const char __user *s, size_t count, unsigned int base, u32 *res)
{ return kstrtouint_from_user(s, count, base, res); }
static inline int __must_check kstrtos32_from_user(const char __user *s, size_t count, unsigned int base, s32 *res)
{ return kstrtoint_from_user(s, count, base, res); }
static inline int strtobool(const char *s, bool *res) { return kstrtobool(s, res); }

#endif
