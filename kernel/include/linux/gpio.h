#ifndef __LINUX_GPIO_H
#define __LINUX_GPIO_H
/* The legacy integer GPIO interface (6.1 include/linux/gpio.h with
 * CONFIG_GPIOLIB, as Debian's 6.1). Flags and struct gpio are 6.1's; the
 * calls reach gpiolib, which emu does not model yet: a module using them
 * fails to load with "Unknown symbol NAME" (gpio_request, gpio_to_desc, ...),
 * never a crash. */
#include "errno.h"
#include "../asm-generic/gpio.h"

#define GPIOF_DIR_OUT (0 << 0)
#define GPIOF_DIR_IN (1 << 0)
#define GPIOF_INIT_LOW (0 << 1)
#define GPIOF_INIT_HIGH (1 << 1)
#define GPIOF_IN (GPIOF_DIR_IN)
#define GPIOF_OUT_INIT_LOW (GPIOF_DIR_OUT | GPIOF_INIT_LOW)
#define GPIOF_OUT_INIT_HIGH (GPIOF_DIR_OUT | GPIOF_INIT_HIGH)
#define GPIOF_ACTIVE_LOW (1 << 2)
#define GPIOF_OPEN_DRAIN (1 << 3)
#define GPIOF_OPEN_SOURCE (1 << 4)
#define GPIOF_EXPORT (1 << 5)
#define GPIOF_EXPORT_CHANGEABLE (1 << 6)
#define GPIOF_EXPORT_DIR_FIXED (GPIOF_EXPORT)
#define GPIOF_EXPORT_DIR_CHANGEABLE (GPIOF_EXPORT | GPIOF_EXPORT_CHANGEABLE)

/* One GPIO of an array for gpio_request_array(). */
struct gpio {
	unsigned gpio;
	unsigned long flags;
	const char *label;
};

static inline int gpio_get_value(unsigned int gpio) { return __gpio_get_value(gpio); }
static inline void gpio_set_value(unsigned int gpio, int value) { __gpio_set_value(gpio, value); }
static inline int gpio_cansleep(unsigned int gpio) { return __gpio_cansleep(gpio); }
static inline int gpio_to_irq(unsigned int gpio) { return __gpio_to_irq(gpio); }
static inline int irq_to_gpio(unsigned int irq) { (void)irq; return -EINVAL; }

struct device;
EMU_BEGIN_DECLS
int devm_gpio_request(struct device *dev, unsigned gpio, const char *label);
int devm_gpio_request_one(struct device *dev, unsigned gpio, unsigned long flags, const char *label);
EMU_END_DECLS
#endif
