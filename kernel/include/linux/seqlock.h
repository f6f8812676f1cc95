#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H
/* Sequence counters and sequential locks (6.1 include/linux/seqlock.h).
 * A writer makes the count odd while it updates and even again after;
 * readers never block the writer: they read the count, copy the data and
 * retry when the count moved (or was odd) meanwhile. Writers serialise
 * among themselves: seqlock_t carries a spinlock for that, a bare
 * seqcount_t leaves it to the caller (with preemption off). */
#include "compiler.h"
#include "kernel.h"
#include "preempt.h"
#include "spinlock.h"
#include "rwlock.h"
#include "mutex.h"
#include "smp.h"

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO(name) { .sequence = 0 }
static inline void __seqcount_init(seqcount_t *s, const char *name, struct lock_class_key *key)
{
	(void)name;
	(void)key;
	s->sequence = 0;
}
#define seqcount_init(s) __seqcount_init(s, #s, NULL)

/* A seqcount whose writers hold the named lock (checked under lockdep only,
 * which Debian's 6.1 does not build: the lock is not recorded). */
#define __EMU_SEQCOUNT_LOCKNAME(lockname) \
	typedef struct seqcount_##lockname { seqcount_t seqcount; } seqcount_##lockname##_t;
__EMU_SEQCOUNT_LOCKNAME(raw_spinlock)
__EMU_SEQCOUNT_LOCKNAME(spinlock)
__EMU_SEQCOUNT_LOCKNAME(rwlock)
__EMU_SEQCOUNT_LOCKNAME(mutex)

#define SEQCOUNT_LOCKNAME_ZERO(seq_name, assoc_lock) { .seqcount = SEQCNT_ZERO(seq_name.seqcount) }
#define SEQCNT_RAW_SPINLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_SPINLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_RWLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_MUTEX_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define seqcount_LOCKNAME_init(s, lock) do { seqcount_init(&(s)->seqcount); (void)(lock); } while (0)
#define seqcount_raw_spinlock_init(s, lock) seqcount_LOCKNAME_init(s, lock)
#define seqcount_spinlock_init(s, lock) seqcount_LOCKNAME_init(s, lock)
#define seqcount_rwlock_init(s, lock) seqcount_LOCKNAME_init(s, lock)
#define seqcount_mutex_init(s, lock) seqcount_LOCKNAME_init(s, lock)

/* The seqcount_t inside any of the seqcount types, and whether its writers
 * can be preempted (a mutex-protected one: the write side disables
 * preemption itself). */
#ifdef __cplusplus
static inline seqcount_t *__seqprop_ptr(seqcount_t *s) { return s; }
static inline seqcount_t *__seqprop_ptr(const seqcount_t *s) { return (seqcount_t *)s; }
#define __EMU_SEQPROP_CXX(lockname, preempt) \
	static inline seqcount_t *__seqprop_ptr(seqcount_##lockname##_t *s) { return &s->seqcount; } \
	static inline seqcount_t *__seqprop_ptr(const seqcount_##lockname##_t *s) { return (seqcount_t *)&s->seqcount; } \
	static inline bool __seqprop_preemptible(const seqcount_##lockname##_t *) { return preempt; }
static inline bool __seqprop_preemptible(const seqcount_t *) { return false; }
__EMU_SEQPROP_CXX(raw_spinlock, false)
__EMU_SEQPROP_CXX(spinlock, false)
__EMU_SEQPROP_CXX(rwlock, false)
__EMU_SEQPROP_CXX(mutex, true)
#define seqprop_ptr(s) __seqprop_ptr(s)
#define seqprop_preemptible(s) __seqprop_preemptible(s)
#else
#define seqprop_ptr(s) _Generic(*(s), \
	seqcount_t: (seqcount_t *)(s), \
	seqcount_raw_spinlock_t: &((seqcount_raw_spinlock_t *)(s))->seqcount, \
	seqcount_spinlock_t: &((seqcount_spinlock_t *)(s))->seqcount, \
	seqcount_rwlock_t: &((seqcount_rwlock_t *)(s))->seqcount, \
	seqcount_mutex_t: &((seqcount_mutex_t *)(s))->seqcount)
#define seqprop_preemptible(s) _Generic(*(s), seqcount_mutex_t: true, default: false)
#endif
#define seqprop_sequence(s) READ_ONCE(seqprop_ptr(s)->sequence)

/* Waits out an odd (write in progress) count; returns the even count. */
static inline unsigned __emu_seqcount_wait(const seqcount_t *s)
{
	unsigned seq;

	while ((seq = READ_ONCE(s->sequence)) & 1)
		cpu_relax();
	return seq;
}
#define __read_seqcount_begin(s) __emu_seqcount_wait(seqprop_ptr(s))
#define raw_read_seqcount_begin(s) ({ unsigned seq__ = __read_seqcount_begin(s); smp_rmb(); seq__; })
#define read_seqcount_begin(s) raw_read_seqcount_begin(s)
/* The count as it is, odd or not. */
#define raw_read_seqcount(s) ({ unsigned seq__ = seqprop_sequence(s); smp_rmb(); seq__; })
/* The count with its low bit cleared: a reader that started during a write always retries. */
#define raw_seqcount_begin(s) (raw_read_seqcount(s) & ~1)

static inline int do___read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	return unlikely(READ_ONCE(s->sequence) != start);
}
static inline int do_read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return do___read_seqcount_retry(s, start);
}
#define __read_seqcount_retry(s, start) do___read_seqcount_retry(seqprop_ptr(s), start)
#define read_seqcount_retry(s, start) do_read_seqcount_retry(seqprop_ptr(s), start)

static inline void do_raw_write_seqcount_begin(seqcount_t *s)
{
	s->sequence++;
	smp_wmb();
}
static inline void do_raw_write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	s->sequence++;
}
#define raw_write_seqcount_begin(s) do { \
	if (seqprop_preemptible(s)) preempt_disable(); \
	do_raw_write_seqcount_begin(seqprop_ptr(s)); } while (0)
#define raw_write_seqcount_end(s) do { \
	do_raw_write_seqcount_end(seqprop_ptr(s)); \
	if (seqprop_preemptible(s)) preempt_enable(); } while (0)
#define write_seqcount_begin(s) raw_write_seqcount_begin(s)
#define write_seqcount_begin_nested(s, subclass) raw_write_seqcount_begin(s)
#define write_seqcount_end(s) raw_write_seqcount_end(s)

/* Makes in-flight readers retry without an odd phase. */
static inline void do_raw_write_seqcount_barrier(seqcount_t *s)
{
	s->sequence++;
	smp_wmb();
	s->sequence++;
}
#define raw_write_seqcount_barrier(s) do_raw_write_seqcount_barrier(seqprop_ptr(s))
/* Invalidates readers that are in progress: the count moves by 2. */
static inline void do_write_seqcount_invalidate(seqcount_t *s)
{
	smp_wmb();
	s->sequence += 2;
}
#define write_seqcount_invalidate(s) do_write_seqcount_invalidate(seqprop_ptr(s))

/* Latches: two copies of the data, readers pick by the count's low bit. */
typedef struct {
	seqcount_t seqcount;
} seqcount_latch_t;
#define SEQCNT_LATCH_ZERO(seq_name) { .seqcount = SEQCNT_ZERO(seq_name.seqcount) }
#define seqcount_latch_init(s) seqcount_init(&(s)->seqcount)
static inline unsigned raw_read_seqcount_latch(const seqcount_latch_t *s) { return READ_ONCE(s->seqcount.sequence); }
static inline int raw_read_seqcount_latch_retry(const seqcount_latch_t *s, unsigned start)
{
	smp_rmb();
	return unlikely(READ_ONCE(s->seqcount.sequence) != start);
}
static inline void raw_write_seqcount_latch(seqcount_latch_t *s)
{
	smp_wmb();
	s->seqcount.sequence++;
	smp_wmb();
}

/* seqlock_t: a seqcount plus the spinlock its writers take. */
typedef struct {
	seqcount_spinlock_t seqcount;
	spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname) \
	{ .seqcount = SEQCNT_SPINLOCK_ZERO(lockname, &(lockname).lock), .lock = __SPIN_LOCK_UNLOCKED(lockname) }
#define seqlock_init(sl) do { spin_lock_init(&(sl)->lock); seqcount_spinlock_init(&(sl)->seqcount, &(sl)->lock); } while (0)
#define DEFINE_SEQLOCK(sl) seqlock_t sl = __SEQLOCK_UNLOCKED(sl)

static inline unsigned read_seqbegin(const seqlock_t *sl) { return read_seqcount_begin(&sl->seqcount); }
static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start) { return read_seqcount_retry(&sl->seqcount, start); }

static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	do_raw_write_seqcount_begin(&sl->seqcount.seqcount);
}
static inline void write_sequnlock(seqlock_t *sl)
{
	do_raw_write_seqcount_end(&sl->seqcount.seqcount);
	spin_unlock(&sl->lock);
}
static inline void write_seqlock_bh(seqlock_t *sl)
{
	spin_lock_bh(&sl->lock);
	do_raw_write_seqcount_begin(&sl->seqcount.seqcount);
}
static inline void write_sequnlock_bh(seqlock_t *sl)
{
	do_raw_write_seqcount_end(&sl->seqcount.seqcount);
	spin_unlock_bh(&sl->lock);
}
static inline void write_seqlock_irq(seqlock_t *sl)
{
	spin_lock_irq(&sl->lock);
	do_raw_write_seqcount_begin(&sl->seqcount.seqcount);
}
static inline void write_sequnlock_irq(seqlock_t *sl)
{
	do_raw_write_seqcount_end(&sl->seqcount.seqcount);
	spin_unlock_irq(&sl->lock);
}
static inline unsigned long __write_seqlock_irqsave(seqlock_t *sl)
{
	unsigned long flags;

	spin_lock_irqsave(&sl->lock, flags);
	do_raw_write_seqcount_begin(&sl->seqcount.seqcount);
	return flags;
}
#define write_seqlock_irqsave(lock, flags) do { flags = __write_seqlock_irqsave(lock); } while (0)
static inline void write_sequnlock_irqrestore(seqlock_t *sl, unsigned long flags)
{
	do_raw_write_seqcount_end(&sl->seqcount.seqcount);
	spin_unlock_irqrestore(&sl->lock, flags);
}

/* Locking readers: exclude writers and each other, without touching the count. */
static inline void read_seqlock_excl(seqlock_t *sl) { spin_lock(&sl->lock); }
static inline void read_sequnlock_excl(seqlock_t *sl) { spin_unlock(&sl->lock); }
static inline void read_seqlock_excl_bh(seqlock_t *sl) { spin_lock_bh(&sl->lock); }
static inline void read_sequnlock_excl_bh(seqlock_t *sl) { spin_unlock_bh(&sl->lock); }
static inline void read_seqlock_excl_irq(seqlock_t *sl) { spin_lock_irq(&sl->lock); }
static inline void read_sequnlock_excl_irq(seqlock_t *sl) { spin_unlock_irq(&sl->lock); }
static inline unsigned long __read_seqlock_excl_irqsave(seqlock_t *sl)
{
	unsigned long flags;

	spin_lock_irqsave(&sl->lock, flags);
	return flags;
}
#define read_seqlock_excl_irqsave(lock, flags) do { flags = __read_seqlock_excl_irqsave(lock); } while (0)
static inline void read_sequnlock_excl_irqrestore(seqlock_t *sl, unsigned long flags)
{
	spin_unlock_irqrestore(&sl->lock, flags);
}

/* Lockless first pass (even *seq), locking second pass (odd *seq). */
static inline void read_seqbegin_or_lock(seqlock_t *lock, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl(lock);
}
static inline int need_seqretry(seqlock_t *lock, int seq) { return !(seq & 1) && read_seqretry(lock, seq); }
static inline void done_seqretry(seqlock_t *lock, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(lock);
}
static inline unsigned long read_seqbegin_or_lock_irqsave(seqlock_t *lock, int *seq)
{
	unsigned long flags = 0;

	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl_irqsave(lock, flags);
	return flags;
}
static inline void done_seqretry_irqrestore(seqlock_t *lock, int seq, unsigned long flags)
{
	if (seq & 1)
		read_sequnlock_excl_irqrestore(lock, flags);
}
#endif
