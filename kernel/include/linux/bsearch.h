#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H
/* Binary search of a sorted array (6.1 include/linux/bsearch.h, lib/bsearch.c).
 * cmp(key, element) as in sort(); among equal elements, the one found is
 * the one the halving meets first. bsearch() itself is the C library's,
 * whose halving is the same. */
#include "types.h"

typedef int (*cmp_func_t)(const void *a, const void *b);

static inline __attribute__((__always_inline__)) void *__inline_bsearch(const void *key, const void *base, size_t num, size_t size,
					      cmp_func_t cmp)
{
	const char *lo = (const char *)base;

	while (num > 0) {
		const char *mid = lo + (num >> 1) * size;
		int r = cmp(key, mid);

		if (r == 0)
			return (void *)mid;
		if (r > 0) {
			/* keep what lies above mid: num - num/2 - 1 elements */
			lo = mid + size;
			num--;
		}
		num >>= 1;
	}
	return NULL;
}

#ifndef __cplusplus /* the C++ side has it from <cstdlib> */
void *bsearch(const void *key, const void *base, size_t num, size_t size, cmp_func_t cmp);
#endif
#endif
