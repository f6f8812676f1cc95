// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's printk format extensions as drivers use them (6.1
 * Documentation/core-api/printk-formats.rst): hashed %p, %px, %pK, symbols
 * with %pS/%ps, error pointers with %pe, bitmaps, hex buffers, MAC and IPv4
 * addresses, and the same through snprintf() into a buffer.
 */
#include <linux/module.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/delay.h>

static char *name;
module_param(name, charp, 0444);
static bool raw = true;
module_param(raw, bool, 0444);
MODULE_PARM_DESC(raw, "print an address with %px (it moves from boot to boot)");

static int counter;
static unsigned long bits[1] = { 0x2f1 };	/* bits 0, 4-7 and 9 */
static const u8 mac[6] = { 0x00, 0x1b, 0x21, 0x3a, 0x4f, 0x5e };
static const u8 ip[4] = { 192, 168, 0, 1 };

static noinline int printk_formats_helper(int x)
{
	return x * 3 + counter;
}

static int __init printk_formats_init(void)
{
	char buf[128];
	int local = printk_formats_helper(1);
	void *obj = kmalloc(32, GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	pr_info("printk_formats: static=%p again=%p restricted=%pK\n", &counter, &counter, &counter);
	{
		char a[24], b[24], c[24];

		snprintf(a, sizeof(a), "%p", &counter);
		snprintf(b, sizeof(b), "%p", &counter);
		snprintf(c, sizeof(c), "%pK", &counter);
		pr_info("printk_formats: same id twice: %s, %%pK the same: %s\n", strcmp(a, b) ? "no" : "yes",
			strcmp(a, c) ? "no" : "yes");
	}
	pr_info("printk_formats: stack=%p slab=%p null=%p\n", &local, obj, NULL);
	if (raw)
		pr_info("printk_formats: raw=%px\n", &counter);
	pr_info("printk_formats: S=%pS\n", printk_formats_helper);
	pr_info("printk_formats: s=%ps kernel=%ps\n", printk_formats_helper, msleep);
	pr_info("printk_formats: e=%pe defer=%pe odd=%pe\n", ERR_PTR(-ENOMEM), ERR_PTR(-EPROBE_DEFER),
		ERR_PTR(-1234));
	pr_info("printk_formats: bits=%*pb list=%*pbl\n", 10, bits, 10, bits);
	pr_info("printk_formats: mac=%pM hex=%*ph colon=%*phC\n", mac, 3, mac, 3, mac);
	pr_info("printk_formats: ip=%pI4 name=%s\n", ip, name);
	snprintf(buf, sizeof(buf), "%ps|%#x|%.0d|%-3d|", printk_formats_helper, 0, 0, 7);
	pr_info("printk_formats: snprintf=%s\n", buf);
	kfree(obj);
	return 0;
}

static void __exit printk_formats_exit(void)
{
	pr_info("printk_formats: bye %p\n", &counter);
}

module_init(printk_formats_init);
module_exit(printk_formats_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("printk format extensions");
