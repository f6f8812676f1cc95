// get_random_*() (kernel/random.cpp): one generator per machine seeded from
// --seed, so the same seed gives the same numbers in every run and machines
// do not share state (6.1 include/linux/random.h for the interface).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/random.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
std::vector<std::uint64_t> draws(std::uint64_t seed) {
    std::vector<std::uint64_t> out;
    MachineConfig cfg = default_config(2);
    cfg.seed = seed;
    run_guest(cfg, [&](Machine&) {
        out.push_back(get_random_u32());
        out.push_back(get_random_u64());
        out.push_back(get_random_u8());
        out.push_back(get_random_u16());
        out.push_back(get_random_long());
        unsigned char bytes[11];
        get_random_bytes(bytes, sizeof bytes);
        for (unsigned char b : bytes) out.push_back(b);
        return 0;
    });
    return out;
}
}  // namespace

TEST_CASE("get_random_*: the same seed gives the same numbers, machine after machine", "[kernel][random]") {
    auto a = draws(7);
    auto b = draws(7);
    auto c = draws(8);
    auto zero = draws(0);
    REQUIRE(a.size() == 16);
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a != zero);
    CHECK(zero == draws(0));
}

TEST_CASE("get_random_u32_below/above/inclusive stay in range", "[kernel][random]") {
    bool ok = true;
    std::vector<int> seen(6);
    auto r = run_guest(default_config(1), [&](Machine&) {
        for (int i = 0; i < 2000; ++i) {
            u32 v = get_random_u32_below(6);
            if (v >= 6) ok = false;
            else ++seen[v];
            u32 w = get_random_u32_inclusive(10, 12);
            if (w < 10 || w > 12) ok = false;
            if (get_random_u32_above(0xfffffffe) != 0xffffffff) ok = false;
            if (get_random_u32_below(1) != 0) ok = false;
            if (prandom_u32_max(3) >= 3) ok = false;
        }
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(ok);
    for (int n : seen) CHECK(n > 200);  // each of the six values shows up
}

TEST_CASE("prandom: a seeded state repeats its sequence; bytes are its words, little-endian", "[kernel][random]") {
    u32 first[3] = {}, again[3] = {};
    unsigned char bytes[6] = {};
    u32 words[2] = {};
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct rnd_state s;
        prandom_seed_state(&s, 42);
        for (u32& v : first) v = prandom_u32_state(&s);
        prandom_seed_state(&s, 42);
        for (u32& v : again) v = prandom_u32_state(&s);
        prandom_seed_state(&s, 5);
        prandom_bytes_state(&s, bytes, sizeof bytes);
        prandom_seed_state(&s, 5);
        words[0] = prandom_u32_state(&s);
        words[1] = prandom_u32_state(&s);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(std::equal(first, first + 3, again));
    CHECK(first[0] != first[1]);
    CHECK(bytes[0] == (words[0] & 0xff));
    CHECK(bytes[3] == (words[0] >> 24));
    CHECK(bytes[4] == (words[1] & 0xff));
    CHECK(bytes[5] == ((words[1] >> 8) & 0xff));
}
