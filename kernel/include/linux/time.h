#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H
/* <linux/time.h>: the time types and conversions (timespec64, NSEC_PER_SEC,
 * ktime) and, as modules expect through it, jiffies. Without this header a
 * module's #include <linux/time.h> would find the host's uapi header. */
#include "types.h"
#include "ktime.h"
#include "jiffies.h"

#endif
