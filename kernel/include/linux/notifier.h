#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H
/* Notifier chains (6.1 include/linux/notifier.h, kernel/notifier.c): callbacks
 * kept in descending priority (equal priorities in registration order),
 * called in turn until one returns a value with NOTIFY_STOP_MASK set.
 * Atomic chains are called from any context (callbacks must not sleep),
 * blocking chains from process context under an rwsem, raw chains under
 * the caller's own locking. */
#include "errno.h"
#include "mutex.h"
#include "rcupdate.h"
#include "rwsem.h"
#include "spinlock.h"

struct notifier_block;

typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);

struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block __rcu *next;
	int priority;
};

struct atomic_notifier_head {
	spinlock_t lock;
	struct notifier_block __rcu *head;
};
struct blocking_notifier_head {
	struct rw_semaphore rwsem;
	struct notifier_block __rcu *head;
};
struct raw_notifier_head {
	struct notifier_block __rcu *head;
};

#define ATOMIC_INIT_NOTIFIER_HEAD(name) do { spin_lock_init(&(name)->lock); (name)->head = NULL; } while (0)
#define BLOCKING_INIT_NOTIFIER_HEAD(name) do { init_rwsem(&(name)->rwsem); (name)->head = NULL; } while (0)
#define RAW_INIT_NOTIFIER_HEAD(name) do { (name)->head = NULL; } while (0)

#define ATOMIC_NOTIFIER_INIT(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = NULL }
#define BLOCKING_NOTIFIER_INIT(name) { .rwsem = __RWSEM_INITIALIZER((name).rwsem), .head = NULL }
#define RAW_NOTIFIER_INIT(name) { .head = NULL }

#define ATOMIC_NOTIFIER_HEAD(name) struct atomic_notifier_head name = ATOMIC_NOTIFIER_INIT(name)
#define BLOCKING_NOTIFIER_HEAD(name) struct blocking_notifier_head name = BLOCKING_NOTIFIER_INIT(name)
#define RAW_NOTIFIER_HEAD(name) struct raw_notifier_head name = RAW_NOTIFIER_INIT(name)

EMU_BEGIN_DECLS
/* 0, or -EEXIST (with a WARNING) for a block already on the chain;
 * the _unique_prio forms return -EBUSY when the priority is taken. */
int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb);
int raw_notifier_chain_register(struct raw_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_chain_register_unique_prio(struct atomic_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_chain_register_unique_prio(struct blocking_notifier_head *nh, struct notifier_block *nb);
/* 0, or -ENOENT when nb is not on the chain. */
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *nb);
int raw_notifier_chain_unregister(struct raw_notifier_head *nh, struct notifier_block *nb);
/* The last callback's return value; NOTIFY_DONE for an empty chain. */
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v);
int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v);
/* Calls val_up; if a callback fails, calls val_down on those before it. */
int blocking_notifier_call_chain_robust(struct blocking_notifier_head *nh, unsigned long val_up,
					unsigned long val_down, void *v);
int raw_notifier_call_chain_robust(struct raw_notifier_head *nh, unsigned long val_up, unsigned long val_down,
				   void *v);
/* Not exported by 6.1: declared only, so modules get modpost's/insmod's error. */
bool atomic_notifier_call_chain_is_empty(struct atomic_notifier_head *nh);
EMU_END_DECLS

#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)

/* An errno carried in a notifier return value, and back. */
static inline int notifier_from_errno(int err) { return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK; }
static inline int notifier_to_errno(int ret)
{
	ret &= ~NOTIFY_STOP_MASK;
	return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0;
}

#define NETLINK_URELEASE 0x0001
#define KBD_KEYCODE 0x0001
#define KBD_UNBOUND_KEYCODE 0x0002
#define KBD_UNICODE 0x0003
#define KBD_KEYSYM 0x0004
#define KBD_POST_KEYSYM 0x0005

extern struct blocking_notifier_head reboot_notifier_list;
#endif
