#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H
/* The scheduler's clock: nanoseconds of guest time since boot, one clock for
 * every CPU (x86-64 6.1 has CONFIG_HAVE_UNSTABLE_SCHED_CLOCK: local_clock()
 * reads this CPU's sched_clock_cpu()). */
#include "../smp.h"

EMU_BEGIN_DECLS
unsigned long long sched_clock(void);
u64 running_clock(void);
u64 sched_clock_cpu(int cpu);
int sched_clock_stable(void);
EMU_END_DECLS

static inline u64 cpu_clock(int cpu) { return sched_clock_cpu(cpu); }
static inline u64 local_clock(void) { return sched_clock_cpu(raw_smp_processor_id()); }
#endif
