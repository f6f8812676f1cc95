#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H
/* CPU masks, as 6.1 (Debian's build: CONFIG_CPUMASK_OFFSTACK, so
 * cpumask_var_t is allocated, and masks span nr_cpu_ids bits). emu's CPUs
 * never go offline: every possible CPU is present, online and active. */
#include "types.h"
#include "threads.h"
#include "bitops.h"
#include "bug.h"
#include "gfp.h"

typedef struct cpumask { DECLARE_BITMAP(bits, NR_CPUS); } cpumask_t;
#define cpumask_bits(maskp) ((maskp)->bits)
#define cpumask_pr_args(maskp) nr_cpu_ids, cpumask_bits(maskp)

EMU_BEGIN_DECLS
unsigned int __emu_nr_cpu_ids(void);
/* The machine's masks (possible, online, present, active, dying), and the constant ones. */
const struct cpumask *__emu_cpu_mask(int which);
/* cpumask_of(cpu): a constant mask with only `cpu` set. */
const struct cpumask *get_cpu_mask(unsigned int cpu);
unsigned int num_online_cpus(void);
unsigned int cpumask_local_spread(unsigned int i, int node);
unsigned int cpumask_any_and_distribute(const struct cpumask *src1p, const struct cpumask *src2p);
unsigned int cpumask_any_distribute(const struct cpumask *srcp);
void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
EMU_END_DECLS
/* Which mask __emu_cpu_mask() returns; ALL and NONE are constant (every NR_CPUS bit, none). */
enum { __EMU_CPU_POSSIBLE, __EMU_CPU_ONLINE, __EMU_CPU_PRESENT, __EMU_CPU_ACTIVE, __EMU_CPU_DYING, __EMU_CPU_ALL,
       __EMU_CPU_NONE };

#define nr_cpu_ids __emu_nr_cpu_ids()
#define nr_cpumask_bits nr_cpu_ids
#define cpu_possible_mask __emu_cpu_mask(__EMU_CPU_POSSIBLE)
#define cpu_online_mask __emu_cpu_mask(__EMU_CPU_ONLINE)
#define cpu_present_mask __emu_cpu_mask(__EMU_CPU_PRESENT)
#define cpu_active_mask __emu_cpu_mask(__EMU_CPU_ACTIVE)
#define cpu_dying_mask __emu_cpu_mask(__EMU_CPU_DYING)

static inline void cpu_max_bits_warn(unsigned int cpu, unsigned int bits) { (void)cpu; (void)bits; }
static inline unsigned int cpumask_check(unsigned int cpu) { cpu_max_bits_warn(cpu, nr_cpumask_bits); return cpu; }

/* Bit searches over the first `n` bits; `n` when there is none, as find_next_bit(). */
static inline unsigned int __emu_mask_next(const unsigned long *a, const unsigned long *b, int mode,
                                           unsigned int n, unsigned int start)
{
	for (unsigned int i = start; i < n; i++) {
		unsigned long w = a[BIT_WORD(i)];
		if (mode == 1) w &= b[BIT_WORD(i)];
		else if (mode == 2) w &= ~b[BIT_WORD(i)];
		else if (mode == 3) w = ~w;
		if ((w >> (i % BITS_PER_LONG)) & 1UL) return i;
	}
	return n;
}
static inline unsigned int cpumask_first(const struct cpumask *srcp)
{ return __emu_mask_next(cpumask_bits(srcp), NULL, 0, nr_cpumask_bits, 0); }
static inline unsigned int cpumask_first_zero(const struct cpumask *srcp)
{ return __emu_mask_next(cpumask_bits(srcp), NULL, 3, nr_cpumask_bits, 0); }
static inline unsigned int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{ return __emu_mask_next(cpumask_bits(a), cpumask_bits(b), 1, nr_cpumask_bits, 0); }
static inline unsigned int cpumask_last(const struct cpumask *srcp)
{
	unsigned int n = nr_cpumask_bits;
	for (unsigned int i = n; i-- > 0;)
		if (test_bit(i, cpumask_bits(srcp))) return i;
	return n;
}
static inline unsigned int cpumask_next(int n, const struct cpumask *srcp)
{ return __emu_mask_next(cpumask_bits(srcp), NULL, 0, nr_cpumask_bits, (unsigned int)(n + 1)); }
static inline unsigned int cpumask_next_zero(int n, const struct cpumask *srcp)
{ return __emu_mask_next(cpumask_bits(srcp), NULL, 3, nr_cpumask_bits, (unsigned int)(n + 1)); }
static inline unsigned int cpumask_next_and(int n, const struct cpumask *a, const struct cpumask *b)
{ return __emu_mask_next(cpumask_bits(a), cpumask_bits(b), 1, nr_cpumask_bits, (unsigned int)(n + 1)); }
static inline unsigned int __emu_cpumask_next_andnot(int n, const struct cpumask *a, const struct cpumask *b)
{ return __emu_mask_next(cpumask_bits(a), cpumask_bits(b), 2, nr_cpumask_bits, (unsigned int)(n + 1)); }
/* The next set bit after n, wrapping at the end, until `start` is reached again. */
static inline unsigned int cpumask_next_wrap(int n, const struct cpumask *mask, int start, bool wrap)
{
	unsigned int next;
again:
	next = cpumask_next(n, mask);
	if (wrap && n < start && next >= (unsigned int)start) return nr_cpumask_bits;
	if (next >= nr_cpumask_bits) {
		wrap = true;
		n = -1;
		goto again;
	}
	return next;
}

#define for_each_cpu(cpu, mask) \
	for ((cpu) = cpumask_first(mask); (unsigned int)(cpu) < nr_cpumask_bits; (cpu) = cpumask_next((cpu), (mask)))
#define for_each_cpu_not(cpu, mask) \
	for ((cpu) = cpumask_first_zero(mask); (unsigned int)(cpu) < nr_cpumask_bits; \
	     (cpu) = cpumask_next_zero((cpu), (mask)))
#define for_each_cpu_wrap(cpu, mask, start) \
	for ((cpu) = cpumask_next_wrap((start) - 1, (mask), (start), false); \
	     (unsigned int)(cpu) < nr_cpumask_bits; \
	     (cpu) = cpumask_next_wrap((cpu), (mask), (start), true))
#define for_each_cpu_and(cpu, mask1, mask2) \
	for ((cpu) = cpumask_first_and((mask1), (mask2)); (unsigned int)(cpu) < nr_cpumask_bits; \
	     (cpu) = cpumask_next_and((cpu), (mask1), (mask2)))
#define for_each_cpu_andnot(cpu, mask1, mask2) \
	for ((cpu) = __emu_cpumask_next_andnot(-1, (mask1), (mask2)); (unsigned int)(cpu) < nr_cpumask_bits; \
	     (cpu) = __emu_cpumask_next_andnot((cpu), (mask1), (mask2)))

static inline unsigned int cpumask_any_but(const struct cpumask *mask, unsigned int cpu)
{
	unsigned int i = cpumask_first(mask);
	if (i != cpu) return i;
	return cpumask_next((int)cpu, mask);
}
static inline unsigned int cpumask_nth(unsigned int n, const struct cpumask *srcp)
{
	unsigned int cpu;
	for_each_cpu(cpu, srcp)
		if (n-- == 0) return cpu;
	return nr_cpumask_bits;
}
static inline unsigned int cpumask_nth_and(unsigned int n, const struct cpumask *a, const struct cpumask *b)
{
	unsigned int cpu;
	for_each_cpu_and(cpu, a, b)
		if (n-- == 0) return cpu;
	return nr_cpumask_bits;
}
static inline unsigned int cpumask_nth_andnot(unsigned int n, const struct cpumask *a, const struct cpumask *b)
{
	unsigned int cpu;
	for_each_cpu_andnot(cpu, a, b)
		if (n-- == 0) return cpu;
	return nr_cpumask_bits;
}

#define CPU_BITS_NONE { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = 0UL }
#define CPU_BITS_CPU0 { [0] = 1UL }
#define CPU_MASK_NONE (cpumask_t){ { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = 0UL } }
#define CPU_MASK_CPU0 (cpumask_t){ { [0] = 1UL } }
#define CPU_BITS_ALL { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL }
#define CPU_MASK_ALL (cpumask_t){ { [0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL } }

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp) { set_bit(cpumask_check(cpu), cpumask_bits(dstp)); }
static inline void __cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp) { __set_bit(cpumask_check(cpu), cpumask_bits(dstp)); }
static inline void cpumask_clear_cpu(int cpu, struct cpumask *dstp) { clear_bit(cpumask_check(cpu), cpumask_bits(dstp)); }
static inline void __cpumask_clear_cpu(int cpu, struct cpumask *dstp) { __clear_bit(cpumask_check(cpu), cpumask_bits(dstp)); }
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *cpumask)
{ return test_bit(cpumask_check(cpu), cpumask_bits(cpumask)); }
static inline bool cpumask_test_and_set_cpu(int cpu, struct cpumask *cpumask)
{ return test_and_set_bit(cpumask_check(cpu), cpumask_bits(cpumask)); }
static inline bool cpumask_test_and_clear_cpu(int cpu, struct cpumask *cpumask)
{ return test_and_clear_bit(cpumask_check(cpu), cpumask_bits(cpumask)); }

/* Word-wise operations over the words nr_cpumask_bits spans; the bits past
 * it in the last word are left as the operation makes them, as bitmap_*(). */
#define __EMU_CPUMASK_WORDS BITS_TO_LONGS(nr_cpumask_bits)
#define __EMU_CPUMASK_LAST_MASK \
	((nr_cpumask_bits % BITS_PER_LONG) ? (1UL << (nr_cpumask_bits % BITS_PER_LONG)) - 1 : ~0UL)
static inline void cpumask_setall(struct cpumask *dstp)
{
	unsigned int n = __EMU_CPUMASK_WORDS;
	for (unsigned int i = 0; i < n; i++) dstp->bits[i] = ~0UL;
	if (n) dstp->bits[n - 1] &= __EMU_CPUMASK_LAST_MASK;
}
static inline void cpumask_clear(struct cpumask *dstp)
{ for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) dstp->bits[i] = 0; }
static inline bool cpumask_and(struct cpumask *dstp, const struct cpumask *a, const struct cpumask *b)
{
	unsigned long any = 0;
	for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) any |= (dstp->bits[i] = a->bits[i] & b->bits[i]);
	return any != 0;
}
static inline void cpumask_or(struct cpumask *dstp, const struct cpumask *a, const struct cpumask *b)
{ for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) dstp->bits[i] = a->bits[i] | b->bits[i]; }
static inline void cpumask_xor(struct cpumask *dstp, const struct cpumask *a, const struct cpumask *b)
{ for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) dstp->bits[i] = a->bits[i] ^ b->bits[i]; }
static inline bool cpumask_andnot(struct cpumask *dstp, const struct cpumask *a, const struct cpumask *b)
{
	unsigned long any = 0;
	for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) any |= (dstp->bits[i] = a->bits[i] & ~b->bits[i]);
	return any != 0;
}
static inline void cpumask_complement(struct cpumask *dstp, const struct cpumask *srcp)
{ for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) dstp->bits[i] = ~srcp->bits[i]; }
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int n = __EMU_CPUMASK_WORDS;
	for (unsigned int i = 0; i < n; i++) {
		unsigned long diff = a->bits[i] ^ b->bits[i];
		if (i == n - 1) diff &= __EMU_CPUMASK_LAST_MASK;
		if (diff) return false;
	}
	return true;
}
static inline bool cpumask_or_equal(const struct cpumask *a, const struct cpumask *b, const struct cpumask *c)
{
	unsigned int n = __EMU_CPUMASK_WORDS;
	for (unsigned int i = 0; i < n; i++) {
		unsigned long diff = (a->bits[i] | b->bits[i]) ^ c->bits[i];
		if (i == n - 1) diff &= __EMU_CPUMASK_LAST_MASK;
		if (diff) return false;
	}
	return true;
}
static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{ return cpumask_first_and(a, b) < nr_cpumask_bits; }
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{ return __emu_cpumask_next_andnot(-1, a, b) >= nr_cpumask_bits; }
static inline bool cpumask_empty(const struct cpumask *srcp) { return cpumask_first(srcp) >= nr_cpumask_bits; }
static inline bool cpumask_full(const struct cpumask *srcp) { return cpumask_first_zero(srcp) >= nr_cpumask_bits; }
static inline unsigned int cpumask_weight(const struct cpumask *srcp)
{
	unsigned int cpu, w = 0;
	for_each_cpu(cpu, srcp) w++;
	return w;
}
static inline unsigned int cpumask_weight_and(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int cpu, w = 0;
	for_each_cpu_and(cpu, a, b) w++;
	return w;
}
static inline void cpumask_shift_right(struct cpumask *dstp, const struct cpumask *srcp, int n)
{
	struct cpumask tmp;
	cpumask_clear(&tmp);
	for (unsigned int i = (unsigned int)n; i < nr_cpumask_bits; i++)
		if (test_bit(i, srcp->bits)) __set_bit(i - n, tmp.bits);
	*dstp = tmp;
}
static inline void cpumask_shift_left(struct cpumask *dstp, const struct cpumask *srcp, int n)
{
	struct cpumask tmp;
	cpumask_clear(&tmp);
	for (unsigned int i = 0; i + (unsigned int)n < nr_cpumask_bits; i++)
		if (test_bit(i, srcp->bits)) __set_bit(i + n, tmp.bits);
	*dstp = tmp;
}
static inline void cpumask_copy(struct cpumask *dstp, const struct cpumask *srcp)
{ for (unsigned int i = 0; i < __EMU_CPUMASK_WORDS; i++) dstp->bits[i] = srcp->bits[i]; }
#define cpumask_any(srcp) cpumask_first(srcp)
#define cpumask_any_and(mask1, mask2) cpumask_first_and((mask1), (mask2))
#define cpumask_of(cpu) (get_cpu_mask(cpu))
static inline unsigned int cpumask_size(void) { return BITS_TO_LONGS(nr_cpumask_bits) * sizeof(long); }

/* cpumask_var_t: allocated, as CONFIG_CPUMASK_OFFSTACK (Debian's) has it. */
typedef struct cpumask *cpumask_var_t;
#define this_cpu_cpumask_var_ptr(x) this_cpu_read(x)
#define __cpumask_var_read_mostly __read_mostly
static inline bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{ *mask = (struct cpumask *)__kmalloc(cpumask_size(), flags); return *mask != NULL; }
static inline bool alloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags, int node)
{ (void)node; return alloc_cpumask_var(mask, flags); }
static inline bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{ return alloc_cpumask_var(mask, flags | __GFP_ZERO); }
static inline bool zalloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags, int node)
{ return alloc_cpumask_var_node(mask, flags | __GFP_ZERO, node); }
static inline void free_cpumask_var(cpumask_var_t mask) { kfree(mask); }
static inline bool cpumask_available(cpumask_var_t mask) { return mask != NULL; }

#define cpu_all_mask __emu_cpu_mask(__EMU_CPU_ALL)
#define cpu_none_mask __emu_cpu_mask(__EMU_CPU_NONE)
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)
#define for_each_present_cpu(cpu) for_each_cpu((cpu), cpu_present_mask)
#define to_cpumask(bitmap) ((struct cpumask *)(1 ? (bitmap) : (void *)sizeof(bitmap)))

static inline unsigned int num_possible_cpus(void) { return cpumask_weight(cpu_possible_mask); }
static inline unsigned int num_present_cpus(void) { return cpumask_weight(cpu_present_mask); }
static inline unsigned int num_active_cpus(void) { return cpumask_weight(cpu_active_mask); }
static inline bool cpu_online(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_online_mask); }
static inline bool cpu_possible(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_possible_mask); }
static inline bool cpu_present(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_present_mask); }
static inline bool cpu_active(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_active_mask); }
static inline bool cpu_dying(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_dying_mask); }
#define cpu_is_offline(cpu) unlikely(!cpu_online(cpu))

#endif
