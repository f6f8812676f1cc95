// lib/bitmap.c: the out-of-line part of linux/bitmap.h -- allocation, areas
// and regions, and the text forms (hex words and lists) sysfs reads and writes.
#include "kernel/include/linux/bitmap.h"
#include "kernel/include/linux/ctype.h"
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/slab.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

bool is_space(char c) { return _ctype[static_cast<unsigned char>(c)] & _S; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    c = static_cast<char>(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// One decimal number of a list; -EINVAL without digits, -EOVERFLOW past INT_MAX.
int parse_number(const char*& p, const char* end, unsigned int* out) {
    if (p == end || !is_digit(*p)) return -EINVAL;
    unsigned long long v = 0;
    while (p < end && is_digit(*p)) {
        v = v * 10 + static_cast<unsigned>(*p++ - '0');
        if (v > INT_MAX) return -EOVERFLOW;
    }
    *out = static_cast<unsigned int>(v);
    return 0;
}

// The list form: "0-3,8,16-31:2/4", ranges merged.
std::string list_string(const unsigned long* maskp, unsigned int nbits) {
    std::string s;
    unsigned int b, e;
    for_each_set_bitrange(b, e, maskp, nbits) {
        if (!s.empty()) s += ',';
        s += std::to_string(b);
        if (e - 1 > b) s += '-' + std::to_string(e - 1);
    }
    return s;
}

// The mask form: 32-bit hex words, most significant first, comma separated.
std::string mask_string(const unsigned long* maskp, unsigned int nbits) {
    std::string s;
    unsigned int words = (nbits + 31) / 32;
    for (unsigned int w = words; w-- > 0;) {
        u32 v = static_cast<u32>(maskp[w / 2] >> (32 * (w % 2)));
        if (w == words - 1 && nbits % 32) v &= (1u << (nbits % 32)) - 1;
        char buf[9];
        // The top word has only as many digits as its bits need.
        unsigned int digits = w == words - 1 && nbits % 32 ? (nbits % 32 + 3) / 4 : 8;
        std::snprintf(buf, sizeof buf, "%0*x", static_cast<int>(digits), v);
        if (!s.empty()) s += ',';
        s += buf;
    }
    return s;
}

}  // namespace

extern "C" {

unsigned long* bitmap_alloc(unsigned int nbits, gfp_t flags) {
    return static_cast<unsigned long*>(kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags));
}
unsigned long* bitmap_zalloc(unsigned int nbits, gfp_t flags) { return bitmap_alloc(nbits, flags | __GFP_ZERO); }
unsigned long* bitmap_alloc_node(unsigned int nbits, gfp_t flags, int) { return bitmap_alloc(nbits, flags); }
unsigned long* bitmap_zalloc_node(unsigned int nbits, gfp_t flags, int) { return bitmap_zalloc(nbits, flags); }
void bitmap_free(const unsigned long* bitmap) { kfree(bitmap); }

// Removes bits first..first+cut-1, moving the bits above down.
void bitmap_cut(unsigned long* dst, const unsigned long* src, unsigned int first, unsigned int cut,
                unsigned int nbits) {
    for (unsigned int i = first; i < nbits; ++i) {
        bool v = i + cut < nbits && test_bit(i + cut, src);
        __assign_bit(i, dst, v);
    }
    for (unsigned int i = 0; i < first && dst != src; ++i) __assign_bit(i, dst, test_bit(i, src));
}

unsigned long bitmap_find_next_zero_area_off(unsigned long* map, unsigned long size, unsigned long start,
                                             unsigned int nr, unsigned long align_mask,
                                             unsigned long align_offset) {
    for (;;) {
        unsigned long index = find_next_zero_bit(map, size, start);
        index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;  // aligned up
        unsigned long end = index + nr;
        if (end > size) return end;
        unsigned long i = find_next_bit(map, end, index);
        if (i < end) {
            start = i + 1;
            continue;
        }
        return index;
    }
}

int bitmap_find_free_region(unsigned long* bitmap, unsigned int bits, int order) {
    unsigned int len = 1u << order;
    for (unsigned int pos = 0; pos + len <= bits; pos += len) {
        if (find_next_bit(bitmap, pos + len, pos) < pos + len) continue;
        bitmap_set(bitmap, pos, len);
        return static_cast<int>(pos);
    }
    return -ENOMEM;
}

void bitmap_release_region(unsigned long* bitmap, unsigned int pos, int order) { bitmap_clear(bitmap, pos, 1u << order); }

int bitmap_allocate_region(unsigned long* bitmap, unsigned int pos, int order) {
    unsigned int len = 1u << order;
    if (find_next_bit(bitmap, pos + len, pos) < pos + len) return -EBUSY;
    bitmap_set(bitmap, pos, len);
    return 0;
}

int bitmap_parse(const char* buf, unsigned int buflen, unsigned long* dst, int nbits) {
    const char* end = buf + strnlen(buf, buflen);
    while (end > buf && (end[-1] == '\n' || is_space(end[-1]))) --end;
    bitmap_zero(dst, static_cast<unsigned>(nbits));
    // Words of up to 8 hex digits, the last one least significant.
    unsigned int word = 0;
    const char* p = end;
    while (p > buf) {
        const char* q = p;
        while (q > buf && q[-1] != ',') --q;
        if (q == p || p - q > 8) return -EINVAL;
        u32 v = 0;
        for (const char* c = q; c < p; ++c) {
            int h = hex_value(*c);
            if (h < 0) return -EINVAL;
            v = v << 4 | static_cast<u32>(h);
        }
        for (unsigned int b = 0; b < 32; ++b) {
            if (!(v >> b & 1)) continue;
            unsigned int bit = word * 32 + b;
            if (bit >= static_cast<unsigned>(nbits)) return -EOVERFLOW;
            __set_bit(bit, dst);
        }
        ++word;
        p = q > buf ? q - 1 : q;
        if (q > buf && p == buf) return -EINVAL;  // a leading comma
    }
    return 0;
}

// "N", "N-M", "N-M:used/group", "all", "N" for the last bit; comma separated.
int bitmap_parselist(const char* buf, unsigned long* maskp, int nmaskbits) {
    bitmap_zero(maskp, static_cast<unsigned>(nmaskbits));
    const char* p = buf;
    const char* end = buf + std::strlen(buf);
    while (end > p && (end[-1] == '\n' || is_space(end[-1]))) --end;
    while (p < end) {
        const char* chunk_end = p;
        while (chunk_end < end && *chunk_end != ',') ++chunk_end;
        unsigned int start, last, used = 1, group = 1;
        const char* q = p;
        auto number = [&](unsigned int* out) -> int {
            if (q < chunk_end && *q == 'N') {
                ++q;
                *out = static_cast<unsigned int>(nmaskbits - 1);
                return 0;
            }
            return parse_number(q, chunk_end, out);
        };
        if (chunk_end - p == 3 && !std::strncmp(p, "all", 3)) {
            start = 0;
            last = static_cast<unsigned int>(nmaskbits - 1);
            q = chunk_end;
        } else {
            if (int rc = number(&start)) return rc;
            last = start;
            if (q < chunk_end && *q == '-') {
                ++q;
                if (int rc = number(&last)) return rc;
            }
        }
        if (q < chunk_end && *q == ':') {
            ++q;
            if (int rc = parse_number(q, chunk_end, &used)) return rc;
            if (q >= chunk_end || *q != '/') return -EINVAL;
            ++q;
            if (int rc = parse_number(q, chunk_end, &group)) return rc;
        }
        if (q != chunk_end) return -EINVAL;
        if (start > last || group == 0 || used > group) return -EINVAL;
        if (last >= static_cast<unsigned int>(nmaskbits)) return -ERANGE;
        for (unsigned int b = start; b <= last; ++b)
            if ((b - start) % group < used) __set_bit(b, maskp);
        p = chunk_end < end ? chunk_end + 1 : chunk_end;
        if (chunk_end < end && p == end) return -EINVAL;  // a trailing comma
    }
    return 0;
}

int bitmap_print_to_pagebuf(bool list, char* buf, const unsigned long* maskp, int nmaskbits) {
    std::string s = list ? list_string(maskp, static_cast<unsigned>(nmaskbits))
                         : mask_string(maskp, static_cast<unsigned>(nmaskbits));
    return std::snprintf(buf, 4096, "%s\n", s.c_str());
}

}  // extern "C"
