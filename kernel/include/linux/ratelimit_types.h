#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H
/* Rate limiting state (6.1 include/linux/ratelimit_types.h): at most `burst`
 * events per `interval` jiffies pass __ratelimit(); when a new interval
 * begins, "FUNC: N callbacks suppressed" reports what the last one dropped. */
#include "bits.h"
#include "jiffies.h"
#include "spinlock.h"

#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10
/* Report the suppressed count at ratelimit_state_exit() instead. */
#define RATELIMIT_MSG_ON_RELEASE BIT(0)

struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;       /* jiffies; 0 turns the limit off */
	int burst;
	int printed;
	int missed;
	unsigned long begin; /* jiffies at the start of this interval */
	unsigned long flags;
};

/* A state allowing `burst` events per `interval` jiffies (interval 0 = no
 * limit); the counters start at zero and `begin` is set on first use. */
#define RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, flags_init) \
	{ .lock = __RAW_SPIN_LOCK_UNLOCKED(name.lock), .interval = (interval_init), \
	  .burst = (burst_init), .flags = (flags_init) }
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, 0)
#define RATELIMIT_STATE_INIT_DISABLED RATELIMIT_STATE_INIT(ratelimit_state, 0, DEFAULT_RATELIMIT_BURST)
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

EMU_BEGIN_DECLS
/* 1: go ahead; 0: suppressed. `func` names the caller in the report. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
EMU_END_DECLS
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif
