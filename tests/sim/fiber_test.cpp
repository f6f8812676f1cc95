#include "emu/sim/fiber.hpp"

#include <catch2/catch.hpp>

#include <vector>

using emu::Fiber;
using emu::StackPool;

namespace {
// `main` stands for the host's own context; `a` runs `entry` on a pooled stack.
struct PingPong {
    Fiber main, a;
    std::vector<int> trace;
    unsigned long result = 0;
    void start(StackPool& pool, Fiber::Entry entry) {
        main.mark_active();
        a.start(pool, entry, this);
    }
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
    p.start(pool, a_entry);
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
        p.start(pool, a_entry);
        Fiber::switch_to(p.main, p.a);
        first_lo = p.a.stack_lo();
    }
    PingPong q;
    q.a.start(pool, a_entry, &q);
    CHECK(q.a.stack_lo() == first_lo);
    CHECK(pool.mapped_stacks() == 1);
}

namespace {
// Values the compiler keeps in registers across a switch: integers (in
// callee-saved registers, which travel in the context) and doubles (in xmm
// registers, which the inline switch must declare clobbered, so they are
// spilled). Each side computes with its own while the other runs in between.
struct Mixer {
    unsigned long a, b, c, d, e;  // unsigned: they wrap
    double x;
    void step() {
        a += b; b ^= c; c += d * 3; d -= e; e += a;
        x = x * 1.5 + static_cast<double>(a & 7);
    }
    unsigned long sum() const { return a + b + c + d + e + static_cast<unsigned long>(x) % 1000003; }
};
void mixer_entry(void* arg) {
    auto* p = static_cast<PingPong*>(arg);
    Mixer m{11, 12, 13, 14, 15, 0.25};
    for (;;) {
        m.step();
        Fiber::switch_to(p->a, p->main);
        m.step();
        p->result = m.sum();
    }
}
unsigned long mix_alone(Mixer m, int steps) {
    for (int i = 0; i < steps; ++i) m.step();
    return m.sum();
}
}  // namespace

TEST_CASE("a switch keeps each side's register values, integer and floating point", "[sim]") {
    StackPool pool(64 * 1024);
    PingPong p;
    p.start(pool, mixer_entry);
    Mixer m{1, 2, 3, 4, 5, 0.5};
    for (int i = 0; i < 20; ++i) {
        m.step();
        Fiber::switch_to(p.main, p.a);
    }
    // The fiber steps twice per resume; at its 20th it took the sum after 2 x 19 steps.
    CHECK(m.sum() == mix_alone(Mixer{1, 2, 3, 4, 5, 0.5}, 20));
    CHECK(p.result == mix_alone(Mixer{11, 12, 13, 14, 15, 0.25}, 38));
}
