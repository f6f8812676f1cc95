// A misc device as drivers write it: misc_register() with a dynamic minor,
// an open() that finds its device in file->private_data, a write() that
// parses a number with kstrtol() and hands its error to the writer, a read()
// of the last value.
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>

static long value;
static struct miscdevice abi_misc;

static int abi_open(struct inode *inode, struct file *file)
{
	pr_info("miscdevice: open minor=%u private_data_is_dev=%d\n", iminor(inode),
		file->private_data == &abi_misc);
	return 0;
}

static ssize_t abi_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	char buf[32];
	long v;
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	ret = kstrtol(buf, 10, &v);
	if (ret)
		return ret;
	value = v;
	pr_info("miscdevice: got %ld\n", v);
	return count;
}

static ssize_t abi_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	char buf[32];
	int len = snprintf(buf, sizeof(buf), "%ld\n", value);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations abi_fops = {
	.owner = THIS_MODULE,
	.open = abi_open,
	.read = abi_read,
	.write = abi_write,
	.llseek = no_llseek,
};

static struct miscdevice abi_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "abi_misc",
	.fops = &abi_fops,
	.mode = 0666,
};

static struct miscdevice abi_fixed = {
	.minor = 200,
	.name = "abi_fixed",
	.fops = &abi_fops,
};

static struct miscdevice abi_clash = {
	.minor = 200,
	.name = "abi_clash",
	.fops = &abi_fops,
};

static int __init abi_init(void)
{
	int ret = misc_register(&abi_misc);

	if (ret)
		return ret;
	pr_info("miscdevice: registered minor %d\n", abi_misc.minor);
	ret = misc_register(&abi_fixed);
	if (ret)
		goto out_misc;
	pr_info("miscdevice: second minor taken: %d\n", misc_register(&abi_clash));
	return 0;
out_misc:
	misc_deregister(&abi_misc);
	return ret;
}

static void __exit abi_exit(void)
{
	misc_deregister(&abi_fixed);
	misc_deregister(&abi_misc);
}

module_init(abi_init);
module_exit(abi_exit);
MODULE_LICENSE("GPL");
