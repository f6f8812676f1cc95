#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H
/* Multiplicative hashing by the golden ratio (6.1 include/linux/hash.h): the
 * product's top `bits` bits are the hash. x86-64 has no arch hash, so these are
 * the generic versions and hash_long() is hash_64(). */
#include "types.h"
#include "compiler.h"

#define GOLDEN_RATIO_32 0x61C88647
#define GOLDEN_RATIO_64 0x61C8864680B583EBull
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_64
#define hash_long(val, bits) hash_64(val, bits)

static inline u32 __hash_32_generic(u32 val) { return val * GOLDEN_RATIO_32; }
#define __hash_32 __hash_32_generic

static inline u32 hash_32(u32 val, unsigned int bits) { return __hash_32(val) >> (32 - bits); }

static inline __attribute__((__always_inline__)) u32 hash_64_generic(u64 val, unsigned int bits)
{
	return (u32)(val * GOLDEN_RATIO_64 >> (64 - bits));
}
#define hash_64 hash_64_generic

static inline u32 hash_ptr(const void *ptr, unsigned int bits) { return hash_long((unsigned long)ptr, bits); }

/* Folds a pointer to 32 bits (no mixing). */
static inline u32 hash32_ptr(const void *ptr)
{
	unsigned long v = (unsigned long)ptr;

	return (u32)(v ^ (v >> 32));
}
#endif
