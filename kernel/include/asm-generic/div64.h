#ifndef _ASM_GENERIC_DIV64_H
#define _ASM_GENERIC_DIV64_H
/* do_div(n, base): divides the 64-bit lvalue n by a 32-bit base in place and
 * yields the 32-bit remainder (6.1 include/asm-generic/div64.h, 64-bit form). */
#include "../linux/types.h"
#include "../linux/compiler.h"

#define do_div(n, base) ({ \
		u32 __base = (base); \
		u32 __rem = (u32)(((u64)(n)) % __base); \
		(n) = ((u64)(n)) / __base; \
		__rem; })
#endif
