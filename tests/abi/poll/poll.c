// A misc device with a poll() as drivers write it: poll_wait() on the
// driver's queue, EPOLLIN | EPOLLRDNORM once data is there. The guest has no
// poll(2) yet, so init calls the operation as the VFS would (vfs_poll()).
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/fs.h>

static DECLARE_WAIT_QUEUE_HEAD(readq);
static int ready;
static int queued;

static __poll_t drv_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(file, &readq, wait);
	if (ready)
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static const struct file_operations fops = {
	.owner = THIS_MODULE,
	.poll = drv_poll,
};

static void count_queue(struct file *f, wait_queue_head_t *q, poll_table *p)
{
	if (q == &readq)
		queued++;
}

static int __init poll_init(void)
{
	struct file file = { .f_op = &fops };
	poll_table pt;
	__poll_t mask;

	init_poll_funcptr(&pt, count_queue);
	mask = vfs_poll(&file, &pt);
	pr_info("poll: before 0x%x queued %d\n", mask, queued);
	ready = 1;
	mask = vfs_poll(&file, &pt);
	pr_info("poll: after 0x%x queued %d\n", mask, queued);
	pr_info("poll: POLLIN %d EPOLLOUT %d POLLRDHUP 0x%x\n", POLLIN, EPOLLOUT, POLLRDHUP);
	return 0;
}

static void __exit poll_exit(void)
{
}

module_init(poll_init);
module_exit(poll_exit);
MODULE_LICENSE("GPL");
