#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H
#include "types.h"
#define ___GFP_DIRECT_RECLAIM 0x400u
#define ___GFP_KSWAPD_RECLAIM 0x800u
#define ___GFP_IO 0x40u
#define ___GFP_FS 0x80u
#define ___GFP_HIGH 0x20u
#define ___GFP_ZERO 0x100u
#define ___GFP_NOWARN 0x2000u
#define __GFP_ZERO ((gfp_t)___GFP_ZERO)
#define __GFP_NOWARN ((gfp_t)___GFP_NOWARN)
#define __GFP_HIGH ((gfp_t)___GFP_HIGH)
#define __GFP_DIRECT_RECLAIM ((gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM ((gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM ((gfp_t)(___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM))
#define GFP_ATOMIC (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | ___GFP_IO | ___GFP_FS)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO (__GFP_RECLAIM)
#define GFP_NOFS (__GFP_RECLAIM | ___GFP_IO)
#define GFP_USER GFP_KERNEL
#define GFP_DMA 0x01u
#define gfpflags_allow_blocking(gfp) (!!((gfp) & __GFP_DIRECT_RECLAIM))
#endif
