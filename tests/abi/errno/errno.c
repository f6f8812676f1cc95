/* <asm/errno.h>, <uapi/asm-generic/errno-base.h>, <linux/errno.h>: the error
 * numbers modules return, including the kernel-internal ones user space never
 * sees; an init that fails reaches insmod as its errno. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/errno.h>
#include <asm/errno.h>
#include <uapi/asm-generic/errno-base.h>
#include <uapi/asm-generic/errno.h>

static int fail;
module_param(fail, int, 0444);

static int __init errno_demo_init(void)
{
	pr_info("EPERM=%d ENOENT=%d EIO=%d E2BIG=%d EAGAIN=%d ENOMEM=%d EFAULT=%d EBUSY=%d EEXIST=%d ENODEV=%d EINVAL=%d\n",
		EPERM, ENOENT, EIO, E2BIG, EAGAIN, ENOMEM, EFAULT, EBUSY, EEXIST, ENODEV, EINVAL);
	pr_info("ENOTTY=%d ENOSPC=%d EPIPE=%d EDOM=%d ERANGE=%d EDEADLK=%d ENAMETOOLONG=%d ENOSYS=%d ENOTEMPTY=%d ELOOP=%d\n",
		ENOTTY, ENOSPC, EPIPE, EDOM, ERANGE, EDEADLK, ENAMETOOLONG, ENOSYS, ENOTEMPTY, ELOOP);
	pr_info("EWOULDBLOCK=%d EDEADLOCK=%d ENODATA=%d ETIME=%d EOVERFLOW=%d EILSEQ=%d EOPNOTSUPP=%d EADDRINUSE=%d\n",
		EWOULDBLOCK, EDEADLOCK, ENODATA, ETIME, EOVERFLOW, EILSEQ, EOPNOTSUPP, EADDRINUSE);
	pr_info("ETIMEDOUT=%d ECONNREFUSED=%d EALREADY=%d EINPROGRESS=%d ECANCELED=%d EOWNERDEAD=%d ERFKILL=%d EHWPOISON=%d\n",
		ETIMEDOUT, ECONNREFUSED, EALREADY, EINPROGRESS, ECANCELED, EOWNERDEAD, ERFKILL, EHWPOISON);
	pr_info("kernel-only: ERESTARTSYS=%d ERESTARTNOINTR=%d ENOIOCTLCMD=%d EPROBE_DEFER=%d ENOTSUPP=%d ETOOSMALL=%d ENOGRACE=%d\n",
		ERESTARTSYS, ERESTARTNOINTR, ENOIOCTLCMD, EPROBE_DEFER, ENOTSUPP, ETOOSMALL, ENOGRACE);
	switch (fail) {
	case 1:
		return -ENODEV;
	case 2:
		return -EBUSY;
	case 3:
		return -ETIMEDOUT;
	default:
		return 0;
	}
}

static void __exit errno_demo_exit(void)
{
}

module_init(errno_demo_init);
module_exit(errno_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errno values");
