#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H
#include "types.h"
#include "compiler.h"
#include "printk.h"
#include "bug.h"
#include "err.h"
#include "errno.h"
#include "limits.h"
#include "string.h"

/* A sysfs/param mode: octal, not world-writable, read/write bits of user >= group >= other (6.1). */
#define VERIFY_OCTAL_PERMISSIONS(perms) \
	(BUILD_BUG_ON_ZERO((perms) < 0) + \
	 BUILD_BUG_ON_ZERO((perms) > 0777) + \
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 4) < (((perms) >> 3) & 4)) + \
	 BUILD_BUG_ON_ZERO((((perms) >> 3) & 4) < ((perms) & 4)) + \
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 2) < (((perms) >> 3) & 2)) + \
	 BUILD_BUG_ON_ZERO((perms) & 2) + \
	 (perms))
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define container_of(ptr, type, member) ({ \
        void *__mptr = (void *)(ptr); \
        ((type *)((char *)__mptr - offsetof(type, member))); })
#define container_of_const container_of
#ifndef __cplusplus
#define min(x, y) ({ __typeof__(x) _min1 = (x); __typeof__(y) _min2 = (y); _min1 < _min2 ? _min1 : _min2; })
#define max(x, y) ({ __typeof__(x) _max1 = (x); __typeof__(y) _max2 = (y); _max1 > _max2 ? _max1 : _max2; })
#endif
#define min_t(type, x, y) ({ type __a = (x); type __b = (y); __a < __b ? __a : __b; })
#define max_t(type, x, y) ({ type __a = (x); type __b = (y); __a > __b ? __a : __b; })
#ifndef __cplusplus
#define clamp(val, lo, hi) min_t(__typeof__(val), max_t(__typeof__(val), val, lo), hi)
#endif
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
/* IS_ENABLED() is linux/kconfig.h's, read before every module source. */
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define cond_resched() _cond_resched(__FILE__, __LINE__)
#define might_resched() do { } while (0)
#define lockdep_assert_held(l) do { (void)(l); } while (0)

EMU_BEGIN_DECLS
void __might_sleep(const char *file, int line);
int _cond_resched(const char *file, int line);
#ifndef __cplusplus /* the C++ kernel gets these from <cstdio> */
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int sscanf(const char *buf, const char *fmt, ...);
#endif
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
void panic(const char *fmt, ...) __printf(1, 2) __attribute__((__noreturn__));
EMU_END_DECLS
#endif
