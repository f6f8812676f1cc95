/* <linux/crc32.h>: checksumming a buffer as drivers and file formats do. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/crc32.h>
#include <linux/crc32poly.h>
#include <linux/string.h>

static int __init crc32_demo_init(void)
{
	static const char msg[] = "123456789";
	size_t n = strlen(msg);
	u32 a, b;

	pr_info("crc32: %08x\n", crc32(~0, msg, n) ^ ~0);
	pr_info("crc32_le raw: %08x\n", crc32_le(0, (const u8 *)msg, n));
	pr_info("crc32_be: %08x\n", crc32_be(~0, (const u8 *)msg, n) ^ ~0);
	pr_info("crc32c: %08x\n", __crc32c_le(~0, (const u8 *)msg, n) ^ ~0);
	a = crc32_le(~0, (const u8 *)msg, 3);
	b = crc32_le(0, (const u8 *)msg + 3, n - 3);
	pr_info("combined: %08x\n", crc32_le_combine(a, b, n - 3) ^ ~0);
	pr_info("ether_crc: %08x\n", ether_crc(n, (const u8 *)msg));
	pr_info("polys: %08x %08x %08x\n", CRC32_POLY_LE, CRC32_POLY_BE, CRC32C_POLY_LE);
	return 0;
}

static void __exit crc32_demo_exit(void)
{
}

module_init(crc32_demo_init);
module_exit(crc32_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("crc32.h");
