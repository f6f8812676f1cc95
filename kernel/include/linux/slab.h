#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
#include "types.h"
#include "gfp.h"
#include "kernel.h"
/* kmalloc(0) returns this; dereferencing it faults at 0x10, as in Linux. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
EMU_BEGIN_DECLS
/* kmalloc with a blocking GFP mask calls might_sleep(), as since 5.14. */
void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
EMU_END_DECLS
static inline void *kmalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags); }
static inline void *kzalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags | __GFP_ZERO); }
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags) { return __kmalloc(n * size, flags); }
static inline void *kcalloc(size_t n, size_t size, gfp_t flags) { return __kmalloc(n * size, flags | __GFP_ZERO); }
#define kvmalloc kmalloc
#define kvzalloc kzalloc
#define kvfree kfree
#define vmalloc(size) kmalloc((size), GFP_KERNEL)
#define vzalloc(size) kzalloc((size), GFP_KERNEL)
#define vfree kfree
#endif
