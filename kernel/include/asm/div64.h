#ifndef _ASM_X86_DIV64_H
#define _ASM_X86_DIV64_H
/* x86-64: the generic do_div(), plus a * mul / div with a 128-bit product
 * (6.1 arch/x86/include/asm/div64.h; the hardware's mulq/divq). */
#include "../asm-generic/div64.h"

static inline u64 mul_u64_u64_div_u64(u64 a, u64 mul, u64 div)
{
	return (u64)(((unsigned __int128)a * mul) / div);
}
#define mul_u64_u64_div_u64 mul_u64_u64_div_u64

static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 div) { return mul_u64_u64_div_u64(a, mul, div); }
#define mul_u64_u32_div mul_u64_u32_div
#endif
