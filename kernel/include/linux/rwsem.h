#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H
/* Reader-writer semaphores: sleeping locks held by many readers or one writer
 * (6.1 include/linux/rwsem.h, kernel/locking/rwsem.c). Waiters queue in
 * arrival order; a new reader queues behind a waiting writer, and a writer's
 * release wakes the first waiter, or every waiting reader when a reader is
 * first. */
#include "linkage.h"
#include "types.h"
#include "list.h"
#include "spinlock.h"
#include "atomic.h"
#include "err.h"
#include "lockdep.h"

struct rw_semaphore {
	atomic_long_t count;	/* RWSEM_READER_BIAS per reader, bit 0 while write-locked */
	atomic_long_t owner;	/* the writer task, 0 otherwise */
	struct list_head wait_list;
	const char *name;
	const struct lock_class_key *key;
};

#define RWSEM_UNLOCKED_VALUE 0L
#define __RWSEM_INITIALIZER(lockname) \
	{ .count = ATOMIC_LONG_INIT(RWSEM_UNLOCKED_VALUE), .owner = ATOMIC_LONG_INIT(0), \
	  .wait_list = LIST_HEAD_INIT((lockname).wait_list), .name = #lockname, .key = NULL }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

static inline int rwsem_is_locked(struct rw_semaphore *sem) { return atomic_long_read(&sem->count) != 0; }
static inline int rwsem_is_contended(struct rw_semaphore *sem) { return !list_empty(&sem->wait_list); }

EMU_BEGIN_DECLS
void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
void down_read(struct rw_semaphore *sem);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
EMU_END_DECLS

#define init_rwsem(sem) do { static struct lock_class_key __key; __init_rwsem((sem), #sem, &__key); } while (0)

/* Without CONFIG_DEBUG_LOCK_ALLOC (Debian's 6.1), as there. */
#define down_read_nested(sem, subclass) down_read(sem)
#define down_read_killable_nested(sem, subclass) down_read_killable(sem)
#define down_write_nest_lock(sem, nest_lock) down_write(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_write_killable_nested(sem, subclass) down_write_killable(sem)
#define down_read_non_owner(sem) down_read(sem)
#define up_read_non_owner(sem) up_read(sem)
#endif
