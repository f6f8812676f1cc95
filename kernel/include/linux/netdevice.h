#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H
/* Network devices (6.1 include/linux/netdevice.h). emu has no network stack
 * (its NIC is driven by the kernel itself): a driver's net_device and
 * net_device_ops can be written, but allocating, registering or feeding a
 * device is declared only, so a module that does fails to load with
 * "Unknown symbol NAME" (alloc_netdev_mqs, register_netdev, netif_rx, ...).
 * The queue helpers 6.1 has inline over per-queue state are declared the same
 * way. */
#include "types.h"
#include "kernel.h"
#include "list.h"
#include "atomic.h"
#include "spinlock.h"
#include "mutex.h"
#include "timer.h"
#include "workqueue.h"
#include "device.h"
#include "skbuff.h"
#include "netdev_features.h"
#include "../uapi/linux/if.h"
#include "../uapi/linux/if_ether.h"

enum netdev_tx {
	__NETDEV_TX_MIN = -2147483647 - 1,
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;
#define NET_XMIT_SUCCESS 0x00
#define NET_XMIT_DROP 0x01
#define NET_XMIT_CN 0x02
#define NET_XMIT_MASK 0x0f
#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1
#define MAX_ADDR_LEN 32
#define NETDEV_ALIGN 32
#define NAPI_POLL_WEIGHT 64
#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1
#define NET_NAME_PREDICTABLE 2
#define NET_NAME_USER 3
#define NET_NAME_RENAMED 4
#define NET_ADDR_PERM 0
#define NET_ADDR_RANDOM 1
#define NET_ADDR_STOLEN 2
#define NET_ADDR_SET 3
#define NETDEV_UP 0x0001
#define NETDEV_DOWN 0x0002
#define NETDEV_REGISTER 0x0005
#define NETDEV_UNREGISTER 0x0006

struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_length_errors;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors;
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
	unsigned long tx_fifo_errors;
	unsigned long tx_heartbeat_errors;
	unsigned long tx_window_errors;
	unsigned long rx_compressed;
	unsigned long tx_compressed;
};

/* uapi/linux/if_link.h */
struct rtnl_link_stats64 {
	__u64 rx_packets;
	__u64 tx_packets;
	__u64 rx_bytes;
	__u64 tx_bytes;
	__u64 rx_errors;
	__u64 tx_errors;
	__u64 rx_dropped;
	__u64 tx_dropped;
	__u64 multicast;
	__u64 collisions;
	__u64 rx_length_errors;
	__u64 rx_over_errors;
	__u64 rx_crc_errors;
	__u64 rx_frame_errors;
	__u64 rx_fifo_errors;
	__u64 rx_missed_errors;
	__u64 tx_aborted_errors;
	__u64 tx_carrier_errors;
	__u64 tx_fifo_errors;
	__u64 tx_heartbeat_errors;
	__u64 tx_window_errors;
	__u64 rx_compressed;
	__u64 tx_compressed;
	__u64 rx_nohandler;
	__u64 rx_otherhost_dropped;
};

struct net_device;
struct ifreq;
struct ethtool_ops;
struct header_ops;
struct netdev_queue;
struct netlink_ext_ack;
struct notifier_block;

struct napi_struct {
	struct list_head poll_list;
	unsigned long state;
	int weight;
	int defer_hard_irqs_count;
	unsigned long gro_bitmask;
	int (*poll)(struct napi_struct *, int);
	struct net_device *dev;
	struct list_head dev_list;
	unsigned int napi_id;
};

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t (*ndo_features_check)(struct sk_buff *skb, struct net_device *dev, netdev_features_t features);
	u16 (*ndo_select_queue)(struct net_device *dev, struct sk_buff *skb, struct net_device *sb_dev);
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocdevprivate)(struct net_device *dev, struct ifreq *ifr, void __user *data, int cmd);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
};

struct net_device {
	char name[IFNAMSIZ];
	unsigned long state;
	struct list_head dev_list;
	struct list_head napi_list;
	netdev_features_t features;
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
	netdev_features_t vlan_features;
	int ifindex;
	struct net_device_stats stats;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	const struct header_ops *header_ops;
	unsigned int flags;
	unsigned long long priv_flags;
	unsigned short gflags;
	unsigned short padded;
	unsigned char operstate;
	unsigned char link_mode;
	unsigned char if_port;
	unsigned char dma;
	unsigned int mtu;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned short type;
	unsigned short hard_header_len;
	unsigned char min_header_len;
	unsigned short needed_headroom;
	unsigned short needed_tailroom;
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char addr_assign_type;
	unsigned char addr_len;
	const unsigned char *dev_addr;
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int num_tx_queues;
	unsigned int real_num_tx_queues;
	unsigned long tx_queue_len;
	int watchdog_timeo;
	struct timer_list watchdog_timer;
	int irq;
	unsigned long base_addr;
	unsigned long mem_start;
	unsigned long mem_end;
	bool needs_free_netdev;
	void (*priv_destructor)(struct net_device *dev);
	struct device dev;
	void *ml_priv;
};
#define to_net_dev(d) container_of(d, struct net_device, dev)
#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))

static inline void *netdev_priv(const struct net_device *dev)
{ return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN); }
static inline void __dev_addr_set(struct net_device *dev, const void *addr, size_t len)
{ memcpy((void *)dev->dev_addr, addr, len); }
static inline void dev_addr_set(struct net_device *dev, const u8 *addr) { __dev_addr_set(dev, addr, dev->addr_len); }

EMU_BEGIN_DECLS
struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char name_assign_type,
                                    void (*setup)(struct net_device *), unsigned int txqs, unsigned int rxqs);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdevice_queue(struct net_device *dev, struct list_head *head);
void ether_setup(struct net_device *dev);
int dev_open(struct net_device *dev, struct netlink_ext_ack *extack);
void dev_close(struct net_device *dev);
int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
bool netif_carrier_ok(const struct net_device *dev);
bool netif_running(const struct net_device *dev);
void netif_start_queue(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
bool netif_queue_stopped(const struct net_device *dev);
void netif_tx_start_all_queues(struct net_device *dev);
void netif_tx_stop_all_queues(struct net_device *dev);
void netif_tx_wake_all_queues(struct net_device *dev);
void netif_device_attach(struct net_device *dev);
void netif_device_detach(struct net_device *dev);
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int),
                           int weight);
void netif_napi_del(struct napi_struct *napi);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage);
int register_netdevice_notifier(struct notifier_block *nb);
int unregister_netdevice_notifier(struct notifier_block *nb);
void rtnl_lock(void);
void rtnl_unlock(void);
struct net_device *dev_get_by_name(void *net, const char *name);
void netdev_info(const struct net_device *dev, const char *format, ...) __printf(2, 3);
void netdev_warn(const struct net_device *dev, const char *format, ...) __printf(2, 3);
void netdev_err(const struct net_device *dev, const char *format, ...) __printf(2, 3);
void netdev_notice(const struct net_device *dev, const char *format, ...) __printf(2, 3);
void netdev_dbg(const struct net_device *dev, const char *format, ...) __printf(2, 3);
EMU_END_DECLS

#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
#define alloc_netdev_mq(sizeof_priv, name, name_assign_type, setup, count) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, count, count)
static inline void unregister_netdevice(struct net_device *dev) { unregister_netdevice_queue(dev, NULL); }
/* 6.1: netif_napi_add() lost its weight argument (NAPI_POLL_WEIGHT for all). */
static inline void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
                                  int (*poll)(struct napi_struct *, int))
{ netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT); }
static inline void napi_schedule(struct napi_struct *n) { if (napi_schedule_prep(n)) __napi_schedule(n); }
static inline void napi_schedule_irqoff(struct napi_struct *n) { napi_schedule(n); }
static inline bool napi_complete(struct napi_struct *n) { return napi_complete_done(n, 0); }
#endif
