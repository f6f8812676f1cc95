#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H
/* Per-CPU variables (percpu-defs.h) and the dynamic per-CPU allocator
 * (mm/percpu.c): alloc_percpu() gives every possible CPU a zeroed copy and
 * returns a pointer that only per_cpu_ptr()/this_cpu_*() may turn into one
 * CPU's copy. The includes are 6.1's. */
#include "preempt.h"
#include "smp.h"
#include "cpumask.h"
#include "init.h"
#include "percpu-defs.h"

#define PERCPU_MODULE_RESERVE (8 << 10)
#define PCPU_MIN_UNIT_SIZE (32 << 10)
#define PCPU_MIN_ALLOC_SHIFT 2
#define PCPU_MIN_ALLOC_SIZE (1 << PCPU_MIN_ALLOC_SHIFT)
#define PERCPU_DYNAMIC_RESERVE (28 << 10)

EMU_BEGIN_DECLS
/* The size is rounded up to PCPU_MIN_ALLOC_SIZE; more than PCPU_MIN_UNIT_SIZE,
 * 0, or an alignment that is not a power of two up to PAGE_SIZE is refused
 * with 6.1's WARN (unless __GFP_NOWARN). A GFP_KERNEL allocation may sleep. */
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
void __percpu *__alloc_percpu(size_t size, size_t align);
void free_percpu(void __percpu *__pdata);
EMU_END_DECLS

#define alloc_percpu_gfp(type, gfp) \
	(__typeof__(type) __percpu *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp)
#define alloc_percpu(type) \
	(__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type))
#endif
