// IDR and IDA (linux/idr.h, kernel/idr.cpp): lowest free ID at or above the
// start, 6.1's -ENOSPC/-EINVAL/-ENOENT, cyclic allocation wrapping once,
// NULL entries reserved but skipped by walks (6.1 include/linux/idr.h, lib/idr.c).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/idr.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
int a, b, c;
int count_fn(int id, void* p, void* data) {
    auto* v = static_cast<std::vector<int>*>(data);
    v->push_back(id);
    return p == &c ? 7 : 0;  // stop at c
}
}  // namespace

TEST_CASE("idr: alloc, find, remove, ranges and errors", "[kernel][idr]") {
    std::vector<long> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static DEFINE_IDR(idr);
        got.push_back(idr_is_empty(&idr));
        got.push_back(idr_alloc(&idr, &a, 0, 0, GFP_KERNEL));   // 0
        got.push_back(idr_alloc(&idr, &b, 0, 0, GFP_KERNEL));   // 1
        got.push_back(idr_alloc(&idr, &c, 5, 7, GFP_KERNEL));   // 5
        got.push_back(idr_alloc(&idr, &c, 5, 7, GFP_KERNEL));   // 6
        got.push_back(idr_alloc(&idr, &c, 5, 7, GFP_KERNEL));   // -ENOSPC: [5, 7) is full
        got.push_back(idr_alloc(&idr, nullptr, 1, 0, GFP_KERNEL));  // 2: reserved, NULL
        got.push_back(idr_find(&idr, 1) == &b);
        got.push_back(idr_find(&idr, 2) == nullptr);
        got.push_back(idr_remove(&idr, 0) == &a);
        got.push_back(idr_remove(&idr, 0) == nullptr);
        got.push_back(idr_alloc(&idr, &a, 0, 0, GFP_KERNEL));   // 0 again: the lowest free
        got.push_back(idr_alloc(&idr, &a, INT_MAX, 0, GFP_KERNEL));  // INT_MAX fits
        got.push_back(idr_alloc(&idr, &a, INT_MAX, 0, GFP_KERNEL));  // -ENOSPC
        got.push_back(PTR_ERR(idr_replace(&idr, &a, 3)));            // -ENOENT
        got.push_back(idr_replace(&idr, &a, 1) == &b);
        got.push_back(idr_is_empty(&idr));
        idr_destroy(&idr);
        got.push_back(idr_is_empty(&idr));
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(got == std::vector<long>{1, 0, 1, 5, 6, -ENOSPC, 2, 1, 1, 1, 1, 0, INT_MAX, -ENOSPC, -ENOENT, 1, 0, 1});
}

TEST_CASE("idr: walks skip NULL entries; idr_for_each stops at a non-zero return", "[kernel][idr]") {
    std::vector<int> ids, walked;
    int stop = -1;
    auto r = run_guest(default_config(1), [&](Machine&) {
        struct idr idr;
        idr_init(&idr);
        idr_alloc(&idr, &a, 3, 0, GFP_KERNEL);
        idr_alloc(&idr, nullptr, 4, 0, GFP_KERNEL);
        idr_alloc(&idr, &b, 4, 0, GFP_KERNEL);  // 5
        idr_alloc(&idr, &c, 9, 0, GFP_KERNEL);
        idr_alloc(&idr, &a, 20, 0, GFP_KERNEL);
        void* p;
        int id;
        idr_for_each_entry(&idr, p, id) ids.push_back(id);
        stop = idr_for_each(&idr, count_fn, &walked);
        idr_destroy(&idr);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(ids == std::vector<int>{3, 5, 9, 20});
    CHECK(walked == std::vector<int>{3, 5, 9});
    CHECK(stop == 7);
}

TEST_CASE("idr: idr_alloc_cyclic goes on from the last ID, then wraps to start", "[kernel][idr]") {
    std::vector<int> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        DEFINE_IDR(idr);
        got.push_back(idr_alloc_cyclic(&idr, &a, 1, 4, GFP_KERNEL));  // 1
        got.push_back(idr_alloc_cyclic(&idr, &a, 1, 4, GFP_KERNEL));  // 2
        idr_remove(&idr, 1);
        got.push_back(idr_alloc_cyclic(&idr, &a, 1, 4, GFP_KERNEL));  // 3, not the freed 1
        got.push_back(idr_alloc_cyclic(&idr, &a, 1, 4, GFP_KERNEL));  // wraps: 1
        got.push_back(idr_alloc_cyclic(&idr, &a, 1, 4, GFP_KERNEL));  // -ENOSPC
        got.push_back(static_cast<int>(idr_get_cursor(&idr)));
        struct idr based;
        idr_init_base(&based, 1);
        got.push_back(idr_alloc(&based, &a, 0, 0, GFP_KERNEL));  // 1: nothing below the base
        idr_destroy(&idr);
        idr_destroy(&based);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(got == std::vector<int>{1, 2, 3, 1, -ENOSPC, 2, 1});
}

TEST_CASE("ida: lowest free, ranges, ida_simple_get, freeing an unallocated ID WARNs", "[kernel][idr]") {
    std::vector<int> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static DEFINE_IDA(ida);
        got.push_back(ida_is_empty(&ida));
        got.push_back(ida_alloc(&ida, GFP_KERNEL));               // 0
        got.push_back(ida_alloc(&ida, GFP_KERNEL));               // 1
        got.push_back(ida_alloc_min(&ida, 10, GFP_KERNEL));       // 10
        got.push_back(ida_alloc_max(&ida, 1, GFP_KERNEL));        // -ENOSPC
        got.push_back(ida_simple_get(&ida, 10, 12, GFP_KERNEL));  // 11
        got.push_back(ida_simple_get(&ida, 10, 12, GFP_KERNEL));  // -ENOSPC
        got.push_back(ida_alloc_range(&ida, 0x80000000u, ~0u, GFP_KERNEL));  // -ENOSPC: min above INT_MAX
        ida_simple_remove(&ida, 0);
        got.push_back(ida_alloc(&ida, GFP_KERNEL));               // 0 again
        ida_free(&ida, 5);
        got.push_back(ida_is_empty(&ida));
        ida_destroy(&ida);
        got.push_back(ida_is_empty(&ida));
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(got == std::vector<int>{1, 0, 1, 10, -ENOSPC, 11, -ENOSPC, -ENOSPC, 0, 0, 1});
    CHECK(r.plain.find("ida_free called for id=5 which is not allocated.\n") != std::string::npos);
    CHECK(r.plain.find("WARNING: CPU: 0 PID: ") != std::string::npos);
}
