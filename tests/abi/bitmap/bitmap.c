/* <linux/bitmap.h>, <linux/bitops.h>, <linux/find.h>: a table of slots
 * allocated from a bitmap, the way drivers hand out minor numbers or IDs. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/slab.h>

#define NSLOTS 100

static DECLARE_BITMAP(slots, NSLOTS);

static int slot_get(void)
{
	unsigned long n = find_first_zero_bit(slots, NSLOTS);

	if (n >= NSLOTS)
		return -ENOSPC;
	set_bit(n, slots);
	return n;
}

static int __init bitmap_demo_init(void)
{
	unsigned long word = 0, bit, *dyn;
	static char buf[4096];
	int i, a, b, c;
	bool was;

	a = slot_get();
	b = slot_get();
	c = slot_get();
	clear_bit(b, slots);
	pr_info("slots %d %d %d, after freeing %d the next is %d\n", a, b, c, b, slot_get());
	bitmap_set(slots, 60, 8);
	__set_bit(99, slots);
	pr_info("weight=%u first=%lu next after 3: %lu last=%lu\n", bitmap_weight(slots, NSLOTS),
		find_first_bit(slots, NSLOTS), find_next_bit(slots, NSLOTS, 3), find_last_bit(slots, NSLOTS));
	bitmap_print_to_pagebuf(true, buf, slots, NSLOTS);
	pr_info("list: %s", buf);
	bitmap_print_to_pagebuf(false, buf, slots, NSLOTS);
	pr_info("mask: %s", buf);
	i = 0;
	for_each_set_bit(bit, slots, NSLOTS)
		i++;
	pr_info("for_each_set_bit visited %d, clear bits %u\n", i, NSLOTS - bitmap_weight(slots, NSLOTS));
	was = test_and_set_bit(5, &word);
	pr_info("test_and_set_bit: was %d now 0x%lx\n", was, word);
	was = test_and_clear_bit(5, &word);
	pr_info("test_and_clear_bit: was %d now 0x%lx\n", was, word);
	change_bit(1, &word);
	pr_info("change_bit(1): 0x%lx test_bit(1)=%d\n", word, test_bit(1, &word));
	pr_info("BIT(3)=0x%lx BIT_ULL(40)=0x%llx GENMASK(7, 4)=0x%lx GENMASK_ULL(39, 32)=0x%llx\n", BIT(3), BIT_ULL(40),
		GENMASK(7, 4), GENMASK_ULL(39, 32));
	pr_info("ffs(0x18)=%d fls(0x18)=%d __ffs(0x18)=%lu __fls(0x18)=%lu ffz(0xff)=%lu fls(0)=%d fls64(1ULL<<40)=%d\n",
		ffs(0x18), fls(0x18), __ffs(0x18), __fls(0x18), ffz(0xff), fls(0), fls64(1ULL << 40));
	pr_info("hweight8(0xff)=%u hweight32(0xf0f0)=%u hweight64(~0)=%lu BITS_TO_LONGS(65)=%lu\n", hweight8(0xff),
		hweight32(0xf0f0), hweight64(~0ULL), (unsigned long)BITS_TO_LONGS(65));
	dyn = bitmap_zalloc(200, GFP_KERNEL);
	if (!dyn)
		return -ENOMEM;
	bitmap_fill(dyn, 200);
	bitmap_clear(dyn, 10, 180);
	pr_info("bitmap_zalloc(200): full=%d empty=%d weight=%u\n", bitmap_full(dyn, 200), bitmap_empty(dyn, 200),
		bitmap_weight(dyn, 200));
	bitmap_free(dyn);
	return 0;
}

static void __exit bitmap_demo_exit(void)
{
}

module_init(bitmap_demo_init);
module_exit(bitmap_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("bitmap.h, bitops.h, find.h");
