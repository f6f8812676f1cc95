// SPDX-License-Identifier: GPL-2.0
/*
 * Signals and kernel threads as 6.1 has them (linux/sched/signal.h): a
 * kthread sees a signal only after allow_signal(); it notices it with
 * signal_pending(current) (an interruptible sleep ends early) and takes it
 * with kernel_dequeue_signal(). send_sig() and kill_pid() send; the
 * thread that did not allow the signal never sees it. for_each_process()
 * walks the task list.
 */
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("signals to kernel threads");

static struct task_struct *allowing, *ignoring;

static int allowing_fn(void *data)
{
	int rounds = 0;

	allow_signal(SIGUSR1);
	allow_signal(SIGKILL);
	while (!kthread_should_stop()) {
		if (signal_pending(current)) {
			int sig = kernel_dequeue_signal();

			pr_info("%s: got signal %d after %d rounds, fatal=%d\n", current->comm, sig, rounds,
				fatal_signal_pending(current));
			continue;
		}
		schedule_timeout_interruptible(HZ);
		rounds++;
	}
	return 0;
}

static int ignoring_fn(void *data)
{
	while (!kthread_should_stop()) {
		if (signal_pending(current))
			pr_info("%s: unexpected signal\n", current->comm);
		schedule_timeout_interruptible(HZ / 10);
	}
	return 0;
}

static int __init sigdemo_init(void)
{
	struct task_struct *p;
	int nr = 0, ret;

	allowing = kthread_run(allowing_fn, NULL, "sig_allow");
	ignoring = kthread_run(ignoring_fn, NULL, "sig_ignore");
	msleep(10);
	ret = send_sig(SIGUSR1, allowing, 0);
	pr_info("send_sig: %d\n", ret);
	msleep(10);
	ret = kill_pid(find_vpid(allowing->pid), SIGKILL, 1);
	pr_info("kill_pid: %d\n", ret);
	send_sig(SIGUSR1, ignoring, 0);
	msleep(10);
	pr_info("send_sig 0: %d, 65: %d\n", send_sig(0, allowing, 0), send_sig(65, allowing, 0));

	rcu_read_lock();
	for_each_process(p) {
		if (p == current)
			pr_info("for_each_process: found %s (pid %d is current)\n", p->comm, p->pid);
		nr++;
	}
	rcu_read_unlock();
	pr_info("for_each_process: %s\n", nr >= 4 ? "several tasks" : "too few tasks");
	return 0;
}

static void __exit sigdemo_exit(void)
{
	kthread_stop(allowing);
	kthread_stop(ignoring);
	pr_info("stopped\n");
}

module_init(sigdemo_init);
module_exit(sigdemo_exit);
