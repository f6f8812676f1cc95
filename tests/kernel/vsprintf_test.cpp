// scnprintf/kasprintf (6.1 lib/vsprintf.c) and the hex dumps of 6.1
// lib/hexdump.c (6.1 include/linux/kernel.h, include/linux/printk.h). The
// rows below use the data of 6.1's lib/test_hexdump.c.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/kernel.h"
#include "kernel/include/linux/printk.h"
#include "kernel/include/linux/slab.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

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
    char want[64];
    std::snprintf(want, sizeof want, "%016lx: 48 65 6c 6c", static_cast<unsigned long>(addr));
    CHECK(r.plain.find(want) != std::string::npos);
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
