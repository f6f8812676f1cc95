#ifndef _LINUX_KFIFO_H
#define _LINUX_KFIFO_H
/* Lock-free single-reader single-writer FIFOs (6.1 include/linux/kfifo.h,
 * lib/kfifo.c). The size is a power of two and the in/out counters run
 * freely, wrapping: used = in - out, the slot is counter & mask. kfifo_alloc()
 * rounds the size up to a power of two, kfifo_init() rounds a buffer down.
 * Counts are in elements of the fifo's type (bytes for struct kfifo).
 * Record fifos (recsize 1 or 2) are declared only: their calls are
 * reported as unknown symbols at insmod. */
#include "kernel.h"
#include "spinlock.h"
#include "scatterlist.h"
#include "log2.h"
#include "slab.h"
#include "uaccess.h"

struct __kfifo {
	unsigned int in;
	unsigned int out;
	unsigned int mask;
	unsigned int esize;
	void *data;
};

/* The union gives the macros the element type (type, const_type), the
 * record size (sizeof *rectype) and the pointer type of kfifo_in()/out(). */
#define __STRUCT_KFIFO_COMMON(datatype, recsize, ptrtype) \
	union { \
		struct __kfifo kfifo; \
		datatype *type; \
		const datatype *const_type; \
		char (*rectype)[recsize]; \
		ptrtype *ptr; \
		ptrtype const *ptr_const; \
	}

/* Embedded buffer: a size that is not a power of two >= 2 fails to compile. */
#define __STRUCT_KFIFO(type, size, recsize, ptrtype) \
	{ \
		__STRUCT_KFIFO_COMMON(type, recsize, ptrtype); \
		type buf[((size < 2) || (size & (size - 1))) ? -1 : size]; \
	}
#define STRUCT_KFIFO(type, size) struct __STRUCT_KFIFO(type, size, 0, type)

/* Separately allocated buffer (kfifo_alloc/kfifo_init). */
#define __STRUCT_KFIFO_PTR(type, recsize, ptrtype) \
	{ \
		__STRUCT_KFIFO_COMMON(type, recsize, ptrtype); \
		type buf[0]; \
	}
#define STRUCT_KFIFO_PTR(type) struct __STRUCT_KFIFO_PTR(type, 0, type)

#define STRUCT_KFIFO_REC_1(size) struct __STRUCT_KFIFO(unsigned char, size, 1, void)
#define STRUCT_KFIFO_REC_2(size) struct __STRUCT_KFIFO(unsigned char, size, 2, void)
#ifndef __cplusplus /* C++ forbids a member named as its class */
struct kfifo __STRUCT_KFIFO_PTR(unsigned char, 0, void);
struct kfifo_rec_ptr_1 __STRUCT_KFIFO_PTR(unsigned char, 1, void);
struct kfifo_rec_ptr_2 __STRUCT_KFIFO_PTR(unsigned char, 2, void);
#endif

/* A pointer fifo is exactly as big as its header (buf has no elements). */
#ifdef __cplusplus /* no type definitions inside sizeof: the header alone */
#define __is_kfifo_ptr(fifo) (sizeof(*fifo) == sizeof(struct __kfifo))
#else
#define __is_kfifo_ptr(fifo) (sizeof(*fifo) == sizeof(STRUCT_KFIFO_PTR(__typeof__(*(fifo)->type))))
#endif

#define DECLARE_KFIFO_PTR(fifo, type) STRUCT_KFIFO_PTR(type) fifo
#define DECLARE_KFIFO(fifo, type, size) STRUCT_KFIFO(type, size) fifo

#define INIT_KFIFO(fifo) \
	(void)({ \
		__typeof__(&(fifo)) tmp__ = &(fifo); \
		struct __kfifo *kf__ = &tmp__->kfifo; \
		kf__->in = 0; \
		kf__->out = 0; \
		kf__->mask = __is_kfifo_ptr(tmp__) ? 0 : ARRAY_SIZE(tmp__->buf) - 1; \
		kf__->esize = sizeof(*tmp__->buf); \
		kf__->data = __is_kfifo_ptr(tmp__) ? NULL : tmp__->buf; \
	})

#define DEFINE_KFIFO(fifo, type, size) \
	DECLARE_KFIFO(fifo, type, size) = (__typeof__(fifo)) { { { \
		.in = 0, .out = 0, \
		.mask = __is_kfifo_ptr(&(fifo)) ? 0 : ARRAY_SIZE((fifo).buf) - 1, \
		.esize = sizeof(*(fifo).buf), \
		.data = __is_kfifo_ptr(&(fifo)) ? NULL : (fifo).buf, \
	} } }

EMU_BEGIN_DECLS
int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp_mask);
void __kfifo_free(struct __kfifo *fifo);
int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize);
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len);
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len);
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len);
int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied);
int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied);
unsigned int __kfifo_dma_in_prepare(struct __kfifo *fifo, struct scatterlist *sgl, int nents, unsigned int len);
unsigned int __kfifo_dma_out_prepare(struct __kfifo *fifo, struct scatterlist *sgl, int nents, unsigned int len);
/* Record fifos: not modelled. */
unsigned int __kfifo_in_r(struct __kfifo *fifo, const void *buf, unsigned int len, size_t recsize);
unsigned int __kfifo_out_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize);
int __kfifo_from_user_r(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied,
			size_t recsize);
int __kfifo_to_user_r(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied, size_t recsize);
unsigned int __kfifo_dma_in_prepare_r(struct __kfifo *fifo, struct scatterlist *sgl, int nents, unsigned int len,
				      size_t recsize);
void __kfifo_dma_in_finish_r(struct __kfifo *fifo, unsigned int len, size_t recsize);
unsigned int __kfifo_dma_out_prepare_r(struct __kfifo *fifo, struct scatterlist *sgl, int nents, unsigned int len,
				       size_t recsize);
void __kfifo_dma_out_finish_r(struct __kfifo *fifo, size_t recsize);
unsigned int __kfifo_len_r(struct __kfifo *fifo, size_t recsize);
void __kfifo_skip_r(struct __kfifo *fifo, size_t recsize);
unsigned int __kfifo_out_peek_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize);
unsigned int __kfifo_max_r(unsigned int len, size_t recsize);
EMU_END_DECLS

/* Unused-result checks, as 6.1 marks them. */
static inline unsigned int __must_check __kfifo_uint_must_check_helper(unsigned int val) { return val; }
static inline int __must_check __kfifo_int_must_check_helper(int val) { return val; }

#define kfifo_initialized(fifo) ((fifo)->kfifo.mask)
#define kfifo_esize(fifo) ((fifo)->kfifo.esize)
#define kfifo_recsize(fifo) (sizeof(*(fifo)->rectype))
#define kfifo_size(fifo) ((fifo)->kfifo.mask + 1)

#define kfifo_reset(fifo) (void)({ __typeof__((fifo) + 1) tmp__ = (fifo); tmp__->kfifo.in = tmp__->kfifo.out = 0; })
#define kfifo_reset_out(fifo) (void)({ __typeof__((fifo) + 1) tmp__ = (fifo); tmp__->kfifo.out = tmp__->kfifo.in; })
#define kfifo_len(fifo) ({ __typeof__((fifo) + 1) tmpl__ = (fifo); tmpl__->kfifo.in - tmpl__->kfifo.out; })
#define kfifo_is_empty(fifo) ({ __typeof__((fifo) + 1) tmpq__ = (fifo); tmpq__->kfifo.in == tmpq__->kfifo.out; })
#define kfifo_is_empty_spinlocked(fifo, lock) ({ \
	unsigned long flags__; bool ret__; \
	spin_lock_irqsave(lock, flags__); ret__ = kfifo_is_empty(fifo); spin_unlock_irqrestore(lock, flags__); \
	ret__; })
#define kfifo_is_empty_spinlocked_noirqsave(fifo, lock) ({ \
	bool ret__; spin_lock(lock); ret__ = kfifo_is_empty(fifo); spin_unlock(lock); ret__; })
#define kfifo_is_full(fifo) ({ __typeof__((fifo) + 1) tmpq__ = (fifo); kfifo_len(tmpq__) > tmpq__->kfifo.mask; })

#define kfifo_avail(fifo) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmpq__ = (fifo); \
	const size_t recsize__ = sizeof(*tmpq__->rectype); \
	unsigned int avail__ = kfifo_size(tmpq__) - kfifo_len(tmpq__); \
	recsize__ ? __kfifo_max_r(avail__, recsize__) : avail__; }))

#define kfifo_skip(fifo) (void)({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	if (recsize__) __kfifo_skip_r(&tmp__->kfifo, recsize__); else tmp__->kfifo.out++; })

#define kfifo_peek_len(fifo) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	!recsize__ ? kfifo_len(tmp__) * sizeof(*tmp__->type) : __kfifo_len_r(&tmp__->kfifo, recsize__); }))

/* Only for fifos declared with DECLARE_KFIFO_PTR or struct kfifo: -EINVAL otherwise. */
#define kfifo_alloc(fifo, size, gfp_mask) __kfifo_int_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__is_kfifo_ptr(tmp__) ? __kfifo_alloc(&tmp__->kfifo, size, sizeof(*tmp__->type), gfp_mask) : -EINVAL; }))
#define kfifo_free(fifo) ({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	if (__is_kfifo_ptr(tmp__)) __kfifo_free(&tmp__->kfifo); })
#define kfifo_init(fifo, buffer, size) ({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__is_kfifo_ptr(tmp__) ? __kfifo_init(&tmp__->kfifo, buffer, size, sizeof(*tmp__->type)) : -EINVAL; })

/* The element's slot array: the embedded buf, or the allocated data. */
#define __kfifo_slots(tmp__) (__is_kfifo_ptr(tmp__) ? ((__typeof__(tmp__->type))(tmp__)->kfifo.data) : (tmp__)->buf)

/* One element in: 1, or 0 when full. */
#define kfifo_put(fifo, val) ({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(*tmp__->const_type) val__ = (val); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	unsigned int ret__; \
	if (recsize__) { \
		ret__ = __kfifo_in_r(&tmp__->kfifo, &val__, sizeof(val__), recsize__); \
	} else { \
		ret__ = !kfifo_is_full(tmp__); \
		if (ret__) { \
			__kfifo_slots(tmp__)[tmp__->kfifo.in & tmp__->kfifo.mask] = *(__typeof__(tmp__->type))&val__; \
			smp_wmb(); \
			tmp__->kfifo.in++; \
		} \
	} \
	ret__; })

/* One element out into *val: 1, or 0 when empty. */
#define kfifo_get(fifo, val) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(tmp__->ptr) val__ = (val); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	unsigned int ret__; \
	if (recsize__) { \
		ret__ = __kfifo_out_r(&tmp__->kfifo, val__, sizeof(*val__), recsize__); \
	} else { \
		ret__ = !kfifo_is_empty(tmp__); \
		if (ret__) { \
			*(__typeof__(tmp__->type))val__ = __kfifo_slots(tmp__)[tmp__->kfifo.out & tmp__->kfifo.mask]; \
			smp_wmb(); \
			tmp__->kfifo.out++; \
		} \
	} \
	ret__; }))

/* As kfifo_get(), leaving the element in. */
#define kfifo_peek(fifo, val) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(tmp__->ptr) val__ = (val); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	unsigned int ret__; \
	if (recsize__) { \
		ret__ = __kfifo_out_peek_r(&tmp__->kfifo, val__, sizeof(*val__), recsize__); \
	} else { \
		ret__ = !kfifo_is_empty(tmp__); \
		if (ret__) { \
			*(__typeof__(tmp__->type))val__ = __kfifo_slots(tmp__)[tmp__->kfifo.out & tmp__->kfifo.mask]; \
			smp_wmb(); \
		} \
	} \
	ret__; }))

/* Copies up to n elements in; returns how many fitted. */
#define kfifo_in(fifo, buf, n) ({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(tmp__->ptr_const) buf__ = (buf); \
	unsigned long n__ = (n); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	recsize__ ? __kfifo_in_r(&tmp__->kfifo, buf__, n__, recsize__) : __kfifo_in(&tmp__->kfifo, buf__, n__); })
#define kfifo_in_spinlocked(fifo, buf, n, lock) ({ \
	unsigned long flags__; unsigned int ret__; \
	spin_lock_irqsave(lock, flags__); ret__ = kfifo_in(fifo, buf, n); spin_unlock_irqrestore(lock, flags__); \
	ret__; })
#define kfifo_in_spinlocked_noirqsave(fifo, buf, n, lock) ({ \
	unsigned int ret__; spin_lock(lock); ret__ = kfifo_in(fifo, buf, n); spin_unlock(lock); ret__; })
#define kfifo_in_locked(fifo, buf, n, lock) kfifo_in_spinlocked(fifo, buf, n, lock)

/* Copies up to n elements out; returns how many there were. */
#define kfifo_out(fifo, buf, n) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(tmp__->ptr) buf__ = (buf); \
	unsigned long n__ = (n); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	recsize__ ? __kfifo_out_r(&tmp__->kfifo, buf__, n__, recsize__) : __kfifo_out(&tmp__->kfifo, buf__, n__); }))
#define kfifo_out_spinlocked(fifo, buf, n, lock) __kfifo_uint_must_check_helper(({ \
	unsigned long flags__; unsigned int ret__; \
	spin_lock_irqsave(lock, flags__); ret__ = kfifo_out(fifo, buf, n); spin_unlock_irqrestore(lock, flags__); \
	ret__; }))
#define kfifo_out_spinlocked_noirqsave(fifo, buf, n, lock) __kfifo_uint_must_check_helper(({ \
	unsigned int ret__; spin_lock(lock); ret__ = kfifo_out(fifo, buf, n); spin_unlock(lock); ret__; }))
#define kfifo_out_locked(fifo, buf, n, lock) kfifo_out_spinlocked(fifo, buf, n, lock)

#define kfifo_out_peek(fifo, buf, n) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	__typeof__(tmp__->ptr) buf__ = (buf); \
	unsigned long n__ = (n); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	recsize__ ? __kfifo_out_peek_r(&tmp__->kfifo, buf__, n__, recsize__) \
		  : __kfifo_out_peek(&tmp__->kfifo, buf__, n__); }))

/* len in bytes; *copied gets the bytes moved; 0, or -EFAULT (nothing taken). */
#define kfifo_from_user(fifo, from, len, copied) __kfifo_uint_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	const void __user *from__ = (from); \
	unsigned int len__ = (len); \
	unsigned int *copied__ = (copied); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	recsize__ ? __kfifo_from_user_r(&tmp__->kfifo, from__, len__, copied__, recsize__) \
		  : __kfifo_from_user(&tmp__->kfifo, from__, len__, copied__); }))
#define kfifo_to_user(fifo, to, len, copied) __kfifo_int_must_check_helper(({ \
	__typeof__((fifo) + 1) tmp__ = (fifo); \
	void __user *to__ = (to); \
	unsigned int len__ = (len); \
	unsigned int *copied__ = (copied); \
	const size_t recsize__ = sizeof(*tmp__->rectype); \
	recsize__ ? __kfifo_to_user_r(&tmp__->kfifo, to__, len__, copied__, recsize__) \
		  : __kfifo_to_user(&tmp__->kfifo, to__, len__, copied__); }))
#endif
