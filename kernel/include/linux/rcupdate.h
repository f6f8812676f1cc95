#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H
#include "preempt.h"
/* RCU readers: preemption off for the section (a non-preemptible RCU reader). */
#define rcu_read_lock() preempt_disable()
#define rcu_read_unlock() preempt_enable()
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)
#define synchronize_rcu() do { } while (0)
#endif
