/* <linux/kstrtox.h> as drivers use it: parsing numbers that users write,
 * strictly (kstrto*), from a /proc file (kstrtoint_from_user), and the old
 * lenient simple_strtoul(). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/proc_fs.h>

static struct proc_dir_entry *entry;
static int value;

static ssize_t value_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	int v, ret = kstrtoint_from_user(buf, count, 0, &v);

	if (ret)
		return ret;
	value = v;
	pr_info("value set to %d\n", value);
	return count;
}

static const struct proc_ops value_ops = {
	.proc_write = value_write,
};

static void show_l(const char *s, const char *shown, unsigned int base)
{
	long v = -1;
	int ret = kstrtol(s, base, &v);

	pr_info("kstrtol(\"%s\", %u) = %d, %ld\n", shown, base, ret, v);
}

static int __init kstrtox_init(void)
{
	int i = -1, ret;
	unsigned int u = 0;
	u8 b = 0;
	s8 sb = 0;
	bool flag = false;
	unsigned long long ull = 0;
	unsigned long ul;
	char *end;

	show_l("0x1f", "0x1f", 0);
	show_l("017", "017", 0);
	show_l("-42\n", "-42\\n", 10);
	show_l("ff", "ff", 16);
	show_l("0x", "0x", 0);
	ret = kstrtoint("12a", 10, &i);
	pr_info("kstrtoint(\"12a\") = %d, %d\n", ret, i);
	ret = kstrtoint(" 12", 10, &i);
	pr_info("kstrtoint(\" 12\") = %d\n", ret);
	ret = kstrtoint("2147483648", 10, &i);
	pr_info("kstrtoint(\"2147483648\") = %d\n", ret);
	ret = kstrtouint("-1", 10, &u);
	pr_info("kstrtouint(\"-1\") = %d\n", ret);
	ret = kstrtou8("256", 10, &b);
	pr_info("kstrtou8(\"256\") = %d\n", ret);
	ret = kstrtos8("-128", 10, &sb);
	pr_info("kstrtos8(\"-128\") = %d, %d\n", ret, sb);
	ret = kstrtoull("18446744073709551615", 10, &ull);
	pr_info("kstrtoull(max) = %d, %llu\n", ret, ull);
	ret = kstrtobool("on", &flag);
	pr_info("kstrtobool(\"on\") = %d, %d\n", ret, flag);
	ret = kstrtobool("false", &flag);
	pr_info("kstrtobool(\"false\") = %d, %d\n", ret, flag);
	ret = kstrtobool("maybe", &flag);
	pr_info("kstrtobool(\"maybe\") = %d\n", ret);
	ul = simple_strtoul("10x50", &end, 10);
	pr_info("simple_strtoul(\"10x50\") = %lu, rest \"%s\"\n", ul, end);
	pr_info("simple_strtol(\"-0x10\", 0) = %ld\n", simple_strtol("-0x10", NULL, 0));

	entry = proc_create("kstrtox_value", 0222, NULL, &value_ops);
	return entry ? 0 : -ENOMEM;
}

static void __exit kstrtox_exit(void)
{
	proc_remove(entry);
	pr_info("last value %d\n", value);
}

module_init(kstrtox_init);
module_exit(kstrtox_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kstrtox.h: strict and lenient number parsing");
