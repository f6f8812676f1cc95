#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H
#include "list.h"
#include "lockdep.h"

struct mutex {
	void *owner;                 /* owning task, NULL when free */
	struct list_head wait_list;
	const char *name;
	const struct lock_class_key *key;
	unsigned long acquire_ip;
};
#define __MUTEX_INITIALIZER(lockname) { NULL, { &(lockname).wait_list, &(lockname).wait_list }, #lockname, NULL, 0 }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

EMU_BEGIN_DECLS
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
EMU_END_DECLS
#define mutex_init(mutex) do { static struct lock_class_key __key; __mutex_init((mutex), #mutex, &__key); } while (0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#endif
