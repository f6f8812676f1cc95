#ifndef _LINUX_IF_ETHER_H
#define _LINUX_IF_ETHER_H
/* 6.1 include/linux/if_ether.h: the uapi constants and eth_hdr(). */
#include "skbuff.h"
#include "../uapi/linux/if_ether.h"

static inline struct ethhdr *eth_hdr(const struct sk_buff *skb) { return (struct ethhdr *)skb_mac_header(skb); }
#endif
