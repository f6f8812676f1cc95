#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H
/* CRC-32 (6.1 include/linux/crc32.h, lib/crc32.c) with CRC32_POLY_LE/BE and
 * CRC-32C (__crc32c_le). The seed goes in as given and the result comes out
 * as is: the usual CRC-32 of a buffer is crc32_le(~0, p, len) ^ ~0. The
 * _shift forms advance a CRC over len zero bytes, for _combine. */
#include "types.h"
#include "bitrev.h"

EMU_BEGIN_DECLS
u32 __attribute__((__pure__)) crc32_le(u32 crc, unsigned char const *p, size_t len);
u32 __attribute__((__pure__)) crc32_be(u32 crc, unsigned char const *p, size_t len);
u32 __attribute__((__const__)) crc32_le_shift(u32 crc, size_t len);
u32 __attribute__((__pure__)) __crc32c_le(u32 crc, unsigned char const *p, size_t len);
u32 __attribute__((__const__)) __crc32c_le_shift(u32 crc, size_t len);
EMU_END_DECLS

static inline u32 crc32_le_combine(u32 crc1, u32 crc2, size_t len2) { return crc32_le_shift(crc1, len2) ^ crc2; }
static inline u32 __crc32c_le_combine(u32 crc1, u32 crc2, size_t len2) { return __crc32c_le_shift(crc1, len2) ^ crc2; }

#define crc32(seed, data, length) crc32_le(seed, (unsigned char const *)(data), length)
#define ether_crc(length, data) bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)
#endif
