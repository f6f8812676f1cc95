#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
/* Bit operations on unsigned long arrays, and bit arithmetic on words (6.1
 * include/linux/bitops.h, asm/bitops.h, asm-generic/bitops/). Bit nr lives
 * in word nr / 64 at position nr % 64. set_bit() & co. are atomic,
 * __set_bit() & co. need not be -- on emu both are plain read-modify-writes,
 * indivisible for the guest (see linux/atomic.h). */
#include "types.h"
#include "bits.h"

#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_TYPE(long) - 1) / BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) (((nr) + BITS_PER_TYPE(u64) - 1) / BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) (((nr) + BITS_PER_TYPE(u32) - 1) / BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) (((nr) + BITS_PER_TYPE(char) - 1) / BITS_PER_TYPE(char))
#define BYTES_TO_BITS(nb) ((nb) * BITS_PER_BYTE)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

#define __EMU_BITADDR(nr, addr) (((volatile unsigned long *)(addr)) + BIT_WORD(nr))
static inline void set_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p | BIT_MASK(nr); }
static inline void clear_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p & ~BIT_MASK(nr); }
static inline void change_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p ^ BIT_MASK(nr); }
static inline bool test_bit(long nr, const volatile unsigned long *addr)
{ return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1UL; }
/* The test_and_ forms return the bit's old value. */
static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old | BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
static inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old & ~BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
static inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old ^ BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
#define __set_bit set_bit
#define __clear_bit clear_bit
#define __change_bit change_bit
#define __test_and_set_bit test_and_set_bit
#define __test_and_clear_bit test_and_clear_bit
#define __test_and_change_bit test_and_change_bit
#define test_bit_acquire test_bit
/* Lock-style bits: acquire on set, release on clear. */
static inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr) { return test_and_set_bit(nr, addr); }
static inline void clear_bit_unlock(long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }
static inline void __clear_bit_unlock(long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }
static inline void assign_bit(long nr, volatile unsigned long *addr, bool value)
{ if (value) set_bit(nr, addr); else clear_bit(nr, addr); }
#define __assign_bit assign_bit

/* Bit positions count from 0 except in ffs()/fls(), which count from 1 and
 * return 0 for a zero word. __ffs(), __fls() and ffz() are undefined for 0
 * (resp. ~0), as on x86 (bsf/bsr). */
#ifndef __cplusplus /* the C library's ffs() on the C++ side */
static inline int ffs(int x) { return __builtin_ffs(x); }
#endif
static inline unsigned long __ffs(unsigned long word) { return (unsigned long)__builtin_ctzl(word); }
static inline unsigned long __fls(unsigned long word) { return (unsigned long)(BITS_PER_LONG - 1 - __builtin_clzl(word)); }
static inline unsigned long ffz(unsigned long word) { return __ffs(~word); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
static inline int fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
static inline unsigned int fls_long(unsigned long l) { return (unsigned int)fls64(l); }
static inline unsigned long __ffs64(u64 word) { return __ffs((unsigned long)word); }
/* Position of the n-th (from 0) set bit, or BITS_PER_LONG. */
static inline unsigned long fns(unsigned long word, unsigned int n)
{
	while (word) {
		unsigned long bit = __ffs(word);
		if (n-- == 0)
			return bit;
		word &= word - 1;
	}
	return BITS_PER_LONG;
}
static inline int get_bitmask_order(unsigned int count) { return fls(count); }
/* log2 of count rounded up to a power of two; -1 for 0. */
static inline int get_count_order(unsigned int count) { return count ? fls(count - 1) : -1; }
static inline int get_count_order_long(unsigned long l) { return l ? (int)fls_long(l - 1) : -1; }

/* Population counts by the classic SWAR sums: __builtin_popcount() would
 * call libgcc without -mpopcnt, and modules link without it. */
static inline unsigned long hweight64(u64 w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned long)((w * 0x0101010101010101ULL) >> 56);
}
static inline unsigned int hweight32(unsigned int w) { return (unsigned int)hweight64(w); }
static inline unsigned int hweight16(unsigned int w) { return (unsigned int)hweight64(w & 0xffff); }
static inline unsigned int hweight8(unsigned int w) { return (unsigned int)hweight64(w & 0xff); }
static inline unsigned long hweight_long(unsigned long w) { return hweight64(w); }

static inline u64 rol64(u64 word, unsigned int shift) { return (word << (shift & 63)) | (word >> ((-shift) & 63)); }
static inline u64 ror64(u64 word, unsigned int shift) { return (word >> (shift & 63)) | (word << ((-shift) & 63)); }
static inline u32 rol32(u32 word, unsigned int shift) { return (word << (shift & 31)) | (word >> ((-shift) & 31)); }
static inline u32 ror32(u32 word, unsigned int shift) { return (word >> (shift & 31)) | (word << ((-shift) & 31)); }
static inline u16 rol16(u16 word, unsigned int shift) { return (u16)((word << (shift & 15)) | (word >> ((-shift) & 15))); }
static inline u16 ror16(u16 word, unsigned int shift) { return (u16)((word >> (shift & 15)) | (word << ((-shift) & 15))); }
static inline u8 rol8(u8 word, unsigned int shift) { return (u8)((word << (shift & 7)) | (word >> ((-shift) & 7))); }
static inline u8 ror8(u8 word, unsigned int shift) { return (u8)((word >> (shift & 7)) | (word << ((-shift) & 7))); }

/* Sign-extends value from bit `index` (0-based) upwards. */
static inline s32 sign_extend32(u32 value, int index)
{ u8 shift = 31 - index; return (s32)(value << shift) >> shift; }
static inline s64 sign_extend64(u64 value, int index)
{ u8 shift = 63 - index; return (s64)(value << shift) >> shift; }

/* *ptr = (*ptr & ~mask) | bits, atomically; yields the old value. */
#define set_mask_bits(ptr, mask, bits) ({ \
		const __typeof__(*(ptr)) mask__ = (mask), bits__ = (bits); \
		__typeof__(*(ptr)) old__ = READ_ONCE(*(ptr)); \
		WRITE_ONCE(*(ptr), (old__ & ~mask__) | bits__); \
		old__; })
/* Clears `clear` unless a bit of `test` is set; true if it cleared. */
#define bit_clear_unless(ptr, clear, test) ({ \
		const __typeof__(*(ptr)) clear__ = (clear), test__ = (test); \
		__typeof__(*(ptr)) old__ = READ_ONCE(*(ptr)); \
		if (!(old__ & test__)) \
			WRITE_ONCE(*(ptr), old__ & ~clear__); \
		!(old__ & test__); })

#endif
