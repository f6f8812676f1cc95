#ifndef __IDR_H__
#define __IDR_H__
/* ID allocators (6.1 include/linux/idr.h, lib/idr.c). An IDR maps small
 * integer IDs to pointers, handing out the lowest free ID at or above the
 * start asked for; an IDA hands out IDs alone. IDs run from the IDR's base to
 * INT_MAX. Errors: -ENOSPC when the range is full, -ENOMEM when memory (gfp)
 * runs out, -EINVAL for a negative start. Callers serialise updates (a lock
 * of their own, or idr_lock()); lookups under rcu_read_lock() as on 6.1. */
#include "types.h"
#include "bug.h"
#include "gfp.h"
#include "limits.h"
#include "err.h"
#include "rbtree_types.h"
#include "spinlock.h"
#include "preempt.h"
#include "percpu.h"

struct idr {
	struct rb_root __emu_ids;	/* allocated IDs, in order (kernel/idr.cpp) */
	unsigned int idr_base;
	unsigned int idr_next;
	spinlock_t __emu_lock;		/* idr_lock() */
};

#define IDR_INIT_BASE(name, base) { .__emu_ids = { NULL }, .idr_base = (base), .idr_next = 0, \
				    .__emu_lock = __SPIN_LOCK_UNLOCKED(name.__emu_lock) }
#define IDR_INIT(name) IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

/* The ID idr_alloc_cyclic() tries next. */
static inline unsigned int idr_get_cursor(const struct idr *idr) { return READ_ONCE(idr->idr_next); }
static inline void idr_set_cursor(struct idr *idr, unsigned int val) { WRITE_ONCE(idr->idr_next, val); }

#define idr_lock(idr) spin_lock(&(idr)->__emu_lock)
#define idr_unlock(idr) spin_unlock(&(idr)->__emu_lock)
#define idr_lock_bh(idr) spin_lock_bh(&(idr)->__emu_lock)
#define idr_unlock_bh(idr) spin_unlock_bh(&(idr)->__emu_lock)
#define idr_lock_irq(idr) spin_lock_irq(&(idr)->__emu_lock)
#define idr_unlock_irq(idr) spin_unlock_irq(&(idr)->__emu_lock)
#define idr_lock_irqsave(idr, flags) spin_lock_irqsave(&(idr)->__emu_lock, flags)
#define idr_unlock_irqrestore(idr, flags) spin_unlock_irqrestore(&(idr)->__emu_lock, flags)

EMU_BEGIN_DECLS
/* idr_preload() disables preemption until idr_preload_end(), so a GFP_NOWAIT
 * idr_alloc() can run under a spinlock in between. */
void idr_preload(gfp_t gfp_mask);
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int __must_check idr_alloc_u32(struct idr *idr, void *ptr, u32 *id, unsigned long max, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_find(const struct idr *idr, unsigned long id);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
void *idr_get_next(struct idr *idr, int *nextid);
void *idr_get_next_ul(struct idr *idr, unsigned long *nextid);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void idr_destroy(struct idr *idr);
EMU_END_DECLS

static inline void idr_init_base(struct idr *idr, int base)
{
	idr->__emu_ids.rb_node = NULL;
	idr->idr_base = base;
	idr->idr_next = 0;
	spin_lock_init(&idr->__emu_lock);
}
static inline void idr_init(struct idr *idr) { idr_init_base(idr, 0); }
static inline bool idr_is_empty(const struct idr *idr) { return idr->__emu_ids.rb_node == NULL; }
static inline void idr_preload_end(void) { preempt_enable(); }

/* Entries whose pointer is NULL are skipped by the walks. */
#define idr_for_each_entry(idr, entry, id) \
	for (id = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; id += 1U)
#define idr_for_each_entry_ul(idr, entry, tmp, id) \
	for (tmp = 0, id = 0; ((entry) = tmp <= id ? idr_get_next_ul(idr, &(id)) : NULL) != NULL; tmp = id, ++id)
#define idr_for_each_entry_continue(idr, entry, id) \
	for ((entry) = idr_get_next((idr), &(id)); entry; ++id, (entry) = idr_get_next((idr), &(id)))
#define idr_for_each_entry_continue_ul(idr, entry, tmp, id) \
	for (tmp = id; ((entry) = tmp <= id ? idr_get_next_ul(idr, &(id)) : NULL) != NULL; tmp = id, ++id)

#define IDA_CHUNK_SIZE 128
#define IDA_BITMAP_LONGS (IDA_CHUNK_SIZE / sizeof(long))
#define IDA_BITMAP_BITS (IDA_BITMAP_LONGS * sizeof(long) * 8)

struct ida {
	struct rb_root __emu_ids;	/* allocated IDs, in order (kernel/idr.cpp) */
	spinlock_t __emu_lock;		/* an IDA locks itself */
};
#define IDA_INIT(name) { .__emu_ids = { NULL }, .__emu_lock = __SPIN_LOCK_UNLOCKED(name.__emu_lock) }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

EMU_BEGIN_DECLS
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
EMU_END_DECLS

static inline int ida_alloc(struct ida *ida, gfp_t gfp) { return ida_alloc_range(ida, 0, ~0, gfp); }
static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp) { return ida_alloc_range(ida, min, ~0, gfp); }
static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp) { return ida_alloc_range(ida, 0, max, gfp); }
static inline void ida_init(struct ida *ida)
{
	ida->__emu_ids.rb_node = NULL;
	spin_lock_init(&ida->__emu_lock);
}
/* end 0 means no limit: end - 1 is UINT_MAX, which ida_alloc_range() caps at INT_MAX. */
#define ida_simple_get(ida, start, end, gfp) ida_alloc_range(ida, start, (end) - 1, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)
static inline bool ida_is_empty(const struct ida *ida) { return ida->__emu_ids.rb_node == NULL; }
#endif
