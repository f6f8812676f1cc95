// SPDX-License-Identifier: GPL-2.0
/*
 * The tutorials' LED driver: GPIO 4 as an output. emu has no GPIO controller
 * yet, so this module cannot load: insmod names what it calls.
 */
#include <linux/module.h>
#include <linux/gpio.h>

#define LED_GPIO 4

static int __init led_init(void)
{
	int ret = gpio_request(LED_GPIO, "led");

	if (ret)
		return ret;
	gpio_direction_output(LED_GPIO, 0);
	gpio_set_value(LED_GPIO, 1);
	pr_info("hwdecl_gpio: LED on\n");
	return 0;
}

static void __exit led_exit(void)
{
	gpio_set_value(LED_GPIO, 0);
	gpio_free(LED_GPIO);
}

module_init(led_init);
module_exit(led_exit);
MODULE_LICENSE("GPL");
