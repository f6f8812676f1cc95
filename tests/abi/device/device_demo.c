// SPDX-License-Identifier: GPL-2.0
/*
 * A character device made the way drivers do it on 6.1: a dynamic major,
 * a class (class_create(THIS_MODULE, name)), device_create() -- devtmpfs
 * makes /dev/NAME -- a device attribute, driver data, devm_kzalloc() and
 * the dev_*() messages with their "CLASS DEVICE: " prefix.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("device model basics");

struct demo {
	int level;
	char *label;
};

static dev_t devt;
static struct class *demo_class;
static struct device *demo_dev;
static struct cdev demo_cdev;
static const struct file_operations demo_fops = { .owner = THIS_MODULE };

static ssize_t level_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct demo *d = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", d->level);
}

static ssize_t level_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	struct demo *d = dev_get_drvdata(dev);
	int ret = kstrtoint(buf, 0, &d->level);

	if (ret)
		return ret;
	dev_notice(dev, "level now %d\n", d->level);
	return count;
}
static DEVICE_ATTR_RW(level);

static int __init device_demo_init(void)
{
	struct demo *d;
	int ret;

	ret = alloc_chrdev_region(&devt, 0, 1, "device_demo");
	if (ret)
		return ret;
	cdev_init(&demo_cdev, &demo_fops);
	ret = cdev_add(&demo_cdev, devt, 1);
	if (ret)
		goto region;
	demo_class = class_create(THIS_MODULE, "demo_class");
	if (IS_ERR(demo_class)) {
		ret = PTR_ERR(demo_class);
		goto cdev;
	}
	demo_dev = device_create(demo_class, NULL, devt, NULL, "demo%d", 0);
	if (IS_ERR(demo_dev)) {
		ret = PTR_ERR(demo_dev);
		goto class;
	}
	d = devm_kzalloc(demo_dev, sizeof(*d), GFP_KERNEL);
	if (!d) {
		ret = -ENOMEM;
		goto dev;
	}
	d->level = 3;
	d->label = devm_kasprintf(demo_dev, GFP_KERNEL, "%s-label", dev_name(demo_dev));
	dev_set_drvdata(demo_dev, d);
	ret = device_create_file(demo_dev, &dev_attr_level);
	if (ret)
		goto dev;
	dev_info(demo_dev, "created %s, major %d, label %s\n", dev_name(demo_dev), MAJOR(devt), d->label);
	dev_warn(demo_dev, "a warning\n");
	dev_err(NULL, "no device\n");
	dev_dbg(demo_dev, "not printed without DEBUG\n");
	dev_printk(KERN_INFO, demo_dev, "through dev_printk\n");
	return 0;
dev:
	device_destroy(demo_class, devt);
class:
	class_destroy(demo_class);
cdev:
	cdev_del(&demo_cdev);
region:
	unregister_chrdev_region(devt, 1);
	return ret;
}

static void __exit device_demo_exit(void)
{
	device_remove_file(demo_dev, &dev_attr_level);
	dev_info(demo_dev, "going\n");
	device_destroy(demo_class, devt);
	class_destroy(demo_class);
	cdev_del(&demo_cdev);
	unregister_chrdev_region(devt, 1);
	pr_info("device_demo: gone\n");
}

module_init(device_demo_init);
module_exit(device_demo_exit);
