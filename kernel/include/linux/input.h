#ifndef _INPUT_H
#define _INPUT_H
/* Input devices (6.1 include/linux/input.h). emu has no input core: a
 * driver's input_dev can be described (capability bits are plain bitmaps)
 * but not allocated or registered, so a module that does fails to load with
 * "Unknown symbol NAME" (input_allocate_device, input_register_device, ...). */
#include "../uapi/linux/input.h"
#include "types.h"
#include "bitops.h"
#include "device.h"
#include "fs.h"
#include "timer.h"
#include "ktime.h"
#include "mod_devicetable.h"

#define INPUT_CLK_REAL 0
#define INPUT_CLK_MONO 1
#define INPUT_CLK_BOOT 2
#define INPUT_CLK_MAX 3

struct input_value {
	__u16 type;
	__u16 code;
	__s32 value;
};
struct ff_device;
struct ff_effect;
struct input_mt;
struct input_dev_poller;
struct input_handler;

struct input_dev {
	const char *name;
	const char *phys;
	const char *uniq;
	struct input_id id;
	unsigned long propbit[BITS_TO_LONGS(INPUT_PROP_CNT)];
	unsigned long evbit[BITS_TO_LONGS(EV_CNT)];
	unsigned long keybit[BITS_TO_LONGS(KEY_CNT)];
	unsigned long relbit[BITS_TO_LONGS(REL_CNT)];
	unsigned long absbit[BITS_TO_LONGS(ABS_CNT)];
	unsigned long mscbit[BITS_TO_LONGS(MSC_CNT)];
	unsigned long ledbit[BITS_TO_LONGS(LED_CNT)];
	unsigned long sndbit[BITS_TO_LONGS(SND_CNT)];
	unsigned long ffbit[BITS_TO_LONGS(FF_CNT)];
	unsigned long swbit[BITS_TO_LONGS(SW_CNT)];
	unsigned int hint_events_per_packet;
	unsigned int keycodemax;
	unsigned int keycodesize;
	void *keycode;
	int (*setkeycode)(struct input_dev *dev, const struct input_keymap_entry *ke, unsigned int *old_keycode);
	int (*getkeycode)(struct input_dev *dev, struct input_keymap_entry *ke);
	struct ff_device *ff;
	struct input_dev_poller *poller;
	unsigned int repeat_key;
	struct timer_list timer;
	int rep[REP_CNT];
	struct input_mt *mt;
	struct input_absinfo *absinfo;
	unsigned long key[BITS_TO_LONGS(KEY_CNT)];
	unsigned long led[BITS_TO_LONGS(LED_CNT)];
	unsigned long snd[BITS_TO_LONGS(SND_CNT)];
	unsigned long sw[BITS_TO_LONGS(SW_CNT)];
	int (*open)(struct input_dev *dev);
	void (*close)(struct input_dev *dev);
	int (*flush)(struct input_dev *dev, struct file *file);
	int (*event)(struct input_dev *dev, unsigned int type, unsigned int code, int value);
	struct input_handle *grab;
	spinlock_t event_lock;
	struct mutex mutex;
	unsigned int users;
	bool going_away;
	struct device dev;
	struct list_head h_list;
	struct list_head node;
	unsigned int num_vals;
	unsigned int max_vals;
	struct input_value *vals;
	bool devres_managed;
	ktime_t timestamp[INPUT_CLK_MAX];
	bool inhibited;
};
#define to_input_dev(d) container_of(d, struct input_dev, dev)

struct input_handler {
	void *private;
	void (*event)(struct input_handle *handle, unsigned int type, unsigned int code, int value);
	void (*events)(struct input_handle *handle, const struct input_value *vals, unsigned int count);
	bool (*filter)(struct input_handle *handle, unsigned int type, unsigned int code, int value);
	bool (*match)(struct input_handler *handler, struct input_dev *dev);
	int (*connect)(struct input_handler *handler, struct input_dev *dev, const struct input_device_id *id);
	void (*disconnect)(struct input_handle *handle);
	void (*start)(struct input_handle *handle);
	bool legacy_minors;
	int minor;
	const char *name;
	const struct input_device_id *id_table;
	struct list_head h_list;
	struct list_head node;
};
struct input_handle {
	void *private;
	int open;
	const char *name;
	struct input_dev *dev;
	struct input_handler *handler;
	struct list_head d_node;
	struct list_head h_node;
};

EMU_BEGIN_DECLS
struct input_dev __must_check *input_allocate_device(void);
struct input_dev __must_check *devm_input_allocate_device(struct device *);
void input_free_device(struct input_dev *dev);
int __must_check input_register_device(struct input_dev *);
void input_unregister_device(struct input_dev *);
void input_reset_device(struct input_dev *);
int input_setup_polling(struct input_dev *dev, void (*poll_fn)(struct input_dev *dev));
void input_set_poll_interval(struct input_dev *dev, unsigned int interval);
int __must_check input_register_handler(struct input_handler *);
void input_unregister_handler(struct input_handler *);
int input_register_handle(struct input_handle *);
void input_unregister_handle(struct input_handle *);
int input_grab_device(struct input_handle *);
void input_release_device(struct input_handle *);
int input_open_device(struct input_handle *);
void input_close_device(struct input_handle *);
void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value);
void input_inject_event(struct input_handle *handle, unsigned int type, unsigned int code, int value);
void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code);
void input_alloc_absinfo(struct input_dev *dev);
void input_set_abs_params(struct input_dev *dev, unsigned int axis, int min, int max, int fuzz, int flat);
int input_get_keycode(struct input_dev *dev, struct input_keymap_entry *ke);
int input_set_keycode(struct input_dev *dev, const struct input_keymap_entry *ke);
void input_enable_softrepeat(struct input_dev *dev, int delay, int period);
int input_ff_create(struct input_dev *dev, unsigned int max_effects);
void input_ff_destroy(struct input_dev *dev);
EMU_END_DECLS

static inline struct input_dev *input_get_device(struct input_dev *dev)
{ return dev ? to_input_dev(get_device(&dev->dev)) : NULL; }
static inline void input_put_device(struct input_dev *dev) { if (dev) put_device(&dev->dev); }
static inline void *input_get_drvdata(struct input_dev *dev) { return dev_get_drvdata(&dev->dev); }
static inline void input_set_drvdata(struct input_dev *dev, void *data) { dev_set_drvdata(&dev->dev, data); }
static inline void input_report_key(struct input_dev *dev, unsigned int code, int value)
{ input_event(dev, EV_KEY, code, !!value); }
static inline void input_report_rel(struct input_dev *dev, unsigned int code, int value)
{ input_event(dev, EV_REL, code, value); }
static inline void input_report_abs(struct input_dev *dev, unsigned int code, int value)
{ input_event(dev, EV_ABS, code, value); }
static inline void input_report_ff_status(struct input_dev *dev, unsigned int code, int value)
{ input_event(dev, EV_FF_STATUS, code, value); }
static inline void input_report_switch(struct input_dev *dev, unsigned int code, int value)
{ input_event(dev, EV_SW, code, !!value); }
static inline void input_sync(struct input_dev *dev) { input_event(dev, EV_SYN, SYN_REPORT, 0); }
static inline void input_mt_sync(struct input_dev *dev) { input_event(dev, EV_SYN, SYN_MT_REPORT, 0); }
static inline void input_set_events_per_packet(struct input_dev *dev, int n_events)
{ dev->hint_events_per_packet = n_events; }
#endif
