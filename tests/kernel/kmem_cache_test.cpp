// kmem_cache_*() (kernel/slab.cpp): 6.1 include/linux/slab.h and
// mm/slab_common.c, with SLUB's rules (mm/slub.c) for layout, merging,
// constructors and the "Objects remaining" report of kmem_cache_destroy().
#include "tests/support/guest.hpp"

#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/spinlock.h"
#include "kernel/slab.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <regex>

using namespace emu;
using namespace emu::test;

namespace {
struct item {
    int magic;
    int uses;
    char name[16];
};
int g_ctor_calls;
void item_ctor(void* p) {
    ++g_ctor_calls;
    auto* it = static_cast<item*>(p);
    it->magic = 0x5a5a;
    it->uses = 0;
}
}  // namespace

TEST_CASE("kmem_cache: create, alloc, free, destroy; the ctor runs once per object when its slab is made, "
          "never again on reuse (SLUB)",
          "[kernel][slab][kmem_cache]") {
    g_ctor_calls = 0;
    int magic = 0, reused_uses = -1, after_first = 0, size = 0, zeroed = -1;
    bool same_object = false;
    auto r = run_guest(default_config(2), [&](Machine&) {
        kmem_cache* c = kmem_cache_create("item_cache", sizeof(item), 0, SLAB_HWCACHE_ALIGN, item_ctor);
        if (!c) return 1;
        size = static_cast<int>(kmem_cache_size(c));
        auto* a = static_cast<item*>(kmem_cache_alloc(c, GFP_KERNEL));
        after_first = g_ctor_calls;  // the whole first slab was constructed
        magic = a->magic;
        a->uses = 7;
        kmem_cache_free(c, a);
        auto* b = static_cast<item*>(kmem_cache_alloc(c, GFP_KERNEL));
        same_object = a == b;
        reused_uses = b->uses;  // not reconstructed
        auto* z = static_cast<item*>(kmem_cache_zalloc(c, GFP_KERNEL));
        zeroed = z->magic;
        kmem_cache_free(c, b);
        kmem_cache_free(c, z);
        kmem_cache_destroy(c);
        kmem_cache_destroy(nullptr);  // a no-op
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(size == sizeof(item));
    CHECK(magic == 0x5a5a);
    // 24 bytes + the free pointer kept outside the object for a ctor = 32 (HWCACHE_ALIGN: 32); one page of 128.
    CHECK(after_first == 128);
    CHECK(g_ctor_calls == 128);
    CHECK(same_object);
    CHECK(reused_uses == 7);
    CHECK(zeroed == 0);
    CHECK(r.console.find("WARNING") == std::string::npos);
    CHECK(r.console.find("BUG") == std::string::npos);
}

TEST_CASE("kmem_cache: alignment as calculate_alignment() gives it; KMEM_CACHE names the cache after the struct",
          "[kernel][slab][kmem_cache]") {
    std::uintptr_t a1 = 0, a2 = 0, b1 = 0, b2 = 0;
    unsigned int km_size = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        kmem_cache* hw = kmem_cache_create("hw_aligned", 40, 0, SLAB_HWCACHE_ALIGN, item_ctor);
        kmem_cache* a128 = kmem_cache_create("aligned128", 40, 128, 0, item_ctor);
        kmem_cache* km = KMEM_CACHE(item, 0);
        void* x = kmem_cache_alloc(hw, GFP_KERNEL);
        void* y = kmem_cache_alloc(hw, GFP_KERNEL);
        void* p = kmem_cache_alloc(a128, GFP_KERNEL);
        void* q = kmem_cache_alloc(a128, GFP_KERNEL);
        a1 = reinterpret_cast<std::uintptr_t>(x);
        a2 = reinterpret_cast<std::uintptr_t>(y);
        b1 = reinterpret_cast<std::uintptr_t>(p);
        b2 = reinterpret_cast<std::uintptr_t>(q);
        km_size = kmem_cache_size(km);
        kmem_cache_free(hw, x);
        kmem_cache_free(hw, y);
        kmem_cache_free(a128, p);
        kmem_cache_free(a128, q);
        kmem_cache_destroy(hw);
        kmem_cache_destroy(a128);
        kmem_cache_destroy(km);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(a1 % 64 == 0);
    CHECK(a2 - a1 == 64);  // 40 + 8 -> 64
    CHECK(b1 % 128 == 0);
    CHECK(b2 - b1 == 128);
    CHECK(km_size == sizeof(item));
}

TEST_CASE("kmem_cache: a cache without a ctor is merged into one of a fitting size (SLAB_MERGE_DEFAULT): "
          "destroying it only drops a reference",
          "[kernel][slab][kmem_cache]") {
    kmem_cache *m1 = nullptr, *m2 = nullptr, *own = nullptr;
    std::size_t live_before = 0, live_after = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        m1 = kmem_cache_create("merged_one", 64, 0, 0, nullptr);
        m2 = kmem_cache_create("merged_two", 60, 0, 0, nullptr);
        own = kmem_cache_create("never_merged", 64, 0, SLAB_POISON, nullptr);
        void* leak = kmem_cache_alloc(m1, GFP_KERNEL);
        live_before = kernel().slab->live_objects();
        kmem_cache_destroy(m1);  // with an object left: silent, the cache lives on as kmalloc-64
        kmem_cache_destroy(m2);
        kmem_cache_free(m1, leak);
        live_after = kernel().slab->live_objects();
        kmem_cache_destroy(own);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(m1 == m2);
    CHECK(m1 != own);
    CHECK(live_after + 1 == live_before);
    CHECK(r.console.find("still has objects") == std::string::npos);
    CHECK(r.console.find("WARNING") == std::string::npos);
}

TEST_CASE("kmem_cache_destroy with an object left: SLUB's \"Objects remaining\" report, then 6.1's WARN "
          "(mm/slab_common.c); the name stays taken",
          "[kernel][slab][kmem_cache]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        kmem_cache* c = kmem_cache_create("leaky_cache", sizeof(item), 0, 0, item_ctor);
        void* keep = kmem_cache_alloc(c, GFP_KERNEL);
        void* gone = kmem_cache_alloc(c, GFP_KERNEL);
        kmem_cache_free(c, gone);
        kmem_cache_destroy(c);
        (void)keep;
        // The cache was not released: a new one by that name collides in sysfs.
        kmem_cache* again = kmem_cache_create("leaky_cache", sizeof(item), 0, 0, item_ctor);
        return again == nullptr ? 0 : 1;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    const std::string& p = r.plain;
    // print_tainted(): nothing tainted the machine before the report (no module loaded).
    std::size_t bug = p.find("BUG leaky_cache (Not tainted): Objects remaining in leaky_cache on "
                             "__kmem_cache_shutdown()\n");
    REQUIRE(bug != std::string::npos);
    CHECK(p.find("=============================================================================\nBUG leaky_cache") !=
          std::string::npos);
    CHECK(std::regex_search(p, std::regex("\nSlab 0x00000000[0-9a-f]{8} objects=128 used=1 fp=0x00000000[0-9a-f]{8} "
                                          "flags=0x17ffffc0000200\\(slab\\|node=0\\|zone=2\\|lastcpupid=0x1fffff\\)\n")));
    CHECK(std::regex_search(p, std::regex("\nObject 0x00000000[0-9a-f]{8} @offset=0\n")));
    CHECK(p.find("Disabling lock debugging due to kernel taint\n") != std::string::npos);
    std::size_t warn = p.find("kmem_cache_destroy leaky_cache: Slab cache still has objects when called from ");
    REQUIRE(warn != std::string::npos);
    CHECK(warn > bug);
    CHECK(std::regex_search(p, std::regex("WARNING: CPU: [0-9]+ PID: [0-9]+ at mm/slab_common.c:493 "
                                          "kmem_cache_destroy\\+0x[0-9a-f]+/0x[0-9a-f]+\n")));
    CHECK(p.find("Tainted: G    B             ") != std::string::npos);  // BAD_PAGE after the report
    CHECK(p.find("sysfs: cannot create duplicate filename '/kernel/slab/leaky_cache'\n") != std::string::npos);
    CHECK(p.find("kobject_add_internal failed for leaky_cache with -EEXIST, don't try to register things with the "
                 "same name in the same directory.\n") != std::string::npos);
    CHECK(p.find("kmem_cache_create_usercopy(leaky_cache) failed with error -17\n") != std::string::npos);
}

TEST_CASE("kmem_cache_destroy: a full slab is on no list, so only the WARN tells of it", "[kernel][slab][kmem_cache]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        kmem_cache* c = kmem_cache_create("full_cache", 2048, 0, 0, item_ctor);
        // 2048 + 8 -> 2056-byte slots: calculate_order() picks order 3, 15 of them.
        for (int i = 0; i < 15; ++i) kmem_cache_alloc(c, GFP_KERNEL);
        kmem_cache_destroy(c);
        return 0;
    });
    INFO(r.console);
    CHECK(r.console.find("Objects remaining") == std::string::npos);
    CHECK(r.console.find("kmem_cache_destroy full_cache: Slab cache still has objects") != std::string::npos);
}

TEST_CASE("kmem_cache: refused flags, an object freed to the wrong cache, creating in atomic context",
          "[kernel][slab][kmem_cache]") {
    kmem_cache* bad = reinterpret_cast<kmem_cache*>(1);
    bool back_home = false;
    auto r = run_guest(default_config(2), [&](Machine&) {
        bad = kmem_cache_create("bad_flags", 32, 0, 0x40000000u, nullptr);
        kmem_cache* a = kmem_cache_create("cache_a", 48, 0, 0, item_ctor);
        kmem_cache* b = kmem_cache_create("cache_b", 48, 0, 0, item_ctor);
        void* x = kmem_cache_alloc(a, GFP_KERNEL);
        std::size_t live = kernel().slab->live_objects();
        kmem_cache_free(b, x);  // 6.1 (SLAB_FREELIST_HARDENED): WARN, then freed to cache_a
        back_home = kernel().slab->live_objects() + 1 == live;
        spinlock_t lock;
        spin_lock_init(&lock);
        spin_lock(&lock);
        kmem_cache* c = kmem_cache_create("atomic_cache", 16, 0, 0, item_ctor);
        spin_unlock(&lock);
        kmem_cache_destroy(a);
        kmem_cache_destroy(b);
        kmem_cache_destroy(c);
        return 0;
    });
    INFO(r.console);
    CHECK(bad == nullptr);
    CHECK(r.console.find("kmem_cache_create_usercopy(bad_flags) failed with error -22") != std::string::npos);
    CHECK(r.console.find("cache_from_obj: Wrong slab cache. cache_b but object is from cache_a") != std::string::npos);
    CHECK(back_home);
    CHECK(r.console.find("BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580") !=
          std::string::npos);
}

TEST_CASE("kmalloc of more than the guest's memory, or of a size that wrapped around, fails with NULL", "[slab]") {
    auto r = emu::test::run_guest(emu::test::default_config(1), [](emu::Machine&) {
        CHECK(kmalloc(static_cast<size_t>(-1), GFP_KERNEL) == nullptr);
        CHECK(kmalloc(std::size_t{2} << 30, GFP_KERNEL) == nullptr);
        void* big = kmalloc(std::size_t{8} << 20, GFP_KERNEL);  // vmalloc()-sized requests still work
        CHECK(big != nullptr);
        kfree(big);
        return 0;
    });
    CHECK(r.status == 0);
}
