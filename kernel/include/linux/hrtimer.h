#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H
/* High-resolution timers: the callback runs in hard IRQ context on the CPU
 * that started the timer, at the requested expiry (no wheel rounding). */
#include "ktime.h"
#include "timer.h"

enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = 0x02,
	HRTIMER_MODE_REL_PINNED = 0x03,
};
enum hrtimer_restart { HRTIMER_NORESTART, HRTIMER_RESTART };
#ifndef CLOCK_REALTIME
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_BOOTTIME 7
#endif
typedef int clockid_t_k;

struct hrtimer {
	void *emu_private[8];          /* the kernel's timer node */
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	int is_rel;
};

EMU_BEGIN_DECLS
void hrtimer_init(struct hrtimer *timer, int which_clock, enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
int hrtimer_active(const struct hrtimer *timer);
ktime_t hrtimer_cb_get_time(struct hrtimer *timer);
EMU_END_DECLS
static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{ hrtimer_start_range_ns(timer, tim, 0, mode); }
static inline u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{ return hrtimer_forward(timer, ktime_get(), interval); }
static inline int hrtimer_is_queued(struct hrtimer *timer) { return hrtimer_active(timer); }
static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer) { return timer->_softexpires; }
#endif
