#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H
/* 6.1 include/linux/ratelimit.h: run-time set-up of a ratelimit_state, and
 * ratelimited WARNs. */
#include "ratelimit_types.h"
#include "sched.h"
#include "spinlock.h"
#include "bug.h"
#include "printk.h"

static inline void ratelimit_state_init(struct ratelimit_state *rs, int interval, int burst)
{
	__builtin_memset(rs, 0, sizeof(*rs));
	raw_spin_lock_init(&rs->lock);
	rs->interval = interval;
	rs->burst = burst;
}
static inline void ratelimit_default_init(struct ratelimit_state *rs)
{
	ratelimit_state_init(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
}
/* With RATELIMIT_MSG_ON_RELEASE: the suppressed count, reported once at the end. */
static inline void ratelimit_state_exit(struct ratelimit_state *rs)
{
	if (!(rs->flags & RATELIMIT_MSG_ON_RELEASE))
		return;
	if (rs->missed) {
		pr_warn("%s: %d output lines suppressed due to ratelimiting\n", get_current()->comm, rs->missed);
		rs->missed = 0;
	}
}
static inline void ratelimit_set_flags(struct ratelimit_state *rs, unsigned long flags) { rs->flags = flags; }

EMU_BEGIN_DECLS
extern struct ratelimit_state printk_ratelimit_state;
EMU_END_DECLS

/* Both evaluate to the condition; only the warning itself is rate limited
 * (the limiter is consulted only when the condition holds). */
#define WARN_ON_RATELIMIT(condition, state) ({ \
		bool __emu_wc = (condition) != 0; \
		WARN_ON(__emu_wc ? __ratelimit(state) : 0); \
		__emu_wc; })
#define WARN_RATELIMIT(condition, format, ...) ({ \
		static DEFINE_RATELIMIT_STATE(__emu_wrs, DEFAULT_RATELIMIT_INTERVAL, \
					      DEFAULT_RATELIMIT_BURST); \
		int __emu_wc = (condition) != 0; \
		if (unlikely(__emu_wc) && __ratelimit(&__emu_wrs)) \
			WARN(1, format, ##__VA_ARGS__); \
		__emu_wc; })

#endif
