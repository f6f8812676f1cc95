#ifndef __LINUX_BITMAP_H
#define __LINUX_BITMAP_H
/* Bitmaps: arrays of unsigned long declared with DECLARE_BITMAP(name, nbits)
 * (6.1 include/linux/bitmap.h, lib/bitmap.c). Operations look at bits
 * 0..nbits-1 only, except zero/fill/copy, which work on whole longs. */
#include "types.h"
#include "bitops.h"
#include "find.h"
#include "gfp.h"
#include "limits.h"
#include "string.h"

struct device;

#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))
#define bitmap_size(nbits) (BITS_TO_LONGS(nbits) * sizeof(unsigned long))
#define BITMAP_FROM_U64(n) (n)

EMU_BEGIN_DECLS
unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags);
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
unsigned long *bitmap_alloc_node(unsigned int nbits, gfp_t flags, int node);
unsigned long *bitmap_zalloc_node(unsigned int nbits, gfp_t flags, int node);
void bitmap_free(const unsigned long *bitmap);
unsigned long *devm_bitmap_alloc(struct device *dev, unsigned int nbits, gfp_t flags);
unsigned long *devm_bitmap_zalloc(struct device *dev, unsigned int nbits, gfp_t flags);

void bitmap_cut(unsigned long *dst, const unsigned long *src, unsigned int first, unsigned int cut,
		unsigned int nbits);
/* The first run of nr clear bits at or after start whose position, plus
 * align_offset, has the bits of align_mask clear; above size if none. */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size, unsigned long start,
					     unsigned int nr, unsigned long align_mask, unsigned long align_offset);
/* Hex words, most significant first, comma separated ("0000ff00,00000001"). */
int bitmap_parse(const char *buf, unsigned int buflen, unsigned long *dst, int nbits);
int bitmap_parse_user(const char __user *ubuf, unsigned int ulen, unsigned long *dst, int nbits);
/* A list of bits and ranges: "0-3,8,10-20:2/5" (range:used/group_size). */
int bitmap_parselist(const char *buf, unsigned long *maskp, int nmaskbits);
int bitmap_parselist_user(const char __user *ubuf, unsigned int ulen, unsigned long *dst, int nbits);
void bitmap_remap(unsigned long *dst, const unsigned long *src, const unsigned long *old,
		  const unsigned long *new_, unsigned int nbits);
int bitmap_bitremap(int oldbit, const unsigned long *old, const unsigned long *new_, int bits);
void bitmap_onto(unsigned long *dst, const unsigned long *orig, const unsigned long *relmap, unsigned int bits);
void bitmap_fold(unsigned long *dst, const unsigned long *orig, unsigned int sz, unsigned int nbits);
/* Aligned regions of 2^order bits: find-and-claim, release, claim. */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order);
void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order);
int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order);
/* Into a PAGE_SIZE sysfs buffer, with a newline: as a list ("0-3,8") or as
 * hex words; returns the length. */
int bitmap_print_to_pagebuf(bool list, char *buf, const unsigned long *maskp, int nmaskbits);
int bitmap_print_bitmask_to_buf(char *buf, const unsigned long *maskp, int nmaskbits, loff_t off, size_t count);
int bitmap_print_list_to_buf(char *buf, const unsigned long *maskp, int nmaskbits, loff_t off, size_t count);
EMU_END_DECLS

static inline unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size, unsigned long start,
						       unsigned int nr, unsigned long align_mask)
{ return bitmap_find_next_zero_area_off(map, size, start, nr, align_mask, 0); }

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits) { __builtin_memset(dst, 0, bitmap_size(nbits)); }
static inline void bitmap_fill(unsigned long *dst, unsigned int nbits) { __builtin_memset(dst, 0xff, bitmap_size(nbits)); }
static inline void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{ __builtin_memcpy(dst, src, bitmap_size(nbits)); }
/* bitmap_copy() with the bits past nbits of the last word cleared. */
static inline void bitmap_copy_clear_tail(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	bitmap_copy(dst, src, nbits);
	if (nbits % BITS_PER_LONG)
		dst[nbits / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}
/* The first count bits of from into to, zero up to size bits. */
static inline void bitmap_copy_and_extend(unsigned long *to, const unsigned long *from, unsigned int count,
					  unsigned int size)
{
	unsigned int copy = BITS_TO_LONGS(count);
	__builtin_memcpy(to, from, copy * sizeof(long));
	if (count % BITS_PER_LONG)
		to[copy - 1] &= BITMAP_LAST_WORD_MASK(count);
	__builtin_memset(to + copy, 0, bitmap_size(size) - copy * sizeof(long));
}

/* Word by word over nbits; the last word masked to the bits that count. */
#define __EMU_BITMAP_WORDS(k, nbits) for (unsigned int k = 0; k < BITS_TO_LONGS(nbits); k++)
#define __EMU_BITMAP_MASK(k, nbits) \
	((k) + 1 == BITS_TO_LONGS(nbits) ? BITMAP_LAST_WORD_MASK(nbits) : ~0UL)

/* and/andnot return whether any bit of the result is set. */
static inline bool bitmap_and(unsigned long *dst, const unsigned long *src1, const unsigned long *src2,
			      unsigned int nbits)
{
	unsigned long any = 0;
	__EMU_BITMAP_WORDS(k, nbits) any |= (dst[k] = src1[k] & src2[k]) & __EMU_BITMAP_MASK(k, nbits);
	return any != 0;
}
static inline bool bitmap_andnot(unsigned long *dst, const unsigned long *src1, const unsigned long *src2,
				 unsigned int nbits)
{
	unsigned long any = 0;
	__EMU_BITMAP_WORDS(k, nbits) any |= (dst[k] = src1[k] & ~src2[k]) & __EMU_BITMAP_MASK(k, nbits);
	return any != 0;
}
static inline void bitmap_or(unsigned long *dst, const unsigned long *src1, const unsigned long *src2,
			     unsigned int nbits)
{ __EMU_BITMAP_WORDS(k, nbits) dst[k] = src1[k] | src2[k]; }
static inline void bitmap_xor(unsigned long *dst, const unsigned long *src1, const unsigned long *src2,
			      unsigned int nbits)
{ __EMU_BITMAP_WORDS(k, nbits) dst[k] = src1[k] ^ src2[k]; }
static inline void bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{ __EMU_BITMAP_WORDS(k, nbits) dst[k] = ~src[k]; }
/* dst = (old & ~mask) | (new & mask) */
static inline void bitmap_replace(unsigned long *dst, const unsigned long *old, const unsigned long *new_,
				  const unsigned long *mask, unsigned int nbits)
{ __EMU_BITMAP_WORDS(k, nbits) dst[k] = (old[k] & ~mask[k]) | (new_[k] & mask[k]); }

static inline bool bitmap_equal(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	__EMU_BITMAP_WORDS(k, nbits) if ((src1[k] ^ src2[k]) & __EMU_BITMAP_MASK(k, nbits)) return false;
	return true;
}
/* (src1 | src2) == src3 */
static inline bool bitmap_or_equal(const unsigned long *src1, const unsigned long *src2,
				   const unsigned long *src3, unsigned int nbits)
{
	__EMU_BITMAP_WORDS(k, nbits) if (((src1[k] | src2[k]) ^ src3[k]) & __EMU_BITMAP_MASK(k, nbits)) return false;
	return true;
}
static inline bool bitmap_intersects(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	__EMU_BITMAP_WORDS(k, nbits) if (src1[k] & src2[k] & __EMU_BITMAP_MASK(k, nbits)) return true;
	return false;
}
/* Every bit of src1 is in src2. */
static inline bool bitmap_subset(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	__EMU_BITMAP_WORDS(k, nbits) if (src1[k] & ~src2[k] & __EMU_BITMAP_MASK(k, nbits)) return false;
	return true;
}
static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{ return find_first_bit(src, nbits) == nbits; }
static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{ return find_first_zero_bit(src, nbits) == nbits; }
static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int w = 0;
	__EMU_BITMAP_WORDS(k, nbits) w += (unsigned int)hweight_long(src[k] & __EMU_BITMAP_MASK(k, nbits));
	return w;
}
static inline unsigned long bitmap_weight_and(const unsigned long *src1, const unsigned long *src2,
					      unsigned int nbits)
{
	unsigned long w = 0;
	__EMU_BITMAP_WORDS(k, nbits) w += hweight_long(src1[k] & src2[k] & __EMU_BITMAP_MASK(k, nbits));
	return w;
}

/* Sets (clears) bits start..start+nbits-1. */
static inline void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{ for (unsigned int i = 0; i < nbits; i++) __set_bit(start + i, map); }
static inline void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits)
{ for (unsigned int i = 0; i < nbits; i++) __clear_bit(start + i, map); }

/* dst = src >> shift (towards bit 0), and src << shift, within nbits. */
static inline void bitmap_shift_right(unsigned long *dst, const unsigned long *src, unsigned int shift,
				      unsigned int nbits)
{
	for (unsigned int i = 0; i < nbits; i++) {
		bool v = i + shift < nbits && test_bit(i + shift, src);
		__assign_bit(i, dst, v);
	}
	if (nbits % BITS_PER_LONG)
		dst[nbits / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}
static inline void bitmap_shift_left(unsigned long *dst, const unsigned long *src, unsigned int shift,
				     unsigned int nbits)
{
	for (unsigned int i = nbits; i-- > 0;) {
		bool v = i >= shift && test_bit(i - shift, src);
		__assign_bit(i, dst, v);
	}
	if (nbits % BITS_PER_LONG)
		dst[nbits / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}

/* The next run of set bits at or after *rs: [*rs, *re). */
static inline void bitmap_next_set_region(unsigned long *bitmap, unsigned int *rs, unsigned int *re,
					  unsigned int end)
{
	*rs = (unsigned int)find_next_bit(bitmap, end, *rs);
	*re = (unsigned int)find_next_zero_bit(bitmap, end, *rs + 1);
}

static inline void bitmap_from_u64(unsigned long *dst, u64 mask) { dst[0] = (unsigned long)mask; }
/* 8 bits at start (a multiple of 8). */
static inline unsigned long bitmap_get_value8(const unsigned long *map, unsigned long start)
{ return (map[BIT_WORD(start)] >> (start % BITS_PER_LONG)) & 0xff; }
static inline void bitmap_set_value8(unsigned long *map, unsigned long value, unsigned long start)
{
	unsigned long offset = start % BITS_PER_LONG;
	map[BIT_WORD(start)] &= ~(0xffUL << offset);
	map[BIT_WORD(start)] |= value << offset;
}

/* Arrays of u32 (low word first) and u64: a 64-bit bitmap word holds two u32s. */
static inline void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_U32(nbits); i++) {
		if (i % 2 == 0)
			bitmap[i / 2] = buf[i];
		else
			bitmap[i / 2] |= (unsigned long)buf[i] << 32;
	}
	if (nbits % BITS_PER_LONG)
		bitmap[nbits / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}
static inline void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	for (unsigned int i = 0; i < BITS_TO_U32(nbits); i++)
		buf[i] = (u32)(bitmap[i / 2] >> (32 * (i % 2)));
	if (nbits % 32)
		buf[BITS_TO_U32(nbits) - 1] &= (u32)(~0U >> (32 - nbits % 32));
}
/* On a 64-bit machine a u64 array has the bitmap's own layout. */
#define __emu_bitmap_same64(dst, src, nbits) \
	bitmap_copy_clear_tail((unsigned long *)(dst), (const unsigned long *)(src), (nbits))
#define bitmap_from_arr64(bitmap, buf, nbits) __emu_bitmap_same64(bitmap, buf, nbits)
#define bitmap_to_arr64(buf, bitmap, nbits) __emu_bitmap_same64(buf, bitmap, nbits)
#define bitmap_copy_le bitmap_copy

#endif
