#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H
/* Kernel random numbers (6.1 include/linux/random.h, drivers/char/random.c,
 * as Debian's 6.1 LTS ships it, with get_random_u32_below()). On emu every
 * machine draws from its own generator, seeded from the machine's --seed:
 * the same seed gives the same numbers, run after run. */
#include "types.h"
#include "compiler.h"
#include "bug.h"
#include "kernel.h"
#include "list.h"
#include "limits.h"

struct notifier_block;

EMU_BEGIN_DECLS
/* Input the generator mixes in (deterministically: the same inputs, the same numbers after). */
void add_device_randomness(const void *buf, size_t len);
void add_bootloader_randomness(const void *buf, size_t len);
void add_input_randomness(unsigned int type, unsigned int code, unsigned int value);
void add_interrupt_randomness(int irq);
void add_hwgenerator_randomness(const void *buf, size_t len, size_t entropy);

void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);
/* Uniform in [0, ceil) (any u32 for ceil 0). */
u32 __get_random_u32_below(u32 ceil);
bool rng_is_initialized(void);
int wait_for_random_bytes(void);
EMU_END_DECLS

static inline void add_latent_entropy(void) { add_device_randomness(NULL, 0); }
/* No virtual machine forks on emu: nothing to notify. */
static inline int register_random_vmfork_notifier(struct notifier_block *nb) { (void)nb; return 0; }
static inline int unregister_random_vmfork_notifier(struct notifier_block *nb) { (void)nb; return 0; }

static inline unsigned long get_random_long(void) { return get_random_u64(); }
static inline u32 get_random_u32_below(u32 ceil) { return __get_random_u32_below(ceil); }
/* Uniform in (floor, U32_MAX]. */
static inline u32 get_random_u32_above(u32 floor) { return floor + 1 + get_random_u32_below(~0U - floor); }
/* Uniform in [floor, ceil]. */
static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil) { return floor + get_random_u32_below(ceil - floor + 1); }

/* A stack canary: random, with a zero low byte to stop string overruns. */
#define CANARY_MASK 0xffffffffffffff00UL
static inline unsigned long get_random_canary(void) { return get_random_long() & CANARY_MASK; }

static inline int get_random_bytes_wait(void *buf, size_t nbytes)
{
	int ret = wait_for_random_bytes();
	get_random_bytes(buf, nbytes);
	return ret;
}
#define __EMU_RANDOM_WAIT(name, ret_type) \
	static inline int get_random_##name##_wait(ret_type *out) \
	{ \
		int ret = wait_for_random_bytes(); \
		if (unlikely(ret)) \
			return ret; \
		*out = get_random_##name(); \
		return 0; \
	}
__EMU_RANDOM_WAIT(u8, u8)
__EMU_RANDOM_WAIT(u16, u16)
__EMU_RANDOM_WAIT(u32, u32)
__EMU_RANDOM_WAIT(u64, u32)
__EMU_RANDOM_WAIT(long, unsigned long)
#undef __EMU_RANDOM_WAIT

#include "prandom.h"

#endif
