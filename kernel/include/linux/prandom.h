#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H
/* The seedable pseudo-random generator (6.1 include/linux/prandom.h,
 * lib/random32.c): L'Ecuyer's four-component Tausworthe generator (LFSR113),
 * for simulations and tests that want a reproducible sequence. */
#include "types.h"
#include "random.h"

struct rnd_state {
	__u32 s1, s2, s3, s4;
};

EMU_BEGIN_DECLS
u32 prandom_u32_state(struct rnd_state *state);
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);
/* Seeds each CPU's state of a per-CPU rnd_state from get_random_*(). */
void prandom_seed_full_state(struct rnd_state *pcpu_state);
EMU_END_DECLS

/* Deprecated: use get_random_u32_below(). */
static inline u32 prandom_u32_max(u32 ep_ro) { return get_random_u32_below(ep_ro); }

/* Each component needs a minimum value to be a valid LFSR state. */
static inline u32 __seed(u32 x, u32 m) { return (x < m) ? x + m : x; }
/* The 64-bit seed folded to 32 bits, then raised per component past its
 * minimum (2, 8, 16, 128) so that no LFSR starts in a stuck state. */
static inline void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u32 folded = (u32)(seed ^ (seed >> 32) ^ (seed << 10));

	state->s1 = __seed(folded, 2U);
	state->s2 = __seed(folded, 8U);
	state->s3 = __seed(folded, 16U);
	state->s4 = __seed(folded, 128U);
}

/* The "Numerical Recipes" linear congruential step. */
static inline u32 next_pseudo_random32(u32 seed) { return seed * 1664525 + 1013904223; }

#endif
