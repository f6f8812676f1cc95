/* <linux/random.h> and <linux/prandom.h>: random IDs and delays the way
 * drivers draw them. On emu the numbers come from the machine's --seed. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/random.h>
#include <linux/prandom.h>

static int __init random_demo_init(void)
{
	u8 key[16];
	char hex[33];
	struct rnd_state st;
	u32 a, b, below, in;
	int i, bad = 0;

	a = get_random_u32();
	b = get_random_u32();
	pr_info("u32 %08x %08x differ=%d\n", a, b, a != b);
	pr_info("u64 %016llx u16 %04x u8 %02x long %016lx\n", get_random_u64(), get_random_u16(), get_random_u8(),
		get_random_long());
	get_random_bytes(key, sizeof(key));
	for (i = 0; i < sizeof(key); i++)
		snprintf(hex + 2 * i, 3, "%02x", key[i]);
	pr_info("key %s\n", hex);
	for (i = 0; i < 1000; i++) {
		below = get_random_u32_below(6);
		in = get_random_u32_inclusive(1, 6);
		if (below > 5 || in < 1 || in > 6 || prandom_u32_max(10) >= 10)
			bad++;
	}
	pr_info("1000 dice out of range: %d, canary low byte 0x%02lx, rng ready %d\n", bad,
		get_random_canary() & 0xff, rng_is_initialized());
	prandom_seed_state(&st, 1234);
	a = prandom_u32_state(&st);
	prandom_seed_state(&st, 1234);
	b = prandom_u32_state(&st);
	pr_info("prandom from the same seed: %d\n", a == b);
	return 0;
}

static void __exit random_demo_exit(void)
{
}

module_init(random_demo_init);
module_exit(random_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("random.h");
