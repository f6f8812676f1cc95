#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H
/* Cross-CPU function calls (kernel/smp.c): the function runs on the target CPU
 * in hard-IRQ context from the call-function IPI, or directly with IRQs off
 * when the target is the caller's CPU. */
#include "compiler.h"
#include "types.h"
#include "errno.h"
#include "list.h"
#include "cpumask.h"
#include "init.h"
#include "preempt.h"

typedef void (*smp_call_func_t)(void *info);
typedef bool (*smp_cond_func_t)(int cpu, void *info);

struct __call_single_data {
	struct list_head __emu_node;
	smp_call_func_t func;
	void *info;
};
typedef struct __call_single_data call_single_data_t __attribute__((__aligned__(sizeof(struct __call_single_data))));
#define CSD_INIT(_func, _info) (struct __call_single_data){ .func = (_func), .info = (_info), }
#define INIT_CSD(_csd, _func, _info) do { *(_csd) = CSD_INIT((_func), (_info)); } while (0)

EMU_BEGIN_DECLS
int __emu_smp_processor_id(void);
/* -ENXIO for a CPU that is not online. */
int smp_call_function_single(int cpuid, smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_cond_mask(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait,
                           const struct cpumask *mask);
/* Every online CPU but the caller's; the caller keeps preemption off. */
void smp_call_function(smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait);
/* The caller's CPU if it is in `mask`, else the first online one in it. */
int smp_call_function_any(const struct cpumask *mask, smp_call_func_t func, void *info, int wait);
/* Runs func(par) in process context on `cpu` (a kernel thread there) and returns its value. */
int smp_call_on_cpu(unsigned int cpu, int (*func)(void *), void *par, bool phys);
void kick_all_cpus_sync(void);
void wake_up_all_idle_cpus(void);
void cpu_relax(void); /* asm/processor.h: a pause that lets time pass */
EMU_END_DECLS

static inline void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{ on_each_cpu_cond_mask(NULL, func, info, wait, mask); }
static inline void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait)
{ on_each_cpu_cond_mask(cond_func, func, info, wait, cpu_online_mask); }

#define smp_processor_id() __emu_smp_processor_id()
#define raw_smp_processor_id() __emu_smp_processor_id()
#define __smp_processor_id() __emu_smp_processor_id()
#define get_cpu() ({ preempt_disable(); __emu_smp_processor_id(); })
#define put_cpu() preempt_enable()
static inline int get_boot_cpu_id(void) { return 0; }
#define num_booting_cpus() cpumask_weight(cpu_possible_mask)
#endif
