#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H
/* A driver's poll(): it registers its wait queues through poll_wait() and
 * returns the EPOLL* events ready now (6.1 include/linux/poll.h). emu's
 * guest has no poll/select system call yet: a poll_table is what the caller
 * (a test, or another kernel path) builds with init_poll_funcptr(). */
#include "compiler.h"
#include "ktime.h"
#include "wait.h"
#include "string.h"
#include "fs.h"
#include "uaccess.h"
#include "../uapi/linux/poll.h"
#include "../uapi/linux/eventpoll.h"

/* What a file without a poll operation reports: always readable and writable. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *, struct poll_table_struct *);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

/* Hands the queue to the poller, which waits on it until the driver wakes it. */
static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address) {
		p->_qproc(filp, wait_address, p);
		smp_mb(); /* pairs with wq_has_sleeper() on the waking side */
	}
}

static inline bool poll_does_not_wait(const poll_table *p) { return p == NULL || p->_qproc == NULL; }

static inline __poll_t poll_requested_events(const poll_table *p) { return p ? p->_key : ~(__poll_t)0; }

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

static inline bool file_can_poll(struct file *file) { return file->f_op->poll != NULL; }

static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (unlikely(!file->f_op->poll))
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

struct poll_table_entry {
	struct file *filp;
	__poll_t key;
	wait_queue_entry_t wait;
	wait_queue_head_t *wait_address;
};

struct poll_table_page;
/* select()/poll()'s own table: not modelled (no such system call), declared only. */
struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	struct task_struct *polling_task;
	int triggered;
	int error;
	int inline_index;
	struct poll_table_entry inline_entries[(832 - 256) / sizeof(struct poll_table_entry)];
};
EMU_BEGIN_DECLS
void poll_initwait(struct poll_wqueues *pwq);
void poll_freewait(struct poll_wqueues *pwq);
EMU_END_DECLS

/* POLL* <-> EPOLL*: the same bit values on x86-64, so both are the identity
 * on the bits poll(2) knows. */
#define __EMU_POLL_BITS (POLLIN | POLLOUT | POLLPRI | POLLERR | POLLNVAL | POLLRDNORM | POLLRDBAND | \
			 POLLWRNORM | POLLWRBAND | POLLHUP | POLLRDHUP | POLLMSG)
static inline __u16 mangle_poll(__poll_t val) { return (__u16)(val & __EMU_POLL_BITS); }
static inline __poll_t demangle_poll(u16 val) { return (__poll_t)(val & __EMU_POLL_BITS); }
#endif
