// lib/kstrtox.c: strict string-to-integer conversion (kstrto*), and the old
// lenient simple_strto*() of lib/vsprintf.c, which share its digit parser.
#include "kernel/include/linux/kstrtox.h"
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/uaccess.h"

#include <algorithm>
#include <climits>
#include <type_traits>

namespace {

constexpr unsigned kOverflow = 1u << 31;  // KSTRTOX_OVERFLOW, or-ed into the digit count

// Base 0 picks 16 for "0x" followed by a hex digit, 8 for a leading 0, else
// 10; a "0x" prefix is skipped whenever the base is (or became) 16.
const char* fixup_radix(const char* s, unsigned* base) {
    auto lower = [](char c) { return static_cast<char>(c | 0x20); };
    auto xdigit = [](char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); };
    if (*base == 0) {
        if (s[0] == '0')
            *base = lower(s[1]) == 'x' && xdigit(s[2]) ? 16 : 8;
        else
            *base = 10;
    }
    if (*base == 16 && s[0] == '0' && lower(s[1]) == 'x') s += 2;
    return s;
}

// Reads up to max_chars digits of `base`; returns how many, with kOverflow
// set if the value passed 2^64 - 1 (the wrapped value is still stored).
unsigned parse_integer(const char* s, unsigned base, unsigned long long* p, std::size_t max_chars = INT_MAX) {
    unsigned long long res = 0;
    unsigned rv = 0;
    for (; max_chars; --max_chars, ++s) {
        unsigned c = static_cast<unsigned char>(*s), lc = c | 0x20, val;
        if (c >= '0' && c <= '9')
            val = c - '0';
        else if (lc >= 'a' && lc <= 'f')
            val = lc - 'a' + 10;
        else
            break;
        if (val >= base) break;
        if (res > (ULLONG_MAX - val) / base) rv |= kOverflow;
        res = res * base + val;
        ++rv;
    }
    *p = res;
    return rv;
}

int parse_ull(const char* s, unsigned base, unsigned long long* res) {
    unsigned long long v;
    s = fixup_radix(s, &base);
    unsigned rv = parse_integer(s, base, &v);
    if (rv & kOverflow) return -ERANGE;
    if (rv == 0) return -EINVAL;
    s += rv;
    if (*s == '\n') ++s;
    if (*s) return -EINVAL;
    *res = v;
    return 0;
}

// kstrtouint() & co.: the 64-bit parse, then a range check for T.
template <typename T>
int to_narrower(const char* s, unsigned base, T* res) {
    if constexpr (std::is_signed_v<T>) {
        long long tmp;
        if (int rv = kstrtoll(s, base, &tmp); rv < 0) return rv;
        if (tmp != static_cast<T>(tmp)) return -ERANGE;
        *res = static_cast<T>(tmp);
    } else {
        unsigned long long tmp;
        if (int rv = kstrtoull(s, base, &tmp); rv < 0) return rv;
        if (tmp != static_cast<T>(tmp)) return -ERANGE;
        *res = static_cast<T>(tmp);
    }
    return 0;
}

// The _from_user forms copy at most what the longest spelling needs (sign,
// 64 binary digits, newline) and parse that.
template <typename T, typename Parse>
int from_user(const char* s, std::size_t count, unsigned base, T* res, Parse parse) {
    char buf[1 + sizeof(T) * 8 + 1 + 1];
    count = std::min(count, sizeof buf - 1);
    if (copy_from_user(buf, s, count)) return -EFAULT;
    buf[count] = '\0';
    return parse(buf, base, res);
}

unsigned long long simple_strntoull(const char* startp, std::size_t max_chars, char** endp, unsigned base) {
    unsigned long long result = 0;
    const char* cp = fixup_radix(startp, &base);
    auto prefix = static_cast<std::size_t>(cp - startp);
    if (prefix < max_chars)
        cp += parse_integer(cp, base, &result, max_chars - prefix) & ~kOverflow;
    else
        cp = startp + max_chars;  // too short for a prefix and a digit
    if (endp) *endp = const_cast<char*>(cp);
    return result;
}

}  // namespace

extern "C" {

int kstrtoull(const char* s, unsigned int base, unsigned long long* res) {
    if (s[0] == '+') ++s;
    return parse_ull(s, base, res);
}

int kstrtoll(const char* s, unsigned int base, long long* res) {
    unsigned long long tmp;
    if (s[0] == '-') {
        if (int rv = parse_ull(s + 1, base, &tmp); rv < 0) return rv;
        if (static_cast<long long>(0 - tmp) > 0) return -ERANGE;  // beyond LLONG_MIN
        *res = static_cast<long long>(0 - tmp);
    } else {
        if (int rv = kstrtoull(s, base, &tmp); rv < 0) return rv;
        if (static_cast<long long>(tmp) < 0) return -ERANGE;
        *res = static_cast<long long>(tmp);
    }
    return 0;
}

int _kstrtoul(const char* s, unsigned int base, unsigned long* res) { return to_narrower(s, base, res); }
int _kstrtol(const char* s, unsigned int base, long* res) { return to_narrower(s, base, res); }
int kstrtouint(const char* s, unsigned int base, unsigned int* res) { return to_narrower(s, base, res); }
int kstrtoint(const char* s, unsigned int base, int* res) { return to_narrower(s, base, res); }
int kstrtou16(const char* s, unsigned int base, u16* res) { return to_narrower(s, base, res); }
int kstrtos16(const char* s, unsigned int base, s16* res) { return to_narrower(s, base, res); }
int kstrtou8(const char* s, unsigned int base, u8* res) { return to_narrower(s, base, res); }
int kstrtos8(const char* s, unsigned int base, s8* res) { return to_narrower(s, base, res); }

// y/Y/t/T/1 and "on" are true; n/N/f/F/0 and "off" false; only the first one
// or two characters count ("yes", "false", "offline" all parse).
int kstrtobool(const char* s, bool* res) {
    if (!s) return -EINVAL;
    switch (s[0]) {
    case 'y': case 'Y': case 't': case 'T': case '1':
        *res = true;
        return 0;
    case 'n': case 'N': case 'f': case 'F': case '0':
        *res = false;
        return 0;
    case 'o': case 'O':
        if (s[1] == 'n' || s[1] == 'N') {
            *res = true;
            return 0;
        }
        if (s[1] == 'f' || s[1] == 'F') {
            *res = false;
            return 0;
        }
        break;
    default:
        break;
    }
    return -EINVAL;
}

int kstrtobool_from_user(const char* s, size_t count, bool* res) {
    char buf[4];  // enough to tell the spellings apart, a newline, the NUL
    count = std::min(count, sizeof buf - 1);
    if (copy_from_user(buf, s, count)) return -EFAULT;
    buf[count] = '\0';
    return kstrtobool(buf, res);
}

#define EMU_KSTRTO_FROM_USER(name, parse, type) \
    int name(const char* s, size_t count, unsigned int base, type* res) { return from_user(s, count, base, res, parse); }
EMU_KSTRTO_FROM_USER(kstrtoull_from_user, kstrtoull, unsigned long long)
EMU_KSTRTO_FROM_USER(kstrtoll_from_user, kstrtoll, long long)
EMU_KSTRTO_FROM_USER(kstrtoul_from_user, kstrtoul, unsigned long)
EMU_KSTRTO_FROM_USER(kstrtol_from_user, kstrtol, long)
EMU_KSTRTO_FROM_USER(kstrtouint_from_user, kstrtouint, unsigned int)
EMU_KSTRTO_FROM_USER(kstrtoint_from_user, kstrtoint, int)
EMU_KSTRTO_FROM_USER(kstrtou16_from_user, kstrtou16, u16)
EMU_KSTRTO_FROM_USER(kstrtos16_from_user, kstrtos16, s16)
EMU_KSTRTO_FROM_USER(kstrtou8_from_user, kstrtou8, u8)
EMU_KSTRTO_FROM_USER(kstrtos8_from_user, kstrtos8, s8)
#undef EMU_KSTRTO_FROM_USER

unsigned long long simple_strtoull(const char* cp, char** endp, unsigned int base) {
    return simple_strntoull(cp, INT_MAX, endp, base);
}
unsigned long simple_strtoul(const char* cp, char** endp, unsigned int base) {
    return simple_strtoull(cp, endp, base);
}
// A leading '-' negates; no '+' and no leading spaces are accepted.
long simple_strtol(const char* cp, char** endp, unsigned int base) {
    if (*cp == '-') return static_cast<long>(0 - simple_strtoul(cp + 1, endp, base));
    return static_cast<long>(simple_strtoul(cp, endp, base));
}
long long simple_strtoll(const char* cp, char** endp, unsigned int base) {
    if (*cp == '-') return static_cast<long long>(0 - simple_strntoull(cp + 1, INT_MAX - 1, endp, base));
    return static_cast<long long>(simple_strntoull(cp, INT_MAX, endp, base));
}

}  // extern "C"
