// A /proc interface as drivers and lab solutions write it: a read/write entry
// with proc_ops, a directory holding a seq_file over a list (more than a page
// of records, so cat needs several reads) and a single_open file whose one
// show() prints more than a page (the seq buffer must grow).
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/list.h>

#define NITEMS 300

struct item {
	int id;
	struct list_head node;
};

static LIST_HEAD(items);
static struct proc_dir_entry *dir;
static char msg[64] = "nothing yet\n";
static size_t msg_len = 12;

static ssize_t rw_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, msg, msg_len);
}

static ssize_t rw_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	if (count >= sizeof(msg))
		return -EINVAL;
	if (copy_from_user(msg, buf, count))
		return -EFAULT;
	msg[count] = '\0';
	msg_len = count;
	pr_info("proc_fs: stored %zu bytes: %s", count, msg);
	return count;
}

static const struct proc_ops rw_ops = {
	.proc_read = rw_read,
	.proc_write = rw_write,
	.proc_lseek = default_llseek,
};

static void *items_start(struct seq_file *m, loff_t *pos)
{
	pr_info("proc_fs: start pos=%lld\n", *pos);
	return seq_list_start(&items, *pos);
}

static void *items_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &items, pos);
}

static void items_stop(struct seq_file *m, void *v)
{
}

static int items_show(struct seq_file *m, void *v)
{
	struct item *it = list_entry(v, struct item, node);

	seq_printf(m, "item %04d of %3d\n", it->id, NITEMS);	/* 17 bytes */
	return 0;
}

static const struct seq_operations items_ops = {
	.start = items_start,
	.next = items_next,
	.stop = items_stop,
	.show = items_show,
};

static int big_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < 100; i++)
		seq_printf(m, "%s line %02d %s\n", (char *)m->private, i, "..................................");
	return 0;
}

static int __init proc_fs_init(void)
{
	int i;

	for (i = 0; i < NITEMS; i++) {
		struct item *it = kmalloc(sizeof(*it), GFP_KERNEL);

		if (!it)
			return -ENOMEM;
		it->id = i;
		list_add_tail(&it->node, &items);
	}
	if (!proc_create("proc_fs_rw", 0666, NULL, &rw_ops))
		return -ENOMEM;
	dir = proc_mkdir("proc_fs_dir", NULL);
	if (!dir)
		return -ENOMEM;
	proc_create_seq("items", 0444, dir, &items_ops);
	proc_create_single_data("big", 0, dir, big_show, "big");
	/* A second entry of the same name: 6.1 warns and returns NULL. */
	if (!proc_create("proc_fs_rw", 0444, NULL, &rw_ops))
		pr_info("proc_fs: duplicate refused\n");
	return 0;
}

static void __exit proc_fs_exit(void)
{
	struct item *it, *tmp;

	remove_proc_entry("proc_fs_rw", NULL);
	proc_remove(dir);
	list_for_each_entry_safe(it, tmp, &items, node) {
		list_del(&it->node);
		kfree(it);
	}
}

module_init(proc_fs_init);
module_exit(proc_fs_exit);
MODULE_LICENSE("GPL");
