#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H
/* In-place array sort (6.1 include/linux/sort.h, lib/sort.c): a bottom-up
 * heapsort, O(n log n) without recursion or allocation, and not stable.
 * swap_func NULL picks a built-in swap of the element's bytes. */
#include "types.h"

/* As 6.1 include/linux/types.h. */
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef int (*cmp_func_t)(const void *a, const void *b);

EMU_BEGIN_DECLS
void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func, swap_r_func_t swap_func, const void *priv);
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func, swap_func_t swap_func);
EMU_END_DECLS
#endif
