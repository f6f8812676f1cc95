#ifndef __LINUX_USB_H
#define __LINUX_USB_H
/* USB drivers (6.1 include/linux/usb.h). emu's machine has no USB host:
 * a driver's usb_driver, ID table and URBs build, and the USB core's calls
 * are declared only, so a module using them fails to load with "Unknown
 * symbol NAME" (usb_register_driver, usb_submit_urb, usb_control_msg, ...). */
#include "mod_devicetable.h"
#include "device.h"
#include "fs.h"
#include "completion.h"
#include "pm.h"
#include "kref.h"

#define USB_DIR_OUT 0
#define USB_DIR_IN 0x80
#define USB_TYPE_MASK (0x03 << 5)
#define USB_TYPE_STANDARD (0x00 << 5)
#define USB_TYPE_CLASS (0x01 << 5)
#define USB_TYPE_VENDOR (0x02 << 5)
#define USB_RECIP_DEVICE 0x00
#define USB_RECIP_INTERFACE 0x01
#define USB_RECIP_ENDPOINT 0x02
#define USB_ENDPOINT_XFER_CONTROL 0
#define USB_ENDPOINT_XFER_ISOC 1
#define USB_ENDPOINT_XFER_BULK 2
#define USB_ENDPOINT_XFER_INT 3
#define USB_ENDPOINT_DIR_MASK 0x80
#define USB_ENDPOINT_XFERTYPE_MASK 0x03
#define USB_CTRL_GET_TIMEOUT 5000
#define USB_CTRL_SET_TIMEOUT 5000
#define PIPE_ISOCHRONOUS 0
#define PIPE_INTERRUPT 1
#define PIPE_CONTROL 2
#define PIPE_BULK 3
#define URB_SHORT_NOT_OK 0x0001
#define URB_ISO_ASAP 0x0002
#define URB_NO_TRANSFER_DMA_MAP 0x0004
#define URB_ZERO_PACKET 0x0040
#define URB_NO_INTERRUPT 0x0080
#define USB_DEVICE_ID_MATCH_DEVICE (USB_DEVICE_ID_MATCH_VENDOR | USB_DEVICE_ID_MATCH_PRODUCT)
#define USB_DEVICE_ID_MATCH_INT_INFO \
	(USB_DEVICE_ID_MATCH_INT_CLASS | USB_DEVICE_ID_MATCH_INT_SUBCLASS | USB_DEVICE_ID_MATCH_INT_PROTOCOL)

enum usb_device_speed {
	USB_SPEED_UNKNOWN = 0,
	USB_SPEED_LOW, USB_SPEED_FULL,
	USB_SPEED_HIGH,
	USB_SPEED_WIRELESS,
	USB_SPEED_SUPER,
	USB_SPEED_SUPER_PLUS,
};

struct usb_endpoint_descriptor {
	__u8 bLength;
	__u8 bDescriptorType;
	__u8 bEndpointAddress;
	__u8 bmAttributes;
	__u16 wMaxPacketSize;
	__u8 bInterval;
	__u8 bRefresh;
	__u8 bSynchAddress;
} __attribute__((packed));
struct usb_interface_descriptor {
	__u8 bLength;
	__u8 bDescriptorType;
	__u8 bInterfaceNumber;
	__u8 bAlternateSetting;
	__u8 bNumEndpoints;
	__u8 bInterfaceClass;
	__u8 bInterfaceSubClass;
	__u8 bInterfaceProtocol;
	__u8 iInterface;
} __attribute__((packed));
struct usb_device_descriptor {
	__u8 bLength;
	__u8 bDescriptorType;
	__u16 bcdUSB;
	__u8 bDeviceClass;
	__u8 bDeviceSubClass;
	__u8 bDeviceProtocol;
	__u8 bMaxPacketSize0;
	__u16 idVendor;
	__u16 idProduct;
	__u16 bcdDevice;
	__u8 iManufacturer;
	__u8 iProduct;
	__u8 iSerialNumber;
	__u8 bNumConfigurations;
} __attribute__((packed));

struct usb_host_endpoint {
	struct usb_endpoint_descriptor desc;
	unsigned char *extra;
	int extralen;
	int enabled;
};
struct usb_host_interface {
	struct usb_interface_descriptor desc;
	int extralen;
	unsigned char *extra;
	struct usb_host_endpoint *endpoint;
	char *string;
};
struct usb_interface {
	struct usb_host_interface *altsetting;
	struct usb_host_interface *cur_altsetting;
	unsigned num_altsetting;
	int minor;
	struct device dev;
	struct device *usb_dev;
};
#define to_usb_interface(d) container_of(d, struct usb_interface, dev)
struct usb_device {
	int devnum;
	char devpath[16];
	u32 route;
	enum usb_device_speed speed;
	struct usb_device *parent;
	struct usb_device_descriptor descriptor;
	struct device dev;
	char *product;
	char *manufacturer;
	char *serial;
};
#define to_usb_device(d) container_of(d, struct usb_device, dev)
static inline struct usb_device *interface_to_usbdev(struct usb_interface *intf)
{ return to_usb_device(intf->dev.parent); }
static inline void *usb_get_intfdata(struct usb_interface *intf) { return dev_get_drvdata(&intf->dev); }
static inline void usb_set_intfdata(struct usb_interface *intf, void *data) { dev_set_drvdata(&intf->dev, data); }

struct usb_dynids { spinlock_t lock; struct list_head list; };
struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	int (*unlocked_ioctl)(struct usb_interface *intf, unsigned int code, void *buf);
	int (*suspend)(struct usb_interface *intf, pm_message_t message);
	int (*resume)(struct usb_interface *intf);
	int (*reset_resume)(struct usb_interface *intf);
	int (*pre_reset)(struct usb_interface *intf);
	int (*post_reset)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
	const struct attribute_group **dev_groups;
	struct usb_dynids dynids;
	struct device_driver driver;
	unsigned int no_dynamic_id : 1;
	unsigned int supports_autosuspend : 1;
	unsigned int disable_hub_initiated_lpm : 1;
	unsigned int soft_unbind : 1;
};
struct usb_class_driver {
	char *name;
	char *(*devnode)(struct device *dev, umode_t *mode);
	const struct file_operations *fops;
	int minor_base;
};

struct urb;
typedef void (*usb_complete_t)(struct urb *);
struct urb {
	struct kref kref;
	int unlinked;
	struct usb_device *dev;
	unsigned int pipe;
	int status;
	unsigned int transfer_flags;
	void *transfer_buffer;
	u64 transfer_dma;
	u32 transfer_buffer_length;
	u32 actual_length;
	unsigned char *setup_packet;
	u64 setup_dma;
	int start_frame;
	int number_of_packets;
	int interval;
	int error_count;
	void *context;
	usb_complete_t complete;
};

#define USB_DEVICE(vend, prod) .match_flags = USB_DEVICE_ID_MATCH_DEVICE, .idVendor = (vend), .idProduct = (prod)
#define USB_INTERFACE_INFO(cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO, .bInterfaceClass = (cl), .bInterfaceSubClass = (sc), \
	.bInterfaceProtocol = (pr)

EMU_BEGIN_DECLS
int usb_register_driver(struct usb_driver *, struct module *, const char *);
void usb_deregister(struct usb_driver *);
int usb_register_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
void usb_deregister_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
struct usb_device *usb_get_dev(struct usb_device *dev);
void usb_put_dev(struct usb_device *dev);
struct usb_interface *usb_get_intf(struct usb_interface *intf);
void usb_put_intf(struct usb_interface *intf);
void usb_init_urb(struct urb *urb);
struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags);
void usb_free_urb(struct urb *urb);
int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
int usb_unlink_urb(struct urb *urb);
void usb_kill_urb(struct urb *urb);
void *usb_alloc_coherent(struct usb_device *dev, size_t size, gfp_t mem_flags, u64 *dma);
void usb_free_coherent(struct usb_device *dev, size_t size, void *addr, u64 dma);
int usb_control_msg(struct usb_device *dev, unsigned int pipe, __u8 request, __u8 requesttype, __u16 value,
                    __u16 index, void *data, __u16 size, int timeout);
int usb_interrupt_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len, int *actual_length,
                      int timeout);
int usb_bulk_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len, int *actual_length,
                 int timeout);
struct usb_interface *usb_find_interface(struct usb_driver *drv, int minor);
EMU_END_DECLS

#define usb_register(driver) usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
#define module_usb_driver(__usb_driver) module_driver(__usb_driver, usb_register, usb_deregister)

static inline unsigned int __create_pipe(struct usb_device *dev, unsigned int endpoint)
{ return (dev->devnum << 8) | (endpoint << 15); }
#define usb_pipein(pipe) ((pipe) & USB_DIR_IN)
#define usb_pipeout(pipe) (!usb_pipein(pipe))
#define usb_sndctrlpipe(dev, endpoint) ((PIPE_CONTROL << 30) | __create_pipe(dev, endpoint))
#define usb_rcvctrlpipe(dev, endpoint) ((PIPE_CONTROL << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
#define usb_sndbulkpipe(dev, endpoint) ((PIPE_BULK << 30) | __create_pipe(dev, endpoint))
#define usb_rcvbulkpipe(dev, endpoint) ((PIPE_BULK << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
#define usb_sndintpipe(dev, endpoint) ((PIPE_INTERRUPT << 30) | __create_pipe(dev, endpoint))
#define usb_rcvintpipe(dev, endpoint) ((PIPE_INTERRUPT << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)

/* The usb_fill_*_urb() helpers only store into the URB; the fields that
 * differ between the three are the setup packet and the polling interval. */
static inline void __emu_urb_common(struct urb *u, struct usb_device *udev, unsigned int pipe,
                                    void *buf, int len, usb_complete_t done, void *ctx)
{
	u->dev = udev;
	u->pipe = pipe;
	u->transfer_buffer = buf;
	u->transfer_buffer_length = len;
	u->complete = done;
	u->context = ctx;
}

static inline void usb_fill_control_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
                                        unsigned char *setup_packet, void *transfer_buffer, int buffer_length,
                                        usb_complete_t complete_fn, void *context)
{
	__emu_urb_common(urb, dev, pipe, transfer_buffer, buffer_length, complete_fn, context);
	urb->setup_packet = setup_packet;
}

static inline void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
                                     void *transfer_buffer, int buffer_length, usb_complete_t complete_fn,
                                     void *context)
{
	__emu_urb_common(urb, dev, pipe, transfer_buffer, buffer_length, complete_fn, context);
}

/* High-speed and SuperSpeed devices poll every 2^(n-1) microframes, n in 1..16;
 * slower ones take the interval in frames as given. */
static inline void usb_fill_int_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
                                    void *transfer_buffer, int buffer_length, usb_complete_t complete_fn,
                                    void *context, int interval)
{
	int exp2 = interval;

	__emu_urb_common(urb, dev, pipe, transfer_buffer, buffer_length, complete_fn, context);
	urb->start_frame = -1;
	if (dev->speed != USB_SPEED_HIGH && dev->speed < USB_SPEED_SUPER) {
		urb->interval = interval;
		return;
	}
	if (exp2 < 1)
		exp2 = 1;
	else if (exp2 > 16)
		exp2 = 16;
	urb->interval = 1 << (exp2 - 1);
}
#endif
