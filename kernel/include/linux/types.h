#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include "compiler.h"
#include <stddef.h>
/* bool is a type, not <stdbool.h>'s macro, as on 6.1 (types.h, stddef.h): a
 * macro would be expanded before module_param() pastes its type argument. */
#if !defined(__cplusplus) && !defined(__bool_true_false_are_defined)
typedef _Bool bool;
enum { false = 0, true = 1 };
#endif

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s8 __s8;
typedef s16 __s16;
typedef s32 __s32;
typedef s64 __s64;
typedef int pid_t;
typedef unsigned int gfp_t;
typedef unsigned int fmode_t;
typedef unsigned int umode_t;
typedef s64 ktime_t;
typedef unsigned int __poll_t; /* EPOLL* event bits (6.1 uapi/linux/types.h) */
#ifndef __cplusplus /* the C++ side has these from <sys/types.h> */
typedef unsigned int dev_t;
typedef long long loff_t;
typedef long ssize_t;
typedef unsigned int uid_t;
#endif

typedef struct { int counter; } atomic_t;
typedef struct { long long counter; } atomic64_t;
typedef atomic64_t atomic_long_t; /* 64-bit: one type (6.1 asm-generic/atomic-long.h) */
typedef struct refcount_struct { atomic_t refs; } refcount_t; /* 6.1 linux/refcount.h */

struct list_head { struct list_head *next, *prev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_node { struct hlist_node *next, **pprev; };

struct callback_head { struct callback_head *next; void (*func)(struct callback_head *head); };
#define rcu_head callback_head

#endif
