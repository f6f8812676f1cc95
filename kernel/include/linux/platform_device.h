#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_
/* Platform devices and drivers (6.1 include/linux/platform_device.h). emu
 * has no platform bus: registering a platform device or driver is declared
 * only, so a module that does fails to load with "Unknown symbol NAME" (for
 * platform_driver_register(), 6.1's __platform_driver_register). */
#include "device.h"
#include "mod_devicetable.h"
#include "ioport.h"
#include "pm.h"

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)

struct irq_affinity;
struct mfd_cell;
struct property_entry;
struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};
struct pdev_archdata { };

struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u64 platform_dma_mask;
	struct device_dma_parameters dma_parms;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
	struct mfd_cell *mfd_cell;
	struct pdev_archdata archdata;
};

#define platform_get_device_id(pdev) ((pdev)->id_entry)
#define dev_is_platform(dev) ((dev)->bus == &platform_bus_type)
#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_device_info {
	struct device *parent;
	struct fwnode_handle *fwnode;
	bool of_node_reused;
	const char *name;
	int id;
	const struct resource *res;
	unsigned int num_res;
	const void *data;
	size_t size_data;
	u64 dma_mask;
	const struct property_entry *properties;
};

struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	void (*remove_new)(struct platform_device *);
	void (*shutdown)(struct platform_device *);
	int (*suspend)(struct platform_device *, pm_message_t state);
	int (*resume)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};
#define to_platform_driver(drv) (container_of((drv), struct platform_driver, driver))

EMU_BEGIN_DECLS
extern struct bus_type platform_bus_type;
extern struct device platform_bus;
int platform_device_register(struct platform_device *);
void platform_device_unregister(struct platform_device *);
struct resource *platform_get_resource(struct platform_device *, unsigned int, unsigned int);
struct resource *platform_get_mem_or_io(struct platform_device *, unsigned int);
struct resource *platform_get_resource_byname(struct platform_device *, unsigned int, const char *);
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
                                                     struct resource **res);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void __iomem *devm_platform_ioremap_resource_byname(struct platform_device *pdev, const char *name);
int platform_get_irq(struct platform_device *, unsigned int);
int platform_get_irq_optional(struct platform_device *, unsigned int);
int platform_irq_count(struct platform_device *);
int platform_get_irq_byname(struct platform_device *, const char *);
int platform_get_irq_byname_optional(struct platform_device *dev, const char *name);
int platform_add_devices(struct platform_device **, int);
struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int __platform_driver_register(struct platform_driver *, struct module *);
void platform_driver_unregister(struct platform_driver *);
int __platform_driver_probe(struct platform_driver *driver, int (*probe)(struct platform_device *),
                            struct module *module);
struct platform_device *__platform_create_bundle(struct platform_driver *driver,
                                                 int (*probe)(struct platform_device *), struct resource *res,
                                                 unsigned int n_res, const void *data, size_t size,
                                                 struct module *module);
int __platform_register_drivers(struct platform_driver *const *drivers, unsigned int count, struct module *owner);
void platform_unregister_drivers(struct platform_driver *const *drivers, unsigned int count);
EMU_END_DECLS

static inline struct platform_device *platform_device_register_resndata(struct device *parent, const char *name,
                                                                        int id, const struct resource *res,
                                                                        unsigned int num, const void *data,
                                                                        size_t size)
{
	struct platform_device_info pdevinfo = {
		.parent = parent, .name = name, .id = id, .res = res, .num_res = num, .data = data,
		.size_data = size, .dma_mask = 0,
	};
	return platform_device_register_full(&pdevinfo);
}
static inline struct platform_device *platform_device_register_simple(const char *name, int id,
                                                                      const struct resource *res, unsigned int num)
{ return platform_device_register_resndata(NULL, name, id, res, num, NULL, 0); }
static inline struct platform_device *platform_device_register_data(struct device *parent, const char *name, int id,
                                                                    const void *data, size_t size)
{ return platform_device_register_resndata(parent, name, id, NULL, 0, data, size); }
static inline void *platform_get_drvdata(const struct platform_device *pdev) { return dev_get_drvdata(&pdev->dev); }
static inline void platform_set_drvdata(struct platform_device *pdev, void *data) { dev_set_drvdata(&pdev->dev, data); }

#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
#define platform_driver_probe(drv, probe) __platform_driver_probe(drv, probe, THIS_MODULE)
#define platform_create_bundle(driver, probe, res, n_res, data, size) \
	__platform_create_bundle(driver, probe, res, n_res, data, size, THIS_MODULE)
#define platform_register_drivers(drivers, count) __platform_register_drivers(drivers, count, THIS_MODULE)

/* device/driver.h's module_driver(): an init and an exit that register and unregister. */
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
/* For devices that exist at load time only: probe() runs once, in init. */
#define module_platform_driver_probe(drv, probe_fn) \
	static int __init drv##_init(void) { return platform_driver_probe(&(drv), probe_fn); } \
	static void __exit drv##_exit(void) { platform_driver_unregister(&(drv)); } \
	module_init(drv##_init); \
	module_exit(drv##_exit);
#endif
