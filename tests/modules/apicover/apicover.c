/*
 * Uses every kernel API of LAB.md §6 rows T, D, K, DOC and M1/M2 (the lab,
 * its documentation, Madieu's chapter 3), in the spellings those texts use,
 * so that a change to the guest headers that breaks any of them fails the
 * build; and exercises them once at load time.
 */
#define pr_fmt(fmt) "apicover: " fmt
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/uaccess.h>
#include <linux/kmod.h>
#include <linux/version.h>
#include <linux/err.h>
#include <asm/atomic.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("emu");
MODULE_DESCRIPTION("API coverage");

static int loops = 2;
module_param(loops, int, 0444);
MODULE_PARM_DESC(loops, "how many times");
static int renamed = 1;
module_param_named(other_name, renamed, int, 0444);

static atomic_t counter = ATOMIC_INIT(0);
static unsigned long bits;
static DEFINE_SPINLOCK(slock);
static DEFINE_MUTEX(mtx);
static DECLARE_WAIT_QUEUE_HEAD(wq_static);
static DECLARE_COMPLETION(done_static);
static LIST_HEAD(items);

struct item { int v; struct list_head list; };

/* Tasklets: 3-argument (M1, DOC), 2-argument (M2), _OLD, disabled, init/setup. */
static char tasklet_data[] = "We use a string; but it could be pointer to a structure";
static void old_fn(unsigned long data) { atomic_inc(&counter); (void)data; }
static void new_fn(struct tasklet_struct *t) { atomic_inc(&counter); }
DECLARE_TASKLET(t3, old_fn, (unsigned long)tasklet_data);
DECLARE_TASKLET(t2, new_fn);
DECLARE_TASKLET_OLD(told, old_fn);
DECLARE_TASKLET_DISABLED(tdis, old_fn, 0);
static struct tasklet_struct tinit, tsetup;
struct holder { struct tasklet_struct t; int x; };
static struct holder h;
static void from_fn(struct tasklet_struct *t) { struct holder *hh = from_tasklet(hh, t, t); hh->x++; }

/* Timers: timer_setup/from_timer (T, D), setup_timer (M1), DEFINE_TIMER, add_timer. */
struct tdev { struct timer_list timer; int fired; };
static struct tdev td;
static void tdev_fn(struct timer_list *t) { struct tdev *d = from_timer(d, t, timer); d->fired++; }
static void legacy_fn(unsigned long data) { ((struct tdev *)data)->fired++; }
static struct timer_list legacy;
static void defined_fn(struct timer_list *t) { atomic_inc(&counter); }
static DEFINE_TIMER(defined_timer, defined_fn);

/* hrtimer (M1/M2 hr-timer) */
static struct hrtimer hr;
static int hr_fired;
static enum hrtimer_restart hr_fn(struct hrtimer *t) { hr_fired++; return HRTIMER_NORESTART; }

/* Work: DECLARE_WORK, INIT_WORK, delayed work, dedicated queues (DOC, M). */
struct work_data { struct work_struct my_work; int the_data; };
static void work_handler(struct work_struct *work)
{
	struct work_data *d = container_of(work, struct work_data, my_work);
	pr_info("handler: %s, data is %d\n", __FUNCTION__, d->the_data);
}
static void plain_work(struct work_struct *w) { atomic_inc(&counter); }
static DECLARE_WORK(dw_static, plain_work);
static DECLARE_DELAYED_WORK(ddw_static, plain_work);
static struct delayed_work ddw;

/* Kernel threads (K, DOC). */
static int thread_fn(void *data)
{
	while (!kthread_should_stop())
		msleep(1);
	return 7;
}

static int __init apicover_init(void)
{
	struct work_data *wd;
	struct workqueue_struct *wq1, *wq2, *wq3;
	struct task_struct *k;
	struct item *it, *n;
	unsigned long flags;
	char *argv[] = { "/sbin/shutdown", "-h", "now", NULL };
	int ret = 0;

	pr_info("%s: loops=%d other_name=%d HZ=%d in_interrupt=%d cpu=%d pid=%d comm=%s\n", __func__, loops, renamed,
		HZ, in_interrupt() ? 1 : 0, smp_processor_id(), current->pid, current->comm);
	if (LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0))
		return -EINVAL;

	tasklet_init(&tinit, old_fn, 0);
	tasklet_setup(&tsetup, new_fn);
	tasklet_setup(&h.t, from_fn);
	tasklet_schedule(&t3);
	tasklet_hi_schedule(&t2);
	tasklet_schedule(&told);
	tasklet_schedule(&tinit);
	tasklet_schedule(&tsetup);
	tasklet_schedule(&h.t);
	tasklet_disable(&tinit);
	tasklet_enable(&tinit);
	tasklet_enable(&tdis);
	local_bh_disable();
	local_bh_enable();

	timer_setup(&td.timer, tdev_fn, 0);
	mod_timer(&td.timer, jiffies + msecs_to_jiffies(10));
	setup_timer(&legacy, legacy_fn, (unsigned long)&td);
	legacy.expires = jiffies + 1;
	add_timer(&legacy);
	mod_timer(&defined_timer, jiffies + 2);
	hrtimer_init(&hr, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hr.function = hr_fn;
	hrtimer_start(&hr, ktime_set(0, 5 * 1000 * 1000), HRTIMER_MODE_REL);

	wd = kmalloc(sizeof(*wd), GFP_KERNEL);
	if (!wd)
		return -ENOMEM;
	wd->the_data = 34;
	INIT_WORK(&wd->my_work, work_handler);
	schedule_work(&wd->my_work);
	schedule_work(&dw_static);
	schedule_delayed_work(&ddw_static, 1);
	INIT_DELAYED_WORK(&ddw, plain_work);
	schedule_delayed_work_on(0, &ddw, 2);
	wq1 = create_workqueue("cover_wq");
	wq2 = create_singlethread_workqueue("cover_single");
	wq3 = alloc_workqueue("cmwq-example", WQ_UNBOUND | WQ_HIGHPRI, 0);
	queue_work(wq1, &dw_static);
	queue_delayed_work(wq2, &ddw_static, 1);
	msleep(50);
	flush_work(&wd->my_work);
	cancel_work_sync(&dw_static);
	cancel_delayed_work_sync(&ddw);
	cancel_delayed_work(&ddw_static);
	flush_workqueue(wq1);
	destroy_workqueue(wq1);
	destroy_workqueue(wq2);
	destroy_workqueue(wq3);
	kfree(wd);

	k = kthread_create(thread_fn, NULL, "%skthread%d", "cover", 0);
	if (IS_ERR(k))
		return PTR_ERR(k);
	wake_up_process(k);
	ret = kthread_stop(k);
	k = kthread_run(thread_fn, NULL, "cover_run");
	kthread_stop(k);

	spin_lock_bh(&slock);
	spin_unlock_bh(&slock);
	spin_lock_irqsave(&slock, flags);
	spin_unlock_irqrestore(&slock, flags);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	set_bit(1, &bits);
	clear_bit(1, &bits);
	if (test_and_set_bit(2, &bits))
		return -EINVAL;
	atomic_set(&counter, atomic_read(&counter));
	for (ret = 0; ret < 3; ret++) {
		it = kzalloc(sizeof(*it), GFP_KERNEL);
		it->v = ret;
		list_add_tail(&it->list, &items);
	}
	list_for_each_entry_safe(it, n, &items, list) {
		list_del(&it->list);
		kfree(it);
	}
	wake_up_interruptible(&wq_static);
	complete(&done_static);
	wait_for_completion(&done_static);
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(1);
	mdelay(1);
	udelay(10);
	usleep_range(100, 200);
	if (call_usermodehelper(argv[0], argv, NULL, UMH_WAIT_PROC) == 0)
		return -EINVAL;

	del_timer_sync(&td.timer);
	del_timer(&legacy);
	pr_info("ok: timer fired %d, hrtimer fired %d, tasklet holder %d, counter %d\n", td.fired, hr_fired, h.x,
		atomic_read(&counter));
	return 0;
}

static void __exit apicover_exit(void)
{
	tasklet_kill(&t3);
	tasklet_kill(&h.t);
	hrtimer_cancel(&hr);
	del_timer_sync(&defined_timer);
	flush_scheduled_work();
	pr_info("exit\n");
}

module_init(apicover_init);
module_exit(apicover_exit);
