#ifndef _LINUX_UNISTD_H_
#define _LINUX_UNISTD_H_
/* 6.1 include/linux/unistd.h: the architecture's system call numbers. */
#include "../asm/unistd.h"
#endif
