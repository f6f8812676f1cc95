#ifndef _LINUX_PERCPU_DEFS_H
#define _LINUX_PERCPU_DEFS_H
/* Per-CPU variables and their accessors, with 6.1's names and rules.
 *
 * A DEFINE_PER_CPU() variable is CPU 0's copy; insmod gives every other CPU
 * a copy of the module's per-CPU section, made from the initialisers, and
 * per_cpu_ptr() asks the kernel where CPU n's copy of an address lives (6.1
 * adds __per_cpu_offset[n] instead). The variable itself is one ordinary
 * declaration, so `static DEFINE_PER_CPU(int, x) = 5;` works as on 6.1.
 *
 * this_cpu_*() are one call into the kernel, which does the whole
 * read-modify-write on the executing CPU: safe against preemption and
 * interrupts, as x86's single %gs-relative instruction is. raw_cpu_*() and
 * __this_cpu_*() are plain accesses through raw_cpu_ptr(): the caller must
 * keep the CPU (6.1 checks that only with CONFIG_DEBUG_PREEMPT, which emu's
 * configuration leaves off, as Debian's does). */
#include "compiler.h"
#include "types.h"
#include "irqflags.h"
#include "cache.h"

#define __percpu
#define PER_CPU_ATTRIBUTES
/* 6.1 names the section .data..percpu; a shared object's default link folds
 * every .data.* input section into .data, so emu's loader looks for this one. */
#define PER_CPU_BASE_SECTION ".emu_percpu"
#ifdef MODULE
#define PER_CPU_SHARED_ALIGNED_SECTION ""
#define PER_CPU_ALIGNED_SECTION ""
#else
#define PER_CPU_SHARED_ALIGNED_SECTION "..shared_aligned"
#define PER_CPU_ALIGNED_SECTION "..shared_aligned"
#endif
#define PER_CPU_FIRST_SECTION "..first"

#define __PCPU_ATTRS(sec) __percpu __attribute__((__section__(PER_CPU_BASE_SECTION sec))) PER_CPU_ATTRIBUTES
#define __PCPU_DUMMY_ATTRS __attribute__((__section__(".discard"), __unused__))

#define DECLARE_PER_CPU_SECTION(type, name, sec) extern __PCPU_ATTRS(sec) __typeof__(type) name
#define DEFINE_PER_CPU_SECTION(type, name, sec) __PCPU_ATTRS(sec) __typeof__(type) name

#define DECLARE_PER_CPU(type, name) DECLARE_PER_CPU_SECTION(type, name, "")
#define DEFINE_PER_CPU(type, name) DEFINE_PER_CPU_SECTION(type, name, "")
#define DECLARE_PER_CPU_FIRST(type, name) DECLARE_PER_CPU_SECTION(type, name, PER_CPU_FIRST_SECTION)
#define DEFINE_PER_CPU_FIRST(type, name) DEFINE_PER_CPU_SECTION(type, name, PER_CPU_FIRST_SECTION)
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name) \
	DECLARE_PER_CPU_SECTION(type, name, PER_CPU_SHARED_ALIGNED_SECTION) ____cacheline_aligned_in_smp
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) \
	DEFINE_PER_CPU_SECTION(type, name, PER_CPU_SHARED_ALIGNED_SECTION) ____cacheline_aligned_in_smp
#define DECLARE_PER_CPU_ALIGNED(type, name) \
	DECLARE_PER_CPU_SECTION(type, name, PER_CPU_ALIGNED_SECTION) ____cacheline_aligned
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	DEFINE_PER_CPU_SECTION(type, name, PER_CPU_ALIGNED_SECTION) ____cacheline_aligned
#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name) \
	DECLARE_PER_CPU_SECTION(type, name, "..page_aligned") __attribute__((__aligned__(4096)))
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) \
	DEFINE_PER_CPU_SECTION(type, name, "..page_aligned") __attribute__((__aligned__(4096)))
#define DECLARE_PER_CPU_READ_MOSTLY(type, name) DECLARE_PER_CPU_SECTION(type, name, "..read_mostly")
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) DEFINE_PER_CPU_SECTION(type, name, "..read_mostly")
#define DEFINE_PER_CPU_DECRYPTED(type, name) DEFINE_PER_CPU(type, name)
/* Between modules: an exported per-CPU variable is an ordinary exported symbol. */
#define EXPORT_PER_CPU_SYMBOL(var) EXPORT_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var) EXPORT_SYMBOL_GPL(var)

/* The operations of __emu_this_cpu_op(). */
enum {
	EMU_PCPU_READ, EMU_PCPU_WRITE, EMU_PCPU_ADD, EMU_PCPU_AND, EMU_PCPU_OR,
	EMU_PCPU_ADD_RETURN, EMU_PCPU_XCHG, EMU_PCPU_CMPXCHG
};

EMU_BEGIN_DECLS
/* CPU `cpu`'s copy of a per-CPU address; an address outside every per-CPU
 * area gives an address that faults when used. */
void *__emu_per_cpu_ptr(const void *ptr, unsigned int cpu);
void *__emu_this_cpu_ptr(const void *ptr);
unsigned long __emu_this_cpu_op(void *pcp, unsigned int size, unsigned int op, unsigned long a, unsigned long b);
/* Never defined, as in 6.1: an operand of another size fails to load. */
extern void __bad_size_call_parameter(void);
EMU_END_DECLS

/* A per-CPU pointer, checked for type without being evaluated. */
#define __verify_pcpu_ptr(ptr) \
do { const void __percpu *__vpp_verify = (__typeof__((ptr) + 0))NULL; (void)__vpp_verify; } while (0)

#define per_cpu_ptr(ptr, cpu) \
({ __verify_pcpu_ptr(ptr); (__typeof__(*(ptr)) *)__emu_per_cpu_ptr((ptr), (cpu)); })
#define raw_cpu_ptr(ptr) \
({ __verify_pcpu_ptr(ptr); (__typeof__(*(ptr)) *)__emu_this_cpu_ptr(ptr); })
#define this_cpu_ptr(ptr) raw_cpu_ptr(ptr)
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

#define get_cpu_var(var) (*({ preempt_disable(); this_cpu_ptr(&var); }))
#define put_cpu_var(var) do { (void)&(var); preempt_enable(); } while (0)
#define get_cpu_ptr(var) ({ preempt_disable(); this_cpu_ptr(var); })
#define put_cpu_ptr(var) do { (void)(var); preempt_enable(); } while (0)

/* Scalars of 1, 2, 4 or 8 bytes only, as 6.1's size switch. */
#define __emu_pcpu_size_check(pcp) do { \
	if (sizeof(pcp) != 1 && sizeof(pcp) != 2 && sizeof(pcp) != 4 && sizeof(pcp) != 8) \
		__bad_size_call_parameter(); \
} while (0)
#define __emu_this_cpu_call(op, pcp, a, b) ({ \
	__verify_pcpu_ptr(&(pcp)); __emu_pcpu_size_check(pcp); \
	__emu_this_cpu_op((void *)&(pcp), sizeof(pcp), (op), (unsigned long)(a), (unsigned long)(b)); })

/* ---- raw_cpu_*(): no protection at all ---- */
#define raw_cpu_read(pcp) ({ __emu_pcpu_size_check(pcp); *raw_cpu_ptr(&(pcp)); })
#define raw_cpu_write(pcp, val) do { __emu_pcpu_size_check(pcp); *raw_cpu_ptr(&(pcp)) = (val); } while (0)
#define raw_cpu_add(pcp, val) do { __emu_pcpu_size_check(pcp); *raw_cpu_ptr(&(pcp)) += (val); } while (0)
#define raw_cpu_and(pcp, val) do { __emu_pcpu_size_check(pcp); *raw_cpu_ptr(&(pcp)) &= (val); } while (0)
#define raw_cpu_or(pcp, val) do { __emu_pcpu_size_check(pcp); *raw_cpu_ptr(&(pcp)) |= (val); } while (0)
#define raw_cpu_add_return(pcp, val) \
({ __typeof__(pcp) *__rp = raw_cpu_ptr(&(pcp)); __emu_pcpu_size_check(pcp); *__rp += (val); *__rp; })
#define raw_cpu_xchg(pcp, nval) \
({ __typeof__(pcp) *__rp = raw_cpu_ptr(&(pcp)); __typeof__(pcp) __ret; __emu_pcpu_size_check(pcp); \
   __ret = *__rp; *__rp = (nval); __ret; })
#define raw_cpu_cmpxchg(pcp, oval, nval) \
({ __typeof__(pcp) *__rp = raw_cpu_ptr(&(pcp)); __typeof__(pcp) __ret; __emu_pcpu_size_check(pcp); \
   __ret = *__rp; if (__ret == (oval)) *__rp = (nval); __ret; })
#define raw_cpu_cmpxchg_double(pcp1, pcp2, oval1, oval2, nval1, nval2) \
({ __typeof__(pcp1) *__rp1 = raw_cpu_ptr(&(pcp1)); __typeof__(pcp2) *__rp2 = raw_cpu_ptr(&(pcp2)); \
   int __ret = 0; BUILD_BUG_ON(sizeof(pcp1) != sizeof(pcp2)); \
   if (*__rp1 == (oval1) && *__rp2 == (oval2)) { *__rp1 = (nval1); *__rp2 = (nval2); __ret = 1; } \
   __ret; })
/* Subtraction, increment and decrement are additions. */
#define raw_cpu_sub(pcp, val) raw_cpu_add(pcp, -(val))
#define raw_cpu_inc(pcp) raw_cpu_add(pcp, 1)
#define raw_cpu_dec(pcp) raw_cpu_add(pcp, -1)
#define raw_cpu_sub_return(pcp, val) raw_cpu_add_return(pcp, -(__typeof__(pcp))(val))
#define raw_cpu_inc_return(pcp) raw_cpu_add_return(pcp, 1)
#define raw_cpu_dec_return(pcp) raw_cpu_add_return(pcp, -1)

/* ---- __this_cpu_*(): the caller keeps the CPU (preemption or IRQs off) ---- */
static inline void __this_cpu_preempt_check(const char *op) { (void)op; }
#define __this_cpu_read(pcp) ({ __this_cpu_preempt_check("read"); raw_cpu_read(pcp); })
#define __this_cpu_write(pcp, val) ({ __this_cpu_preempt_check("write"); raw_cpu_write(pcp, val); })
#define __this_cpu_add(pcp, val) ({ __this_cpu_preempt_check("add"); raw_cpu_add(pcp, val); })
#define __this_cpu_and(pcp, val) ({ __this_cpu_preempt_check("and"); raw_cpu_and(pcp, val); })
#define __this_cpu_or(pcp, val) ({ __this_cpu_preempt_check("or"); raw_cpu_or(pcp, val); })
#define __this_cpu_add_return(pcp, val) ({ __this_cpu_preempt_check("add_return"); raw_cpu_add_return(pcp, val); })
#define __this_cpu_xchg(pcp, nval) ({ __this_cpu_preempt_check("xchg"); raw_cpu_xchg(pcp, nval); })
#define __this_cpu_cmpxchg(pcp, oval, nval) \
({ __this_cpu_preempt_check("cmpxchg"); raw_cpu_cmpxchg(pcp, oval, nval); })
#define __this_cpu_cmpxchg_double(pcp1, pcp2, oval1, oval2, nval1, nval2) \
({ __this_cpu_preempt_check("cmpxchg_double"); raw_cpu_cmpxchg_double(pcp1, pcp2, oval1, oval2, nval1, nval2); })
#define __this_cpu_sub(pcp, val) __this_cpu_add(pcp, -(__typeof__(pcp))(val))
#define __this_cpu_inc(pcp) __this_cpu_add(pcp, 1)
#define __this_cpu_dec(pcp) __this_cpu_sub(pcp, 1)
#define __this_cpu_sub_return(pcp, val) __this_cpu_add_return(pcp, -(__typeof__(pcp))(val))
#define __this_cpu_inc_return(pcp) __this_cpu_add_return(pcp, 1)
#define __this_cpu_dec_return(pcp) __this_cpu_add_return(pcp, -1)

/* ---- this_cpu_*(): safe anywhere ---- */
#define this_cpu_read(pcp) ((__typeof__(pcp))__emu_this_cpu_call(EMU_PCPU_READ, pcp, 0, 0))
#define this_cpu_write(pcp, val) ((void)__emu_this_cpu_call(EMU_PCPU_WRITE, pcp, (__typeof__(pcp))(val), 0))
#define this_cpu_add(pcp, val) ((void)__emu_this_cpu_call(EMU_PCPU_ADD, pcp, val, 0))
#define this_cpu_and(pcp, val) ((void)__emu_this_cpu_call(EMU_PCPU_AND, pcp, val, 0))
#define this_cpu_or(pcp, val) ((void)__emu_this_cpu_call(EMU_PCPU_OR, pcp, val, 0))
#define this_cpu_add_return(pcp, val) ((__typeof__(pcp))__emu_this_cpu_call(EMU_PCPU_ADD_RETURN, pcp, val, 0))
#define this_cpu_xchg(pcp, nval) \
	((__typeof__(pcp))__emu_this_cpu_call(EMU_PCPU_XCHG, pcp, (__typeof__(pcp))(nval), 0))
#define this_cpu_cmpxchg(pcp, oval, nval) \
	((__typeof__(pcp))__emu_this_cpu_call(EMU_PCPU_CMPXCHG, pcp, (__typeof__(pcp))(oval), (__typeof__(pcp))(nval)))
#define this_cpu_cmpxchg_double(pcp1, pcp2, oval1, oval2, nval1, nval2) \
({ unsigned long __pcd_flags; int __pcd_ret; raw_local_irq_save(__pcd_flags); \
   __pcd_ret = raw_cpu_cmpxchg_double(pcp1, pcp2, oval1, oval2, nval1, nval2); \
   raw_local_irq_restore(__pcd_flags); __pcd_ret; })
#define this_cpu_sub(pcp, val) this_cpu_add(pcp, -(__typeof__(pcp))(val))
#define this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp) this_cpu_sub(pcp, 1)
#define this_cpu_sub_return(pcp, val) this_cpu_add_return(pcp, -(__typeof__(pcp))(val))
#define this_cpu_inc_return(pcp) this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp) this_cpu_add_return(pcp, -1)

#endif
