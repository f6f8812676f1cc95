#ifndef _ASM_X86_CACHE_H
#define _ASM_X86_CACHE_H
/* x86-64's cache line, as CONFIG_X86_L1_CACHE_SHIFT=6 gives it on 6.1. */
#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)
#define INTERNODE_CACHE_SHIFT L1_CACHE_SHIFT
#define INTERNODE_CACHE_BYTES (1 << INTERNODE_CACHE_SHIFT)
#define __read_mostly
#endif
