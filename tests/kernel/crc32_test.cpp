// CRC-32 (linux/crc32.h, kernel/crc32.cpp): 6.1's polynomials and the
// standard check values of "123456789" (CRC-32 0xcbf43926, CRC-32/BZIP2
// 0xfc891918, CRC-32C 0xe3069283), raw seeds, shift/combine (6.1
// include/linux/crc32.h, include/linux/crc32poly.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/crc32.h"
#include "kernel/include/linux/crc32poly.h"

#include <catch2/catch.hpp>

namespace {
const unsigned char kCheck[] = "123456789";
}

TEST_CASE("crc32: check values, seeds, combine", "[kernel][crc32]") {
    CHECK(CRC32_POLY_LE == 0xedb88320u);
    CHECK(CRC32_POLY_BE == 0x04c11db7u);
    CHECK(CRC32C_POLY_LE == 0x82F63B78u);
    CHECK((crc32_le(~0u, kCheck, 9) ^ ~0u) == 0xcbf43926u);
    CHECK((crc32_be(~0u, kCheck, 9) ^ ~0u) == 0xfc891918u);
    CHECK((__crc32c_le(~0u, kCheck, 9) ^ ~0u) == 0xe3069283u);
    CHECK(crc32_le(0, kCheck, 9) == 0x2dfd2d88u);  // raw: no inversion inside
    CHECK(crc32(0, kCheck, 0) == 0u);
    u32 whole = crc32_le(~0u, kCheck, 9);
    u32 a = crc32_le(~0u, kCheck, 4), b = crc32_le(0, kCheck + 4, 5);
    CHECK(crc32_le_combine(a, b, 5) == whole);
    u32 wc = __crc32c_le(~0u, kCheck, 9);
    CHECK(__crc32c_le_combine(__crc32c_le(~0u, kCheck, 2), __crc32c_le(0, kCheck + 2, 7), 7) == wc);
    CHECK(ether_crc_le(9, kCheck) == whole);
    CHECK(ether_crc(9, kCheck) == bitrev32(whole));
    CHECK(bitrev32(0x00000001u) == 0x80000000u);
    CHECK(bitrev8(0x01) == 0x80);
}
