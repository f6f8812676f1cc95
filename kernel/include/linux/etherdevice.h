#ifndef _LINUX_ETHERDEVICE_H
#define _LINUX_ETHERDEVICE_H
/* Ethernet devices (6.1 include/linux/etherdevice.h): the address helpers are
 * 6.1's inline code; the device calls reach the network stack emu does not
 * have ("Unknown symbol NAME" at insmod: alloc_etherdev_mqs, eth_type_trans). */
#include "if_ether.h"
#include "netdevice.h"
#include "random.h"
#include "string.h"

EMU_BEGIN_DECLS
u32 eth_get_headlen(const struct net_device *dev, const void *data, u32 len);
u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type, const void *daddr,
               const void *saddr, unsigned int len);
int eth_mac_addr(struct net_device *dev, void *p);
int eth_validate_addr(struct net_device *dev);
struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
struct net_device *devm_alloc_etherdev_mqs(struct device *dev, int sizeof_priv, unsigned int txqs, unsigned int rxqs);
EMU_END_DECLS
#define alloc_etherdev(sizeof_priv) alloc_etherdev_mq(sizeof_priv, 1)
#define alloc_etherdev_mq(sizeof_priv, count) alloc_etherdev_mqs(sizeof_priv, count, count)
#define devm_alloc_etherdev(dev, sizeof_priv) devm_alloc_etherdev_mqs(dev, sizeof_priv, 1, 1)

static inline bool is_link_local_ether_addr(const u8 *addr)
{ return addr[0] == 0x01 && addr[1] == 0x80 && addr[2] == 0xc2 && addr[3] == 0 && addr[4] == 0 && (addr[5] & 0xf0) == 0; }
static inline bool is_zero_ether_addr(const u8 *addr)
{ return (addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]) == 0; }
static inline bool is_multicast_ether_addr(const u8 *addr) { return 0x01 & addr[0]; }
static inline bool is_local_ether_addr(const u8 *addr) { return 0x02 & addr[0]; }
static inline bool is_broadcast_ether_addr(const u8 *addr)
{ return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff; }
static inline bool is_unicast_ether_addr(const u8 *addr) { return !is_multicast_ether_addr(addr); }
static inline bool is_valid_ether_addr(const u8 *addr)
{ return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr); }
static inline bool eth_proto_is_802_3(u16 proto) { return (proto & 0xFF00) >= 0x0600 ? false : true; }
static inline void eth_random_addr(u8 *addr)
{
	get_random_bytes(addr, ETH_ALEN);
	addr[0] &= 0xfe; /* not multicast */
	addr[0] |= 0x02; /* locally assigned */
}
static inline void eth_broadcast_addr(u8 *addr) { memset(addr, 0xff, ETH_ALEN); }
static inline void eth_zero_addr(u8 *addr) { memset(addr, 0x00, ETH_ALEN); }
static inline void eth_hw_addr_random(struct net_device *dev)
{
	u8 addr[ETH_ALEN];
	eth_random_addr(addr);
	__dev_addr_set(dev, addr, ETH_ALEN);
	dev->addr_assign_type = NET_ADDR_RANDOM;
}
static inline void ether_addr_copy(u8 *dst, const u8 *src) { memcpy(dst, src, ETH_ALEN); }
static inline void eth_hw_addr_set(struct net_device *dev, const u8 *addr) { __dev_addr_set(dev, addr, ETH_ALEN); }
static inline bool ether_addr_equal(const u8 *addr1, const u8 *addr2) { return memcmp(addr1, addr2, ETH_ALEN) == 0; }
static inline bool ether_addr_equal_64bits(const u8 *addr1, const u8 *addr2) { return ether_addr_equal(addr1, addr2); }
static inline bool ether_addr_is_zero(const u8 *addr) { return is_zero_ether_addr(addr); }
#endif
