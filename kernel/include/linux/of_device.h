#ifndef _LINUX_OF_DEVICE_H
#define _LINUX_OF_DEVICE_H
/* Device-tree matching of devices (6.1 include/linux/of_device.h) without
 * CONFIG_OF, as Debian's x86-64 build: nothing ever matches. */
#include "cpu.h"
#include "platform_device.h"
#include "of.h"
#include "mod_devicetable.h"

struct device;
struct kobj_uevent_env;
static inline int of_driver_match_device(struct device *dev, const struct device_driver *drv)
{ (void)dev; (void)drv; return 0; }
static inline void of_device_uevent(struct device *dev, struct kobj_uevent_env *env) { (void)dev; (void)env; }
static inline int of_device_modalias(struct device *dev, char *str, ssize_t len)
{ (void)dev; (void)str; (void)len; return -ENODEV; }
static inline int of_device_request_module(struct device *dev) { (void)dev; return -ENODEV; }
static inline int of_device_uevent_modalias(struct device *dev, struct kobj_uevent_env *env)
{ (void)dev; (void)env; return -ENODEV; }
static inline const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev)
{ (void)matches; (void)dev; return NULL; }
static inline struct device_node *of_cpu_device_node_get(int cpu) { (void)cpu; return NULL; }
static inline int of_dma_configure_id(struct device *dev, struct device_node *np, bool force_dma, const u32 *id)
{ (void)dev; (void)np; (void)force_dma; (void)id; return 0; }
static inline int of_dma_configure(struct device *dev, struct device_node *np, bool force_dma)
{ (void)dev; (void)np; (void)force_dma; return 0; }
/* linux/of_platform.h and property.h: no device tree, no match data. */
static inline const void *of_device_get_match_data(const struct device *dev) { (void)dev; return NULL; }
#endif
