// __get_free_pages()/free_pages() (kernel/page_alloc.cpp, 6.1 mm/page_alloc.c):
// 2^order page-aligned pages of guest memory; an order past MAX_ORDER fails
// with a WARN unless __GFP_NOWARN; a blocking mask may sleep.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/mm.h"
#include "kernel/include/linux/spinlock.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

TEST_CASE("__get_free_pages: page-aligned, zeroed on request; too large an order fails", "[kernel][page_alloc]") {
    unsigned long one = 1, four = 1, huge = 1, quiet = 1;
    bool zeroed = false;
    auto r = run_guest(default_config(2), [&](Machine&) {
        one = __get_free_page(GFP_KERNEL);
        four = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
        zeroed = reinterpret_cast<char*>(four)[4 * PAGE_SIZE - 1] == 0;
        reinterpret_cast<char*>(one)[PAGE_SIZE - 1] = 1;  // the whole page is usable
        huge = __get_free_pages(GFP_KERNEL, 11);
        quiet = __get_free_pages(GFP_KERNEL | __GFP_NOWARN, 12);
        free_page(one);
        free_pages(four, 2);
        free_pages(0, 3);  // a no-op
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(one % PAGE_SIZE == 0);
    CHECK(four % PAGE_SIZE == 0);
    CHECK(zeroed);
    CHECK(huge == 0);
    CHECK(quiet == 0);
    CHECK(count(r.console, "WARNING:") == 1);
}

TEST_CASE("__get_free_pages(GFP_KERNEL) in atomic context is reported; GFP_ATOMIC is not", "[kernel][page_alloc]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        spinlock_t lock;
        spin_lock_init(&lock);
        spin_lock(&lock);
        unsigned long a = __get_free_page(GFP_ATOMIC);
        unsigned long b = __get_free_page(GFP_KERNEL);
        spin_unlock(&lock);
        free_page(a);
        free_page(b);
        return 0;
    });
    INFO(r.console);
    CHECK(count(r.console, "BUG: sleeping function called from invalid context at include/linux/sched/mm.h:274") == 1);
}
