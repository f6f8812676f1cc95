#include "emu/sim/engine.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;

namespace {
// Each core runs a loop that charges `step` cycles and records (core, clock).
struct Trace {
    Engine* engine;
    std::vector<std::pair<int, Cycles>> steps;
    Fiber fibers[2];
    Cycles step[2] = {300, 500};
    int remaining[2] = {6, 4};
};
struct CoreArg {
    Trace* t;
    int id;
};

void core_loop(void* arg) {
    auto* t = static_cast<CoreArg*>(arg)->t;
    int id = static_cast<CoreArg*>(arg)->id;
    CpuCore& core = t->engine->core(id);
    while (t->remaining[id]-- > 0) {
        t->steps.emplace_back(id, core.clock);
        core.clock += t->step[id];
        if (core.clock >= core.deadline) t->engine->yield_to_loop(core);
    }
    core.halted = true;
    t->engine->yield_to_loop(core);
}
}  // namespace

TEST_CASE("the core with the lowest clock always runs next", "[sim]") {
    Engine e(2, 1'000'000'000, 0, 64 * 1024);
    Trace t;
    t.engine = &e;
    CoreArg args[2] = {{&t, 0}, {&t, 1}};
    for (int i = 0; i < 2; ++i) {
        t.fibers[i].start(e.stacks(), core_loop, &args[i]);
        e.core(i).running = &t.fibers[i];
    }
    CHECK(e.run(kNever) == Engine::RunResult::Quiescent);
    // Steps are taken in global clock order (ties by CPU number).
    for (std::size_t i = 1; i < t.steps.size(); ++i) {
        auto [c0, t0] = t.steps[i - 1];
        auto [c1, t1] = t.steps[i];
        CHECK((t0 < t1 || (t0 == t1 && c0 < c1)));
    }
    CHECK(t.steps.size() == 10);
}

TEST_CASE("a halted core wakes at the time of the interrupt, jumping its clock", "[sim]") {
    Engine e(1, 1'000'000'000, 0, 64 * 1024);
    CpuCore& core = e.core(0);
    core.halted = true;
    core.halted_since = 0;
    struct Waker {
        CpuCore* core;
    } w{&core};
    Event ev("wake", [](Event& ev) { ev.owner_as<Waker>().core->set_irq_level(0, true); }, &w);
    e.events().schedule(ev, 5000);
    // Nothing runs until the event; the core's fiber is never resumed because we stop right after.
    Fiber f;
    core.running = &f;
    CHECK(e.run(4999) == Engine::RunResult::LimitReached);
    CHECK(core.halted);
    e.events().service_one();
    CHECK_FALSE(core.halted);
    CHECK(core.clock == 5000);
    CHECK(core.halted_total == 5000);
}

namespace {
// Core 0 runs in 100-cycle steps and, at cycle 1000, raises core 1's
// interrupt; core 1, halted until then, notes how far core 0 got before
// core 1 ran, then halts for good.
struct Wake {
    Engine* engine;
    Fiber fibers[2];
    Cycles woken_at = 0;
    Cycles runner_clock_seen = 0;
    bool woken_ran = false;
};
void runner(void* arg) {
    auto* w = static_cast<Wake*>(arg);
    CpuCore& core = w->engine->core(0);
    bool raised = false;
    while (core.clock < 200'000) {
        core.clock += 100;
        if (!raised && core.clock >= 1000) {
            raised = true;
            w->engine->core(1).set_irq_level(0, true);  // an IPI
            w->woken_at = w->engine->core(1).clock;
        }
        if (core.clock >= core.deadline) w->engine->yield_to_loop(core);
    }
    core.halted = true;
    w->engine->yield_to_loop(core);
}
void woken(void* arg) {
    auto* w = static_cast<Wake*>(arg);
    CpuCore& core = w->engine->core(1);
    w->woken_ran = true;
    w->runner_clock_seen = w->engine->core(0).clock;
    core.intr = false;
    core.halted = true;
    w->engine->yield_to_loop(core);
}
}  // namespace

TEST_CASE("a core woken by the running core's IPI is not outrun by more than the quantum", "[sim]") {
    // The runner's horizon was set while the other core was halted (no limit
    // at all here); once it wakes the other core, the quantum applies again.
    Engine e(2, 1'000'000'000, 0, 64 * 1024);
    e.set_quantum(2000);
    Wake w;
    w.engine = &e;
    w.fibers[0].start(e.stacks(), runner, &w);
    w.fibers[1].start(e.stacks(), woken, &w);
    e.core(0).running = &w.fibers[0];
    e.core(1).running = &w.fibers[1];
    e.core(1).halted = true;
    CHECK(e.run(kNever) == Engine::RunResult::Quiescent);
    REQUIRE(w.woken_ran);
    CHECK(w.woken_at == 1000);
    CHECK(w.runner_clock_seen <= w.woken_at + 2000 + 100);
}
