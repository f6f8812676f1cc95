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
#include "minmax.h"
#include "math.h"
#include "kstrtox.h"
#include "bitops.h"
#include "jump_label.h"

/* A sysfs/param mode: octal, not world-writable, read/write bits of user >= group >= other (6.1). */
/* Whether class `who` (2 user, 1 group, 0 other) has permission bit `bit` (4 read, 2 write). */
#define __emu_mode_has(perms, who, bit) ((((perms) >> (3 * (who))) & (bit)) != 0)
#define VERIFY_OCTAL_PERMISSIONS(perms)						\
	(BUILD_BUG_ON_ZERO((perms) < 0 || (perms) > 0777) +			\
	 /* nobody reads or writes what the owner cannot */			\
	 BUILD_BUG_ON_ZERO(__emu_mode_has(perms, 1, 4) > __emu_mode_has(perms, 2, 4)) + \
	 BUILD_BUG_ON_ZERO(__emu_mode_has(perms, 0, 4) > __emu_mode_has(perms, 1, 4)) + \
	 BUILD_BUG_ON_ZERO(__emu_mode_has(perms, 1, 2) > __emu_mode_has(perms, 2, 2)) + \
	 /* and nothing is world-writable */					\
	 BUILD_BUG_ON_ZERO(__emu_mode_has(perms, 0, 2)) +			\
	 (perms))
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define container_of(ptr, type, member) ({ \
        void *__mptr = (void *)(ptr); \
        ((type *)((char *)__mptr - offsetof(type, member))); })
#define container_of_const container_of
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
/* scnprintf() returns what it stored (at most size - 1), snprintf() what it would have. */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
__printf(2, 0) char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
__printf(2, 0) const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args);
void panic(const char *fmt, ...) __printf(1, 2) __attribute__((__noreturn__));
EMU_END_DECLS
/* lib/hexdump.c's digits. */
EMU_BEGIN_DECLS
extern const char hex_asc[];
extern const char hex_asc_upper[];
int hex_to_bin(unsigned char ch);
int __must_check hex2bin(u8 *dst, const char *src, size_t count);
char *bin2hex(char *dst, const void *src, size_t count);
EMU_END_DECLS
#define hex_asc_lo(x) hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x) hex_asc[((x) & 0xf0) >> 4]
#define hex_asc_upper_lo(x) hex_asc_upper[((x) & 0x0f)]
#define hex_asc_upper_hi(x) hex_asc_upper[((x) & 0xf0) >> 4]
/* Two hex digits of `byte` at buf; returns where the next would go. */
static inline char *__emu_hex_pack(char *buf, u8 byte, const char *digits)
{
	buf[0] = digits[byte >> 4];
	buf[1] = digits[byte & 0xf];
	return buf + 2;
}
static inline char *hex_byte_pack(char *buf, u8 byte) { return __emu_hex_pack(buf, byte, hex_asc); }
static inline char *hex_byte_pack_upper(char *buf, u8 byte) { return __emu_hex_pack(buf, byte, hex_asc_upper); }
#endif
