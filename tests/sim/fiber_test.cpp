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

namespace {
// Alternates the two switches: a context saved by one must resume through the other.
void mixed_entry(void* arg) {
    auto* p = static_cast<PingPong*>(arg);
    volatile int local = 1000;  // lives on this fiber's stack across every switch
    for (int i = 0;; ++i) {
        p->trace.push_back(local + i);
        if (i % 2) Fiber::switch_task(p->a, p->main);
        else Fiber::switch_to(p->a, p->main);
    }
}
}  // namespace

TEST_CASE("the task switch (emu_swap_fcontext) and the loop switch (emu_jump_fcontext) resume each other's contexts", "[sim]") {
    StackPool pool(64 * 1024);
    PingPong p;
    p.main.mark_active();
    p.a.start(pool, mixed_entry, &p);
    Fiber::switch_task(p.main, p.a);  // a fresh context entered through the task switch
    for (int i = 0; i < 5; ++i) {
        if (i % 2) Fiber::switch_to(p.main, p.a);
        else Fiber::switch_task(p.main, p.a);
    }
    CHECK(p.trace == std::vector<int>{1000, 1001, 1002, 1003, 1004, 1005});
}
