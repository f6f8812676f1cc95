#ifndef _ASM_GENERIC_GPIO_H
#define _ASM_GENERIC_GPIO_H
/* The legacy integer GPIO calls over gpiolib (6.1 include/asm-generic/gpio.h,
 * CONFIG_GPIOLIB): most are inline over the descriptor calls of
 * <linux/gpio/consumer.h>, as on 6.1, so a module needs the same symbols
 * (gpio_request, gpio_to_desc, gpiod_get_raw_value, ...). */
#include "../linux/types.h"
#include "../linux/errno.h"
#include "../linux/compiler.h"
#include "../linux/gpio/consumer.h"

#define ARCH_NR_GPIOS 512

struct device;
struct gpio;
struct gpio_chip;

static inline bool gpio_is_valid(int number) { return number >= 0 && number < ARCH_NR_GPIOS; }

EMU_BEGIN_DECLS
struct gpio_chip *gpiod_to_chip(const struct gpio_desc *desc);
int gpio_request(unsigned gpio, const char *label);
void gpio_free(unsigned gpio);
int gpio_request_one(unsigned gpio, unsigned long flags, const char *label);
int gpio_request_array(const struct gpio *array, size_t num);
void gpio_free_array(const struct gpio *array, size_t num);
EMU_END_DECLS

static inline struct gpio_chip *gpio_to_chip(unsigned gpio) { return gpiod_to_chip(gpio_to_desc(gpio)); }
static inline int gpio_direction_input(unsigned gpio) { return gpiod_direction_input(gpio_to_desc(gpio)); }
static inline int gpio_direction_output(unsigned gpio, int value)
{ return gpiod_direction_output_raw(gpio_to_desc(gpio), value); }
static inline int gpio_set_debounce(unsigned gpio, unsigned debounce)
{ return gpiod_set_debounce(gpio_to_desc(gpio), debounce); }
static inline int gpio_get_value_cansleep(unsigned gpio) { return gpiod_get_raw_value_cansleep(gpio_to_desc(gpio)); }
static inline void gpio_set_value_cansleep(unsigned gpio, int value)
{ gpiod_set_raw_value_cansleep(gpio_to_desc(gpio), value); }
static inline int __gpio_get_value(unsigned gpio) { return gpiod_get_raw_value(gpio_to_desc(gpio)); }
static inline void __gpio_set_value(unsigned gpio, int value) { gpiod_set_raw_value(gpio_to_desc(gpio), value); }
static inline int __gpio_cansleep(unsigned gpio) { return gpiod_cansleep(gpio_to_desc(gpio)); }
static inline int __gpio_to_irq(unsigned gpio) { return gpiod_to_irq(gpio_to_desc(gpio)); }
static inline int gpio_export(unsigned gpio, bool direction_may_change)
{ return gpiod_export(gpio_to_desc(gpio), direction_may_change); }
static inline int gpio_export_link(struct device *dev, const char *name, unsigned gpio)
{ return gpiod_export_link(dev, name, gpio_to_desc(gpio)); }
static inline void gpio_unexport(unsigned gpio) { gpiod_unexport(gpio_to_desc(gpio)); }
#endif
