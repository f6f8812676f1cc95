#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H
#include "types.h"
#include "limits.h"

/* HZ is a build-time constant for guest code, as for a real module; the
 * loader refuses a module built for another HZ than the machine runs. */
#ifndef CONFIG_HZ
#define CONFIG_HZ 250
#endif
#define HZ CONFIG_HZ
#define USER_HZ 100
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

EMU_BEGIN_DECLS
/* jiffies belongs to the machine running on this host thread; reading it is a
 * (cheap) kernel entry point so that code spinning on jiffies sees time pass. */
volatile unsigned long *__emu_jiffies(void);
u64 get_jiffies_64(void);
unsigned long __msecs_to_jiffies(const unsigned int m);
unsigned long __usecs_to_jiffies(const unsigned int u);
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
u64 jiffies_to_nsecs(const unsigned long j);
unsigned long nsecs_to_jiffies(u64 n);
u64 nsecs_to_jiffies64(u64 n);
EMU_END_DECLS

#ifndef EMU_KERNEL_INTERNAL
#define jiffies (*__emu_jiffies())
#define jiffies_64 ((u64)get_jiffies_64())
#endif

static inline unsigned long msecs_to_jiffies(const unsigned int m) { return __msecs_to_jiffies(m); }
static inline unsigned long usecs_to_jiffies(const unsigned int u) { return __usecs_to_jiffies(u); }
#define secs_to_jiffies(s) ((unsigned long)(s) * HZ)

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
#define time_after_eq64(a, b) ((s64)((a) - (b)) >= 0)
#define time_before_eq64(a, b) time_after_eq64(b, a)
#define time_in_range64(a, b, c) (time_after_eq64(a, b) && time_before_eq64(a, c))
#ifndef EMU_KERNEL_INTERNAL
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
#endif
#endif
