// Bitmaps and bit searches (linux/bitmap.h, linux/find.h, kernel/bitmap.cpp):
// 6.1's results, including "size when there is none" and the text forms.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/bitmap.h"
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/math64.h"

#include <catch2/catch.hpp>

#include <string>

using namespace emu;
using namespace emu::test;

TEST_CASE("find_*_bit: positions, and size when there is none", "[kernel][bitmap]") {
    DECLARE_BITMAP(map, 130) = {};
    CHECK(find_first_bit(map, 130) == 130);
    CHECK(find_first_zero_bit(map, 130) == 0);
    __set_bit(3, map);
    __set_bit(64, map);
    __set_bit(129, map);
    CHECK(find_first_bit(map, 130) == 3);
    CHECK(find_next_bit(map, 130, 4) == 64);
    CHECK(find_next_bit(map, 129, 65) == 129);  // bit 129 lies outside size 129
    CHECK(find_last_bit(map, 130) == 129);
    CHECK(find_last_bit(map, 100) == 64);
    CHECK(find_nth_bit(map, 130, 1) == 64);
    CHECK(find_nth_bit(map, 130, 3) == 130);
    bitmap_fill(map, 130);
    CHECK(find_first_zero_bit(map, 130) == 130);
    unsigned long bit, n = 0;
    DECLARE_BITMAP(few, 70) = {};
    __set_bit(1, few);
    __set_bit(69, few);
    for_each_set_bit(bit, few, 70) n += bit;
    CHECK(n == 70);
    unsigned long clear = 0;
    for_each_clear_bit(bit, few, 70) ++clear;
    CHECK(clear == 68);
}

TEST_CASE("bitmap ops look at nbits only; weight, set/clear ranges, shifts", "[kernel][bitmap]") {
    DECLARE_BITMAP(a, 100) = {};
    DECLARE_BITMAP(b, 100) = {};
    DECLARE_BITMAP(d, 100) = {};
    bitmap_set(a, 10, 20);  // 10..29
    CHECK(bitmap_weight(a, 100) == 20);
    bitmap_set(b, 25, 10);  // 25..34
    CHECK(bitmap_and(d, a, b, 100));
    CHECK(bitmap_weight(d, 100) == 5);
    bitmap_or(d, a, b, 100);
    CHECK(bitmap_weight(d, 100) == 25);
    CHECK(bitmap_intersects(a, b, 100));
    CHECK(!bitmap_subset(a, b, 100));
    bitmap_clear(a, 10, 20);
    CHECK(bitmap_empty(a, 100));
    a[1] = ~0ul;  // bits 64..127: only 64..99 count
    CHECK(bitmap_weight(a, 100) == 36);
    CHECK(!bitmap_full(a, 100));
    bitmap_zero(b, 100);
    b[1] = 0xfffffffful << 36;  // bits 100..127 only: outside nbits
    CHECK(bitmap_empty(b, 100));
    DECLARE_BITMAP(s, 16) = {0x00f0};
    DECLARE_BITMAP(t, 16) = {};
    bitmap_shift_left(t, s, 4, 16);
    CHECK(t[0] == 0x0f00);
    bitmap_shift_right(t, s, 8, 16);
    CHECK(t[0] == 0);
    CHECK(bitmap_get_value8(s, 0) == 0xf0);
}

TEST_CASE("bitmap_parselist / bitmap_parse / bitmap_print_to_pagebuf", "[kernel][bitmap]") {
    DECLARE_BITMAP(m, 64) = {};
    CHECK(bitmap_parselist("0-3,8,16-23:2/4\n", m, 64) == 0);
    CHECK(m[0] == 0x33010ful);
    char buf[4096];
    bitmap_print_to_pagebuf(true, buf, m, 64);
    CHECK(std::string(buf) == "0-3,8,16-17,20-21\n");
    bitmap_print_to_pagebuf(false, buf, m, 64);
    CHECK(std::string(buf) == "00000000,0033010f\n");
    CHECK(bitmap_parselist("5-2", m, 64) == -EINVAL);
    CHECK(bitmap_parselist("70", m, 64) == -ERANGE);
    CHECK(bitmap_parse("ff,00000001", 64, m, 64) == 0);
    CHECK(m[0] == 0xff00000001ul);
    bitmap_print_to_pagebuf(false, buf, m, 40);
    CHECK(std::string(buf) == "ff,00000001\n");
}

TEST_CASE("bitmap regions and zero areas", "[kernel][bitmap]") {
    DECLARE_BITMAP(m, 64) = {};
    CHECK(bitmap_find_free_region(m, 64, 2) == 0);
    CHECK(bitmap_find_free_region(m, 64, 2) == 4);
    CHECK(bitmap_allocate_region(m, 4, 1) == -EBUSY);
    bitmap_release_region(m, 0, 2);
    CHECK(bitmap_find_next_zero_area(m, 64, 0, 3, 0) == 0);
    CHECK(bitmap_find_next_zero_area(m, 64, 1, 3, 7) == 8);
}

TEST_CASE("int_sqrt, int_pow, do_div", "[kernel][math]") {
    CHECK(int_sqrt(0) == 0);
    CHECK(int_sqrt(15) == 3);
    CHECK(int_sqrt(16) == 4);
    CHECK(int_sqrt(~0ul) == 0xfffffffful);
    CHECK(int_pow(3, 4) == 81);
    CHECK(int_pow(2, 64) == 0);
    u64 n = 1000000007ull;
    u32 rem = do_div(n, 10);
    CHECK(rem == 7);
    CHECK(n == 100000000ull);
    u64 r64 = 0;
    CHECK(iter_div_u64_rem(25, 7, &r64) == 3);
    CHECK(r64 == 4);
}
