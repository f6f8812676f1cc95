// lib/crc32.c: table-driven CRC-32 (reflected and normal) and CRC-32C. The
// tables are computed at compile time; shifting runs the register over zero
// bytes, which multiplies it by x^(8*len) modulo the polynomial.
#include "kernel/include/linux/crc32.h"
#include "kernel/include/linux/crc32poly.h"

#include <array>

namespace {

constexpr std::array<u32, 256> reflected_table(u32 poly) {
    std::array<u32, 256> t{};
    for (u32 i = 0; i < 256; ++i) {
        u32 c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ poly : c >> 1;
        t[i] = c;
    }
    return t;
}

constexpr std::array<u32, 256> normal_table(u32 poly) {
    std::array<u32, 256> t{};
    for (u32 i = 0; i < 256; ++i) {
        u32 c = i << 24;
        for (int k = 0; k < 8; ++k) c = (c & 0x80000000u) ? (c << 1) ^ poly : c << 1;
        t[i] = c;
    }
    return t;
}

constexpr auto kLe = reflected_table(CRC32_POLY_LE);
constexpr auto kCastagnoli = reflected_table(CRC32C_POLY_LE);
constexpr auto kBe = normal_table(CRC32_POLY_BE);

u32 reflected(const std::array<u32, 256>& t, u32 crc, const unsigned char* p, size_t len) {
    while (len--) crc = (crc >> 8) ^ t[(crc ^ *p++) & 0xff];
    return crc;
}

u32 reflected_zeros(const std::array<u32, 256>& t, u32 crc, size_t len) {
    while (len--) crc = (crc >> 8) ^ t[crc & 0xff];
    return crc;
}

}  // namespace

extern "C" {

u32 crc32_le(u32 crc, unsigned char const* p, size_t len) { return reflected(kLe, crc, p, len); }
u32 __crc32c_le(u32 crc, unsigned char const* p, size_t len) { return reflected(kCastagnoli, crc, p, len); }
u32 crc32_le_shift(u32 crc, size_t len) { return reflected_zeros(kLe, crc, len); }
u32 __crc32c_le_shift(u32 crc, size_t len) { return reflected_zeros(kCastagnoli, crc, len); }

u32 crc32_be(u32 crc, unsigned char const* p, size_t len) {
    while (len--) crc = (crc << 8) ^ kBe[((crc >> 24) ^ *p++) & 0xff];
    return crc;
}

}  // extern "C"
