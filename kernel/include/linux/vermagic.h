#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H
/* The version magic modpost's NAME.mod.c records and insmod compares with
 * the running kernel's. emu's includes the HZ a module was built for, since
 * HZ is compiled into modules (jiffies arithmetic) but chosen per run. */
#include <generated/utsrelease.h>
#include <linux/stringify.h>
#define VERMAGIC_STRING UTS_RELEASE " SMP mod_unload hz=" __stringify(CONFIG_HZ)
#endif
