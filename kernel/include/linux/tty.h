#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H
/* Terminals (6.1 include/linux/tty.h, tty_driver.h, tty_port.h, tty_flip.h).
 * emu's console is not a tty a module can reach: the structures build, and
 * the tty layer's calls are declared only, so a module using them fails to
 * load with "Unknown symbol NAME" (get_current_tty, tty_register_driver, ...). */
#include "types.h"
#include "kernel.h"
#include "fs.h"
#include "list.h"
#include "mutex.h"
#include "spinlock.h"
#include "wait.h"
#include "workqueue.h"
#include "kref.h"
#include "cdev.h"
#include "device.h"
#include "../uapi/linux/kd.h"

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;
#define NCCS 19
struct ktermios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

struct tty_struct;
struct tty_driver;
struct tty_ldisc;
struct seq_file;
struct serial_icounter_struct;
struct serial_struct;
struct tty_port_operations;

struct tty_operations {
	struct tty_struct *(*lookup)(struct tty_driver *driver, struct file *filp, int idx);
	int (*install)(struct tty_driver *driver, struct tty_struct *tty);
	void (*remove)(struct tty_driver *driver, struct tty_struct *tty);
	int (*open)(struct tty_struct *tty, struct file *filp);
	void (*close)(struct tty_struct *tty, struct file *filp);
	void (*shutdown)(struct tty_struct *tty);
	void (*cleanup)(struct tty_struct *tty);
	int (*write)(struct tty_struct *tty, const u8 *buf, int count);
	int (*put_char)(struct tty_struct *tty, unsigned char ch);
	void (*flush_chars)(struct tty_struct *tty);
	unsigned int (*write_room)(struct tty_struct *tty);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
	void (*throttle)(struct tty_struct *tty);
	void (*unthrottle)(struct tty_struct *tty);
	void (*stop)(struct tty_struct *tty);
	void (*start)(struct tty_struct *tty);
	void (*hangup)(struct tty_struct *tty);
	int (*break_ctl)(struct tty_struct *tty, int state);
	void (*flush_buffer)(struct tty_struct *tty);
	void (*wait_until_sent)(struct tty_struct *tty, int timeout);
	void (*send_xchar)(struct tty_struct *tty, char ch);
	int (*tiocmget)(struct tty_struct *tty);
	int (*tiocmset)(struct tty_struct *tty, unsigned int set, unsigned int clear);
	int (*resize)(struct tty_struct *tty, struct winsize *ws);
	int (*get_icount)(struct tty_struct *tty, struct serial_icounter_struct *icount);
	int (*get_serial)(struct tty_struct *tty, struct serial_struct *p);
	int (*set_serial)(struct tty_struct *tty, struct serial_struct *p);
	void (*show_fdinfo)(struct tty_struct *tty, struct seq_file *m);
	int (*proc_show)(struct seq_file *m, void *driver);
};

struct tty_driver {
	struct kref kref;
	struct cdev **cdevs;
	struct module *owner;
	const char *driver_name;
	const char *name;
	int name_base;
	int major;
	int minor_start;
	unsigned int num;
	short type;
	short subtype;
	struct ktermios init_termios;
	unsigned long flags;
	struct proc_dir_entry *proc_entry;
	struct tty_driver *other;
	struct tty_struct **ttys;
	struct tty_port **ports;
	struct ktermios **termios;
	void *driver_state;
	const struct tty_operations *ops;
	struct list_head tty_drivers;
};

struct tty_port {
	struct tty_struct *tty;
	struct tty_struct *itty;
	const struct tty_port_operations *ops;
	spinlock_t lock;
	int blocked_open;
	int count;
	wait_queue_head_t open_wait;
	wait_queue_head_t delta_msr_wait;
	unsigned long flags;
	unsigned long iflags;
	unsigned char console : 1;
	struct mutex mutex;
	struct mutex buf_mutex;
	unsigned char *xmit_buf;
	unsigned int close_delay;
	unsigned int closing_wait;
	int drain_delay;
	struct kref kref;
	void *client_data;
};
struct tty_port_operations {
	bool (*carrier_raised)(struct tty_port *port);
	void (*dtr_rts)(struct tty_port *port, bool active);
	void (*shutdown)(struct tty_port *port);
	int (*activate)(struct tty_port *port, struct tty_struct *tty);
	void (*destruct)(struct tty_port *port);
};

struct tty_struct {
	struct kref kref;
	struct device *dev;
	struct tty_driver *driver;
	const struct tty_operations *ops;
	int index;
	struct tty_ldisc *ldisc;
	struct mutex atomic_write_lock;
	struct mutex legacy_mutex;
	struct mutex throttle_mutex;
	struct mutex winsize_mutex;
	struct ktermios termios, termios_locked;
	char name[64];
	unsigned long flags;
	int count;
	struct winsize winsize;
	int hw_stopped;
	unsigned int receive_room;
	int flow_change;
	struct tty_struct *link;
	wait_queue_head_t write_wait;
	wait_queue_head_t read_wait;
	struct work_struct hangup_work;
	void *disc_data;
	void *driver_data;
	spinlock_t files_lock;
	struct list_head tty_files;
	int closing;
	unsigned char *write_buf;
	int write_cnt;
	struct work_struct SAK_work;
	struct tty_port *port;
};

#define TTY_DRIVER_INSTALLED 0x0001
#define TTY_DRIVER_RESET_TERMIOS 0x0002
#define TTY_DRIVER_REAL_RAW 0x0004
#define TTY_DRIVER_DYNAMIC_DEV 0x0008
#define TTY_DRIVER_DEVPTS_MEM 0x0010
#define TTY_DRIVER_HARDWARE_BREAK 0x0020
#define TTY_DRIVER_DYNAMIC_ALLOC 0x0040
#define TTY_DRIVER_UNNUMBERED_NODE 0x0080
#define TTY_DRIVER_TYPE_SYSTEM 0x0001
#define TTY_DRIVER_TYPE_CONSOLE 0x0002
#define TTY_DRIVER_TYPE_SERIAL 0x0003
#define TTY_DRIVER_TYPE_PTY 0x0004
#define TTY_DRIVER_TYPE_SCC 0x0005
#define TTY_DRIVER_TYPE_SYSCONS 0x0006
#define SYSTEM_TYPE_TTY 0x0001
#define SYSTEM_TYPE_CONSOLE 0x0002
#define SYSTEM_TYPE_SYSCONS 0x0003
#define SYSTEM_TYPE_SYSPTMX 0x0004
#define PTY_TYPE_MASTER 0x0001
#define PTY_TYPE_SLAVE 0x0002
#define SERIAL_TYPE_NORMAL 1
#define TTY_NORMAL 0
#define TTY_BREAK 1
#define TTY_FRAME 2
#define TTY_PARITY 3
#define TTY_OVERRUN 4

EMU_BEGIN_DECLS
extern struct ktermios tty_std_termios;
struct tty_struct *get_current_tty(void);
struct tty_driver *__tty_alloc_driver(unsigned int lines, struct module *owner, unsigned long flags);
void tty_driver_kref_put(struct tty_driver *driver);
int tty_register_driver(struct tty_driver *driver);
void tty_unregister_driver(struct tty_driver *driver);
struct device *tty_register_device(struct tty_driver *driver, unsigned index, struct device *dev);
void tty_unregister_device(struct tty_driver *driver, unsigned index);
void tty_port_init(struct tty_port *port);
void tty_port_destroy(struct tty_port *port);
struct device *tty_port_register_device(struct tty_port *port, struct tty_driver *driver, unsigned index,
                                        struct device *device);
void tty_port_link_device(struct tty_port *port, struct tty_driver *driver, unsigned index);
int tty_port_open(struct tty_port *port, struct tty_struct *tty, struct file *filp);
void tty_port_close(struct tty_port *port, struct tty_struct *tty, struct file *filp);
void tty_port_hangup(struct tty_port *port);
void tty_port_tty_hangup(struct tty_port *port, bool check_clocal);
int tty_insert_flip_string_fixed_flag(struct tty_port *port, const unsigned char *chars, char flag, size_t size);
int __tty_insert_flip_char(struct tty_port *port, unsigned char ch, char flag);
void tty_flip_buffer_push(struct tty_port *port);
unsigned int tty_write_room(struct tty_struct *tty);
void tty_hangup(struct tty_struct *tty);
void tty_vhangup(struct tty_struct *tty);
void tty_wakeup(struct tty_struct *tty);
speed_t tty_termios_baud_rate(const struct ktermios *termios);
void tty_kref_put(struct tty_struct *tty);
struct tty_struct *tty_kref_get(struct tty_struct *tty);
int tty_put_char(struct tty_struct *tty, unsigned char c);
EMU_END_DECLS

#define tty_alloc_driver(lines, flags) __tty_alloc_driver(lines, THIS_MODULE, flags)
static inline void tty_set_operations(struct tty_driver *driver, const struct tty_operations *op) { driver->ops = op; }
static inline int tty_insert_flip_char(struct tty_port *port, unsigned char ch, char flag)
{ return __tty_insert_flip_char(port, ch, flag); }
static inline int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size)
{ return tty_insert_flip_string_fixed_flag(port, chars, TTY_NORMAL, size); }
#endif
