// SPDX-License-Identifier: GPL-2.0
/* A platform driver: emu has no platform bus, so it cannot load. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>

static int demo_probe(struct platform_device *pdev)
{
	dev_info(&pdev->dev, "probed\n");
	return 0;
}

static int demo_remove(struct platform_device *pdev)
{
	return 0;
}

static const struct of_device_id demo_ids[] = {
	{ .compatible = "emu,hwdecl-platform" },
	{ }
};
MODULE_DEVICE_TABLE(of, demo_ids);

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = {
		.name = "hwdecl-platform",
		.of_match_table = of_match_ptr(demo_ids),
	},
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");
