#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H
/* Signals for kernel code (6.1 include/linux/signal.h, x86's uapi/asm/signal.h):
 * the numbers, sigset_t operations and allow_signal(): a kernel thread
 * ignores every signal unless it allows it, and then notices it only by
 * testing signal_pending(current) (nothing is delivered to it). */
#include "types.h"
#include "compiler.h"
#include "sched.h"
#ifdef __cplusplus
#include <signal.h>
#endif

#ifndef __cplusplus  /* the C++ side has the host's <signal.h> */
#define _NSIG 64
#define _NSIG_BPW 64
#define _NSIG_WORDS (_NSIG / _NSIG_BPW)

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGUNUSED 31
#define SIGRTMIN 32
#define SIGRTMAX _NSIG

typedef void __signalfn_t(int);
typedef __signalfn_t __user *__sighandler_t;
#define SIG_DFL ((__force __sighandler_t)0)
#define SIG_IGN ((__force __sighandler_t)1)
#define SIG_ERR ((__force __sighandler_t)-1)
#endif

#define SIG_KTHREAD ((__force __sighandler_t)2)
#define SIG_KTHREAD_KERNEL ((__force __sighandler_t)3)

/* sigset_t is struct sched.h's kernel_sigset_t: one word of 64 signals. */
#define sigmask(sig) (1UL << ((sig) - 1))

static inline void __emu_sigaddset(kernel_sigset_t *set, int sig) { set->sig[0] |= 1UL << (sig - 1); }
static inline void __emu_sigdelset(kernel_sigset_t *set, int sig) { set->sig[0] &= ~(1UL << (sig - 1)); }
static inline int __emu_sigismember(kernel_sigset_t *set, int sig) { return (set->sig[0] >> (sig - 1)) & 1; }
#define sigaddset(set, sig) __emu_sigaddset(set, sig)
#define sigdelset(set, sig) __emu_sigdelset(set, sig)
#define sigismember(set, sig) __emu_sigismember(set, sig)
static inline int sigisemptyset(kernel_sigset_t *set) { return set->sig[0] == 0; }
static inline void sigemptyset(kernel_sigset_t *set) { set->sig[0] = 0; }
static inline void sigfillset(kernel_sigset_t *set) { set->sig[0] = -1UL; }
static inline void sigaddsetmask(kernel_sigset_t *set, unsigned long mask) { set->sig[0] |= mask; }
static inline void sigdelsetmask(kernel_sigset_t *set, unsigned long mask) { set->sig[0] &= ~mask; }
static inline int sigtestsetmask(kernel_sigset_t *set, unsigned long mask) { return (set->sig[0] & mask) != 0; }
static inline void siginitset(kernel_sigset_t *set, unsigned long mask) { set->sig[0] = mask; }
static inline void siginitsetinv(kernel_sigset_t *set, unsigned long mask) { set->sig[0] = ~mask; }

EMU_BEGIN_DECLS
/* The current task's disposition of sig: SIG_KTHREAD lets a kernel thread see it. */
void kernel_sigaction(int sig, __sighandler_t action);
EMU_END_DECLS

/* A kernel thread that wants signal `sig` (SIGKILL from `kill -9`, ...). */
static inline void allow_signal(int sig) { kernel_sigaction(sig, SIG_KTHREAD); }
static inline void allow_kernel_signal(int sig) { kernel_sigaction(sig, SIG_KTHREAD_KERNEL); }
static inline void disallow_signal(int sig) { kernel_sigaction(sig, SIG_IGN); }

#endif
