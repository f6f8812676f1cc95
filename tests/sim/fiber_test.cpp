#include "emu/sim/fiber.hpp"

#include <catch2/catch.hpp>

#include <vector>

using emu::Fiber;
using emu::StackPool;

namespace {
struct PingPong {
    Fiber main, a;
    std::vector<int> trace;
};
void a_entry(void* arg) {
    auto* p = static_cast<PingPong*>(arg);
    for (int i = 0;; ++i) {
        p->trace.push_back(i);
        Fiber::switch_to(p->a, p->main);
    }
}
}  // namespace

TEST_CASE("fibers switch back and forth keeping their own stacks", "[sim]") {
    StackPool pool(64 * 1024);
    PingPong p;
    p.main.mark_active();
    p.a.start(pool, a_entry, &p);
    for (int i = 0; i < 3; ++i) Fiber::switch_to(p.main, p.a);
    CHECK(p.trace == std::vector<int>{0, 1, 2});
    CHECK(p.a.has_stack());
    CHECK(p.a.stack_hi() - p.a.stack_lo() == 64 * 1024);
}

TEST_CASE("stacks are pooled: a retired stack is reused without a new mapping", "[sim]") {
    StackPool pool(64 * 1024);
    std::uintptr_t first_lo = 0;
    {
        PingPong p;
        p.main.mark_active();
        p.a.start(pool, a_entry, &p);
        Fiber::switch_to(p.main, p.a);
        first_lo = p.a.stack_lo();
    }
    PingPong q;
    q.a.start(pool, a_entry, &q);
    CHECK(q.a.stack_lo() == first_lo);
    CHECK(pool.mapped_stacks() == 1);
}
