#ifndef __LINUX_CACHE_H
#define __LINUX_CACHE_H
/* Cache-line alignment, as 6.1 on an SMP x86-64 kernel. */
#include "../asm/cache.h"

#define L1_CACHE_ALIGN(x) (((x) + L1_CACHE_BYTES - 1) & ~(__typeof__(x))(L1_CACHE_BYTES - 1))
#define SMP_CACHE_BYTES L1_CACHE_BYTES
#ifndef __ro_after_init
#define __ro_after_init __attribute__((__section__(".data..ro_after_init")))
#endif
#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES), __section__(".data..cacheline_aligned")))
#define __cacheline_aligned_in_smp __cacheline_aligned
#define ____cacheline_internodealigned_in_smp __attribute__((__aligned__(1 << (INTERNODE_CACHE_SHIFT))))
#define cache_line_size() L1_CACHE_BYTES
struct cacheline_padding { char x[0]; } ____cacheline_internodealigned_in_smp;
#define CACHELINE_PADDING(name) struct cacheline_padding name
#define ARCH_DMA_MINALIGN __alignof__(unsigned long long)
#endif
