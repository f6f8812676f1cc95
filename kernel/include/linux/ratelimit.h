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

#define WARN_ON_RATELIMIT(condition, state) ({ \
		bool __rtn_cond = !!(condition); \
		WARN_ON(__rtn_cond && __ratelimit(state)); \
		__rtn_cond; })
#define WARN_RATELIMIT(condition, format, ...) ({ \
		static DEFINE_RATELIMIT_STATE(_rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST); \
		int rtn = !!(condition); \
		if (unlikely(rtn && __ratelimit(&_rs))) \
			WARN(rtn, format, ##__VA_ARGS__); \
		rtn; })

#endif
