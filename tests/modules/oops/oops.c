/* Test module: NULL pointer dereferences on demand, from an ioctl (process
 * context) or from a timer (interrupt context); and an ioctl that loops
 * forever without calling the kernel, for emu's host watchdog. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/timer.h>
#include <linux/spinlock.h>

MODULE_LICENSE("GPL");

#define OOPS_MAJOR 43
static struct cdev oops_cdev;
static struct timer_list oops_timer;
static int *volatile nowhere;
static volatile int spin_release;
static DEFINE_SPINLOCK(oops_lock);
static int forget_timer;  /* ioctl 4: arm a long timer that exit will not delete */
static int oops_in_init;
module_param(oops_in_init, int, 0444);

static noinline void c(void)
{
	*nowhere = 3;
}

/* Code emu cannot instrument (built without the per-block hook, as a C
 * library routine is): only the host watchdog can stop it. */
static noinline __attribute__((no_sanitize_coverage)) void oops_spin_forever(void)
{
	while (!spin_release)
		;
}

static void oops_timer_fn(struct timer_list *t)
{
	*nowhere = 1;
}

static long oops_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case 1:
		*nowhere = 5;  /* a write fault, as in golden/oops-null-deref-in-ioctl.txt */
		return 0;
	case 2:
		mod_timer(&oops_timer, jiffies + 1);
		return 0;
	case 3:
		oops_spin_forever();
		return 0;
	case 5:
		c();  /* a C function named like a type: the Oops must say c, not char */
		return 0;
	case 6: {
		unsigned long flags;

		spin_lock_irqsave(&oops_lock, flags);  /* dies holding it: IRQs off, preempt_count 1 */
		*nowhere = 6;
		spin_unlock_irqrestore(&oops_lock, flags);
		return 0;
	}
	case 4:
		forget_timer = 1;
		mod_timer(&oops_timer, jiffies + 10 * HZ);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations oops_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = oops_ioctl,
};

static int __init oops_init(void)
{
	if (oops_in_init)
		*nowhere = 7;
	register_chrdev_region(MKDEV(OOPS_MAJOR, 0), 1, "oops");
	cdev_init(&oops_cdev, &oops_fops);
	cdev_add(&oops_cdev, MKDEV(OOPS_MAJOR, 0), 1);
	timer_setup(&oops_timer, oops_timer_fn, 0);
	return 0;
}

static void __exit oops_exit(void)
{
	if (!forget_timer)
		del_timer_sync(&oops_timer);
	cdev_del(&oops_cdev);
	unregister_chrdev_region(MKDEV(OOPS_MAJOR, 0), 1);
}

module_init(oops_init);
module_exit(oops_exit);
