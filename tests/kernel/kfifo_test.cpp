// kfifo (linux/kfifo.h, kernel/kfifo.cpp): power-of-two sizes (kfifo_alloc
// rounds up, kfifo_init rounds down, -EINVAL below 2), free-running counters
// across the wrap, partial in/out, element counts for typed fifos
// (6.1 include/linux/kfifo.h, lib/kfifo.c).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/kfifo.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

using namespace emu;
using namespace emu::test;

TEST_CASE("kfifo: kfifo_alloc rounds up, kfifo_init rounds down, sizes below 2 are -EINVAL", "[kernel][kfifo]") {
    std::vector<long> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        DECLARE_KFIFO_PTR(f, unsigned char);  // struct kfifo, which C++ cannot spell
        got.push_back(kfifo_alloc(&f, 100, GFP_KERNEL));
        got.push_back(kfifo_size(&f));
        got.push_back(kfifo_avail(&f));
        got.push_back(kfifo_esize(&f));
        kfifo_free(&f);
        got.push_back(kfifo_initialized(&f));
        got.push_back(kfifo_alloc(&f, 1, GFP_KERNEL));
        got.push_back(kfifo_alloc(&f, 0, GFP_KERNEL));
        DECLARE_KFIFO_PTR(ints, int);
        got.push_back(kfifo_alloc(&ints, 5, GFP_KERNEL));
        got.push_back(kfifo_size(&ints));
        got.push_back(kfifo_esize(&ints));
        kfifo_free(&ints);
        static char buffer[100];
        got.push_back(kfifo_init(&f, buffer, sizeof(buffer)));
        got.push_back(kfifo_size(&f));
        got.push_back(kfifo_init(&f, buffer, 1));
        DECLARE_KFIFO(fixed, int, 8);
        INIT_KFIFO(fixed);
        got.push_back(kfifo_size(&fixed));
        got.push_back(kfifo_alloc(&fixed, 16, GFP_KERNEL));  // not a pointer fifo
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(got == std::vector<long>{0, 128, 128, 1, 0, -EINVAL, -EINVAL, 0, 8, 4, 0, 64, -EINVAL, 8, -EINVAL});
}

TEST_CASE("kfifo: put/get/peek, full and empty, wrap-around, partial in and out", "[kernel][kfifo]") {
    std::vector<long> got;
    std::string bytes;
    auto r = run_guest(default_config(1), [&](Machine&) {
        DECLARE_KFIFO(q, int, 4);
        INIT_KFIFO(q);
        int v = 0;
        got.push_back(kfifo_is_empty(&q));
        got.push_back(kfifo_get(&q, &v));  // 0: empty
        for (int i = 1; i <= 5; ++i) got.push_back(kfifo_put(&q, i * 10));  // the fifth does not fit
        got.push_back(kfifo_is_full(&q));
        got.push_back(kfifo_len(&q));
        got.push_back(kfifo_peek(&q, &v));
        got.push_back(v);
        got.push_back(kfifo_get(&q, &v));
        got.push_back(v);
        got.push_back(kfifo_put(&q, 50));  // wraps to slot 0
        int out[8] = {};
        got.push_back(kfifo_out(&q, out, 8));
        got.push_back(out[0]);
        got.push_back(out[3]);
        got.push_back(kfifo_peek_len(&q));

        DECLARE_KFIFO_PTR(b, char);
        if (kfifo_alloc(&b, 8, GFP_KERNEL)) return 1;
        got.push_back(kfifo_in(&b, "abcdef", 6));
        char tmp[16] = {};
        got.push_back(kfifo_out(&b, tmp, 4));
        got.push_back(kfifo_in(&b, "ghijklmn", 8));  // 6 of them fit, across the wrap
        got.push_back(kfifo_peek_len(&b));
        got.push_back(kfifo_out_peek(&b, tmp, 3));
        std::memset(tmp, 0, sizeof(tmp));
        got.push_back(kfifo_out(&b, tmp, 16));
        bytes = tmp;
        kfifo_put(&b, 'x');
        kfifo_reset(&b);
        got.push_back(kfifo_len(&b));
        kfifo_free(&b);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(got == std::vector<long>{1, 0, 1, 1, 1, 1, 0, 1, 4, 1, 10, 1, 10, 1, 4, 20, 50, 0, 6, 4, 6, 8, 3, 8, 0});
    CHECK(bytes == "efghijkl");
}
