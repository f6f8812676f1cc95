#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H
/* spinlock_t really spins across CPUs: a contended acquire charges cycles in
 * small steps and takes interrupts as the IRQ state allows. Lock classes for
 * the lockdep checks come from the init site, as in Linux. */
#include "types.h"
#include "preempt.h"
#include "irqflags.h"
#include "bottom_half.h"
#include "lockdep.h"

typedef struct spinlock {
	volatile unsigned int locked;
	int owner_cpu;
	void *owner;                     /* task that holds it */
	const char *name;                /* lockdep class name */
	const struct lock_class_key *key;
	void *dep_class;                 /* kernel-private: the lockdep class, found on first use */
	unsigned long acquire_ip;        /* where the holder took it */
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

typedef struct {
	volatile int readers;            /* > 0: readers inside; -1: a writer */
	int writer_cpu;
	const char *name;
} rwlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) { 0, -1, NULL, #lockname, NULL, NULL, 0 }
#define __RAW_SPIN_LOCK_UNLOCKED __SPIN_LOCK_UNLOCKED
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK DEFINE_SPINLOCK
#define __RW_LOCK_UNLOCKED(lockname) { 0, -1, #lockname }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

EMU_BEGIN_DECLS
void __emu_spin_lock_init(spinlock_t *lock, const char *name, const struct lock_class_key *key);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
int spin_trylock(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);
void rwlock_init(rwlock_t *lock);
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_lock_bh(rwlock_t *lock);
void read_unlock_bh(rwlock_t *lock);
void write_lock_bh(rwlock_t *lock);
void write_unlock_bh(rwlock_t *lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
EMU_END_DECLS

#define spin_lock_init(lock) do { static struct lock_class_key __key; __emu_spin_lock_init((lock), #lock, &__key); } while (0)
#define raw_spin_lock_init spin_lock_init
#define spin_lock_irqsave(lock, flags) do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)
#define read_lock_irqsave(lock, flags) do { (flags) = _raw_read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags) do { (flags) = _raw_write_lock_irqsave(lock); } while (0)
#define spin_lock_nested(lock, subclass) spin_lock(lock)
#define raw_spin_lock spin_lock
#define raw_spin_unlock spin_unlock
#define raw_spin_lock_irq spin_lock_irq
#define raw_spin_unlock_irq spin_unlock_irq
#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore
#define assert_spin_locked(lock) do { (void)(lock); } while (0)
#endif
