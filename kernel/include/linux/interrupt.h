#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H
#include "emu_old.h"
#include "kernel.h"
#include "atomic.h"
#include "bitops.h"
#include "preempt.h"
#include "hardirq.h"
#include "bottom_half.h"
#include "irqflags.h"
#include "smp.h"
#include "sched.h" /* 6.1: through hardirq.h; code in handlers uses current */

/* ---- hard IRQs ---- */
enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1, IRQ_WAKE_THREAD = 2 };
typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
typedef irqreturn_t (*irq_handler_t)(int, void *);

#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_SHARED 0x00000080
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_TIMER 0x00000200

EMU_BEGIN_DECLS
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
                         const char *name, void *dev);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
EMU_END_DECLS
static inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{ return request_threaded_irq(irq, handler, NULL, flags, name, dev); }

/* ---- softirqs ---- */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};
struct softirq_action { void (*action)(struct softirq_action *); };

EMU_BEGIN_DECLS
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);
unsigned int __emu_local_softirq_pending(void);
void do_softirq(void);
void open_softirq(int nr, void (*action)(struct softirq_action *));
EMU_END_DECLS
#define local_softirq_pending() __emu_local_softirq_pending()

/* ---- tasklets ---- */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};
enum { TASKLET_STATE_SCHED, TASKLET_STATE_RUN };

#define __EMU_TASKLET_INIT_CB(name, _callback, _count) \
        { NULL, 0, ATOMIC_INIT(_count), true, { .callback = (_callback) }, 0 }
#define __EMU_TASKLET_INIT_FN(name, _func, _data, _count) \
        { NULL, 0, ATOMIC_INIT(_count), false, { .func = (_func) }, (unsigned long)(_data) }
#define __EMU_DECLARE_TASKLET_2(name, _callback) struct tasklet_struct name = __EMU_TASKLET_INIT_CB(name, _callback, 0)
#define __EMU_DECLARE_TASKLET_3(name, _func, _data) \
        struct tasklet_struct name = __EMU_TASKLET_INIT_FN(name, _func, _data, 0)
#define __EMU_DECLARE_TASKLET_DISABLED_2(name, _callback) \
        struct tasklet_struct name = __EMU_TASKLET_INIT_CB(name, _callback, 1)
#define __EMU_DECLARE_TASKLET_DISABLED_3(name, _func, _data) \
        struct tasklet_struct name = __EMU_TASKLET_INIT_FN(name, _func, _data, 1)
#ifdef EMU_STRICT
/* 6.1's: since 5.9 DECLARE_TASKLET takes the tasklet_struct callback. */
#define DECLARE_TASKLET(name, _callback) __EMU_DECLARE_TASKLET_2(name, _callback)
#define DECLARE_TASKLET_DISABLED(name, _callback) __EMU_DECLARE_TASKLET_DISABLED_2(name, _callback)
#else
/* Also the pre-5.9 form (name, func, data), with a warning: 6.1 rejects it. */
#define __EMU_PICK_3RD(_1, _2, _3, NAME, ...) NAME
#define __EMU_DECLARE_TASKLET_OLD3(name, _func, _data) \
	__emu_warn_not_in_6_1("DECLARE_TASKLET(name, func, data) is the pre-5.9 form; 6.1's takes (name, callback): use DECLARE_TASKLET(name, callback) with from_tasklet(), or DECLARE_TASKLET_OLD(name, func) (data 0)") \
	__EMU_DECLARE_TASKLET_3(name, _func, _data)
#define __EMU_DECLARE_TASKLET_DISABLED_OLD3(name, _func, _data) \
	__emu_warn_not_in_6_1("DECLARE_TASKLET_DISABLED(name, func, data) is the pre-5.9 form; 6.1's takes (name, callback): use DECLARE_TASKLET_DISABLED(name, callback), or DECLARE_TASKLET_DISABLED_OLD(name, func) (data 0)") \
	__EMU_DECLARE_TASKLET_DISABLED_3(name, _func, _data)
#define DECLARE_TASKLET(...) \
        __EMU_PICK_3RD(__VA_ARGS__, __EMU_DECLARE_TASKLET_OLD3, __EMU_DECLARE_TASKLET_2, ~)(__VA_ARGS__)
#define DECLARE_TASKLET_DISABLED(...) \
        __EMU_PICK_3RD(__VA_ARGS__, __EMU_DECLARE_TASKLET_DISABLED_OLD3, __EMU_DECLARE_TASKLET_DISABLED_2, ~)(__VA_ARGS__)
#endif
#define DECLARE_TASKLET_OLD(name, _func) __EMU_DECLARE_TASKLET_3(name, _func, 0)
#define DECLARE_TASKLET_DISABLED_OLD(name, _func) __EMU_DECLARE_TASKLET_DISABLED_3(name, _func, 0)
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
        container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

EMU_BEGIN_DECLS
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_kill(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);
void tasklet_unlock_spin_wait(struct tasklet_struct *t);
EMU_END_DECLS

static inline void tasklet_schedule(struct tasklet_struct *t)
{ if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) __tasklet_schedule(t); }
static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{ if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) __tasklet_hi_schedule(t); }
static inline void tasklet_disable_nosync(struct tasklet_struct *t) { atomic_inc(&t->count); smp_mb__after_atomic(); }
static inline void tasklet_disable_in_atomic(struct tasklet_struct *t)
{ tasklet_disable_nosync(t); tasklet_unlock_spin_wait(t); smp_mb(); }
static inline void tasklet_disable(struct tasklet_struct *t) { tasklet_disable_nosync(t); tasklet_unlock_wait(t); smp_mb(); }
static inline void tasklet_enable(struct tasklet_struct *t) { smp_mb__before_atomic(); atomic_dec(&t->count); }
static inline int tasklet_trylock(struct tasklet_struct *t) { return !test_and_set_bit(TASKLET_STATE_RUN, &t->state); }
static inline void tasklet_unlock(struct tasklet_struct *t) { smp_mb__before_atomic(); clear_bit(TASKLET_STATE_RUN, &t->state); }
#endif
