#ifndef _LINUX_BITREV_H
#define _LINUX_BITREV_H
/* Bit order reversal (6.1 include/linux/bitrev.h). */
#include "types.h"

extern u8 const byte_rev_table[256];

static inline u8 __bitrev8(u8 b)
{
	b = (u8)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
	b = (u8)((b & 0xcc) >> 2 | (b & 0x33) << 2);
	return (u8)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}
static inline u16 __bitrev16(u16 x) { return (u16)((__bitrev8(x & 0xff) << 8) | __bitrev8(x >> 8)); }
static inline u32 __bitrev32(u32 x) { return ((u32)__bitrev16(x & 0xffff) << 16) | __bitrev16(x >> 16); }
#define bitrev8(x) __bitrev8(x)
#define bitrev16(x) __bitrev16(x)
#define bitrev32(x) __bitrev32(x)
#endif
