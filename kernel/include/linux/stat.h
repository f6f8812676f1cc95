#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H
/* The kernel's shorthands for permission sets (6.1 include/linux/stat.h):
 * S_IRUGO is "readable by user, group and others", 0444. */
#include "../uapi/linux/stat.h"

#define S_IRWXUGO (S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO (S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO (S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO (S_IXUSR | S_IXGRP | S_IXOTH)

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#endif
