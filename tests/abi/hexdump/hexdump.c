// lib/vsprintf.c and lib/hexdump.c as drivers use them: scnprintf() to
// fill a buffer piece by piece, kasprintf() for a name, print_hex_dump()
// with each prefix type.
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

static const u8 blob[20] = "emu hexdump, 6.1!\x01\x02\x7f";

static int __init hexdump_init(void)
{
	char buf[10];
	int len = 0, i;
	char *name;

	for (i = 0; i < 6; i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%d:", i);
	pr_info("hexdump: scnprintf total %d buf %s\n", len, buf);
	pr_info("hexdump: snprintf would need %d\n", snprintf(buf, sizeof(buf), "%s", "0123456789abc"));
	name = kasprintf(GFP_KERNEL, "dev%d-%s", 3, "x");
	if (!name)
		return -ENOMEM;
	pr_info("hexdump: kasprintf %s\n", name);
	kfree(name);
	print_hex_dump(KERN_INFO, "none: ", DUMP_PREFIX_NONE, 16, 1, blob, sizeof(blob), true);
	print_hex_dump(KERN_INFO, "off: ", DUMP_PREFIX_OFFSET, 16, 4, blob, 16, false);
	print_hex_dump(KERN_INFO, "addr: ", DUMP_PREFIX_ADDRESS, 16, 1, blob, 4, false);
	print_hex_dump_bytes("bytes: ", DUMP_PREFIX_NONE, blob, 4);
	return 0;
}

static void __exit hexdump_exit(void)
{
}

module_init(hexdump_init);
module_exit(hexdump_exit);
MODULE_LICENSE("GPL");
