#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H
/* Wait queues, with Linux's ___wait_event loop so that conditions are
 * re-checked after every wake-up and a wake-up between check and sleep is
 * never lost. */
#include "list.h"
#include "spinlock.h"
#include "task_state.h"

struct task_struct;
typedef struct wait_queue_entry wait_queue_entry_t;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry {
	unsigned int flags;
#ifdef __cplusplus
	void *private_;  /* `private` is a C++ keyword; same storage */
#else
	void *private;
#endif
	wait_queue_func_t func;
	struct list_head entry;
};
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

EMU_BEGIN_DECLS
struct task_struct *get_current(void);
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, struct lock_class_key *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);
void __might_sleep(const char *file, int line);
void schedule(void);
long schedule_timeout(long timeout);
int waitqueue_active(struct wait_queue_head *wq_head);
EMU_END_DECLS

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { __SPIN_LOCK_UNLOCKED(name.lock), { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define init_waitqueue_head(wq_head) do { static struct lock_class_key __key; \
        __init_waitqueue_head((wq_head), #wq_head, &__key); } while (0)
#define __WAITQUEUE_INITIALIZER(name, tsk) { 0, tsk, default_wake_function, { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)
#define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = { 0, get_current(), function, \
        { &(name).entry, &(name).entry } }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define init_wait(wait) init_wait_entry((wait), 0)
static inline int wq_has_sleeper(struct wait_queue_head *wq_head) { return waitqueue_active(wq_head); }

/* The wake_up*() family: which sleepers (TASK_NORMAL = interruptible and
 * uninterruptible ones), and how many exclusive waiters at most (0 = all);
 * the _poll forms pass the event mask as the key. */
#define __emu_wake_n(q, states, n) __wake_up((q), (states), (n), NULL)
#define __emu_wake_locked_n(q, n) __wake_up_locked((q), TASK_NORMAL, (n))
#define wake_up(x) __emu_wake_n(x, TASK_NORMAL, 1)
#define wake_up_nr(x, nr) __emu_wake_n(x, TASK_NORMAL, nr)
#define wake_up_all(x) __emu_wake_n(x, TASK_NORMAL, 0)
#define wake_up_locked(x) __emu_wake_locked_n(x, 1)
#define wake_up_all_locked(x) __emu_wake_locked_n(x, 0)
#define wake_up_interruptible(x) __emu_wake_n(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_nr(x, nr) __emu_wake_n(x, TASK_INTERRUPTIBLE, nr)
#define wake_up_interruptible_all(x) __emu_wake_n(x, TASK_INTERRUPTIBLE, 0)
#define wake_up_interruptible_sync(x) __emu_wake_n(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_poll(x, m) __wake_up((x), TASK_NORMAL, 1, (void *)(m))
#define wake_up_interruptible_poll(x, m) __wake_up((x), TASK_INTERRUPTIBLE, 1, (void *)(m))

#define ___wait_is_interruptible(state) \
        (__builtin_constant_p(state) ? ((state) == TASK_INTERRUPTIBLE || (state) == TASK_KILLABLE) : 1)
#define ___wait_cond_timeout(condition) ({ bool __cond = (condition); \
        if (__cond && !__ret) { __ret = 1; } __cond || !__ret; })

#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({ \
        __label__ __out; \
        struct wait_queue_entry __wq_entry; \
        long __ret = ret; \
        init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0); \
        for (;;) { \
                long __int = prepare_to_wait_event(&wq_head, &__wq_entry, state); \
                if (condition) \
                        break; \
                if (___wait_is_interruptible(state) && __int) { \
                        __ret = __int; \
                        goto __out; \
                } \
                cmd; \
        } \
        finish_wait(&wq_head, &__wq_entry); \
__out:  __ret; })

#define __wait_event(wq_head, condition) \
        (void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule())
#define wait_event(wq_head, condition) do { might_sleep(); if (condition) { break; } \
        __wait_event(wq_head, condition); } while (0)
#define __wait_event_idle(wq_head, condition) \
        (void)___wait_event(wq_head, condition, TASK_IDLE, 0, 0, schedule())
#define wait_event_idle(wq_head, condition) do { might_sleep(); if (!(condition)) { \
        __wait_event_idle(wq_head, condition); } } while (0)
#define __wait_event_interruptible(wq_head, condition) \
        ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())
#define wait_event_interruptible(wq_head, condition) ({ int __ret = 0; might_sleep(); \
        if (!(condition)) { __ret = __wait_event_interruptible(wq_head, condition); } __ret; })
#define __wait_event_killable(wq_head, condition) \
        ___wait_event(wq_head, condition, TASK_KILLABLE, 0, 0, schedule())
#define wait_event_killable(wq_head, condition) ({ int __ret = 0; might_sleep(); \
        if (!(condition)) { __ret = __wait_event_killable(wq_head, condition); } __ret; })
#define wait_event_interruptible_exclusive(wq_head, condition) ({ int __ret = 0; might_sleep(); \
        if (!(condition)) { __ret = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1, 0, schedule()); } __ret; })
#define __wait_event_timeout(wq_head, condition, timeout) \
        ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_UNINTERRUPTIBLE, 0, timeout, \
                      __ret = schedule_timeout(__ret))
#define wait_event_timeout(wq_head, condition, timeout) ({ long __ret = timeout; might_sleep(); \
        if (!___wait_cond_timeout(condition)) { __ret = __wait_event_timeout(wq_head, condition, timeout); } __ret; })
#define __wait_event_interruptible_timeout(wq_head, condition, timeout) \
        ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_INTERRUPTIBLE, 0, timeout, \
                      __ret = schedule_timeout(__ret))
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ long __ret = timeout; might_sleep(); \
        if (!___wait_cond_timeout(condition)) { \
                __ret = __wait_event_interruptible_timeout(wq_head, condition, timeout); } __ret; })
#define __wait_event_idle_timeout(wq_head, condition, timeout) \
        ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_IDLE, 0, timeout, \
                      __ret = schedule_timeout(__ret))
#define wait_event_idle_timeout(wq_head, condition, timeout) ({ long __ret = timeout; might_sleep(); \
        if (!___wait_cond_timeout(condition)) { __ret = __wait_event_idle_timeout(wq_head, condition, timeout); } __ret; })
#define __wait_event_killable_timeout(wq_head, condition, timeout) \
        ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_KILLABLE, 0, timeout, \
                      __ret = schedule_timeout(__ret))
#define wait_event_killable_timeout(wq_head, condition, timeout) ({ long __ret = timeout; might_sleep(); \
        if (!___wait_cond_timeout(condition)) { __ret = __wait_event_killable_timeout(wq_head, condition, timeout); } __ret; })
#endif
