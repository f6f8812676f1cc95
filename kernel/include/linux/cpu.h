#ifndef _LINUX_CPU_H_
#define _LINUX_CPU_H_
/* CPUs as devices, and the CPU hotplug lock. emu models no hotplug: CPUs stay
 * online, so cpus_read_lock() never waits for a writer, but it may sleep (a
 * percpu rw-semaphore on 6.1) and is checked as such. What only real hotplug
 * does (add_cpu, remove_cpu, cpu_device_up/down, the write side) is declared
 * but not provided: a module using it fails to load with "Unknown symbol". */
#include "compiler.h"
#include "cpumask.h"
#include "cpuhotplug.h"
#include "device.h"
#include "emu_old.h"

struct device_node;
struct attribute_group;
struct device_attribute;

struct cpu {
	int node_id;
	int hotpluggable;
	struct device dev;
};

#define CPU_ONLINE 0x0002
#define CPU_UP_PREPARE 0x0003
#define CPU_DEAD 0x0007
#define CPU_DEAD_FROZEN 0x0008
#define CPU_POST_DEAD 0x0009
#define CPU_BROKEN 0x000B

EMU_BEGIN_DECLS
int register_cpu(struct cpu *cpu, int num);
void unregister_cpu(struct cpu *cpu);
struct device *get_cpu_device(unsigned cpu);
bool cpu_is_hotpluggable(unsigned cpu);
int cpu_add_dev_attr(struct device_attribute *attr);
void cpu_remove_dev_attr(struct device_attribute *attr);
int cpu_add_dev_attr_group(struct attribute_group *attrs);
void cpu_remove_dev_attr_group(struct attribute_group *attrs);
struct device *cpu_device_create(struct device *parent, void *drvdata, const struct attribute_group **groups,
                                 const char *fmt, ...) __printf(4, 5);
int add_cpu(unsigned int cpu);
int remove_cpu(unsigned int cpu);
int cpu_device_up(struct device *dev);
int cpu_device_down(struct device *dev);
void cpu_maps_update_begin(void);
void cpu_maps_update_done(void);
int lockdep_is_cpus_held(void);
void cpus_write_lock(void);
void cpus_write_unlock(void);
/* Readers of the CPU hotplug lock: may sleep; nest freely. */
void cpus_read_lock(void);
void cpus_read_unlock(void);
int cpus_read_trylock(void);
void lockdep_assert_cpus_held(void);
/* Nests: hotplug stays refused until as many enables as disables. */
void cpu_hotplug_disable(void);
void cpu_hotplug_enable(void);
void arch_cpu_idle(void);
EMU_END_DECLS
#define cpuhp_tasks_frozen 0

#ifndef EMU_STRICT
/* Renamed cpus_read_lock()/cpus_read_unlock() in 4.13, removed in 5.15. */
static inline __emu_not_in_6_1("get_online_cpus() is cpus_read_lock() since 5.15")
void get_online_cpus(void) { cpus_read_lock(); }
static inline __emu_not_in_6_1("put_online_cpus() is cpus_read_unlock() since 5.15")
void put_online_cpus(void) { cpus_read_unlock(); }
#endif
#endif
