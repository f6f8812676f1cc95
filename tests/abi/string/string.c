/* <linux/string.h>: bounded copies (strscpy reports truncation), kmalloc'd
 * copies, user buffers (memdup_user_nul from a /proc write), and the helpers
 * sysfs-style parsers use (strim, sysfs_streq, sysfs_match_string). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/proc_fs.h>

static const char * const modes[] = { "off", "slow", "fast" };
static struct proc_dir_entry *entry;

static ssize_t mode_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	char *s = memdup_user_nul(ubuf, count);
	int idx;

	if (IS_ERR(s))
		return PTR_ERR(s);
	idx = sysfs_match_string(modes, s);
	if (idx >= 0)
		pr_info("mode %s (%d)\n", modes[idx], idx);
	else
		pr_info("unknown mode \"%s\": %d\n", strim(s), idx);
	kfree(s);
	return idx < 0 ? idx : count;
}

static const struct proc_ops mode_ops = {
	.proc_write = mode_write,
};

static int __init string_demo_init(void)
{
	char small[8], line[] = "  key = value \n";
	char path[] = "/sys/class/net";
	ssize_t n;
	char *dup, *ndup, *trimmed;
	void *mem;
	const char *cdup;

	n = strscpy(small, "hello", sizeof(small));
	pr_info("strscpy fits: %zd \"%s\"\n", n, small);
	n = strscpy(small, "truncated!", sizeof(small));
	pr_info("strscpy truncated: %zd \"%s\" (E2BIG=%d)\n", n, small, E2BIG);
	n = strlcpy(small, "abc", sizeof(small));
	pr_info("strlcpy: %zd \"%s\"\n", n, small);
	n = strlcat(small, "defghij", sizeof(small));
	pr_info("strlcat: %zd \"%s\"\n", n, small);
	dup = kstrdup("duplicate", GFP_KERNEL);
	ndup = kstrndup("abcdefgh", 3, GFP_KERNEL);
	mem = kmemdup("\x01\x02\x03", 3, GFP_KERNEL);
	cdup = kstrdup_const("constant", GFP_KERNEL);
	if (!dup || !ndup || !mem || !cdup)
		return -ENOMEM;
	pr_info("kstrdup \"%s\" kstrndup \"%s\" kmemdup %d kstrdup_const \"%s\"\n", dup, ndup, ((u8 *)mem)[2], cdup);
	kfree(dup);
	kfree(ndup);
	kfree(mem);
	kfree_const(cdup);
	trimmed = strim(line);
	pr_info("strim: \"%s\" skip_spaces: \"%s\"\n", trimmed, skip_spaces("\t  x y"));
	pr_info("sysfs_streq: %d %d %d\n", sysfs_streq("fast", "fast\n"), sysfs_streq("fast\n", "fast"),
		sysfs_streq("fast", "faster"));
	pr_info("match_string: %d %d\n", match_string(modes, ARRAY_SIZE(modes), "slow"),
		match_string(modes, ARRAY_SIZE(modes), "slow\n"));
	strreplace(path, '/', '!');
	pr_info("strreplace: %s\n", path);
	pr_info("str_has_prefix: %zu %zu strstarts: %d\n", str_has_prefix("CONFIG_SMP", "CONFIG_"),
		str_has_prefix("SMP", "CONFIG_"), strstarts("CONFIG_SMP", "CONFIG"));
	pr_info("memchr_inv: %d kbasename: %s strnchr: %d\n", memchr_inv("\0\0\0x", 0, 4) != NULL,
		kbasename("drivers/misc/demo.c"), strnchr("abcdef", 3, 'e') != NULL);
	entry = proc_create("string_mode", 0222, NULL, &mode_ops);
	return entry ? 0 : -ENOMEM;
}

static void __exit string_demo_exit(void)
{
	proc_remove(entry);
}

module_init(string_demo_init);
module_exit(string_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("string.h");
