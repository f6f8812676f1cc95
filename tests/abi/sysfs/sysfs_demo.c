// SPDX-License-Identifier: GPL-2.0
/*
 * A kobject under /sys/kernel with attributes, as the kobject example and
 * most tutorials build it: kobject_create_and_add(), an attribute group
 * made of __ATTR_RW/__ATTR_RO/__ATTR_WO kobj_attributes (ATTRIBUTE_GROUPS),
 * a named group (a subdirectory), and a file added on its own with
 * sysfs_create_file(). show() uses sysfs_emit(); store() parses with kstrtoint().
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("sysfs attributes on a kobject");

static struct kobject *demo_kobj;
static int value = 5;
static int writes;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	int ret = kstrtoint(buf, 10, &value);

	if (ret < 0)
		return ret;
	writes++;
	pr_info("value set to %d (%zu bytes)\n", value, count);
	return count;
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", kobject_name(kobj));
}

static ssize_t reset_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	value = 0;
	pr_info("reset\n");
	return count;
}

static struct kobj_attribute value_attr = __ATTR_RW(value);
static struct kobj_attribute name_attr = __ATTR_RO(name);
static struct kobj_attribute reset_attr = __ATTR_WO(reset);

static struct attribute *demo_attrs[] = {
	&value_attr.attr,
	&name_attr.attr,
	&reset_attr.attr,
	NULL,
};
ATTRIBUTE_GROUPS(demo);

static ssize_t writes_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	int len = sysfs_emit(buf, "writes=%d\n", writes);

	return len + sysfs_emit_at(buf, len, "value=%d\n", value);
}

static struct kobj_attribute writes_attr = __ATTR(writes, 0444, writes_show, NULL);
static struct attribute *stats_attrs[] = { &writes_attr.attr, NULL };
static const struct attribute_group stats_group = {
	.name = "stats",
	.attrs = stats_attrs,
};

static ssize_t extra_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sprintf(buf, "extra\n");
}
static struct kobj_attribute extra_attr = __ATTR_RO(extra);

static int __init sysfs_demo_init(void)
{
	int ret;

	demo_kobj = kobject_create_and_add("sysfs_demo", kernel_kobj);
	if (!demo_kobj)
		return -ENOMEM;
	ret = sysfs_create_groups(demo_kobj, demo_groups);
	if (ret)
		goto put;
	ret = sysfs_create_group(demo_kobj, &stats_group);
	if (ret)
		goto groups;
	ret = sysfs_create_file(demo_kobj, &extra_attr.attr);
	if (ret)
		goto stats;
	/* The same name twice: 6.1 warns and refuses. */
	if (sysfs_create_file(demo_kobj, &extra_attr.attr) == -EEXIST)
		pr_info("duplicate refused\n");
	pr_info("created %s\n", kobject_name(demo_kobj));
	return 0;
stats:
	sysfs_remove_group(demo_kobj, &stats_group);
groups:
	sysfs_remove_groups(demo_kobj, demo_groups);
put:
	kobject_put(demo_kobj);
	return ret;
}

static void __exit sysfs_demo_exit(void)
{
	kobject_put(demo_kobj);
	pr_info("removed, value was %d\n", value);
}

module_init(sysfs_demo_init);
module_exit(sysfs_demo_exit);
