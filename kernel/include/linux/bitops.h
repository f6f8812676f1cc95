#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
#include "types.h"

#define BITS_PER_LONG 64
#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))

/* Plain read-modify-writes: indivisible for the guest (see linux/atomic.h). */
#define __EMU_BITADDR(nr, addr) (((volatile unsigned long *)(addr)) + BIT_WORD(nr))
static inline void set_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p | BIT_MASK(nr); }
static inline void clear_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p & ~BIT_MASK(nr); }
static inline void change_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); *p = *p ^ BIT_MASK(nr); }
static inline bool test_bit(long nr, const volatile unsigned long *addr) { return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1UL; }
static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old | BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
static inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old & ~BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
static inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{ volatile unsigned long *p = __EMU_BITADDR(nr, addr); unsigned long old = *p; *p = old ^ BIT_MASK(nr); return (old & BIT_MASK(nr)) != 0; }
#define __set_bit set_bit
#define __clear_bit clear_bit
#define __test_and_set_bit test_and_set_bit
#define __test_and_clear_bit test_and_clear_bit
static inline void clear_bit_unlock(long nr, volatile unsigned long *addr) { clear_bit(nr, addr); }
static inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr) { return test_and_set_bit(nr, addr); }
#ifndef __cplusplus
static inline int ffs(int x) { return __builtin_ffs(x); }
#endif
static inline unsigned long __ffs(unsigned long w) { return (unsigned long)__builtin_ctzl(w); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
static inline int hweight32(unsigned int w) { return __builtin_popcount(w); }
static inline int hweight_long(unsigned long w) { return __builtin_popcountl(w); }
#endif
