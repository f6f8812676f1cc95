#ifndef _LINUX_LIST_SORT_H
#define _LINUX_LIST_SORT_H
/* Stable merge sort of a list_head list (6.1 include/linux/list_sort.h,
 * lib/list_sort.c): cmp(priv, a, b) > 0 puts b before a; equal elements keep
 * their order. */
#include "types.h"

struct list_head;

typedef int __attribute__((nonnull(2, 3))) (*list_cmp_func_t)(void *, const struct list_head *,
							       const struct list_head *);

EMU_BEGIN_DECLS
__attribute__((nonnull(2, 3))) void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp);
EMU_END_DECLS
#endif
