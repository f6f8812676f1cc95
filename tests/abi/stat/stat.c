/* <linux/stat.h> and <uapi/linux/stat.h>: permission bits for /proc files and
 * module parameters, and the file-type tests. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/stat.h>
#include <uapi/linux/stat.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>

static int level = 3;
module_param(level, int, S_IRUGO | S_IWUSR);

static struct proc_dir_entry *entry;

static ssize_t info_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static const struct proc_ops info_ops = {
	.proc_read = info_read,
};

static int __init stat_demo_init(void)
{
	umode_t dir = S_IFDIR | 0755, reg = S_IFREG | S_IRUGO, chr = S_IFCHR | 0620;

	pr_info("S_IRUGO=%o S_IWUGO=%o S_IXUGO=%o S_IRWXUGO=%o S_IALLUGO=%o\n", S_IRUGO, S_IWUGO, S_IXUGO, S_IRWXUGO,
		S_IALLUGO);
	pr_info("S_IRWXU=%o S_IRUSR=%o S_IWUSR=%o S_IXUSR=%o S_IRWXG=%o S_IRGRP=%o S_IWGRP=%o S_IXGRP=%o\n", S_IRWXU,
		S_IRUSR, S_IWUSR, S_IXUSR, S_IRWXG, S_IRGRP, S_IWGRP, S_IXGRP);
	pr_info("S_IRWXO=%o S_IROTH=%o S_IWOTH=%o S_IXOTH=%o S_ISUID=%o S_ISGID=%o S_ISVTX=%o\n", S_IRWXO, S_IROTH,
		S_IWOTH, S_IXOTH, S_ISUID, S_ISGID, S_ISVTX);
	pr_info("S_IFMT=%o S_IFSOCK=%o S_IFLNK=%o S_IFREG=%o S_IFBLK=%o S_IFDIR=%o S_IFCHR=%o S_IFIFO=%o\n", S_IFMT,
		S_IFSOCK, S_IFLNK, S_IFREG, S_IFBLK, S_IFDIR, S_IFCHR, S_IFIFO);
	pr_info("dir: S_ISDIR=%d S_ISREG=%d; reg: S_ISREG=%d S_ISLNK=%d; chr: S_ISCHR=%d S_ISBLK=%d S_ISFIFO=%d S_ISSOCK=%d\n",
		S_ISDIR(dir), S_ISREG(dir), S_ISREG(reg), S_ISLNK(reg), S_ISCHR(chr), S_ISBLK(chr), S_ISFIFO(chr),
		S_ISSOCK(chr));
	pr_info("sizeof(struct statx)=%zu STATX_BASIC_STATS=0x%x\n", sizeof(struct statx), STATX_BASIC_STATS);
	entry = proc_create("stat_demo", S_IRUSR | S_IRGRP, NULL, &info_ops);
	return entry ? 0 : -ENOMEM;
}

static void __exit stat_demo_exit(void)
{
	proc_remove(entry);
}

module_init(stat_demo_init);
module_exit(stat_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("stat.h");
