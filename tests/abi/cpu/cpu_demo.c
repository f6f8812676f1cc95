// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs as a driver sees them: the online mask read under cpus_read_lock(),
 * per-CPU setup and teardown through a dynamic hotplug state (called for
 * every CPU already online when the state is installed), and a function run
 * on each CPU with on_each_cpu()/smp_call_function_single().
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/smp.h>

static enum cpuhp_state hp_state;
static DEFINE_PER_CPU(int, prepared);
static atomic_t ipi_calls = ATOMIC_INIT(0);

static int cpu_demo_online(unsigned int cpu)
{
	pr_info("cpu_demo: online cpu%u, running on cpu%d, in_task=%d\n", cpu, smp_processor_id(), !!in_task());
	this_cpu_write(prepared, 1);
	return 0;
}

static int cpu_demo_offline(unsigned int cpu)
{
	pr_info("cpu_demo: offline cpu%u, running on cpu%d\n", cpu, smp_processor_id());
	per_cpu(prepared, cpu) = 0;
	return 0;
}

static void count_ipi(void *info)
{
	atomic_inc(&ipi_calls);
	if (!in_hardirq() && !irqs_disabled())
		pr_info("cpu_demo: called with interrupts on?\n");
}

static int __init cpu_demo_init(void)
{
	unsigned int cpu, online = 0, ready = 0;
	int ret;

	cpus_read_lock();
	for_each_online_cpu(cpu)
		online++;
	pr_info("cpu_demo: %u online (num_online_cpus=%u possible=%u present=%u nr_cpu_ids=%u) first=%u last=%u\n",
		online, num_online_cpus(), num_possible_cpus(), num_present_cpus(), nr_cpu_ids,
		cpumask_first(cpu_online_mask), cpumask_last(cpu_online_mask));
	cpus_read_unlock();

	ret = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "cpu_demo:online", cpu_demo_online, cpu_demo_offline);
	if (ret < 0) {
		pr_err("cpu_demo: cpuhp_setup_state failed: %d\n", ret);
		return ret;
	}
	hp_state = ret;
	pr_info("cpu_demo: dynamic state %s\n",
		hp_state >= CPUHP_AP_ONLINE_DYN && hp_state <= CPUHP_AP_ONLINE_DYN_END ? "allocated" : "wrong");
	for_each_online_cpu(cpu)
		ready += per_cpu(prepared, cpu);
	pr_info("cpu_demo: %u cpus prepared\n", ready);

	on_each_cpu(count_ipi, NULL, 1);
	ret = smp_call_function_single(1, count_ipi, NULL, 1);
	pr_info("cpu_demo: ipi calls=%d, single=%d, to cpu 64: %d\n", atomic_read(&ipi_calls), ret,
		smp_call_function_single(64, count_ipi, NULL, 1));
	return 0;
}

static void __exit cpu_demo_exit(void)
{
	unsigned int cpu, ready = 0;

	cpuhp_remove_state(hp_state);
	for_each_online_cpu(cpu)
		ready += per_cpu(prepared, cpu);
	pr_info("cpu_demo: %u cpus still prepared\n", ready);
}

module_init(cpu_demo_init);
module_exit(cpu_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("CPU masks, hotplug states and cross-CPU calls");
