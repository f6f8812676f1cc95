#ifndef __LINUX_FIND_H_
#define __LINUX_FIND_H_
/* Searching bitmaps (6.1 include/linux/find.h, lib/find_bit.c). Every search
 * returns a bit number below `size`, or `size` itself when there is none. */
#include "bitops.h"

/* The first bit >= offset (below size) whose word, after `invert` and the
 * mask of addr2 (if any), has it set: the one loop behind every search. */
static inline unsigned long __emu_find_bit(const unsigned long *addr1, const unsigned long *addr2, bool andnot,
					   unsigned long invert, unsigned long size, unsigned long offset)
{
	while (offset < size) {
		unsigned long word = addr1[BIT_WORD(offset)] ^ invert;
		if (addr2)
			word &= andnot ? ~addr2[BIT_WORD(offset)] : addr2[BIT_WORD(offset)];
		word &= ~0UL << (offset % BITS_PER_LONG);
		if (word) {
			unsigned long bit = BIT_WORD(offset) * BITS_PER_LONG + __ffs(word);
			return bit < size ? bit : size;
		}
		offset = (BIT_WORD(offset) + 1) * BITS_PER_LONG;
	}
	return size;
}

static inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{ return __emu_find_bit(addr, NULL, false, 0, size, offset); }
static inline unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{ return __emu_find_bit(addr, NULL, false, ~0UL, size, offset); }
static inline unsigned long find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
					      unsigned long size, unsigned long offset)
{ return __emu_find_bit(addr1, addr2, false, 0, size, offset); }
static inline unsigned long find_next_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
						 unsigned long size, unsigned long offset)
{ return __emu_find_bit(addr1, addr2, true, 0, size, offset); }
static inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{ return find_next_bit(addr, size, 0); }
static inline unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{ return find_next_zero_bit(addr, size, 0); }
static inline unsigned long find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2,
					       unsigned long size)
{ return find_next_and_bit(addr1, addr2, size, 0); }

/* The last set bit, or size. */
static inline unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx = size;
	while (idx) {
		unsigned long w = BIT_WORD(idx - 1);
		unsigned long word = addr[w];
		if ((idx - 1) % BITS_PER_LONG != BITS_PER_LONG - 1)
			word &= ~0UL >> (BITS_PER_LONG - 1 - (idx - 1) % BITS_PER_LONG);
		if (word)
			return w * BITS_PER_LONG + __fls(word);
		idx = w * BITS_PER_LONG;
	}
	return size;
}

/* The n-th (from 0) set bit, or size. */
static inline unsigned long __emu_find_nth(const unsigned long *addr1, const unsigned long *addr2, bool andnot,
					   unsigned long size, unsigned long n)
{
	unsigned long bit = __emu_find_bit(addr1, addr2, andnot, 0, size, 0);
	while (bit < size && n--)
		bit = __emu_find_bit(addr1, addr2, andnot, 0, size, bit + 1);
	return bit;
}
static inline unsigned long find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n)
{ return __emu_find_nth(addr, NULL, false, size, n); }
static inline unsigned long find_nth_and_bit(const unsigned long *addr1, const unsigned long *addr2,
					     unsigned long size, unsigned long n)
{ return __emu_find_nth(addr1, addr2, false, size, n); }
static inline unsigned long find_nth_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
						unsigned long size, unsigned long n)
{ return __emu_find_nth(addr1, addr2, true, size, n); }

/* From `offset` to the end, then from 0: the first set bit, or size. */
static inline unsigned long find_next_bit_wrap(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_bit(addr, size, offset);
	if (bit < size)
		return bit;
	bit = find_first_bit(addr, offset);
	return bit < offset ? bit : size;
}
static inline unsigned long find_next_and_bit_wrap(const unsigned long *addr1, const unsigned long *addr2,
						   unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_and_bit(addr1, addr2, size, offset);
	if (bit < size)
		return bit;
	bit = find_first_and_bit(addr1, addr2, offset);
	return bit < offset ? bit : size;
}
/* The next bit of a wrapping walk that started at `start`; size when it is done. */
static inline unsigned long __for_each_wrap(const unsigned long *bitmap, unsigned long size,
					    unsigned long start, unsigned long n)
{
	unsigned long bit;
	if (n > start) {
		bit = find_next_bit(bitmap, size, n);
		if (bit < size)
			return bit;
		n = 0;
	}
	bit = find_next_bit(bitmap, start, n);
	return bit < start ? bit : size;
}

#define for_each_set_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_and_bit(bit, addr1, addr2, size) \
	for ((bit) = 0; (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_andnot_bit(bit, addr1, addr2, size) \
	for ((bit) = 0; (bit) = find_next_andnot_bit((addr1), (addr2), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_set_bit_from(bit, addr, size) \
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit_from(bit, addr, size) \
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
/* Runs of set bits [b, e). */
#define for_each_set_bitrange(b, e, addr, size) \
	for ((b) = 0; (b) = find_next_bit((addr), (size), (b)), \
	     (e) = find_next_zero_bit((addr), (size), (b) + 1), (b) < (size); (b) = (e) + 1)
#define for_each_set_bitrange_from(b, e, addr, size) \
	for (; (b) = find_next_bit((addr), (size), (b)), \
	     (e) = find_next_zero_bit((addr), (size), (b) + 1), (b) < (size); (b) = (e) + 1)
#define for_each_clear_bitrange(b, e, addr, size) \
	for ((b) = 0; (b) = find_next_zero_bit((addr), (size), (b)), \
	     (e) = find_next_bit((addr), (size), (b) + 1), (b) < (size); (b) = (e) + 1)
#define for_each_clear_bitrange_from(b, e, addr, size) \
	for (; (b) = find_next_zero_bit((addr), (size), (b)), \
	     (e) = find_next_bit((addr), (size), (b) + 1), (b) < (size); (b) = (e) + 1)
#define for_each_set_bit_wrap(bit, addr, size, start) \
	for ((bit) = find_next_bit_wrap((addr), (size), (start)); (bit) < (size); \
	     (bit) = __for_each_wrap((addr), (size), (start), (bit) + 1))

#endif
