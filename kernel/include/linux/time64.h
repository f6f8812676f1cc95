#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H
/* 6.1's 64-bit time types: seconds as time64_t, a timespec64 that cannot
 * overflow in 2038, and the unit constants (vdso/time64.h on 6.1). */
#include "types.h"
#include "math64.h"

typedef s64 time64_t;
typedef u64 timeu64_t;

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define PSEC_PER_SEC 1000000000000LL
#define FSEC_PER_SEC 1000000000000000LL
#define PSEC_PER_NSEC 1000L

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

#define TIME64_MAX ((s64)~((u64)1 << 63))
#define TIME64_MIN (-TIME64_MAX - 1)
#define KTIME_MAX ((s64)~((u64)1 << 63))
#define KTIME_MIN (-KTIME_MAX - 1)
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)
#define KTIME_SEC_MIN (KTIME_MIN / NSEC_PER_SEC)

static inline int timespec64_equal(const struct timespec64 *a, const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* <0, 0 or >0 as lhs is before, equal to or after rhs. */
static inline int timespec64_compare(const struct timespec64 *lhs, const struct timespec64 *rhs)
{
	if (lhs->tv_sec != rhs->tv_sec)
		return lhs->tv_sec < rhs->tv_sec ? -1 : 1;
	return (int)(lhs->tv_nsec - rhs->tv_nsec);
}

EMU_BEGIN_DECLS
void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec);
struct timespec64 ns_to_timespec64(s64 nsec);
struct timespec64 timespec64_add_safe(const struct timespec64 lhs, const struct timespec64 rhs);
EMU_END_DECLS

static inline struct timespec64 timespec64_add(struct timespec64 lhs, struct timespec64 rhs)
{
	struct timespec64 r;
	set_normalized_timespec64(&r, lhs.tv_sec + rhs.tv_sec, lhs.tv_nsec + rhs.tv_nsec);
	return r;
}

static inline struct timespec64 timespec64_sub(struct timespec64 lhs, struct timespec64 rhs)
{
	struct timespec64 r;
	set_normalized_timespec64(&r, lhs.tv_sec - rhs.tv_sec, lhs.tv_nsec - rhs.tv_nsec);
	return r;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

static inline bool timespec64_valid_strict(const struct timespec64 *ts)
{
	return timespec64_valid(ts) && ts->tv_sec < KTIME_SEC_MAX;
}

/* Saturates at KTIME_MAX / KTIME_MIN as 6.1 does. */
static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= KTIME_SEC_MIN)
		return KTIME_MIN;
	return ((s64)ts->tv_sec * NSEC_PER_SEC) + ts->tv_nsec;
}

static inline void timespec64_add_ns(struct timespec64 *a, u64 ns)
{
	u64 total = (u64)a->tv_nsec + ns;
	a->tv_sec += (time64_t)(total / NSEC_PER_SEC);
	a->tv_nsec = (long)(total % NSEC_PER_SEC);
}
#endif
