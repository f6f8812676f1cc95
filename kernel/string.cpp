// lib/string.c, lib/argv_split.c and mm/util.c's string helpers: the kernel's
// own string functions (the C library's are the host's). Allocations go
// through kmalloc(), so they come from the machine's slab and charge as it does.
#include "kernel/include/linux/ctype.h"
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/string.h"
#include "kernel/include/linux/uaccess.h"

#include <link.h>

#include <cstdint>
#include <cstring>

namespace {

bool is_space(char c) { return _ctype[static_cast<unsigned char>(c)] & _S; }

struct RodataRanges {
    std::uintptr_t lo[4] = {}, hi[4] = {};
    int n = 0;
};

// The executable's read-only, non-executable segments (ELF headers and
// dynamic symbols, then .rodata): where emu's own string literals live, as
// vmlinux's .rodata holds the kernel's.
int find_rodata(dl_phdr_info* info, size_t, void* data) {
    auto* r = static_cast<RodataRanges*>(data);
    for (int i = 0; i < info->dlpi_phnum && r->n < 4; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type == PT_LOAD && ph.p_flags == PF_R) {
            r->lo[r->n] = info->dlpi_addr + ph.p_vaddr;
            r->hi[r->n] = r->lo[r->n] + ph.p_memsz;
            ++r->n;
        }
    }
    return 1;  // the first object is the executable: stop there
}

// is_kernel_rodata(): a module's literals are not kernel rodata, on Linux either.
bool is_kernel_rodata(const void* p) {
    static const RodataRanges ranges = [] {  // a property of the executable, the same for every machine
        RodataRanges r;
        dl_iterate_phdr(find_rodata, &r);
        return r;
    }();
    auto a = reinterpret_cast<std::uintptr_t>(p);
    for (int i = 0; i < ranges.n; ++i)
        if (a >= ranges.lo[i] && a < ranges.hi[i]) return true;
    return false;
}

// strnlen_user(): the length with the NUL, more than n if there is none in
// the first n bytes, 0 if the memory cannot be read.
long strnlen_user(const char* s, long n) {
    char c;
    for (long i = 0; i < n; ++i) {
        if (copy_from_user(&c, s + i, 1)) return 0;
        if (!c) return i + 1;
    }
    return n + 1;
}

}  // namespace

extern "C" {

ssize_t strscpy(char* dest, const char* src, size_t count) {
    if (count == 0 || count > INT_MAX) return -E2BIG;
    size_t n = strnlen(src, count);
    if (n == count) {
        std::memcpy(dest, src, count - 1);
        dest[count - 1] = '\0';
        return -E2BIG;
    }
    std::memcpy(dest, src, n + 1);
    return static_cast<ssize_t>(n);
}

ssize_t strscpy_pad(char* dest, const char* src, size_t count) {
    ssize_t written = strscpy(dest, src, count);
    if (written < 0 || static_cast<size_t>(written) == count - 1) return written;
    std::memset(dest + written + 1, 0, count - static_cast<size_t>(written) - 1);
    return written;
}

size_t strlcpy(char* dest, const char* src, size_t size) {
    size_t n = std::strlen(src);
    if (size) {
        size_t c = n >= size ? size - 1 : n;
        std::memcpy(dest, src, c);
        dest[c] = '\0';
    }
    return n;
}

size_t strlcat(char* dest, const char* src, size_t count) {
    size_t dsize = std::strlen(dest), len = std::strlen(src), res = dsize + len;
    if (dsize >= count) return res;  // 6.1 BUG()s here: dest was never terminated within count
    dest += dsize;
    count -= dsize;
    if (len >= count) len = count - 1;
    std::memcpy(dest, src, len);
    dest[len] = '\0';
    return res;
}

char* strnchrnul(const char* s, size_t count, int c) {
    while (count-- && *s && *s != static_cast<char>(c)) ++s;
    return const_cast<char*>(s);
}

char* strnchr(const char* s, size_t count, int c) {
    for (; count-- && *s; ++s)
        if (*s == static_cast<char>(c)) return const_cast<char*>(s);
    return nullptr;
}

char* strnstr(const char* s1, const char* s2, size_t len) {
    size_t l2 = std::strlen(s2);
    if (!l2) return const_cast<char*>(s1);
    while (len >= l2) {
        --len;
        if (!std::memcmp(s1, s2, l2)) return const_cast<char*>(s1);
        ++s1;
    }
    return nullptr;
}

char* skip_spaces(const char* str) {
    while (is_space(*str)) ++str;
    return const_cast<char*>(str);
}

char* strim(char* s) {
    size_t size = std::strlen(s);
    if (!size) return s;
    char* end = s + size - 1;
    while (end >= s && is_space(*end)) --end;
    end[1] = '\0';
    return skip_spaces(s);
}

void* memchr_inv(const void* s, int c, size_t n) {
    auto* p = static_cast<const unsigned char*>(s);
    for (size_t i = 0; i < n; ++i)
        if (p[i] != static_cast<unsigned char>(c)) return const_cast<unsigned char*>(p + i);
    return nullptr;
}

void* memscan(void* addr, int c, size_t size) {
    auto* p = static_cast<unsigned char*>(addr);
    while (size && *p != static_cast<unsigned char>(c)) {
        ++p;
        --size;
    }
    return p;
}

void* memset16(u16* s, u16 v, size_t count) {
    for (size_t i = 0; i < count; ++i) s[i] = v;
    return s;
}
void* memset32(u32* s, u32 v, size_t count) {
    for (size_t i = 0; i < count; ++i) s[i] = v;
    return s;
}
void* memset64(u64* s, u64 v, size_t count) {
    for (size_t i = 0; i < count; ++i) s[i] = v;
    return s;
}

char* strreplace(char* s, char old, char new_) {
    for (; *s; ++s)
        if (*s == old) *s = new_;
    return s;
}

size_t memweight(const void* ptr, size_t bytes) {
    size_t w = 0;
    auto* p = static_cast<const unsigned char*>(ptr);
    for (size_t i = 0; i < bytes; ++i) w += static_cast<size_t>(__builtin_popcount(p[i]));
    return w;
}

void memcpy_and_pad(void* dest, size_t dest_len, const void* src, size_t count, int pad) {
    if (dest_len > count) {
        std::memcpy(dest, src, count);
        std::memset(static_cast<char*>(dest) + count, pad, dest_len - count);
    } else {
        std::memcpy(dest, src, dest_len);
    }
}

// Two NULL-terminated pointer arrays joined into a new one (kfree() it).
void** __memcat_p(void** a, void** b) {
    size_t na = 0, nb = 0;
    while (a[na]) ++na;
    while (b[nb]) ++nb;
    auto** p = static_cast<void**>(kmalloc_array(na + nb + 1, sizeof(void*), GFP_KERNEL));
    if (!p) return nullptr;
    std::memcpy(p, a, na * sizeof(void*));
    std::memcpy(p + na, b, nb * sizeof(void*));
    p[na + nb] = nullptr;
    return p;
}

char* kstrdup(const char* s, gfp_t gfp) {
    if (!s) return nullptr;
    size_t len = std::strlen(s) + 1;
    auto* buf = static_cast<char*>(kmalloc(len, gfp));
    if (buf) std::memcpy(buf, s, len);
    return buf;
}

char* kstrndup(const char* s, size_t max, gfp_t gfp) {
    if (!s) return nullptr;
    return kmemdup_nul(s, strnlen(s, max), gfp);
}

void* kmemdup(const void* src, size_t len, gfp_t gfp) {
    void* p = kmalloc(len, gfp);
    if (p) std::memcpy(p, src, len);
    return p;
}

char* kmemdup_nul(const char* s, size_t len, gfp_t gfp) {
    if (!s) return nullptr;
    auto* buf = static_cast<char*>(kmalloc(len + 1, gfp));
    if (buf) {
        std::memcpy(buf, s, len);
        buf[len] = '\0';
    }
    return buf;
}

const char* kstrdup_const(const char* s, gfp_t gfp) {
    if (is_kernel_rodata(s)) return s;
    return kstrdup(s, gfp);
}

void kfree_const(const void* x) {
    if (!is_kernel_rodata(x)) kfree(x);
}

// One copy of the string, cut at the white space; the pointer array's slot
// before argv[0] remembers it for argv_free().
char** argv_split(gfp_t gfp, const char* str, int* argcp) {
    char* copy = kstrndup(str, 1ul << 22, gfp);
    if (!copy) return nullptr;
    int argc = 0;
    for (const char* p = skip_spaces(copy); *p; p = skip_spaces(p)) {
        ++argc;
        while (*p && !is_space(*p)) ++p;
    }
    auto** slots = static_cast<char**>(kmalloc_array(static_cast<size_t>(argc) + 2, sizeof(char*), gfp));
    if (!slots) {
        kfree(copy);
        return nullptr;
    }
    slots[0] = copy;
    char** argv = slots + 1;
    int i = 0;
    for (char* p = skip_spaces(copy); *p; p = skip_spaces(p)) {
        argv[i++] = p;
        while (*p && !is_space(*p)) ++p;
        if (*p) *p++ = '\0';
    }
    argv[i] = nullptr;
    if (argcp) *argcp = argc;
    return argv;
}

void argv_free(char** argv) {
    if (!argv) return;
    kfree(argv[-1]);
    kfree(argv - 1);
}

void* memdup_user(const void* src, size_t len) {
    void* p = kmalloc(len, GFP_USER | __GFP_NOWARN);
    if (!p) return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kfree(p);
        return ERR_PTR(-EFAULT);
    }
    return p;
}

void* vmemdup_user(const void* src, size_t len) { return memdup_user(src, len); }

void* memdup_user_nul(const void* src, size_t len) {
    auto* p = static_cast<char*>(kmalloc(len + 1, GFP_KERNEL));
    if (!p) return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kfree(p);
        return ERR_PTR(-EFAULT);
    }
    p[len] = '\0';
    return p;
}

char* strndup_user(const char* s, long n) {
    long length = strnlen_user(s, n);
    if (!length) return static_cast<char*>(ERR_PTR(-EFAULT));
    if (length > n) return static_cast<char*>(ERR_PTR(-EINVAL));
    void* p = memdup_user(s, static_cast<size_t>(length));
    if (IS_ERR(p)) return static_cast<char*>(p);
    static_cast<char*>(p)[length - 1] = '\0';
    return static_cast<char*>(p);
}

bool sysfs_streq(const char* s1, const char* s2) {
    while (*s1 && *s1 == *s2) {
        ++s1;
        ++s2;
    }
    if (*s1 == *s2) return true;
    if (!*s1 && *s2 == '\n' && !s2[1]) return true;
    if (*s1 == '\n' && !s1[1] && !*s2) return true;
    return false;
}

int match_string(const char* const* array, size_t n, const char* string) {
    for (size_t i = 0; i < n && array[i]; ++i)
        if (!std::strcmp(array[i], string)) return static_cast<int>(i);
    return -EINVAL;
}

int __sysfs_match_string(const char* const* array, size_t n, const char* s) {
    for (size_t i = 0; i < n && array[i]; ++i)
        if (sysfs_streq(array[i], s)) return static_cast<int>(i);
    return -EINVAL;
}

ssize_t memory_read_from_buffer(void* to, size_t count, loff_t* ppos, const void* from, size_t available) {
    loff_t pos = *ppos;
    if (pos < 0) return -EINVAL;
    if (static_cast<size_t>(pos) >= available) return 0;
    if (count > available - static_cast<size_t>(pos)) count = available - static_cast<size_t>(pos);
    std::memcpy(to, static_cast<const char*>(from) + pos, count);
    *ppos = pos + static_cast<loff_t>(count);
    return static_cast<ssize_t>(count);
}

}  // extern "C"
