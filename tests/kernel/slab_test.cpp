// kmalloc()/kfree() (kernel/slab.cpp): guest objects come from the machine's
// own kmalloc-N caches, so a module's heap overflow corrupts guest memory,
// as on a kernel without KASAN, and never the host's allocator.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/slab.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace emu;
using namespace emu::test;

TEST_CASE("kmalloc: sizes round up to the kmalloc-N caches; kmalloc(0) is ZERO_SIZE_PTR", "[kernel][slab]") {
    std::size_t s5 = 0, s100 = 0, s9000 = 0;
    void* zero = nullptr;
    auto r = run_guest(default_config(1), [&](Machine&) {
        void* a = kmalloc(5, GFP_KERNEL);
        void* b = kmalloc(100, GFP_KERNEL);
        void* c = kmalloc(9000, GFP_KERNEL);
        s5 = ksize(a);
        s100 = ksize(b);
        s9000 = ksize(c);
        zero = kmalloc(0, GFP_KERNEL);
        kfree(zero);  // a no-op, as kfree(NULL)
        kfree(a);
        kfree(b);
        kfree(c);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(s5 == 8);
    CHECK(s100 == 128);
    CHECK(s9000 >= 9000);
    CHECK(zero == ZERO_SIZE_PTR);
    CHECK(r.console.find("WARNING") == std::string::npos);
}

TEST_CASE("kmalloc: writing past an object corrupts its neighbour in the slab, not the host "
          "(the lab's kmalloc(sizeof(p)) bug, LAB.md)",
          "[kernel][slab]") {
    unsigned char neighbour_first = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct mon {
            void* task;
            void* next;
            void* prev;
        };
        mon* p = static_cast<mon*>(kmalloc(sizeof(p), GFP_ATOMIC));  // 8 bytes for a 24-byte struct
        auto* q = static_cast<unsigned char*>(kzalloc(8, GFP_ATOMIC));
        std::memset(p, 0x41, sizeof(mon));  // 16 bytes past the end: q's 8 bytes and more
        neighbour_first = q[0];
        kfree(p);
        kfree(q);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(neighbour_first == 0x41);  // the next object of kmalloc-8
    CHECK(r.console.find("WARNING") == std::string::npos);
}

TEST_CASE("kfree: a double free and a pointer kmalloc never returned are reported, not passed to the host",
          "[kernel][slab]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        void* a = kmalloc(32, GFP_KERNEL);
        kfree(a);
        kfree(a);
        static char not_ours[16];
        kfree(not_ours);
        char* b = static_cast<char*>(kmalloc(64, GFP_KERNEL));
        kfree(b + 8);  // inside an object
        kfree(b);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(r.console.find("kfree: double free of ") != std::string::npos);
    CHECK(r.console.find("kfree: invalid pointer ") != std::string::npos);
}

TEST_CASE("krealloc keeps the contents; krealloc(p, 0) frees and returns ZERO_SIZE_PTR", "[kernel][slab]") {
    bool kept = false;
    void* zero = nullptr;
    auto r = run_guest(default_config(1), [&](Machine&) {
        char* a = static_cast<char*>(kmalloc(16, GFP_KERNEL));
        std::memcpy(a, "fifteen chars!!", 16);
        char* b = static_cast<char*>(krealloc(a, 600, GFP_KERNEL));
        kept = b && std::memcmp(b, "fifteen chars!!", 16) == 0;
        zero = krealloc(b, 0, GFP_KERNEL);
        kfree(a);  // already freed by the first krealloc: reported
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(kept);
    CHECK(zero == ZERO_SIZE_PTR);
    CHECK(r.console.find("kfree: double free of ") != std::string::npos);
}
