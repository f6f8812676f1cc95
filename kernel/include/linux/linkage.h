#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H
/* 6.1 include/linux/linkage.h for x86-64 C code: no special calling convention. */
#include "compiler.h"
#ifdef __cplusplus
#define CPP_ASMLINKAGE extern "C"
#else
#define CPP_ASMLINKAGE
#endif
#ifndef asmlinkage
#define asmlinkage CPP_ASMLINKAGE
#endif
#define asmlinkage_protect(n, ret, args...) do { } while (0)
#define __page_aligned_data __attribute__((__section__(".data..page_aligned"), __aligned__(4096)))
#define __page_aligned_bss __attribute__((__section__(".bss..page_aligned"), __aligned__(4096)))
#endif
