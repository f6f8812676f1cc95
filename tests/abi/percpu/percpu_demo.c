// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters as drivers keep statistics: a static DEFINE_PER_CPU()
 * counter bumped from work run on every CPU and from one bound kthread per
 * CPU, an alloc_percpu() block of statistics, and the totals summed with
 * for_each_online_cpu() when they are read.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/smp.h>

struct pcpu_stats {
	u64 packets;
	u64 bytes;
};

static DEFINE_PER_CPU(unsigned long, hits);
static DEFINE_PER_CPU(int, start_value) = 42;
static DEFINE_PER_CPU_SHARED_ALIGNED(unsigned long, aligned_counter);
static struct pcpu_stats __percpu *stats;
static DECLARE_COMPLETION(threads_done);
static atomic_t threads_left;

static void count_work(struct work_struct *work)
{
	struct pcpu_stats *s;

	this_cpu_inc(hits);
	s = get_cpu_ptr(stats);
	s->packets++;
	s->bytes += 100 * (smp_processor_id() + 1);
	put_cpu_ptr(stats);
}

static int counter_thread(void *data)
{
	int i;

	for (i = 0; i < 5; i++) {
		get_cpu_var(aligned_counter)++;
		put_cpu_var(aligned_counter);
		this_cpu_add(hits, 10);
	}
	if (atomic_dec_and_test(&threads_left))
		complete(&threads_done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static struct task_struct *threads[NR_CPUS];
static struct work_struct works[NR_CPUS];

static int __init percpu_demo_init(void)
{
	unsigned long total_hits = 0, total_aligned = 0;
	u64 packets = 0, bytes = 0;
	int cpu, ret;

	stats = alloc_percpu(struct pcpu_stats);
	if (!stats)
		return -ENOMEM;

	for_each_possible_cpu(cpu)
		pr_info("percpu: cpu%d start_value=%d hits=%lu aligned=%d\n", cpu, per_cpu(start_value, cpu),
			per_cpu(hits, cpu), (int)((unsigned long)&per_cpu(aligned_counter, cpu) % SMP_CACHE_BYTES == 0));

	for_each_online_cpu(cpu) {
		INIT_WORK(&works[cpu], count_work);
		queue_work_on(cpu, system_wq, &works[cpu]);
	}
	for_each_online_cpu(cpu)
		flush_work(&works[cpu]);

	atomic_set(&threads_left, num_online_cpus());
	for_each_online_cpu(cpu) {
		threads[cpu] = kthread_create_on_cpu(counter_thread, NULL, cpu, "pcpu_counter/%u");
		if (IS_ERR(threads[cpu])) {
			ret = PTR_ERR(threads[cpu]);
			goto out;
		}
		wake_up_process(threads[cpu]);
	}
	wait_for_completion(&threads_done);
	for_each_online_cpu(cpu)
		kthread_stop(threads[cpu]);

	for_each_online_cpu(cpu) {
		struct pcpu_stats *s = per_cpu_ptr(stats, cpu);

		pr_info("percpu: cpu%d hits=%lu aligned_counter=%lu packets=%llu bytes=%llu\n", cpu,
			per_cpu(hits, cpu), per_cpu(aligned_counter, cpu), s->packets, s->bytes);
		total_hits += per_cpu(hits, cpu);
		total_aligned += per_cpu(aligned_counter, cpu);
		packets += s->packets;
		bytes += s->bytes;
	}
	pr_info("percpu: total hits=%lu aligned_counter=%lu packets=%llu bytes=%llu cpus=%u\n", total_hits,
		total_aligned, packets, bytes, num_online_cpus());
	this_cpu_write(start_value, -1);
	return 0;
out:
	free_percpu(stats);
	return ret;
}

static void __exit percpu_demo_exit(void)
{
	int cpu, changed = 0;

	for_each_possible_cpu(cpu)
		changed += per_cpu(start_value, cpu) != 42;
	pr_info("percpu: exit, %d copies changed\n", changed);
	free_percpu(stats);
}

module_init(percpu_demo_init);
module_exit(percpu_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("per-CPU counters");
