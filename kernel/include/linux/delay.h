#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
#include "kernel.h"
#define MAX_UDELAY_MS 5
EMU_BEGIN_DECLS
/* Busy waits: advance the CPU clock in small interruptible steps, never sleep. */
void __udelay(unsigned long usecs);
void __ndelay(unsigned long nsecs);
void __mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
void fsleep(unsigned long usecs);
EMU_END_DECLS
#define udelay(n) __udelay(n)
#define ndelay(n) __ndelay(n)
#define mdelay(n) __mdelay(n)
static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
static inline void usleep_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 0x0002); }
static inline void usleep_idle_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 0x0402); }
#endif
