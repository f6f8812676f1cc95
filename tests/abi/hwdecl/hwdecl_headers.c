// SPDX-License-Identifier: GPL-2.0
/*
 * Includes every header of hardware, bus, block, network, tty and probing
 * code that emu declares but does not model, and uses only what means
 * something without the hardware: constants, table types, pure inline
 * helpers, and the few calls emu does provide (pages, symbol names, root's
 * credentials). It must build and load.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/gpio.h>
#include <linux/gpio/consumer.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/input.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/if.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/kprobes.h>
#include <linux/kallsyms.h>
#include <linux/tty.h>
#include <linux/vt_kern.h>
#include <linux/console_struct.h>
#include <linux/kd.h>
#include <linux/vt.h>
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <linux/syscalls.h>
#include <linux/unistd.h>
#include <linux/u64_stats_sync.h>
#include <linux/interrupt.h>
#include <asm/current.h>
#include <asm/uaccess.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/pci.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>
#include <linux/usb.h>
#include <linux/mm.h>

static const struct of_device_id demo_of_ids[] = {
	{ .compatible = "emu,demo" },
	{ }
};
MODULE_DEVICE_TABLE(of, demo_of_ids);
static const struct pci_device_id demo_pci_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x1000) },
	{ }
};
MODULE_DEVICE_TABLE(pci, demo_pci_ids);
static const struct usb_device_id demo_usb_ids[] = {
	{ USB_DEVICE(0x046d, 0xc52b) },
	{ }
};
MODULE_DEVICE_TABLE(usb, demo_usb_ids);
static const struct i2c_device_id demo_i2c_ids[] = { { "demo-sensor", 0 }, { } };
static const struct spi_device_id demo_spi_ids[] = { { "demo-flash", 0 }, { } };
static const struct gpio leds[] = {
	{ 4, GPIOF_OUT_INIT_LOW, "led" },
	{ 17, GPIOF_IN, "button" },
};

/* Described, never registered: registering would need a platform bus. */
static struct platform_driver demo_driver = {
	.driver = {
		.name = "hwdecl-demo",
		.of_match_table = of_match_ptr(demo_of_ids),
	},
};

struct demo_stats {
	u64_stats_t packets;
	struct u64_stats_sync syncp;
};

static int __init hwdecl_init(void)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct demo_stats st = { };
	unsigned int start;
	u64 packets;
	u32 val = 7;
	unsigned long page;
	char sym[KSYM_SYMBOL_LEN];
	int of_ret;

	pr_info("hwdecl: PAGE_SIZE=%lu PAGE_SHIFT=%d get_order(5000)=%d get_order(4096)=%d\n", PAGE_SIZE, PAGE_SHIFT,
		get_order(5000), get_order(4096));
	pr_info("hwdecl: ETH_ALEN=%d ETH_HLEN=%d IFNAMSIZ=%d IFF_NOARP=%#x NETDEV_TX_OK=%d NETIF_F_HW_CSUM=%#llx\n",
		ETH_ALEN, ETH_HLEN, IFNAMSIZ, IFF_NOARP, NETDEV_TX_OK, (unsigned long long)NETIF_F_HW_CSUM);
	pr_info("hwdecl: valid=%d broadcast=%d equal=%d\n", is_valid_ether_addr(mac), is_broadcast_ether_addr(bcast),
		ether_addr_equal(mac, bcast));
	pr_info("hwdecl: GPIOF_OUT_INIT_HIGH=%d GPIOF_IN=%d gpio_is_valid(4)=%d leds=%zu\n", GPIOF_OUT_INIT_HIGH,
		GPIOF_IN, gpio_is_valid(4), ARRAY_SIZE(leds));
	pr_info("hwdecl: EV_KEY=%d EV_REP=%d KEY_MAX=%#x BTN_0=%#x BUS_VIRTUAL=%#x\n", EV_KEY, EV_REP, KEY_MAX, BTN_0,
		BUS_VIRTUAL);
	pr_info("hwdecl: DMA_BIT_MASK(32)=%#llx DMA_TO_DEVICE=%d BLK_STS_IOERR=%d DISK_NAME_LEN=%d BLK_MQ_F_SHOULD_MERGE=%d\n",
		DMA_BIT_MASK(32), DMA_TO_DEVICE, BLK_STS_IOERR, DISK_NAME_LEN, BLK_MQ_F_SHOULD_MERGE);
	pr_info("hwdecl: KDSETLED=%#x MAX_NR_CONSOLES=%d __NR_close=%d __NR_openat=%d KSYM_NAME_LEN=%d\n", KDSETLED,
		MAX_NR_CONSOLES, __NR_close, __NR_openat, KSYM_NAME_LEN);
	pr_info("hwdecl: tables %s %#x %#x %s %s, driver %s of_match_table=%d\n", demo_of_ids[0].compatible,
		demo_pci_ids[0].vendor, demo_usb_ids[0].idProduct, demo_i2c_ids[0].name, demo_spi_ids[0].name,
		demo_driver.driver.name, demo_driver.driver.of_match_table != NULL);

	/* No device tree on x86-64 6.1: the inline stubs answer. */
	of_ret = of_property_read_u32(NULL, "reg", &val);
	pr_info("hwdecl: of_property_read_u32=%d val=%u of_find_node_by_name=%d\n", of_ret, val,
		of_find_node_by_name(NULL, "cpus") != NULL);

	u64_stats_update_begin(&st.syncp);
	u64_stats_inc(&st.packets);
	u64_stats_add(&st.packets, 41);
	u64_stats_update_end(&st.syncp);
	do {
		start = u64_stats_fetch_begin(&st.syncp);
		packets = u64_stats_read(&st.packets);
	} while (u64_stats_fetch_retry(&st.syncp, start));
	pr_info("hwdecl: u64_stats packets=%llu\n", packets);

	pr_info("hwdecl: uid=%u euid=%u root=%d\n", __kuid_val(current_uid()), __kuid_val(current_euid()),
		uid_eq(current_uid(), GLOBAL_ROOT_UID));

	page = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
	pr_info("hwdecl: 2 pages aligned=%d zeroed=%d\n", page && offset_in_page(page) == 0,
		page && ((char *)page)[PAGE_SIZE + 5] == 0);
	free_pages(page, 1);

	sprint_symbol(sym, (unsigned long)hwdecl_init + 4);
	pr_info("hwdecl: sprint_symbol: %s\n", sym);
	sprint_symbol_no_offset(sym, (unsigned long)hwdecl_init);
	pr_info("hwdecl: sprint_symbol_no_offset: %s\n", sym);
	return 0;
}

static void __exit hwdecl_exit(void)
{
	pr_info("hwdecl: bye\n");
}

module_init(hwdecl_init);
module_exit(hwdecl_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("every declaration-only header in one module");
