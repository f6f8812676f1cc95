// debugfs as drivers use it: a directory with one-value files (u32, bool,
// a read-only x32) and a file with its own operations (DEFINE_SHOW_ATTRIBUTE),
// removed recursively at exit. 6.1's value helpers return nothing.
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>

static struct dentry *dir;
static u32 count = 7;
static bool flag;
static u32 mask = 0xbeef;

static int hello_show(struct seq_file *m, void *v)
{
	seq_printf(m, "hello from %s, count=%u\n", (char *)m->private, count);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hello);

/* Attribute files from a get/set pair, as drivers declare them. */
static u64 level = 3;
static int level_get(void *data, u64 *val)
{
	*val = *(u64 *)data;
	return 0;
}
static int level_set(void *data, u64 val)
{
	if (val > 100)
		return -EINVAL;
	*(u64 *)data = val;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(level_fops, level_get, level_set, "%llu\n");
static s64 offset = -5;
static int offset_get(void *data, u64 *val)
{
	*val = *(s64 *)data;
	return 0;
}
static int offset_set(void *data, u64 val)
{
	*(s64 *)data = (s64)val;
	return 0;
}
DEFINE_SIMPLE_ATTRIBUTE_SIGNED(offset_fops, offset_get, offset_set, "%lld\n");

static int __init abi_init(void)
{
	dir = debugfs_create_dir("abi_debugfs", NULL);
	debugfs_create_u32("count", 0644, dir, &count);
	debugfs_create_bool("flag", 0644, dir, &flag);
	debugfs_create_x32("mask", 0444, dir, &mask);
	debugfs_create_file("hello", 0444, dir, "debugfs", &hello_fops);
	debugfs_create_file_unsafe("level", 0644, dir, &level, &level_fops);
	debugfs_create_file("offset", 0644, dir, &offset, &offset_fops);
	/* The name is taken: 6.1 says so and returns an error pointer. */
	pr_info("debugfs: again: %ld\n", PTR_ERR(debugfs_create_dir("abi_debugfs", NULL)));
	pr_info("debugfs: lookup: %d\n", debugfs_lookup("count", dir) != NULL);
	return 0;
}

static void __exit abi_exit(void)
{
	debugfs_remove_recursive(dir);
}

module_init(abi_init);
module_exit(abi_exit);
MODULE_LICENSE("GPL");
