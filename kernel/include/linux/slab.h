#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
/* The slab allocator (SLUB, as Debian's 6.1): kmalloc() from the kmalloc-N
 * caches, and caches of one object size made with kmem_cache_create(). */
#include "types.h"
#include "gfp.h"
#include "kernel.h"

typedef unsigned int slab_flags_t;

/* kmem_cache_create() flags, with 6.1's values. */
#define SLAB_CONSISTENCY_CHECKS ((slab_flags_t)0x00000100U)
#define SLAB_RED_ZONE ((slab_flags_t)0x00000400U)
#define SLAB_POISON ((slab_flags_t)0x00000800U)
#define SLAB_KMALLOC ((slab_flags_t)0x00001000U)
#define SLAB_HWCACHE_ALIGN ((slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA ((slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32 ((slab_flags_t)0x00008000U)
#define SLAB_STORE_USER ((slab_flags_t)0x00010000U)
#define SLAB_RECLAIM_ACCOUNT ((slab_flags_t)0x00020000U)
#define SLAB_TEMPORARY SLAB_RECLAIM_ACCOUNT
#define SLAB_PANIC ((slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU ((slab_flags_t)0x00080000U)
#define SLAB_MEM_SPREAD ((slab_flags_t)0x00100000U)
#define SLAB_TRACE ((slab_flags_t)0x00200000U)
#define SLAB_DEBUG_OBJECTS ((slab_flags_t)0x00400000U)
#define SLAB_NOLEAKTRACE ((slab_flags_t)0x00800000U)
#define SLAB_FAILSLAB ((slab_flags_t)0x02000000U)
#define SLAB_ACCOUNT ((slab_flags_t)0x04000000U)
#define SLAB_KASAN 0
#define SLAB_NO_USER_FLAGS ((slab_flags_t)0x10000000U)
#define SLAB_SKIP_KFENCE ((slab_flags_t)0x20000000U)

/* kmalloc(0) returns this; dereferencing it faults at 0x10, as in Linux. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN __alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN __alignof__(unsigned long long)
#define KMALLOC_MIN_SIZE 8
#define KMALLOC_SHIFT_LOW 3
#define KMALLOC_SHIFT_HIGH 13
#define KMALLOC_SHIFT_MAX 22
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_ORDER (KMALLOC_SHIFT_MAX - 12)
#define SLAB_OBJ_MIN_SIZE 8

struct kmem_cache;
struct list_lru;

EMU_BEGIN_DECLS
/* kmalloc with a blocking GFP mask calls might_sleep(), as since 5.14. */
void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

/* A cache of `size`-byte objects. As SLUB: a cache without a ctor may be an
 * alias of an existing one of a fitting size (then destroying it only drops
 * a reference); the ctor runs on each object when its slab is made, never on
 * allocation; kmem_cache_create() may sleep and returns NULL on failure
 * ("kmem_cache_create_usercopy(NAME) failed with error N"), or panics with
 * SLAB_PANIC. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, slab_flags_t flags,
                                     void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
                                              slab_flags_t flags, unsigned int useroffset, unsigned int usersize,
                                              void (*ctor)(void *));
/* Objects still allocated: 6.1's "Objects remaining" report and WARN, and the
 * cache stays (its name too). */
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_alloc_lru(struct kmem_cache *s, struct list_lru *lru, gfp_t gfpflags);
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node);
/* An object of another cache goes back to its own, with 6.1's WARN. */
void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size, void **p);
bool kmem_dump_obj(void *object);
EMU_END_DECLS

#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)
#define KMEM_CACHE_USERCOPY(__struct, __flags, __field) \
	kmem_cache_create_usercopy(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), \
	                           offsetof(struct __struct, __field), sizeof(((struct __struct *)0)->__field), NULL)
static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags) { return kmem_cache_alloc(k, flags | __GFP_ZERO); }
static inline void kfree_bulk(size_t size, void **p) { kmem_cache_free_bulk(NULL, size, p); }

static inline void *kmalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags); }
static inline void *kzalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags | __GFP_ZERO); }
/* NULL when n * size overflows, as 6.1's check_mul_overflow(). */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{ return size && n > (size_t)-1 / size ? NULL : __kmalloc(n * size, flags); }
static inline void *kcalloc(size_t n, size_t size, gfp_t flags) { return kmalloc_array(n, size, flags | __GFP_ZERO); }
static inline void *kmalloc_node(size_t size, gfp_t flags, int node) { (void)node; return __kmalloc(size, flags); }
static inline void *kzalloc_node(size_t size, gfp_t flags, int node) { (void)node; return __kmalloc(size, flags | __GFP_ZERO); }
#define kvmalloc kmalloc
#define kvzalloc kzalloc
#define kvfree kfree
#define vmalloc(size) kmalloc((size), GFP_KERNEL)
#define vzalloc(size) kzalloc((size), GFP_KERNEL)
#define vfree kfree
#endif
