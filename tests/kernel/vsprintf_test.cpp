// scnprintf/kasprintf (6.1 lib/vsprintf.c) and the hex dumps of 6.1
// lib/hexdump.c (6.1 include/linux/kernel.h, include/linux/printk.h). The
// rows below use the data of 6.1's lib/test_hexdump.c.
#include "tests/support/guest.hpp"

#include "kernel/bug.hpp"
#include "kernel/kernel.hpp"
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/kernel.h"
#include "kernel/include/linux/printk.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/err.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <array>
#include <cstdarg>
#include <climits>
#include <cstring>
#include <map>
#include <regex>

using namespace emu;
using namespace emu::test;


namespace {
const unsigned char kData[32] = {0xbe, 0x32, 0xdb, 0x7b, 0x0a, 0x18, 0x93, 0xb2, 0x70, 0xba, 0xc4,
                                 0x24, 0x7d, 0x83, 0x34, 0x9b, 0xa6, 0x9c, 0x31, 0xad, 0x9c, 0x0f,
                                 0xac, 0xe9, 0x4c, 0xd1, 0x19, 0x99, 0x43, 0xb1, 0xaf, 0x0c};

std::string row(const void* buf, size_t len, int rowsize, int groupsize, bool ascii, int* ret = nullptr,
                size_t linebuflen = 200) {
    char line[200];
    std::memset(line, 'Z', sizeof line);
    int n = hex_dump_to_buffer(buf, len, rowsize, groupsize, line, linebuflen, ascii);
    if (ret) *ret = n;
    return line;
}
}  // namespace

TEST_CASE("scnprintf returns what it stored, snprintf what it would have", "[kernel][vsprintf]") {
    char buf[8];
    CHECK(scnprintf(buf, sizeof buf, "%s", "hello world") == 7);
    CHECK(std::string(buf) == "hello w");
    CHECK(snprintf(buf, sizeof buf, "%s", "hello world") == 11);
    CHECK(scnprintf(buf, sizeof buf, "%d", 42) == 2);
    CHECK(scnprintf(buf, 0, "%d", 42) == 0);
    CHECK(scnprintf(buf, 1, "%d", 42) == 0);
    CHECK(buf[0] == '\0');
    // The usual accumulation never runs past the buffer.
    char page[16];
    int len = 0;
    for (int i = 0; i < 10; ++i) len += scnprintf(page + len, sizeof page - static_cast<size_t>(len), "%d,", i);
    CHECK(len == 15);
    CHECK(std::string(page) == "0,1,2,3,4,5,6,7");
}

TEST_CASE("kasprintf allocates exactly the formatted string", "[kernel][vsprintf]") {
    std::string s;
    size_t ks = 0;
    run_guest(default_config(1), [&](Machine&) {
        char* p = kasprintf(GFP_KERNEL, "dev-%d-%s", 7, "x");
        s = p;
        ks = ksize(p);
        kfree(p);
        return 0;
    });
    CHECK(s == "dev-7-x");
    CHECK(ks == 8);  // kmalloc-8: strlen + 1
}

TEST_CASE("hex_dump_to_buffer: 6.1's rows for groups of 1, 2, 4, 8 and the ASCII column", "[kernel][vsprintf]") {
    int n = 0;
    CHECK(row(kData, 16, 16, 1, false, &n) == "be 32 db 7b 0a 18 93 b2 70 ba c4 24 7d 83 34 9b");
    CHECK(n == 47);
    CHECK(row(kData, 16, 16, 2, false) == "32be 7bdb 180a b293 ba70 24c4 837d 9b34");
    CHECK(row(kData, 16, 16, 4, false) == "7bdb32be b293180a 24c4ba70 9b34837d");
    CHECK(row(kData, 16, 16, 8, false) == "b293180a7bdb32be 9b34837d24c4ba70");
    // ASCII from column rowsize * 2 + rowsize / groupsize + 1 = 49.
    CHECK(row(kData, 16, 16, 1, true, &n) == "be 32 db 7b 0a 18 93 b2 70 ba c4 24 7d 83 34 9b  .2.{....p..$}.4.");
    CHECK(n == 65);
    CHECK(row(kData, 5, 16, 1, true) == "be 32 db 7b 0a" + std::string(35, ' ') + ".2.{.");
    CHECK(row(kData, 8, 16, 4, true) == "7bdb32be b293180a" + std::string(37 - 17, ' ') + ".2.{....");
    // A length that is not a multiple of the group prints single bytes; a bad group size is 1; rowsize 32.
    CHECK(row(kData, 3, 16, 2, false) == "be 32 db");
    CHECK(row(kData, 2, 16, 3, false) == "be 32");
    CHECK(row(kData, 32, 32, 8, false) ==
          "b293180a7bdb32be 9b34837d24c4ba70 e9ac0f9cad319ca6 0cafb1439919d14c");
    CHECK(row(kData, 0, 16, 1, true, &n) == "");
    CHECK(n == 0);
    // Too small a buffer: what it would have needed.
    row(kData, 16, 16, 1, true, &n, 10);
    CHECK(n == 65);
    row(kData, 16, 16, 4, false, &n, 10);
    CHECK(n == 35);
}

TEST_CASE("print_hex_dump: one line per row with no prefix, the offset or the address", "[kernel][vsprintf]") {
    const char text[] = "Hello, hex dump! 0123456789";  // 27 bytes and the NUL
    std::uintptr_t addr = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        addr = reinterpret_cast<std::uintptr_t>(text);
        print_hex_dump(KERN_INFO, "none: ", DUMP_PREFIX_NONE, 16, 1, text, 20, true);
        print_hex_dump(KERN_INFO, "off: ", DUMP_PREFIX_OFFSET, 16, 1, text, sizeof text, false);
        print_hex_dump(KERN_INFO, "", DUMP_PREFIX_ADDRESS, 16, 1, text, 4, true);
        print_hex_dump_bytes("bytes: ", DUMP_PREFIX_OFFSET, text, 4);  // KERN_DEBUG, only with DEBUG
        return 0;
    });
    CHECK(r.plain.find("none: 48 65 6c 6c 6f 2c 20 68 65 78 20 64 75 6d 70 21  Hello, hex dump!\n") !=
          std::string::npos);
    CHECK(r.plain.find("none: 20 30 31 32" + std::string(49 - 11, ' ') + " 012\n") != std::string::npos);
    CHECK(r.plain.find("off: 00000000: 48 65 6c 6c 6f 2c 20 68 65 78 20 64 75 6d 70 21\n") != std::string::npos);
    CHECK(r.plain.find("off: 00000010: 20 30 31 32 33 34 35 36 37 38 39 00\n") != std::string::npos);
    // 6.1 lib/hexdump.c prints the address with %p: hashed, never the address itself.
    char raw[64];
    std::snprintf(raw, sizeof raw, "%016lx: 48 65 6c 6c", static_cast<unsigned long>(addr));
    CHECK(r.plain.find(raw) == std::string::npos);
    CHECK(std::regex_search(r.plain, std::regex("\\n00000000[0-9a-f]{8}: 48 65 6c 6c +Hell\\n")));
    CHECK(r.plain.find("bytes: ") == std::string::npos);
}

TEST_CASE("hex2bin/bin2hex/hex_to_bin", "[kernel][vsprintf]") {
    u8 out[3] = {};
    CHECK(hex2bin(out, "0aFf10", 3) == 0);
    CHECK(out[0] == 0x0a);
    CHECK(out[1] == 0xff);
    CHECK(out[2] == 0x10);
    CHECK(hex2bin(out, "0g", 1) == -EINVAL);
    char s[7] = {};
    CHECK(bin2hex(s, out, 3) == s + 6);
    CHECK(std::string(s) == "0aff10");
    CHECK(hex_to_bin('F') == 15);
    CHECK(hex_to_bin('x') == -1);
}

// ---------------------------------------------------------------- the kernel's own formatter
// 6.1 lib/vsprintf.c (vsnprintf(), number(), string(), pointer()) and
// Documentation/core-api/printk-formats.rst.
namespace {
std::string kf(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    kern::kernel_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}
std::string cf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string cf(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}
// Runs `body` in a booted guest and returns what it recorded.
std::map<std::string, std::string> in_guest(const std::function<void(std::map<std::string, std::string>&)>& body,
                                            std::uint64_t seed = 0) {
    std::map<std::string, std::string> got;
    MachineConfig cfg = default_config(1);
    cfg.seed = seed;
    run_guest(cfg, [&](Machine&) {
        body(got);
        return 0;
    });
    return got;
}
// %pV of a va_format made from this function's arguments.
std::string vf(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    va_format vaf{fmt, &ap};
    std::string s = kf("<%pV>", &vaf);
    va_end(ap);
    return s;
}
bool is_hashed(const std::string& s) { return std::regex_match(s, std::regex("00000000[0-9a-f]{8}")); }
}  // namespace

TEST_CASE("the C conversions print as the C library's where 6.1 agrees with it", "[kernel][vsprintf]") {
    long long big = -1234567890123ll;
    const char* word = "kernel";
    CHECK(kf("%d %i %u %x %X %o", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u) ==
          cf("%d %i %u %x %X %o", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u));
    CHECK(kf("%ld %lu %lx %lld %llu %llx", -5l, 5ul, 255ul, big, 18446744073709551615ull, 0xdeadbeefcafeull) ==
          cf("%ld %lu %lx %lld %llu %llx", -5l, 5ul, 255ul, big, 18446744073709551615ull, 0xdeadbeefcafeull));
    CHECK(kf("%zu %zd %zx %td", size_t{42}, ssize_t{-3}, size_t{255}, ptrdiff_t{-7}) ==
          cf("%zu %zd %zx %td", size_t{42}, ssize_t{-3}, size_t{255}, ptrdiff_t{-7}));
    CHECK(kf("%hd %hu %hhd %hhu %hx", 70000, 70000, 300, 300, 0x12345) ==
          cf("%hd %hu %hhd %hhu %hx", 70000, 70000, 300, 300, 0x12345));
    CHECK(kf("[%5d][%-5d][%05d][%+d][% d][%+d]", 42, 42, 42, 42, 42, -42) ==
          cf("[%5d][%-5d][%05d][%+d][% d][%+d]", 42, 42, 42, 42, 42, -42));
    CHECK(kf("[%.3d][%8.3d][%-8.3d][%#x][%#X][%#o][%#08x]", 7, 7, 7, 255u, 255u, 8u, 255u) ==
          cf("[%.3d][%8.3d][%-8.3d][%#x][%#X][%#o][%#08x]", 7, 7, 7, 255u, 255u, 8u, 255u));
    CHECK(kf("[%*d][%-*d][%.*d][%*.*d]", 6, 1, 6, 2, 4, 3, 7, 3, 4) ==
          cf("[%*d][%-*d][%.*d][%*.*d]", 6, 1, 6, 2, 4, 3, 7, 3, 4));
    CHECK(kf("[%*d]", -6, 1) == cf("[%*d]", -6, 1));
    CHECK(kf("[%c][%3c][%-3c]", 'a', 'b', 'c') == cf("[%c][%3c][%-3c]", 'a', 'b', 'c'));
    CHECK(kf("[%s][%10s][%-10s][%.3s][%*.*s]", word, word, word, word, 8, 2, word) ==
          cf("[%s][%10s][%-10s][%.3s][%*.*s]", word, word, word, word, 8, 2, word));
    CHECK(kf("100%% %s", "sure") == "100% sure");
    CHECK(kf("%d %d", INT_MIN, INT_MAX) == cf("%d %d", INT_MIN, INT_MAX));
    CHECK(kf("%lld", LLONG_MIN) == cf("%lld", LLONG_MIN));
}

TEST_CASE("where 6.1's vsnprintf differs from C's", "[kernel][vsprintf]") {
    CHECK(kf("%#x", 0u) == "0x0");          // number(): the prefix even for 0
    CHECK(kf("%#o", 0u) == "0");
    CHECK(kf("[%.0d]", 0) == "[0]");        // at least one digit
    CHECK(kf("[%05.2d]", 7) == "[00007]");  // ZEROPAD stays with a precision
    CHECK(kf("[%.*s]", -1, "abc") == "[]"); // a negative precision argument is 0
    const char* null = nullptr;
    CHECK(kf("[%s]", null) == "[(null)]");
    CHECK(kf("[%.3s][%8s]", null, null) == "[(nu][  (null)]");
    CHECK(kf("[%s]", reinterpret_cast<const char*>(16)) == "[(efault)]");
    CHECK(kf("[%s]", reinterpret_cast<const char*>(-14l)) == "[(efault)]");
    // %n, floating point, %j: format_decode() rejects them, and vsnprintf() stops there.
    int n = 0;
    CHECK(kf("a%nb", &n) == "a");
    CHECK(n == 0);
    CHECK(kf("x=%f y=%d", 1.5, 3) == "x=");
    CHECK(kf("%jd!", static_cast<long long>(1)) == "");
    CHECK(kf("%Ld %Lu", -3ll, 3ull) == "-3 3");  // 'L' is long long
}

TEST_CASE("vsnprintf returns the whole length and always ends the buffer", "[kernel][vsprintf]") {
    char buf[6];
    std::memset(buf, 'Z', sizeof buf);
    CHECK(kern::kernel_snprintf(buf, sizeof buf, "%s-%d", "abcdef", 12) == 9);
    CHECK(std::string(buf) == "abcde");
    CHECK(kern::kernel_snprintf(nullptr, 0, "%d", 12345) == 5);
    CHECK(kern::kernel_snprintf(buf, 1, "%d", 12345) == 5);
    CHECK(buf[0] == '\0');
    // The sprintf family modules call is this formatter, not the C library's.
    auto snp = reinterpret_cast<int (*)(char*, size_t, const char*, ...)>(kern::kernel_printf_function("snprintf"));
    auto sp = reinterpret_cast<int (*)(char*, const char*, ...)>(kern::kernel_printf_function("sprintf"));
    REQUIRE(snp);
    REQUIRE(sp);
    CHECK(kern::kernel_printf_function("vsnprintf") != 0);
    CHECK(kern::kernel_printf_function("vsprintf") != 0);
    CHECK(kern::kernel_printf_function("printf") == 0);
    char big[64];
    CHECK(snp(big, sizeof big, "%pe|%#x", ERR_PTR(-ENOMEM), 0u) == 11);
    CHECK(std::string(big) == "-ENOMEM|0x0");
    CHECK(sp(big, "%*phN", 2, "\x12\xab") == 4);
    CHECK(std::string(big) == "12ab");
}

TEST_CASE("%p: (____ptrval____) before the key, then 00000000 and a 32-bit hash", "[kernel][vsprintf]") {
    static int object;
    auto got = in_guest([](auto& g) {
        kern::Kernel& k = kernel();
        int local = 0;
        void* slab = kmalloc(24, GFP_KERNEL);
        g["null"] = kf("%p", nullptr);
        g["err"] = kf("%p", ERR_PTR(-12));
        k.ptr_key_ready = false;
        g["early"] = kf("[%p]", &object);
        g["early_px"] = kf("%px", &object);
        k.ptr_key_ready = true;
        g["static"] = kf("%p", &object);
        g["static2"] = kf("%p", &object);
        g["pK"] = kf("%pK", &object);
        g["next"] = kf("%p", reinterpret_cast<char*>(&object) + 1);
        g["stack"] = kf("%p", &local);
        g["slab"] = kf("%p", slab);
        g["px"] = kf("%px", &object);
        // %px: the kernel-side address splats show, not the host's (kernel image: 0xffffffff81...).
        g["want_px"] = cf("%016lx", static_cast<unsigned long>(kern::guest_address(k, reinterpret_cast<std::uintptr_t>(&object))));
        g["px_slab"] = kf("%px", slab);
        g["unknown"] = kf("%pZq!", &object);  // an unknown extension: hashed, its letters consumed
        g["width"] = kf("[%20p]", nullptr);
        kfree(slab);
    });
    CHECK(got["null"] == "0000000000000000");
    CHECK(got["err"] == "fffffffffffffff4");
    CHECK(got["early"] == "[(____ptrval____)]");
    CHECK(got["early_px"] == got["want_px"]);
    CHECK(is_hashed(got["static"]));
    CHECK(got["static"] == got["static2"]);
    CHECK(got["pK"] == got["static"]);  // kptr_restrict 0: %pK hashes as %p
    CHECK(is_hashed(got["next"]));
    CHECK(got["next"] != got["static"]);
    CHECK(is_hashed(got["stack"]));
    CHECK(is_hashed(got["slab"]));
    CHECK(got["px"] == got["want_px"]);
    CHECK(got["px"].rfind("ffffffff81", 0) == 0);
    CHECK(got["px_slab"].rfind("ffff888", 0) == 0);  // a slab object: the direct map
    CHECK(got["unknown"] == got["static"] + "!");
    CHECK(got["width"] == "[                   0]");
}

TEST_CASE("%p ids are the same for machines with the same seed, and differ with another", "[kernel][vsprintf]") {
    auto ids = [](auto& g) {
        int local = 0;
        void* slab = kmalloc(40, GFP_KERNEL);
        g["stack"] = kf("%p", &local);
        g["slab"] = kf("%p", slab);
        g["func"] = kf("%p", reinterpret_cast<void*>(&msleep));
        kfree(slab);
    };
    auto a = in_guest(ids, 7), b = in_guest(ids, 7), c = in_guest(ids, 8);
    CHECK(a == b);
    CHECK(a["slab"] != c["slab"]);
    CHECK(a["func"] != c["func"]);
    CHECK(is_hashed(a["func"]));
}

TEST_CASE("%pS, %ps, %pB name code through the symbol table", "[kernel][vsprintf]") {
    auto got = in_guest([](auto& g) {
        void* f = reinterpret_cast<void*>(&msleep);
        g["S"] = kf("%pS", f);
        g["SR"] = kf("%pSR", f);
        g["s"] = kf("%ps", f);
        g["B"] = kf("%pB", static_cast<char*>(f) + 1);
        g["in"] = kf("%pS", static_cast<char*>(f) + 2);
        g["width"] = kf("[%-10ps]", f);
        g["null"] = kf("%pS", nullptr);
    });
    CHECK(std::regex_match(got["S"], std::regex("msleep\\+0x0/0x[0-9a-f]+")));
    CHECK(got["SR"] == got["S"]);
    CHECK(got["s"] == "msleep");
    CHECK(std::regex_match(got["B"], std::regex("msleep\\+0x1/0x[0-9a-f]+")));
    CHECK(std::regex_match(got["in"], std::regex("msleep\\+0x2/0x[0-9a-f]+")));
    CHECK(got["width"] == "[msleep    ]");
    CHECK(got["null"] == "0x0");
}

TEST_CASE("%pe prints the errno's name (6.1 lib/errname.c), or its number", "[kernel][vsprintf]") {
    CHECK(kf("%pe", ERR_PTR(-ENOMEM)) == "-ENOMEM");
    CHECK(kf("%pe", ERR_PTR(-EINVAL)) == "-EINVAL");
    CHECK(kf("%pe", ERR_PTR(-EWOULDBLOCK)) == "-EAGAIN");
    CHECK(kf("%pe", ERR_PTR(-EDEADLOCK)) == "-EDEADLK");
    CHECK(kf("%pe", ERR_PTR(-ENOTSUPP)) == "-ENOTSUPP");
    CHECK(kf("%pe", ERR_PTR(-EPROBE_DEFER)) == "-EPROBE_DEFER");
    CHECK(kf("%pe", ERR_PTR(-ERESTARTSYS)) == "-ERESTARTSYS");
    CHECK(kf("%pe", ERR_PTR(-EHWPOISON)) == "-EHWPOISON");
    CHECK(kf("%pe", ERR_PTR(-1234)) == "-1234");
    CHECK(kf("[%10pe]", ERR_PTR(-EIO)) == "[      -EIO]");
    CHECK(kf("%pe", nullptr) == "0000000000000000");  // not an error: %p
}

TEST_CASE("%*pb and %*pbl print bitmaps", "[kernel][vsprintf]") {
    unsigned long map[2] = {0xff00000001ul | (1ul << 63), 0x5ul};
    CHECK(kf("%*pb", 40, map) == "ff,00000001");
    CHECK(kf("%*pb", 67, map) == "5,800000ff,00000001");
    CHECK(kf("%*pb", 4, map) == "1");
    CHECK(kf("%*pbl", 40, map) == "0,32-39");
    CHECK(kf("%*pbl", 67, map) == "0,32-39,63-64,66");
    CHECK(kf("[%*pbl]", 0, map) == "[]");
    CHECK(kf("%*pb", 8, nullptr) == "  (null)");  // check_pointer() pads to the width, which is the bit count
}

TEST_CASE("%*ph prints a small buffer in hex", "[kernel][vsprintf]") {
    const unsigned char b[4] = {0x01, 0xab, 0x00, 0xff};
    CHECK(kf("%*ph", 4, b) == "01 ab 00 ff");
    CHECK(kf("%*phC", 4, b) == "01:ab:00:ff");
    CHECK(kf("%*phD", 4, b) == "01-ab-00-ff");
    CHECK(kf("%*phN", 4, b) == "01ab00ff");
    CHECK(kf("%ph", b) == "01");             // no width: one byte
    CHECK(kf("[%*ph]", 0, b) == "[]");
    unsigned char many[80] = {};
    CHECK(kf("%*phN", 80, many) == std::string(128, '0'));  // at most 64 bytes
    CHECK(kf("%*ph", 2, nullptr) == "(null)");
}

TEST_CASE("network addresses, UUIDs, phys_addr_t and %pV", "[kernel][vsprintf]") {
    const unsigned char mac[6] = {0x00, 0x1b, 0x21, 0x3a, 0x4f, 0x5e};
    CHECK(kf("%pM", mac) == "00:1b:21:3a:4f:5e");
    CHECK(kf("%pMR", mac) == "5e:4f:3a:21:1b:00");
    CHECK(kf("%pMF", mac) == "00-1b-21-3a-4f-5e");
    CHECK(kf("%pm", mac) == "001b213a4f5e");
    const unsigned char ip4[4] = {192, 168, 0, 1};
    CHECK(kf("%pI4", ip4) == "192.168.0.1");
    CHECK(kf("%pi4", ip4) == "192.168.000.001");
    CHECK(kf("%pI4h", ip4) == "1.0.168.192");
    const unsigned char ip6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    CHECK(kf("%pI6", ip6) == "2001:0db8:0000:0000:0000:0000:0000:0001");
    CHECK(kf("%pi6", ip6) == "20010db8000000000000000000000001");
    CHECK(kf("%pI6c", ip6) == "2001:db8::1");
    const unsigned char mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4};
    CHECK(kf("%pI6c", mapped) == "::ffff:1.2.3.4");
    const unsigned char loop[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    CHECK(kf("%pI6c", loop) == "::1");
    const unsigned char one0[16] = {0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7};
    CHECK(kf("%pI6c", one0) == "1:0:2:3:4:5:6:7");  // a single zero word stays
    const unsigned char u[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};
    CHECK(kf("%pU", u) == "00010203-0405-0607-0809-0a0b0c0d0e0f");
    CHECK(kf("%pUB", u) == "00010203-0405-0607-0809-0A0B0C0D0E0F");
    CHECK(kf("%pUl", u) == "03020100-0504-0706-0809-0a0b0c0d0e0f");
    CHECK(kf("%pUL", u) == "03020100-0504-0706-0809-0A0B0C0D0E0F");
    unsigned long long phys = 0x1234;
    CHECK(kf("%pa", &phys) == "0x0000000000001234");
    CHECK(kf("%pad", &phys) == "0x0000000000001234");
    CHECK(kf("%pks|%pus|%pkx", "abc", "def", "x") == "abc|def|(einval)");
    CHECK(vf("%s=%d %pe", "x", 5, ERR_PTR(-EBUSY)) == "<x=5 -EBUSY>");
}

TEST_CASE("printk formats with the kernel's extensions", "[kernel][vsprintf]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        printk(KERN_INFO "fmt: %pe %ps %*pbl %p %s\n", ERR_PTR(-ENODEV), reinterpret_cast<void*>(&msleep), 8,
               std::array<unsigned long, 1>{0x0ful}.data(), nullptr, static_cast<const char*>(nullptr));
        return 0;
    });
    CHECK(r.plain.find("fmt: -ENODEV msleep 0-3 0000000000000000 (null)\n") != std::string::npos);
}

TEST_CASE("field width and precision are clamped as 6.1's set_field_width()/set_precision()", "[kernel][vsprintf]") {
    // Guest-chosen numbers: a width of INT_MAX (or one that overflows int) must not loop 2^31 times.
    auto n_of = [](const char* fmt, ...) {
        char buf[8];
        va_list ap;
        va_start(ap, fmt);
        int n = kern::kernel_vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        return n;
    };
    CHECK(n_of("%*d", INT_MAX, 1) == 8388607);
    CHECK(n_of("%*d", INT_MIN, 1) == 8388607);  // left-justified, same clamp
    CHECK(n_of("%99999999999999d", 1) == 8388607);
    CHECK(n_of("%.*s", 100000, "abc") == 3);
    CHECK(kf("%.99999999999s|", "abcdef") == "abcdef|");

}
