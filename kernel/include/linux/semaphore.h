#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H
#include "list.h"

struct semaphore {
	unsigned int count;
	struct list_head wait_list;
};
#define __SEMAPHORE_INITIALIZER(name, n) { n, { &(name).wait_list, &(name).wait_list } }
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

EMU_BEGIN_DECLS
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);
EMU_END_DECLS
#endif
