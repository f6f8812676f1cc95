/* <linux/kfifo.h>: a byte pipe under /proc (writes go in with
 * kfifo_from_user, reads come out with kfifo_to_user) and a typed fifo of
 * events, as character-device tutorials build them. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/kfifo.h>
#include <linux/proc_fs.h>
#include <linux/mutex.h>

struct event {
	int id;
	short code;
};

static DEFINE_KFIFO(events, struct event, 4);
static struct kfifo pipe;
static DEFINE_MUTEX(pipe_lock);
static struct proc_dir_entry *entry;

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	mutex_lock(&pipe_lock);
	ret = kfifo_from_user(&pipe, buf, len, &copied);
	mutex_unlock(&pipe_lock);
	pr_info("write %zu: ret %d copied %u, len %u avail %u\n", len, ret, copied, kfifo_len(&pipe), kfifo_avail(&pipe));
	return ret ? ret : copied;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	mutex_lock(&pipe_lock);
	ret = kfifo_to_user(&pipe, buf, len, &copied);
	mutex_unlock(&pipe_lock);
	return ret ? ret : copied;
}

static const struct proc_ops pipe_ops = {
	.proc_read = pipe_read,
	.proc_write = pipe_write,
};

static int __init kfifo_demo_init(void)
{
	struct event e;
	int i, ret;

	pr_info("events: size %u esize %u empty %d\n", kfifo_size(&events), kfifo_esize(&events), kfifo_is_empty(&events));
	for (i = 0; i < 5; i++) {
		struct event ev = { .id = i, .code = 100 + i };

		if (!kfifo_put(&events, ev))
			pr_info("event %d dropped: full %d\n", i, kfifo_is_full(&events));
	}
	if (kfifo_peek(&events, &e))
		pr_info("peek: %d/%d, len %u\n", e.id, e.code, kfifo_len(&events));
	while (kfifo_get(&events, &e))
		pr_info("get: %d/%d\n", e.id, e.code);

	ret = kfifo_alloc(&pipe, 10, GFP_KERNEL);
	if (ret)
		return ret;
	pr_info("pipe: asked 10, size %u\n", kfifo_size(&pipe));
	entry = proc_create("kfifo_pipe", 0666, NULL, &pipe_ops);
	if (!entry) {
		kfifo_free(&pipe);
		return -ENOMEM;
	}
	return 0;
}

static void __exit kfifo_demo_exit(void)
{
	proc_remove(entry);
	kfifo_free(&pipe);
	pr_info("freed, initialized %d\n", !!kfifo_initialized(&pipe));
}

module_init(kfifo_demo_init);
module_exit(kfifo_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kfifo.h");
