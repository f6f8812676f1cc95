#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H
/* Socket buffers (6.1 include/linux/skbuff.h). emu has no network stack: a
 * driver can describe and walk an sk_buff (the layout's main fields and the
 * inline accessors are here), but allocating, copying or freeing one is
 * declared only, so a module that does fails to load with "Unknown symbol
 * NAME" (alloc_skb, skb_put, consume_skb, ...). */
#include "types.h"
#include "kernel.h"
#include "string.h"
#include "spinlock.h"
#include "atomic.h"
#include "cache.h"
#include "ktime.h"
#include "mm.h"
#include "netdev_features.h"

#define CHECKSUM_NONE 0
#define CHECKSUM_UNNECESSARY 1
#define CHECKSUM_COMPLETE 2
#define CHECKSUM_PARTIAL 3
#define NET_IP_ALIGN 2
#define NET_SKB_PAD (32 > L1_CACHE_BYTES ? 32 : L1_CACHE_BYTES)
#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3
#define PACKET_OUTGOING 4
#define PACKET_LOOPBACK 5

/* 64-bit kernels keep the tail and end as offsets from head. */
typedef unsigned int sk_buff_data_t;
typedef u16 __be16_emu;

struct net_device;
struct sock;

struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	u32 qlen;
	spinlock_t lock;
};

struct sk_buff {
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	struct sock *sk;
	ktime_t tstamp;
	char cb[48] __attribute__((aligned(8)));
	void (*destructor)(struct sk_buff *skb);
	unsigned int len;
	unsigned int data_len;
	u16 mac_len;
	u16 hdr_len;
	u16 queue_mapping;
	u8 cloned : 1, nohdr : 1, fclone : 2, peeked : 1, head_frag : 1, pfmemalloc : 1;
	u8 pkt_type : 3, ignore_df : 1, ip_summed : 2, ooo_okay : 1;
	u32 priority;
	int skb_iif;
	u32 hash;
	u16 vlan_tci;
	u32 mark;
	__be16_emu protocol;
	u16 transport_header;
	u16 network_header;
	u16 mac_header;
	sk_buff_data_t tail;
	sk_buff_data_t end;
	unsigned char *head;
	unsigned char *data;
	unsigned int truesize;
	refcount_t users;
};

EMU_BEGIN_DECLS
struct sk_buff *__alloc_skb(unsigned int size, gfp_t priority, int flags, int node);
void kfree_skb_reason(struct sk_buff *skb, int reason);
void consume_skb(struct sk_buff *skb);
void __dev_kfree_skb_irq(struct sk_buff *skb, int reason);
void __dev_kfree_skb_any(struct sk_buff *skb, int reason);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom, gfp_t priority);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp_mask);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);
EMU_END_DECLS

#define SKB_ALLOC_FCLONE 0x01
#define SKB_DROP_REASON_NOT_SPECIFIED 2
#define SKB_CONSUMED 1
static inline struct sk_buff *alloc_skb(unsigned int size, gfp_t priority)
{ return __alloc_skb(size, priority, 0, -1); }
static inline void kfree_skb(struct sk_buff *skb) { kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED); }
#define dev_kfree_skb(a) consume_skb(a)
static inline void dev_kfree_skb_irq(struct sk_buff *skb) { __dev_kfree_skb_irq(skb, SKB_DROP_REASON_NOT_SPECIFIED); }
static inline void dev_kfree_skb_any(struct sk_buff *skb) { __dev_kfree_skb_any(skb, SKB_DROP_REASON_NOT_SPECIFIED); }
static inline void dev_consume_skb_irq(struct sk_buff *skb) { __dev_kfree_skb_irq(skb, SKB_CONSUMED); }
static inline void dev_consume_skb_any(struct sk_buff *skb) { __dev_kfree_skb_any(skb, SKB_CONSUMED); }
static inline struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length)
{ return __netdev_alloc_skb(dev, length, GFP_ATOMIC); }
static inline struct sk_buff *dev_alloc_skb(unsigned int length) { return netdev_alloc_skb(NULL, length); }
static inline struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length)
{
	struct sk_buff *skb = __netdev_alloc_skb(dev, length + NET_IP_ALIGN, GFP_ATOMIC);
	if (NET_IP_ALIGN && skb) {
		skb->data += NET_IP_ALIGN;
		skb->tail += NET_IP_ALIGN;
	}
	return skb;
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb) { return skb->head + skb->tail; }
static inline unsigned char *skb_end_pointer(const struct sk_buff *skb) { return skb->head + skb->end; }
static inline unsigned int skb_headlen(const struct sk_buff *skb) { return skb->len - skb->data_len; }
static inline unsigned int skb_headroom(const struct sk_buff *skb) { return skb->data - skb->head; }
static inline int skb_tailroom(const struct sk_buff *skb) { return skb->data_len ? 0 : skb->end - skb->tail; }
static inline void skb_reserve(struct sk_buff *skb, int len) { skb->data += len; skb->tail += len; }
static inline bool skb_is_nonlinear(const struct sk_buff *skb) { return skb->data_len; }
static inline void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len)
{ void *tmp = skb_put(skb, len); memcpy(tmp, data, len); return tmp; }
static inline void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{ void *tmp = skb_put(skb, len); memset(tmp, 0, len); return tmp; }
static inline unsigned char *skb_mac_header(const struct sk_buff *skb) { return skb->head + skb->mac_header; }
static inline void skb_reset_mac_header(struct sk_buff *skb) { skb->mac_header = skb->data - skb->head; }
static inline void skb_set_mac_header(struct sk_buff *skb, const int offset)
{ skb_reset_mac_header(skb); skb->mac_header += offset; }
static inline unsigned char *skb_network_header(const struct sk_buff *skb) { return skb->head + skb->network_header; }
static inline void skb_reset_network_header(struct sk_buff *skb) { skb->network_header = skb->data - skb->head; }
static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{ return skb->head + skb->transport_header; }
static inline void skb_reset_transport_header(struct sk_buff *skb) { skb->transport_header = skb->data - skb->head; }
static inline struct sk_buff *skb_get(struct sk_buff *skb) { refcount_inc(&skb->users); return skb; }
static inline void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}
static inline u32 skb_queue_len(const struct sk_buff_head *list_) { return list_->qlen; }
static inline int skb_queue_empty(const struct sk_buff_head *list) { return list->next == (const struct sk_buff *)list; }
static inline void skb_tx_timestamp(struct sk_buff *skb) { (void)skb; }
#endif
