// lib/math/int_pow.c, int_sqrt.c and div64.c: the out-of-line helpers of
// linux/math.h and linux/math64.h.
#include "kernel/include/linux/math64.h"

extern "C" {

// base^exp by squaring; wraps modulo 2^64 as 6.1's does.
u64 int_pow(u64 base, unsigned int exp) {
    u64 result = 1;
    while (exp) {
        if (exp & 1) result *= base;
        exp >>= 1;
        base *= base;
    }
    return result;
}

// floor(sqrt(x)), one result bit at a time from the top.
unsigned long int_sqrt(unsigned long x) {
    if (x <= 1) return x;
    unsigned long root = 0;
    unsigned long bit = 1ul << ((63 - __builtin_clzl(x)) & ~1);  // the highest power of 4 <= x
    while (bit) {
        if (x >= root + bit) {
            x -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    return root;
}

u32 iter_div_u64_rem(u64 dividend, u32 divisor, u64* remainder) {
    return __iter_div_u64_rem(dividend, divisor, remainder);
}

}  // extern "C"
