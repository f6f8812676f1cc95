// lib/vsprintf.c's buffer helpers beyond the C library's (scnprintf, the
// kasprintf family) and lib/hexdump.c. Formatting itself is the kernel's
// (kernel/vsprintf_format.cpp), as for printk(); allocations go through kmalloc().
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/kernel.h"
#include "kernel/include/linux/printk.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/string.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

extern "C" {

// What was stored, not what would have been: 0 for an empty buffer, at most size - 1.
int vscnprintf(char* buf, size_t size, const char* fmt, va_list args) {
    if (size == 0) return 0;
    int n = emu::kern::kernel_vsnprintf(buf, size, fmt, args);
    if (n < 0) return 0;
    if (static_cast<size_t>(n) < size) return n;
    return static_cast<int>(size - 1);
}

int scnprintf(char* buf, size_t size, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vscnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

char* kvasprintf(gfp_t gfp, const char* fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = emu::kern::kernel_vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    if (n < 0) return nullptr;
    auto* p = static_cast<char*>(kmalloc(static_cast<size_t>(n) + 1, gfp));
    if (!p) return nullptr;
    emu::kern::kernel_vsnprintf(p, static_cast<size_t>(n) + 1, fmt, ap);
    return p;
}

// A format without conversions, or exactly "%s", needs no new string: the
// result may be the format or the argument itself, freed with kfree_const().
const char* kvasprintf_const(gfp_t gfp, const char* fmt, va_list ap) {
    if (!std::strchr(fmt, '%')) return kstrdup_const(fmt, gfp);
    if (std::strcmp(fmt, "%s") == 0) {
        va_list copy;
        va_copy(copy, ap);
        const char* s = va_arg(copy, const char*);
        va_end(copy);
        return kstrdup_const(s, gfp);
    }
    return kvasprintf(gfp, fmt, ap);
}

char* kasprintf(gfp_t gfp, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char* p = kvasprintf(gfp, fmt, ap);
    va_end(ap);
    return p;
}

const char hex_asc[] = "0123456789abcdef";
const char hex_asc_upper[] = "0123456789ABCDEF";

int hex_to_bin(unsigned char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch = static_cast<unsigned char>(ch | 0x20);
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
}

// Two digits per byte; -EINVAL at the first non-digit (6.1 lib/hexdump.c).
int hex2bin(u8* dst, const char* src, size_t count) {
    while (count--) {
        int hi = hex_to_bin(static_cast<unsigned char>(*src++));
        if (hi < 0) return -EINVAL;
        int lo = hex_to_bin(static_cast<unsigned char>(*src++));
        if (lo < 0) return -EINVAL;
        *dst++ = static_cast<u8>((hi << 4) | lo);
    }
    return 0;
}

// Lower-case digits, no terminating NUL; returns the end.
char* bin2hex(char* dst, const void* src, size_t count) {
    auto* p = static_cast<const u8*>(src);
    while (count--) {
        *dst++ = hex_asc[*p >> 4];
        *dst++ = hex_asc[*p & 0xf];
        ++p;
    }
    return dst;
}

// One row: groups of 1, 2, 4 or 8 bytes (wider groups read as the CPU's
// little-endian numbers), then, when ascii, the bytes from column
// rowsize * 2 + rowsize / groupsize + 1 (printable ASCII as is, others as
// "."). Returns the line's length; if linebuf is too small, the length it
// would have needed (6.1 lib/hexdump.c).
int hex_dump_to_buffer(const void* buf, size_t len, int rowsize, int groupsize, char* linebuf,
                       size_t linebuflen, bool ascii) {
    const auto* ptr = static_cast<const u8*>(buf);
    if (rowsize != 16 && rowsize != 32) rowsize = 16;
    if (len > static_cast<size_t>(rowsize)) len = static_cast<size_t>(rowsize);
    if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8) groupsize = 1;
    if (len % static_cast<size_t>(groupsize) != 0) groupsize = 1;
    size_t ngroups = len / static_cast<size_t>(groupsize);
    size_t ascii_column = static_cast<size_t>(rowsize * 2 + rowsize / groupsize + 1);
    size_t lx = 0;
    auto needed = [&]() {
        return static_cast<int>(ascii ? ascii_column + len : (static_cast<size_t>(groupsize) * 2 + 1) * ngroups - 1);
    };
    if (!linebuflen) return needed();
    if (len) {
        if (groupsize > 1) {
            for (size_t j = 0; j < ngroups; ++j) {
                unsigned long long v = 0;
                std::memcpy(&v, ptr + j * static_cast<size_t>(groupsize), static_cast<size_t>(groupsize));
                int n = std::snprintf(linebuf + lx, linebuflen - lx, "%s%0*llx", j ? " " : "", groupsize * 2, v);
                if (n < 0 || static_cast<size_t>(n) >= linebuflen - lx) return needed();
                lx += static_cast<size_t>(n);
            }
        } else {
            for (size_t j = 0; j < len; ++j) {
                if (linebuflen < lx + 2) goto overflow;
                linebuf[lx++] = hex_asc[ptr[j] >> 4];
                if (linebuflen < lx + 2) goto overflow;
                linebuf[lx++] = hex_asc[ptr[j] & 0xf];
                if (linebuflen < lx + 2) goto overflow;
                linebuf[lx++] = ' ';
            }
            --lx;  // no space after the last byte
        }
        if (ascii) {
            while (lx < ascii_column) {
                if (linebuflen < lx + 2) goto overflow;
                linebuf[lx++] = ' ';
            }
            for (size_t j = 0; j < len; ++j) {
                if (linebuflen < lx + 2) goto overflow;
                linebuf[lx++] = (ptr[j] >= 0x20 && ptr[j] < 0x7f) ? static_cast<char>(ptr[j]) : '.';
            }
        }
    }
    linebuf[lx] = '\0';
    return static_cast<int>(lx);
overflow:
    linebuf[lx] = '\0';
    return needed();
}

// One printk() per row: prefix_str, then the address (with %p, so hashed
// as 6.1 prints it) or the offset as 8 hex digits, then the row.
void print_hex_dump(const char* level, const char* prefix_str, int prefix_type, int rowsize, int groupsize,
                    const void* buf, size_t len, bool ascii) {
    const auto* ptr = static_cast<const u8*>(buf);
    char linebuf[32 * 3 + 2 + 32 + 1];
    if (rowsize != 16 && rowsize != 32) rowsize = 16;
    for (size_t i = 0; i < len; i += static_cast<size_t>(rowsize)) {
        size_t linelen = len - i < static_cast<size_t>(rowsize) ? len - i : static_cast<size_t>(rowsize);
        hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize, linebuf, sizeof linebuf, ascii);
        switch (prefix_type) {
        case DUMP_PREFIX_ADDRESS:
            printk("%s%s%p: %s\n", level, prefix_str, static_cast<const void*>(ptr + i), linebuf);
            break;
        case DUMP_PREFIX_OFFSET:
            printk("%s%s%.8zx: %s\n", level, prefix_str, i, linebuf);
            break;
        default:
            printk("%s%s%s\n", level, prefix_str, linebuf);
            break;
        }
    }
}

}  // extern "C"
