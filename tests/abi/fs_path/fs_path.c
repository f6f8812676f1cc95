// The Linux Kernel Module Programming Guide's procfs1.c pattern: a read
// handler names its file through file->f_path.dentry->d_name, and
// file_inode() is the dentry's inode.
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

static struct proc_dir_entry *entry;

static ssize_t procfile_read(struct file *file, char __user *buffer, size_t len, loff_t *offset)
{
	char s[13] = "HelloWorld!\n";
	int n = sizeof(s) - 1;

	if (*offset >= n || len < n)
		return 0;
	if (copy_to_user(buffer, s, n))
		return -EFAULT;
	pr_info("procfile read %s (len %u, same inode %d)\n", file->f_path.dentry->d_name.name,
		file->f_path.dentry->d_name.len, file_inode(file) == file->f_path.dentry->d_inode);
	*offset += n;
	return n;
}

static const struct proc_ops fops = {
	.proc_read = procfile_read,
};

static int __init fs_path_init(void)
{
	entry = proc_create("helloworld", 0644, NULL, &fops);
	return entry ? 0 : -ENOMEM;
}

static void __exit fs_path_exit(void)
{
	proc_remove(entry);
}

module_init(fs_path_init);
module_exit(fs_path_exit);
MODULE_LICENSE("GPL");
