#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H
/* Workqueues. emu serves the system workqueue with per-CPU threads named
 * events/N (SEMANTICS.md, deliberate differences); queues made with
 * create_workqueue(name) get name/N, single-threaded and unbound ones a
 * single thread `name`. */
#include "timer.h"
#include "bitops.h"
#include "atomic.h"
#include "../asm/current.h" /* as 6.1 (through rcupdate.h) */
/* What 6.1's workqueue.h also reaches (through timer.h, ktime.h, cpumask.h, ...). */
#include "gfp.h"
#include "ktime.h"
#include "smp.h"
#include "string.h"
#include "bitmap.h"
#include "math64.h"
#include "jump_label.h"

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct workqueue_struct;

enum {
	WORK_STRUCT_PENDING_BIT = 0,
	WORK_STRUCT_INACTIVE_BIT = 1,
	WORK_STRUCT_PWQ_BIT = 2,
	WORK_STRUCT_LINKED_BIT = 3,
	WORK_STRUCT_FLAG_BITS = 8,
	WORK_STRUCT_PENDING = 1 << WORK_STRUCT_PENDING_BIT,
	WORK_STRUCT_PWQ = 1 << WORK_STRUCT_PWQ_BIT,
	WORK_CPU_UNBOUND = 64,
	WORK_OFFQ_CANCELING = 1 << 8,
	WORK_STRUCT_NO_POOL = 0,
};

struct work_struct {
	atomic_long_t data;          /* PENDING and flag bits, plus the queue the item is on */
	struct list_head entry;
	work_func_t func;
};
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};
struct execute_work { struct work_struct work; };

enum {
	WQ_BH = 1 << 0,
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_DESTROYING = 1 << 15,
	__WQ_DRAINING = 1 << 16,
	__WQ_ORDERED = 1 << 17,
	__WQ_LEGACY = 1 << 18,
	WQ_MAX_ACTIVE = 512,
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};

EMU_BEGIN_DECLS
void delayed_work_timer_fn(struct timer_list *t);
void __emu_init_work(struct work_struct *work, work_func_t func);
void __emu_init_delayed_work(struct delayed_work *dwork, work_func_t func, unsigned int timer_flags);
/* pure: two reads of one system queue in an expression are the same value, so
 * flush_workqueue(system_wq) is recognised at build time as with 6.1's globals. */
struct workqueue_struct *__emu_system_wq(int which) __attribute__((__pure__));
/* Empty in 6.1: its only effect is gcc's build warning on a surviving call. */
void __warn_flushing_systemwide_wq(void) __compiletime_warning("Please avoid flushing system-wide workqueues.");
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...) __printf(1, 4);
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *work, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
void __flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
int schedule_on_each_cpu(work_func_t func);
int execute_in_process_context(work_func_t fn, struct execute_work *ew);
bool current_is_workqueue_rescuer(void);
bool workqueue_congested(int cpu, struct workqueue_struct *wq);
EMU_END_DECLS

#define system_wq __emu_system_wq(0)
#define system_highpri_wq __emu_system_wq(1)
#define system_long_wq __emu_system_wq(2)
#define system_unbound_wq __emu_system_wq(3)
#define system_freezable_wq __emu_system_wq(4)
#define system_power_efficient_wq __emu_system_wq(5)
#define system_freezable_power_efficient_wq __emu_system_wq(6)

#define __WORK_INITIALIZER(n, f) { ATOMIC_LONG_INIT(WORK_STRUCT_NO_POOL), { &(n).entry, &(n).entry }, (f) }
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) \
        { __WORK_INITIALIZER((n).work, (f)), __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE), NULL, 0 }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)
#define INIT_WORK(_work, _func) __emu_init_work((_work), (_func))
#define INIT_WORK_ONSTACK INIT_WORK
#define PREPARE_WORK(_work, _func) do { (_work)->func = (_func); } while (0)
#define INIT_DELAYED_WORK(_work, _func) __emu_init_delayed_work((_work), (_func), 0)
#define INIT_DELAYED_WORK_ONSTACK INIT_DELAYED_WORK
#define INIT_DEFERRABLE_WORK(_work, _func) __emu_init_delayed_work((_work), (_func), TIMER_DEFERRABLE)
#define destroy_work_on_stack(work) do { (void)(work); } while (0)
#define destroy_delayed_work_on_stack(work) do { (void)(work); } while (0)
#define work_data_bits(work) ((unsigned long *)(&(work)->data.counter))
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))
#define delayed_work_pending(w) work_pending(&(w)->work)
#define to_delayed_work(w) container_of(w, struct delayed_work, work)
#define from_work(var, callback_work, work_fieldname) container_of(callback_work, __typeof__(*var), work_fieldname)

#define alloc_ordered_workqueue(fmt, flags, args...) \
        alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
        alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)
/* 6.1: flushing a system queue is only a build warning, and only for
 * flush_workqueue() of a queue the compiler can see is a system one;
 * flush_scheduled_work()'s warning call is dead code (nothing at all). */
#define flush_scheduled_work() \
({ \
	if (0) \
		__warn_flushing_systemwide_wq(); \
	__flush_workqueue(system_wq); \
})
#define __emu_is_system_wq(q, which) \
	(__builtin_constant_p((q) == __emu_system_wq(which)) && (q) == __emu_system_wq(which))
#define flush_workqueue(wq) \
({ \
	struct workqueue_struct *_wq = (wq); \
 \
	if (__emu_is_system_wq(_wq, 0) || __emu_is_system_wq(_wq, 1) || \
	    __emu_is_system_wq(_wq, 2) || __emu_is_system_wq(_wq, 3) || \
	    __emu_is_system_wq(_wq, 4) || __emu_is_system_wq(_wq, 5) || \
	    __emu_is_system_wq(_wq, 6)) \
		__warn_flushing_systemwide_wq(); \
	__flush_workqueue(_wq); \
})

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{ return queue_work_on(WORK_CPU_UNBOUND, wq, work); }
static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
static inline bool schedule_work_on(int cpu, struct work_struct *work) { return queue_work_on(cpu, system_wq, work); }
static inline bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }
static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(cpu, system_wq, dwork, delay); }
static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work(system_wq, dwork, delay); }
#endif
