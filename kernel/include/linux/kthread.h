#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H
/* Kernel threads. Note: kthread_exit() is deliberately not declared: the
 * lab's 6-kthread/kthread.c names its module exit function kthread_exit
 * (LAB.md §1.7); use kthread_complete_and_exit() or return from threadfn. */
#include "err.h"
#include "sched.h"

#define NUMA_NO_NODE (-1)
EMU_BEGIN_DECLS
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
                                           const char namefmt[], ...) __printf(4, 5);
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
                                          const char *namefmt);
void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);
void *kthread_data(struct task_struct *k);
void kthread_complete_and_exit(struct completion *comp, long code) __attribute__((__noreturn__));
EMU_END_DECLS
#define kthread_create(threadfn, data, namefmt, arg...) \
        kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
#define kthread_run(threadfn, data, namefmt, ...) ({ \
        struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
        if (!IS_ERR(__k)) wake_up_process(__k); \
        __k; })
#ifndef EMU_STRICT
/* Renamed kthread_complete_and_exit() in 5.17. */
static inline __attribute__((__noreturn__)) __emu_not_in_6_1(
	"complete_and_exit() is kthread_complete_and_exit() since 5.17")
void complete_and_exit(struct completion *comp, long code)
{
	kthread_complete_and_exit(comp, code);
}
#endif
#endif
