#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H
/* Strings and memory (6.1 include/linux/string.h, lib/string.c,
 * mm/util.c). The C library's functions are the C library's; the kernel's
 * own -- strscpy(), kstrdup(), memdup_user(), sysfs_streq() ... -- are
 * emu's (kernel/string.cpp). */
#include "types.h"
#include "compiler.h"
#include "err.h"
#include "errno.h"
#include <stdarg.h>

#ifdef __cplusplus
#include <string.h> /* the host's, for the inline helpers below */
#include <sys/types.h>
#else
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *stpcpy(char *d, const char *s);
char *strcat(char *d, const char *s);
char *strncat(char *d, const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strchrnul(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
#endif

EMU_BEGIN_DECLS
/* Copies src into dest[count] always NUL-terminated: the length copied, or
 * -E2BIG when src did not fit (dest then holds what fitted). */
ssize_t strscpy(char *dest, const char *src, size_t count);
/* strscpy() that also zeroes dest's remaining bytes. */
ssize_t strscpy_pad(char *dest, const char *src, size_t count);
/* Return strlen(src) (resp. the length they tried to make): >= size means truncated. */
size_t strlcpy(char *dest, const char *src, size_t size);
size_t strlcat(char *dest, const char *src, size_t count);
/* strchr()/strchrnul() within the first count bytes. */
char *strnchr(const char *s, size_t count, int c);
char *strnchrnul(const char *s, size_t count, int c);
char *strnstr(const char *s1, const char *s2, size_t len);
/* Past leading white space (isspace()). */
char *__must_check skip_spaces(const char *str);
/* Cuts trailing white space in place and returns past the leading white space. */
char *strim(char *s);
/* The first byte of s[0..n) that is not c, or NULL. */
void *memchr_inv(const void *s, int c, size_t n);
/* The first byte equal to c, or addr + size. */
void *memscan(void *addr, int c, size_t size);
void *memset16(u16 *s, u16 v, size_t count);
void *memset32(u32 *s, u32 v, size_t count);
void *memset64(u64 *s, u64 v, size_t count);
/* Replaces every `old` character by `new_`; returns s's terminating NUL. */
char *strreplace(char *s, char old, char new_);
size_t memweight(const void *ptr, size_t bytes);
void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad);
void **__memcat_p(void **a, void **b);

/* Copies with kmalloc(); NULL when out of memory (or when s is NULL). */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
/* kstrdup() that returns s itself when it lives in read-only data (a string
 * literal); free with kfree_const(), which leaves such strings alone. */
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
char **argv_split(gfp_t gfp, const char *str, int *argcp);
void argv_free(char **argv);

/* User memory into a new kmalloc() buffer: ERR_PTR(-EFAULT) if it cannot be
 * read, ERR_PTR(-ENOMEM) without memory. memdup_user_nul() adds a NUL;
 * strndup_user() copies a string of at most n bytes with its NUL (-EINVAL if
 * it is longer). */
void *memdup_user(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
void *memdup_user_nul(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);

/* Equal, ignoring one trailing newline on either side (as sysfs writes come). */
bool sysfs_streq(const char *s1, const char *s2);
/* The index of string in array[0..n) (a NULL entry ends it), or -EINVAL. */
int match_string(const char *const *array, size_t n, const char *string);
int __sysfs_match_string(const char *const *array, size_t n, const char *s);
ssize_t memory_read_from_buffer(void *to, size_t count, loff_t *ppos, const void *from, size_t available);
EMU_END_DECLS

#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, sizeof(_a) / sizeof((_a)[0]), _s)

static inline __must_check char *strstrip(char *str) { return strim(str); }
static inline void *memdup_array_user(const void __user *src, size_t n, size_t size)
{
	size_t nbytes;
	if (__builtin_mul_overflow(n, size, &nbytes))
		return ERR_PTR(-EOVERFLOW);
	return memdup_user(src, nbytes);
}
static inline void *vmemdup_array_user(const void __user *src, size_t n, size_t size)
{
	size_t nbytes;
	if (__builtin_mul_overflow(n, size, &nbytes))
		return ERR_PTR(-EOVERFLOW);
	return vmemdup_user(src, nbytes);
}
static inline void *memset_l(unsigned long *p, unsigned long v, size_t n) { return memset64((u64 *)p, v, n); }
static inline void *memset_p(void **p, void *v, size_t n) { return memset64((u64 *)p, (unsigned long)v, n); }
static inline bool mem_is_zero(const void *s, size_t n) { return !memchr_inv(s, 0, n); }
/* Prefer str_has_prefix(): it returns the prefix's length. */
static inline bool strstarts(const char *str, const char *prefix) { return strncmp(str, prefix, strlen(prefix)) == 0; }
/* strlen(prefix) if str starts with prefix, else 0. */
static inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);
	return strncmp(str, prefix, len) == 0 ? len : 0;
}
/* memset() the compiler may not drop as a dead store (for secrets). */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}
/* What follows the last '/', or the whole string without one. */
static inline const char *kbasename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? path : slash + 1;
}
static inline void memcpy_flushcache(void *dst, const void *src, size_t cnt) { memcpy(dst, src, cnt); }

#ifndef __cplusplus
#define memcat_p(a, b) ((__typeof__(*(a)) *)__memcat_p((void **)(a), (void **)(b)))
/* Fill the members from `member` on (after `member`) with v. */
#define memset_startat(obj, v, member) ({ \
		u8 *__ptr = (u8 *)(obj); __typeof__(v) __val = (v); \
		memset(__ptr + offsetof(__typeof__(*(obj)), member), __val, \
		       sizeof(*(obj)) - offsetof(__typeof__(*(obj)), member)); })
#define memset_after(obj, v, member) ({ \
		u8 *__ptr = (u8 *)(obj); __typeof__(v) __val = (v); \
		size_t __end = offsetof(__typeof__(*(obj)), member) + sizeof((obj)->member); \
		memset(__ptr + __end, __val, sizeof(*(obj)) - __end); })
/* A string into a fixed-size char array, not NUL-terminated; padded with `pad`. */
#define strtomem_pad(dest, src, pad) do { \
		const size_t _dest_len = __builtin_object_size(dest, 1); \
		memcpy_and_pad(dest, _dest_len, src, strnlen(src, _dest_len), pad); \
	} while (0)
#define strtomem(dest, src) do { \
		const size_t _dest_len = __builtin_object_size(dest, 1); \
		memcpy(dest, src, strnlen(src, _dest_len)); \
	} while (0)
#endif

#endif
