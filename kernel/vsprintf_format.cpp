// The kernel's vsnprintf() as 6.1 lib/vsprintf.c behaves (format_decode(),
// number(), string(), pointer()) and the %p extensions of
// Documentation/core-api/printk-formats.rst, written for emu. Output goes
// straight into the caller's buffer; only %pS-style symbol lookups allocate.
#include "kernel/vsprintf.hpp"

#include "kernel/bug.hpp"
#include "kernel/kernel.hpp"
#include "kernel/module_space.hpp"
#include "kernel/slab.hpp"
#include "kernel/stacktrace.hpp"

#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/printk.h"

#include <dlfcn.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

extern "C" int sprint_backtrace(char* buffer, unsigned long address);

namespace emu::kern {

namespace {

enum : unsigned { kZeropad = 1, kSign = 2, kPlus = 4, kSpace = 8, kLeft = 16, kSmall = 32, kSpecial = 64 };

struct Spec {
    unsigned flags = 0;
    int width = -1;      // -1: none
    int precision = -1;  // -1: none
    unsigned base = 10;
};

// The output: bytes past the buffer are counted, not stored.
struct Out {
    char* buf;
    std::size_t cap;
    std::size_t pos = 0;
    void put(char c) {
        if (pos < cap) buf[pos] = c;
        ++pos;
    }
    void pad(char c, int n) {
        if (n <= 0) return;
        if (pos >= cap) {  // counted, not written: no loop over a width nothing will hold
            pos += static_cast<std::size_t>(n);
            return;
        }
        while (n-- > 0) put(c);
    }
};

struct Ctx {
    Kernel* k;
    Out out;
};

constexpr char kHexUpper[] = "0123456789ABCDEF";
constexpr char kHexLower[] = "0123456789abcdef";
constexpr std::uintptr_t kPageSize = 4096;
constexpr unsigned long kMaxErrno = 4095;

bool is_err(const void* p) { return reinterpret_cast<unsigned long>(p) >= static_cast<unsigned long>(-kMaxErrno); }

void number(Out& o, unsigned long long num, Spec s) {
    char tmp[66];
    bool need_pfx = (s.flags & kSpecial) && s.base != 10;
    bool is_zero = num == 0;
    int width = s.width;
    int prec = s.precision;
    const char* digits = (s.flags & kSmall) ? kHexLower : kHexUpper;
    if (s.flags & kLeft) s.flags &= ~kZeropad;
    char sign = 0;
    if (s.flags & kSign) {
        if (static_cast<long long>(num) < 0) {
            sign = '-';
            num = 0 - num;
            --width;
        } else if (s.flags & kPlus) {
            sign = '+';
            --width;
        } else if (s.flags & kSpace) {
            sign = ' ';
            --width;
        }
    }
    if (need_pfx) {
        if (s.base == 16) width -= 2;
        else if (!is_zero) --width;
    }
    int i = 0;
    do {
        tmp[i++] = digits[num % s.base];
        num /= s.base;
    } while (num);
    // 6.1 prints at least one digit, even for a precision of 0.
    if (i > prec) prec = i;
    width -= prec;
    if (!(s.flags & (kZeropad | kLeft))) {
        o.pad(' ', width);
        width = 0;
    }
    if (sign) o.put(sign);
    if (need_pfx) {
        if (s.base == 16 || !is_zero) o.put('0');
        if (s.base == 16) o.put((s.flags & kSmall) ? 'x' : 'X');
    }
    if (!(s.flags & kLeft)) {
        o.pad((s.flags & kZeropad) ? '0' : ' ', width);
        width = 0;
    }
    o.pad('0', prec - i);
    while (i > 0) o.put(tmp[--i]);
    o.pad(' ', width);
}

// At most `precision` bytes of s, padded with spaces to the width (never zeros).
void string_nocheck(Out& o, const char* s, const Spec& sp) {
    std::size_t len = sp.precision < 0 ? std::strlen(s) : strnlen(s, static_cast<std::size_t>(sp.precision));
    int spaces = sp.width - static_cast<int>(len);
    if (!(sp.flags & kLeft)) o.pad(' ', spaces);
    for (std::size_t i = 0; i < len; ++i) o.put(s[i]);
    if (sp.flags & kLeft) o.pad(' ', spaces);
}

// "(null)", "(efault)", "(einval)" ...: cut at 16 characters unless a precision says otherwise.
void error_string(Out& o, const char* s, Spec sp) {
    if (sp.precision == -1) sp.precision = 2 * sizeof(void*);
    string_nocheck(o, s, sp);
}

// check_pointer(): a NULL or unmapped-looking pointer prints as a message; true when it did.
bool check_pointer(Out& o, const void* p, const Spec& sp) {
    if (!p) {
        error_string(o, "(null)", sp);
        return true;
    }
    if (reinterpret_cast<std::uintptr_t>(p) < kPageSize || is_err(p)) {
        error_string(o, "(efault)", sp);
        return true;
    }
    return false;
}

void string(Out& o, const char* s, const Spec& sp) {
    if (!check_pointer(o, s, sp)) string_nocheck(o, s, sp);
}

// Sixteen hex digits, zero-padded, unless the format gave a width.
void pointer_string(Out& o, unsigned long v, Spec sp) {
    sp.base = 16;
    sp.flags |= kSmall;
    if (sp.width == -1) {
        sp.width = 2 * sizeof(void*);
        sp.flags |= kZeropad;
    }
    number(o, v, sp);
}

void special_hex_number(Out& o, unsigned long long v, int size) {
    Spec sp;
    sp.width = 2 + 2 * size;
    sp.flags = kSpecial | kSmall | kZeropad;
    sp.base = 16;
    number(o, v, sp);
}

// ---------------------------------------------------------------- %p hashing

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

void sip_round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
}

// SipHash-2-4 of whole 64-bit words, the function 6.1 hashes pointers with.
std::uint64_t siphash(const std::uint64_t key[2], const std::uint64_t* words, std::size_t n) {
    std::uint64_t v0 = key[0] ^ 0x736f6d6570736575ull, v1 = key[1] ^ 0x646f72616e646f6dull;
    std::uint64_t v2 = key[0] ^ 0x6c7967656e657261ull, v3 = key[1] ^ 0x7465646279746573ull;
    auto absorb = [&](std::uint64_t m) {
        v3 ^= m;
        sip_round(v0, v1, v2, v3);
        sip_round(v0, v1, v2, v3);
        v0 ^= m;
    };
    for (std::size_t i = 0; i < n; ++i) absorb(words[i]);
    absorb(static_cast<std::uint64_t>(n * 8) << 56);
    v2 ^= 0xff;
    for (int i = 0; i < 4; ++i) sip_round(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a(const char* s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; ++s) h = (h ^ static_cast<unsigned char>(*s)) * 0x100000001b3ull;
    return h;
}

// ---------------------------------------------------------------- errname

struct ErrName {
    int err;
    const char* name;
};
#define EMU_ERRNAME(e) {e, "-" #e}
// 6.1 lib/errname.c: where two names share a number, EAGAIN, EDEADLK,
// ECANCELED, ECONNREFUSED and EOPNOTSUPP are the ones printed.
constexpr ErrName kErrNames[] = {
    EMU_ERRNAME(E2BIG), EMU_ERRNAME(EACCES), EMU_ERRNAME(EADDRINUSE), EMU_ERRNAME(EADDRNOTAVAIL),
    EMU_ERRNAME(EADV), EMU_ERRNAME(EAFNOSUPPORT), EMU_ERRNAME(EAGAIN), EMU_ERRNAME(EALREADY), EMU_ERRNAME(EBADE),
    EMU_ERRNAME(EBADF), EMU_ERRNAME(EBADFD), EMU_ERRNAME(EBADMSG), EMU_ERRNAME(EBADR), EMU_ERRNAME(EBADRQC),
    EMU_ERRNAME(EBADSLT), EMU_ERRNAME(EBFONT), EMU_ERRNAME(EBUSY), EMU_ERRNAME(ECANCELED), EMU_ERRNAME(ECHILD),
    EMU_ERRNAME(ECHRNG), EMU_ERRNAME(ECOMM), EMU_ERRNAME(ECONNABORTED), EMU_ERRNAME(ECONNREFUSED),
    EMU_ERRNAME(ECONNRESET), EMU_ERRNAME(EDEADLK), EMU_ERRNAME(EDESTADDRREQ), EMU_ERRNAME(EDOM),
    EMU_ERRNAME(EDOTDOT), EMU_ERRNAME(EDQUOT), EMU_ERRNAME(EEXIST), EMU_ERRNAME(EFAULT), EMU_ERRNAME(EFBIG),
    EMU_ERRNAME(EHOSTDOWN), EMU_ERRNAME(EHOSTUNREACH), EMU_ERRNAME(EHWPOISON), EMU_ERRNAME(EIDRM),
    EMU_ERRNAME(EILSEQ), EMU_ERRNAME(EINPROGRESS), EMU_ERRNAME(EINTR), EMU_ERRNAME(EINVAL), EMU_ERRNAME(EIO),
    EMU_ERRNAME(EISCONN), EMU_ERRNAME(EISDIR), EMU_ERRNAME(EISNAM), EMU_ERRNAME(EKEYEXPIRED),
    EMU_ERRNAME(EKEYREJECTED), EMU_ERRNAME(EKEYREVOKED), EMU_ERRNAME(EL2HLT), EMU_ERRNAME(EL2NSYNC),
    EMU_ERRNAME(EL3HLT), EMU_ERRNAME(EL3RST), EMU_ERRNAME(ELIBACC), EMU_ERRNAME(ELIBBAD), EMU_ERRNAME(ELIBEXEC),
    EMU_ERRNAME(ELIBMAX), EMU_ERRNAME(ELIBSCN), EMU_ERRNAME(ELNRNG), EMU_ERRNAME(ELOOP), EMU_ERRNAME(EMEDIUMTYPE),
    EMU_ERRNAME(EMFILE), EMU_ERRNAME(EMLINK), EMU_ERRNAME(EMSGSIZE), EMU_ERRNAME(EMULTIHOP),
    EMU_ERRNAME(ENAMETOOLONG), EMU_ERRNAME(ENAVAIL), EMU_ERRNAME(ENETDOWN), EMU_ERRNAME(ENETRESET),
    EMU_ERRNAME(ENETUNREACH), EMU_ERRNAME(ENFILE), EMU_ERRNAME(ENOANO), EMU_ERRNAME(ENOBUFS), EMU_ERRNAME(ENOCSI),
    EMU_ERRNAME(ENODATA), EMU_ERRNAME(ENODEV), EMU_ERRNAME(ENOENT), EMU_ERRNAME(ENOEXEC), EMU_ERRNAME(ENOKEY),
    EMU_ERRNAME(ENOLCK), EMU_ERRNAME(ENOLINK), EMU_ERRNAME(ENOMEDIUM), EMU_ERRNAME(ENOMEM), EMU_ERRNAME(ENOMSG),
    EMU_ERRNAME(ENONET), EMU_ERRNAME(ENOPKG), EMU_ERRNAME(ENOPROTOOPT), EMU_ERRNAME(ENOSPC), EMU_ERRNAME(ENOSR),
    EMU_ERRNAME(ENOSTR), EMU_ERRNAME(ENOSYS), EMU_ERRNAME(ENOTBLK), EMU_ERRNAME(ENOTCONN), EMU_ERRNAME(ENOTDIR),
    EMU_ERRNAME(ENOTEMPTY), EMU_ERRNAME(ENOTNAM), EMU_ERRNAME(ENOTRECOVERABLE), EMU_ERRNAME(ENOTSOCK),
    EMU_ERRNAME(ENOTTY), EMU_ERRNAME(ENOTUNIQ), EMU_ERRNAME(ENXIO), EMU_ERRNAME(EOPNOTSUPP), EMU_ERRNAME(EOVERFLOW),
    EMU_ERRNAME(EOWNERDEAD), EMU_ERRNAME(EPERM), EMU_ERRNAME(EPFNOSUPPORT), EMU_ERRNAME(EPIPE), EMU_ERRNAME(EPROTO),
    EMU_ERRNAME(EPROTONOSUPPORT), EMU_ERRNAME(EPROTOTYPE), EMU_ERRNAME(ERANGE), EMU_ERRNAME(EREMCHG),
    EMU_ERRNAME(EREMOTE), EMU_ERRNAME(EREMOTEIO), EMU_ERRNAME(ERESTART), EMU_ERRNAME(ERFKILL), EMU_ERRNAME(EROFS),
    EMU_ERRNAME(ESHUTDOWN), EMU_ERRNAME(ESOCKTNOSUPPORT), EMU_ERRNAME(ESPIPE), EMU_ERRNAME(ESRCH),
    EMU_ERRNAME(ESRMNT), EMU_ERRNAME(ESTALE), EMU_ERRNAME(ESTRPIPE), EMU_ERRNAME(ETIME), EMU_ERRNAME(ETIMEDOUT),
    EMU_ERRNAME(ETOOMANYREFS), EMU_ERRNAME(ETXTBSY), EMU_ERRNAME(EUCLEAN), EMU_ERRNAME(EUNATCH),
    EMU_ERRNAME(EUSERS), EMU_ERRNAME(EXDEV), EMU_ERRNAME(EXFULL),
    // include/linux/errno.h's kernel-internal codes
    EMU_ERRNAME(ERESTARTSYS), EMU_ERRNAME(ERESTARTNOINTR), EMU_ERRNAME(ERESTARTNOHAND), EMU_ERRNAME(ENOIOCTLCMD),
    EMU_ERRNAME(ERESTART_RESTARTBLOCK), EMU_ERRNAME(EPROBE_DEFER), EMU_ERRNAME(EOPENSTALE), EMU_ERRNAME(ENOPARAM),
    EMU_ERRNAME(EBADHANDLE), EMU_ERRNAME(ENOTSYNC), EMU_ERRNAME(EBADCOOKIE), EMU_ERRNAME(ENOTSUPP),
    EMU_ERRNAME(ETOOSMALL), EMU_ERRNAME(ESERVERFAULT), EMU_ERRNAME(EBADTYPE), EMU_ERRNAME(EJUKEBOX),
    EMU_ERRNAME(EIOCBQUEUED), EMU_ERRNAME(ERECALLCONFLICT),
};
#undef EMU_ERRNAME

// "-ENOMEM" for -ENOMEM (and for ENOMEM), or null.
const char* errname(int err) {
    int e = err < 0 ? -err : err;
    for (const ErrName& n : kErrNames)
        if (n.err == e) return n.name;
    return nullptr;
}

// ---------------------------------------------------------------- %p extensions

void format(Ctx& c, const char* fmt, va_list args);

void default_pointer(Ctx& c, const void* p, Spec sp) {
    // NULL and error pointers are not addresses: printed as they are.
    if (!p || is_err(p)) return pointer_string(c.out, reinterpret_cast<unsigned long>(p), sp);
    unsigned long id = 0;
    if (!c.k || !hashed_pointer(*c.k, p, &id)) {
        sp.width = 2 * sizeof(void*);
        return error_string(c.out, "(____ptrval____)", sp);
    }
    pointer_string(c.out, id, sp);
}

// %px: the address as the kernel holds it, never the host's (which ASLR moves
// between runs): a slab object in the direct map by cache, slab and offset;
// anything else as splats show it (a stack in vmalloc space, module text in
// module space).
unsigned long kernel_pointer(Ctx& c, const void* p) {
    auto v = reinterpret_cast<std::uintptr_t>(p);
    if (!c.k || !p || is_err(p)) return v;
    int cache = 0;
    std::uint32_t seq = 0;
    std::uintptr_t offset = 0;
    if (c.k->slab && c.k->slab->place_of(p, &cache, &seq, &offset))
        return 0xffff888000000000ul + (static_cast<unsigned long>(cache) << 32) + (static_cast<unsigned long>(seq) << 18) +
               offset;
    return guest_address(*c.k, v);
}

void symbol_string(Ctx& c, const char* fmt, const void* p, const Spec& sp) {
    auto v = reinterpret_cast<std::uintptr_t>(p);
    std::string text;
    if (!c.k) {
        char b[2 + 16 + 1];
        std::snprintf(b, sizeof b, "0x%lx", static_cast<unsigned long>(v));
        text = b;
    } else if (*fmt == 'B' && in_guest() && &this_kernel() == c.k) {
        char b[666];  // KSYM_SYMBOL_LEN
        sprint_backtrace(b, v);
        text = b;
    } else if (*fmt == 's') {
        text = format_symbol_name(*c.k, v);
    } else {
        text = format_symbol(*c.k, v);
    }
    string_nocheck(c.out, text.c_str(), sp);
}

// %*ph and friends: up to 64 bytes, as two hex digits each.
void hex_string(Out& o, const unsigned char* p, const char* fmt, const Spec& sp) {
    if (sp.width == 0) return;
    if (check_pointer(o, p, sp)) return;
    char sep = ' ';
    if (fmt[1] == 'C') sep = ':';
    else if (fmt[1] == 'D') sep = '-';
    else if (fmt[1] == 'N') sep = 0;
    int len = sp.width > 0 ? (sp.width < 64 ? sp.width : 64) : 1;
    for (int i = 0; i < len; ++i) {
        o.put(kHexLower[p[i] >> 4]);
        o.put(kHexLower[p[i] & 0xf]);
        if (sep && i != len - 1) o.put(sep);
    }
}

bool test_bit(const unsigned long* map, int bit) { return map[bit / 64] >> (bit % 64) & 1; }

// %*pb: 32-bit chunks, most significant first, comma-separated.
void bitmap_string(Out& o, const unsigned long* map, const Spec& in) {
    int nr_bits = in.width > 0 ? in.width : 0;
    if (check_pointer(o, map, in)) return;
    Spec sp;
    sp.flags = kSmall | kZeropad;
    sp.base = 16;
    int chunk = nr_bits % 32;
    if (chunk == 0) chunk = 32;
    bool first = true;
    for (int i = (nr_bits + 31) / 32 * 32 - 32; i >= 0; i -= 32) {
        unsigned long long mask = (1ull << chunk) - 1;
        unsigned long long val = (map[i / 64] >> (i % 64)) & mask;
        if (!first) o.put(',');
        first = false;
        sp.width = (chunk + 3) / 4;
        number(o, val, sp);
        chunk = 32;
    }
}

// %*pbl: ranges of set bits, "0-3,7,9-10".
void bitmap_list_string(Out& o, const unsigned long* map, const Spec& in) {
    int nr_bits = in.width > 0 ? in.width : 0;
    if (check_pointer(o, map, in)) return;
    Spec dec;
    bool first = true;
    for (int bot = 0; bot < nr_bits;) {
        if (!test_bit(map, bot)) {
            ++bot;
            continue;
        }
        int top = bot + 1;
        while (top < nr_bits && test_bit(map, top)) ++top;
        if (!first) o.put(',');
        first = false;
        number(o, static_cast<unsigned>(bot), dec);
        if (top != bot + 1) {
            o.put('-');
            number(o, static_cast<unsigned>(top - 1), dec);
        }
        bot = top;
    }
}

void hex_byte(char*& p, unsigned char b, const char* digits = kHexLower) {
    *p++ = digits[b >> 4];
    *p++ = digits[b & 0xf];
}

void mac_address_string(Out& o, const unsigned char* a, const char* fmt, const Spec& sp) {
    if (check_pointer(o, a, sp)) return;
    char text[sizeof "xx:xx:xx:xx:xx:xx"];
    char* p = text;
    char sep = fmt[1] == 'F' ? '-' : ':';
    bool reversed = fmt[1] == 'R';
    for (int i = 0; i < 6; ++i) {
        hex_byte(p, reversed ? a[5 - i] : a[i]);
        if (fmt[0] == 'M' && i != 5) *p++ = sep;
    }
    *p = '\0';
    string_nocheck(o, text, sp);
}

// Dotted quad; %pi4 with three digits per byte; 'h' and 'l' read it little-endian.
char* ip4_string(char* p, const unsigned char* a, const char* fmt) {
    bool leading_zeros = fmt[0] == 'i';
    int index = 0, step = 1;
    if (fmt[2] == 'h' || fmt[2] == 'l') index = 3, step = -1;
    for (int i = 0; i < 4; ++i, index += step) {
        unsigned v = a[index];
        char d[3];
        int n = 0;
        do {
            d[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v);
        if (leading_zeros)
            while (n < 3) d[n++] = '0';
        while (n) *p++ = d[--n];
        if (i != 3) *p++ = '.';
    }
    *p = '\0';
    return p;
}

// %pI6c: RFC 5952's short form: the longest run of two or more zero words
// becomes "::", words lose leading zeros, and an IPv4-mapped or ISATAP
// address ends in a dotted quad.
char* ip6_compressed(char* p, const unsigned char* a) {
    unsigned words[8];
    for (int i = 0; i < 8; ++i) words[i] = static_cast<unsigned>(a[2 * i] << 8 | a[2 * i + 1]);
    bool v4mapped = !(words[0] | words[1] | words[2] | words[3] | words[4]) && words[5] == 0xffff;
    bool isatap = ((a[8] | 0x02) == 0x02 && a[9] == 0 && a[10] == 0x5e && a[11] == 0xfe);
    bool use_v4 = v4mapped || isatap;
    int range = use_v4 ? 6 : 8;
    int longest = 1, colonpos = -1;
    for (int i = 0; i < range; ++i) {
        int run = 0;
        for (int j = i; j < range && words[j] == 0; ++j) ++run;
        if (run > longest) longest = run, colonpos = i;
    }
    if (longest == 1) colonpos = -1;
    bool needcolon = false;
    for (int i = 0; i < range; ++i) {
        if (i == colonpos) {
            if (needcolon || i == 0) *p++ = ':';
            *p++ = ':';
            needcolon = false;
            i += longest - 1;
            continue;
        }
        if (needcolon) *p++ = ':';
        unsigned char hi = static_cast<unsigned char>(words[i] >> 8), lo = static_cast<unsigned char>(words[i]);
        if (hi) {
            if (hi > 0x0f) hex_byte(p, hi);
            else *p++ = kHexLower[hi];
            hex_byte(p, lo);
        } else if (lo > 0x0f) {
            hex_byte(p, lo);
        } else {
            *p++ = kHexLower[lo];
        }
        needcolon = true;
    }
    if (use_v4) {
        if (needcolon) *p++ = ':';
        p = ip4_string(p, a + 12, "I4");
    }
    *p = '\0';
    return p;
}

void ip_addr_string(Out& o, const unsigned char* a, const char* fmt, const Spec& sp) {
    if (check_pointer(o, a, sp)) return;
    char text[sizeof "xxxx:xxxx:xxxx:xxxx:xxxx:xxxx:255.255.255.255"];
    if (fmt[1] == '4') {
        ip4_string(text, a, fmt);
    } else if (fmt[1] == '6') {
        if (fmt[0] == 'I' && fmt[2] == 'c') {
            ip6_compressed(text, a);
        } else {
            char* p = text;
            for (int i = 0; i < 8; ++i) {
                hex_byte(p, a[2 * i]);
                hex_byte(p, a[2 * i + 1]);
                if (fmt[0] == 'I' && i != 7) *p++ = ':';
            }
            *p = '\0';
        }
    } else {
        // %pIS (a struct sockaddr) is not modelled: emu has no sockets.
        return error_string(o, fmt[0] == 'i' ? "(%pi?)" : "(%pI?)", sp);
    }
    string_nocheck(o, text, sp);
}

void uuid_string(Out& o, const unsigned char* a, const char* fmt, const Spec& sp) {
    if (check_pointer(o, a, sp)) return;
    static constexpr unsigned char kUuid[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    static constexpr unsigned char kGuid[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    const unsigned char* index = kUuid;
    bool upper = false;
    switch (fmt[1]) {
    case 'L': upper = true; index = kGuid; break;
    case 'l': index = kGuid; break;
    case 'B': upper = true; break;
    default: break;
    }
    char text[37];
    char* p = text;
    for (int i = 0; i < 16; ++i) {
        hex_byte(p, a[index[i]], upper ? kHexUpper : kHexLower);
        if (i == 3 || i == 5 || i == 7 || i == 9) *p++ = '-';
    }
    *p = '\0';
    string_nocheck(o, text, sp);
}

// %pa / %pap (phys_addr_t) and %pad (dma_addr_t): both 64 bits here.
void address_val(Out& o, const void* p, const Spec& sp) {
    if (check_pointer(o, p, sp)) return;
    unsigned long long v;
    std::memcpy(&v, p, sizeof v);
    special_hex_number(o, v, sizeof v);
}

void pointer(Ctx& c, const char* fmt, void* p, Spec sp) {
    Out& o = c.out;
    switch (*fmt) {
    case 'S':
    case 's':
    case 'B': return symbol_string(c, fmt, p, sp);
    case 'h': return hex_string(o, static_cast<const unsigned char*>(p), fmt, sp);
    case 'b':
        if (fmt[1] == 'l') return bitmap_list_string(o, static_cast<const unsigned long*>(p), sp);
        return bitmap_string(o, static_cast<const unsigned long*>(p), sp);
    case 'M':
    case 'm': return mac_address_string(o, static_cast<const unsigned char*>(p), fmt, sp);
    case 'I':
    case 'i': return ip_addr_string(o, static_cast<const unsigned char*>(p), fmt, sp);
    case 'U': return uuid_string(o, static_cast<const unsigned char*>(p), fmt, sp);
    case 'V': {
        if (check_pointer(o, p, sp)) return;
        auto* vaf = static_cast<const va_format*>(p);
        va_list va;
        va_copy(va, *vaf->va);
        format(c, vaf->fmt, va);
        va_end(va);
        return;
    }
    case 'K': return default_pointer(c, p, sp);  // kptr_restrict is 0: hashed as %p
    case 'x': return pointer_string(o, kernel_pointer(c, p), sp);
    case 'e': {
        if (!is_err(p)) return default_pointer(c, p, sp);
        int err = static_cast<int>(reinterpret_cast<long>(p));
        if (const char* name = errname(err)) return string_nocheck(o, name, sp);
        sp.flags |= kSign;  // an errno without a name: its number
        sp.base = 10;
        return number(o, static_cast<unsigned long long>(static_cast<long long>(err)), sp);
    }
    case 'u':
    case 'k':
        if (fmt[1] == 's') return string(o, static_cast<const char*>(p), sp);
        return error_string(o, "(einval)", sp);
    case 'a': return address_val(o, p, sp);
    default: return default_pointer(c, p, sp);
    }
}

// ---------------------------------------------------------------- the format loop

// Saturates instead of overflowing: the clamps below then apply.
int skip_atoi(const char*& s) {
    int i = 0;
    while (*s >= '0' && *s <= '9') {
        int d = *s++ - '0';
        i = i > (INT_MAX - d) / 10 ? INT_MAX : i * 10 + d;
    }
    return i;
}

// 6.1 set_field_width()/set_precision(): a field is at most 8388607 wide and
// a precision at most 32767 (the bits struct printf_spec has for them).
constexpr int kFieldWidthMax = (1 << 23) - 1;
constexpr int kPrecisionMax = (1 << 15) - 1;
int clamp_width(int w) { return w < -kFieldWidthMax ? -kFieldWidthMax : w > kFieldWidthMax ? kFieldWidthMax : w; }
int clamp_precision(int p) { return p < 0 ? 0 : p > kPrecisionMax ? kPrecisionMax : p; }

bool is_alnum(char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

void format(Ctx& c, const char* fmt, va_list args) {
    Out& o = c.out;
    while (*fmt) {
        if (*fmt != '%') {
            o.put(*fmt++);
            continue;
        }
        Spec sp;
        for (;;) {  // flags
            char f = *++fmt;
            if (f == '-') sp.flags |= kLeft;
            else if (f == '+') sp.flags |= kPlus;
            else if (f == ' ') sp.flags |= kSpace;
            else if (f == '#') sp.flags |= kSpecial;
            else if (f == '0') sp.flags |= kZeropad;
            else break;
        }
        if (*fmt >= '0' && *fmt <= '9') {
            sp.width = clamp_width(skip_atoi(fmt));
        } else if (*fmt == '*') {
            ++fmt;
            sp.width = clamp_width(va_arg(args, int));
            if (sp.width < 0) {
                sp.width = -sp.width;
                sp.flags |= kLeft;
            }
        }
        if (*fmt == '.') {
            ++fmt;
            if (*fmt >= '0' && *fmt <= '9') {
                sp.precision = clamp_precision(skip_atoi(fmt));
            } else if (*fmt == '*') {
                ++fmt;
                sp.precision = clamp_precision(va_arg(args, int));  // negative is 0, not "no precision" as in C
            }
        }
        // qualifiers: h hh l ll L z t (no j, no q)
        char q = 0;
        if (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'z' || *fmt == 't') {
            q = *fmt++;
            if (q == 'l' && *fmt == 'l') q = 'L', ++fmt;
            else if (q == 'h' && *fmt == 'h') q = 'H', ++fmt;
        }
        switch (*fmt) {
        case 'c': {
            ++fmt;
            char ch = static_cast<char>(va_arg(args, int));
            if (!(sp.flags & kLeft)) o.pad(' ', sp.width - 1);
            o.put(ch);
            if (sp.flags & kLeft) o.pad(' ', sp.width - 1);
            continue;
        }
        case 's':
            ++fmt;
            string(o, va_arg(args, const char*), sp);
            continue;
        case 'p':
            ++fmt;
            pointer(c, fmt, va_arg(args, void*), sp);
            while (is_alnum(*fmt)) ++fmt;  // the extension's letters, known or not
            continue;
        case '%':
            ++fmt;
            o.put('%');
            continue;
        case 'o': sp.base = 8; break;
        case 'x': sp.flags |= kSmall; [[fallthrough]];
        case 'X': sp.base = 16; break;
        case 'd':
        case 'i': sp.flags |= kSign; break;
        case 'u': break;
        default:
            // %n, floating point, a stray '%' at the end...: 6.1 stops
            // formatting here, since the arguments can no longer be matched.
            return;
        }
        ++fmt;
        bool sign = sp.flags & kSign;
        unsigned long long num;
        switch (q) {
        case 'L': num = static_cast<unsigned long long>(va_arg(args, long long)); break;
        case 'l':
            num = sign ? static_cast<unsigned long long>(va_arg(args, long)) : va_arg(args, unsigned long);
            break;
        case 'z':
            num = sign ? static_cast<unsigned long long>(va_arg(args, long)) : va_arg(args, unsigned long);
            break;
        case 't': num = static_cast<unsigned long long>(va_arg(args, long)); break;
        case 'H':
            num = sign ? static_cast<unsigned long long>(static_cast<signed char>(va_arg(args, int)))
                       : static_cast<unsigned char>(va_arg(args, int));
            break;
        case 'h':
            num = sign ? static_cast<unsigned long long>(static_cast<short>(va_arg(args, int)))
                       : static_cast<unsigned short>(va_arg(args, int));
            break;
        default:
            num = sign ? static_cast<unsigned long long>(va_arg(args, int)) : va_arg(args, unsigned int);
            break;
        }
        number(o, num, sp);
    }
}

}  // namespace

// Where a pointer sits, in terms that do not depend on where the host put
// things: the current task's stack (pid, offset), a slab object (cache,
// slab, offset), an ELF object (module or executable name, offset). Anything
// else (the host heap) is hashed as it is and may differ between processes.
bool hashed_pointer(Kernel& k, const void* p, unsigned long* out) {
    if (!k.ptr_key_ready) return false;
    auto v = reinterpret_cast<std::uintptr_t>(p);
    std::uint64_t where[3] = {0, v, 0};
    Dl_info info{};
    int cache = 0;
    std::uint32_t seq = 0;
    std::uintptr_t offset = 0;
    Task* t = in_guest() && &this_kernel() == &k ? this_cpu().curr : nullptr;
    if (t && t->fiber.has_stack() && v >= t->fiber.stack_lo() && v < t->fiber.stack_hi()) {
        where[0] = 1, where[1] = static_cast<std::uint64_t>(t->pid), where[2] = v - t->fiber.stack_lo();
    } else if (k.slab && k.slab->place_of(p, &cache, &seq, &offset)) {
        where[0] = 2, where[1] = static_cast<std::uint64_t>(cache) << 32 | seq, where[2] = offset;
    } else if (FreedModule gone; freed_module_at(v, &gone)) {
        // An unloaded module's pages: dladdr() would read them and fault.
        where[0] = 3, where[1] = fnv1a(gone.name.c_str()), where[2] = v - gone.base;
    } else if (dladdr(p, &info) && info.dli_fbase) {
        auto base = reinterpret_cast<std::uintptr_t>(info.dli_fbase);
        std::string name = k.module_of_object ? k.module_of_object(base) : std::string();
        if (name.empty() && info.dli_fname) {
            const char* slash = std::strrchr(info.dli_fname, '/');
            name = slash ? slash + 1 : info.dli_fname;
        }
        where[0] = 3, where[1] = fnv1a(name.c_str()), where[2] = v - base;
    }
    // The per-boot key: from the machine's seed, apart from get_random_*()'s stream.
    std::uint64_t x = k.engine.seed() ^ 0x7074725f6b6579ull;
    const std::uint64_t key[2] = {splitmix64(x), splitmix64(x)};
    // 64-bit 6.1 keeps the low 32 bits: an id, visibly not an address.
    *out = static_cast<unsigned long>(siphash(key, where, 3) & 0xffffffffu);
    return true;
}

int kernel_vsnprintf(Kernel* k, char* buf, std::size_t size, const char* fmt, va_list args) {
    if (size > INT_MAX) return 0;
    if (!k && in_guest()) k = &this_kernel();
    Ctx c{k, Out{buf, size}};
    va_list ap;
    va_copy(ap, args);
    format(c, fmt, ap);
    va_end(ap);
    if (size > 0) buf[c.out.pos < size ? c.out.pos : size - 1] = '\0';
    return static_cast<int>(c.out.pos);
}

int kernel_snprintf(char* buf, std::size_t size, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = kernel_vsnprintf(nullptr, buf, size, fmt, ap);
    va_end(ap);
    return n;
}

namespace {
int guest_vsnprintf(char* buf, size_t size, const char* fmt, va_list args) {
    return kernel_vsnprintf(nullptr, buf, size, fmt, args);
}
int guest_snprintf(char* buf, size_t size, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = kernel_vsnprintf(nullptr, buf, size, fmt, ap);
    va_end(ap);
    return n;
}
int guest_vsprintf(char* buf, const char* fmt, va_list args) {
    return kernel_vsnprintf(nullptr, buf, INT_MAX, fmt, args);
}
int guest_sprintf(char* buf, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = kernel_vsnprintf(nullptr, buf, INT_MAX, fmt, ap);
    va_end(ap);
    return n;
}
}  // namespace

std::uintptr_t kernel_printf_function(std::string_view name) {
    if (name == "sprintf") return reinterpret_cast<std::uintptr_t>(&guest_sprintf);
    if (name == "snprintf") return reinterpret_cast<std::uintptr_t>(&guest_snprintf);
    if (name == "vsprintf") return reinterpret_cast<std::uintptr_t>(&guest_vsprintf);
    if (name == "vsnprintf") return reinterpret_cast<std::uintptr_t>(&guest_vsnprintf);
    return 0;
}

}  // namespace emu::kern
