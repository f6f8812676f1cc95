#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H
#include "compiler.h"
#include "preempt.h"
#define NR_CPUS 64
typedef void (*smp_call_func_t)(void *info);
EMU_BEGIN_DECLS
int __emu_smp_processor_id(void);
unsigned int num_online_cpus(void);
unsigned int __emu_nr_cpu_ids(void);
int cpu_online(unsigned int cpu);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void cpu_relax(void); /* asm/processor.h: a pause that lets time pass */
EMU_END_DECLS
#define smp_processor_id() __emu_smp_processor_id()
#define raw_smp_processor_id() __emu_smp_processor_id()
#define get_cpu() ({ preempt_disable(); __emu_smp_processor_id(); })
#define put_cpu() preempt_enable()
#define nr_cpu_ids __emu_nr_cpu_ids()
#define num_possible_cpus() num_online_cpus()
#define for_each_online_cpu(cpu) for ((cpu) = 0; (unsigned int)(cpu) < num_online_cpus(); (cpu)++)
#define for_each_possible_cpu(cpu) for_each_online_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_online_cpu(cpu)
#endif
