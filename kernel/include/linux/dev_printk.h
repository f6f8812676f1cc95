#ifndef _DEVICE_PRINTK_H_
#define _DEVICE_PRINTK_H_
/* Messages about a device (6.1 include/linux/dev_printk.h, drivers/base/core.c):
 * "DRIVER NAME: message", where DRIVER is the bound driver's name, else the
 * bus's, else the class's, else empty; a NULL device prints
 * "(NULL device *): message". dev_dbg() prints only with DEBUG defined. */
#include "compiler.h"
#include "types.h"
#include "printk.h"
#include "ratelimit.h"
#include <stdarg.h>

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

struct device;

/* 6.1 marks these __cold; the attribute is spelled out for the C++ side too. */
EMU_BEGIN_DECLS
__printf(3, 0) __attribute__((__cold__)) int dev_vprintk_emit(int level, const struct device *dev, const char *fmt, va_list args);
__printf(3, 4) int dev_printk_emit(int level, const struct device *dev, const char *fmt, ...);
__printf(3, 4) void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
EMU_END_DECLS

#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) _dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) _dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)

/* Type-checked but never printed unless DEBUG (no dynamic debug in emu). */
#define dev_no_printk(level, dev, fmt, ...) \
	({ if (0) _dev_printk(level, dev, fmt, ##__VA_ARGS__); 0; })

#ifdef DEBUG
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...) dev_no_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#endif

#ifdef VERBOSE_DEBUG
#define dev_vdbg dev_dbg
#else
#define dev_vdbg(dev, fmt, ...) dev_no_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#endif

/* Once per call site. */
#define dev_level_once(dev_level, dev, fmt, ...) \
	do { \
		static bool __emu_dev_done; \
		if (__emu_dev_done) \
			break; \
		__emu_dev_done = true; \
		dev_level(dev, fmt, ##__VA_ARGS__); \
	} while (0)
#define dev_emerg_once(dev, fmt, ...) dev_level_once(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_once(dev, fmt, ...) dev_level_once(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_once(dev, fmt, ...) dev_level_once(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_once(dev, fmt, ...) dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_once(dev, fmt, ...) dev_level_once(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...) dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)

/* At most DEFAULT_RATELIMIT_BURST messages per DEFAULT_RATELIMIT_INTERVAL, per call site. */
#define dev_level_ratelimited(dev_level, dev, fmt, ...) \
do { \
	static DEFINE_RATELIMIT_STATE(_rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST); \
	if (__ratelimit(&_rs)) \
		dev_level(dev, fmt, ##__VA_ARGS__); \
} while (0)
#define dev_emerg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_dbg, dev, fmt, ##__VA_ARGS__)

#define dev_WARN(dev, format, arg...) \
	WARN(1, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)
#define dev_WARN_ONCE(dev, condition, format, arg...) \
	WARN_ONCE(condition, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)

#endif
