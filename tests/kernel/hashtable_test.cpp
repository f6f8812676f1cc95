// linux/hash.h and linux/hashtable.h: golden-ratio hashes with 6.1's constants
// and results, and the bucket each key lands in (6.1 include/linux/hash.h,
// include/linux/hashtable.h); log2.h's rounding used by sizes.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/hash.h"
#include "kernel/include/linux/hashtable.h"
#include "kernel/include/linux/log2.h"

#include <catch2/catch.hpp>

#include <vector>

namespace {
struct Obj {
    unsigned long key;
    hlist_node node;
};
}  // namespace

TEST_CASE("hash: 6.1's golden-ratio constants and values", "[kernel][hash]") {
    CHECK(GOLDEN_RATIO_32 == 0x61C88647u);
    CHECK(GOLDEN_RATIO_64 == 0x61C8864680B583EBull);
    CHECK(hash_32(1, 8) == 97u);
    CHECK(hash_32(0xdeadbeef, 10) == 439u);
    CHECK(hash_32(0, 32) == 0u);
    CHECK(hash_64(1, 8) == 97u);
    CHECK(hash_64(12345, 16) == 24275u);
    CHECK(hash_long(12345UL, 16) == 24275u);  // 64-bit: hash_long is hash_64
    CHECK(hash32_ptr(reinterpret_cast<void*>(0x123456789aUL)) == (0x3456789au ^ 0x12u));
}

TEST_CASE("log2: ilog2 and power-of-two rounding", "[kernel][hash]") {
    volatile unsigned long v = 1000;
    CHECK(ilog2(1000UL) == 9);
    CHECK(ilog2(v) == 9);
    volatile unsigned int z = 0;
    CHECK(ilog2(z) == -1);
    CHECK(roundup_pow_of_two(v) == 1024);
    CHECK(rounddown_pow_of_two(v) == 512);
    CHECK(roundup_pow_of_two(1UL) == 1);
    CHECK(is_power_of_2(64));
    CHECK(!is_power_of_2(0));
    CHECK(order_base_2(v) == 10);
    CHECK(order_base_2(1UL) == 0);
    CHECK(bits_per(v) == 10);
    CHECK(bits_per(8UL) == 4);
}

TEST_CASE("hashtable: buckets, lookup, delete, break out of hash_for_each", "[kernel][hash]") {
    DECLARE_HASHTABLE(table, 4);
    hash_init(table);
    CHECK(HASH_SIZE(table) == 16);
    CHECK(HASH_BITS(table) == 4);
    CHECK(hash_empty(table));
    std::vector<Obj> objs(40);
    for (unsigned long i = 0; i < objs.size(); i++) {
        objs[i].key = i * 3;
        hash_add(table, &objs[i].node, objs[i].key);
        CHECK(hash_hashed(&objs[i].node));
    }
    CHECK(!hash_empty(table));
    unsigned bkt;
    Obj* o;
    int n = 0;
    hash_for_each(table, bkt, o, node) {
        CHECK(bkt == hash_min(o->key, 4));  // unsigned long key: hash_long
        n++;
    }
    CHECK(n == 40);
    int seen = 0;
    hash_for_each(table, bkt, o, node) {
        if (++seen == 3) break;
    }
    CHECK(seen == 3);
    CHECK(o != nullptr);
    Obj* found = nullptr;
    hash_for_each_possible(table, o, node, 27UL) if (o->key == 27) found = o;
    REQUIRE(found == &objs[9]);
    hash_del(&found->node);
    CHECK(!hash_hashed(&found->node));
    found = nullptr;
    hash_for_each_possible(table, o, node, 27UL) if (o->key == 27) found = o;
    CHECK(found == nullptr);
    hlist_node* tmp;
    n = 0;
    hash_for_each_safe(table, bkt, tmp, o, node) {
        hash_del(&o->node);
        n++;
    }
    CHECK(n == 39);
    CHECK(hash_empty(table));
}
