#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H
#include "list.h"
#include "jiffies.h"
#include "lockdep.h"
#include "emu_old.h"

struct timer_list {
	/* What arming and expiry touch comes first, in 44 bytes (Linux's own
	 * timer_list is 40): a timer embedded anywhere then usually costs one
	 * cache line per operation, not two. */
	struct hlist_node entry;           /* pprev == NULL <=> not pending */
	unsigned long expires;
	void (*function)(struct timer_list *);
	/* lockdep_map: call_timer_fn() "holds" it around the callback, so lock
	 * reports taken inside a callback list ((&t)) as a held lock. The map's
	 * name lives in the key (64 bytes per timer, one cache line). */
	struct lock_class_key *lockdep_key;
	u32 flags;
	/* setup_timer()-era timers (removed in Linux 4.15, kept for old lab texts):
	 * function is NULL and legacy_function(data) is called instead. */
	void (*legacy_function)(unsigned long);
	unsigned long data;
};

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT 22
#define TIMER_ARRAYMASK 0xFFC00000
#define TIMER_TRACE_FLAGMASK (TIMER_MIGRATING | TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

#define __TIMER_INITIALIZER(_function, _flags) { { NULL, NULL }, 0, (_function), NULL, (_flags), NULL, 0 }
#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

EMU_BEGIN_DECLS
void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
                    const char *name, struct lock_class_key *key);
void __emu_setup_timer(struct timer_list *timer, void (*func)(unsigned long), unsigned long data, unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int __emu_timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
void destroy_timer_on_stack(struct timer_list *timer);
/* Declared in timer.h, as in 6.1 (not jiffies.h). */
unsigned long __round_jiffies(unsigned long j, int cpu);
unsigned long __round_jiffies_relative(unsigned long j, int cpu);
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long __round_jiffies_up(unsigned long j, int cpu);
unsigned long __round_jiffies_up_relative(unsigned long j, int cpu);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);
EMU_END_DECLS

#define timer_setup(timer, callback, flags) do { static struct lock_class_key __key; \
        init_timer_key((timer), (callback), (flags), #timer, &__key); } while (0)
#define timer_setup_on_stack timer_setup
#ifndef EMU_STRICT
/* Removed in 4.15: the callback now takes the timer_list (from_timer()). */
static inline __emu_not_in_6_1("setup_timer() was removed in 4.15: use timer_setup(timer, callback, 0) "
			       "and from_timer() in the callback")
void setup_timer(struct timer_list *timer, void (*fn)(unsigned long), unsigned long data)
{
	__emu_setup_timer(timer, fn, data, 0);
}
static inline __emu_not_in_6_1("init_timer() was removed in 4.15: use timer_setup(timer, callback, 0)")
void init_timer(struct timer_list *timer)
{
	__emu_setup_timer(timer, NULL, 0, 0);
}
#endif
#define from_timer(var, callback_timer, timer_fieldname) \
        container_of(callback_timer, __typeof__(*var), timer_fieldname)
#define timer_container_of from_timer
static inline int timer_pending(const struct timer_list *timer) { return !hlist_unhashed(&timer->entry); }
/* POSIX's timer_delete(timer_t) shares the name: C++ (the kernel, tests) says __emu_timer_delete. */
#ifndef __cplusplus
static inline int timer_delete(struct timer_list *timer) { return __emu_timer_delete(timer); }
#endif
static inline int del_timer(struct timer_list *timer) { return __emu_timer_delete(timer); }
static inline int del_timer_sync(struct timer_list *timer) { return timer_delete_sync(timer); }
static inline int del_singleshot_timer_sync(struct timer_list *timer) { return timer_delete_sync(timer); }
#endif
