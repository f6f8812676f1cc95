// Register-level black-box tests of the timer chip (qtest style): program it,
// advance virtual time by servicing events, watch the output line.
#include "devices/timer_chip.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;

namespace {
struct Probe : IrqSink {
    EventQueue* q;
    std::vector<Cycles> edges;
    void set_irq_level(int, bool level) override {
        if (level) edges.push_back(q->now());
    }
};
void run_until(EventQueue& q, Cycles t) {
    while (!q.empty() && q.next_when() <= t) q.service_one();
    q.set_now(t);
}
}  // namespace

TEST_CASE("periodic local timer fires every COUNT cycles", "[devices]") {
    EventQueue q;
    TimerChip chip(q, 2);
    Probe p;
    p.q = &q;
    chip.line(1).connect(p, 0);
    chip.write(1 * TimerChip::kChannelStride + TimerChip::COUNT, 1000, 0);
    chip.write(1 * TimerChip::kChannelStride + TimerChip::CTRL, TimerChip::ENABLE | TimerChip::PERIODIC, 0);
    run_until(q, 4500);
    CHECK(p.edges == std::vector<Cycles>{1000, 2000, 3000, 4000});
    CHECK(chip.read(1 * TimerChip::kChannelStride + TimerChip::FIRED, 4500) == 4);
    CHECK(chip.read(1 * TimerChip::kChannelStride + TimerChip::CURRENT, 4500) == 500);
    CHECK(chip.read(TimerChip::COUNTER, 4500) == 4500);
}

TEST_CASE("one-shot timer fires once and disables itself", "[devices]") {
    EventQueue q;
    TimerChip chip(q, 1);
    Probe p;
    p.q = &q;
    chip.line(0).connect(p, 0);
    chip.write(TimerChip::CTRL, TimerChip::ENABLE, 100);
    chip.write(TimerChip::COUNT, 700, 100);
    run_until(q, 5000);
    CHECK(p.edges == std::vector<Cycles>{800});
    CHECK((chip.read(TimerChip::CTRL, 5000) & TimerChip::ENABLE) == 0);
}

TEST_CASE("reprogramming COUNT mid-period restarts the countdown", "[devices]") {
    EventQueue q;
    TimerChip chip(q, 1);
    Probe p;
    p.q = &q;
    chip.line(0).connect(p, 0);
    chip.write(TimerChip::COUNT, 1000, 0);
    chip.write(TimerChip::CTRL, TimerChip::ENABLE | TimerChip::PERIODIC, 0);
    run_until(q, 600);
    chip.write(TimerChip::COUNT, 300, 600);  // next expiry at 900, then every 300
    run_until(q, 1600);
    CHECK(p.edges == std::vector<Cycles>{900, 1200, 1500});
    chip.write(TimerChip::CTRL, 0, 1600);  // stop
    run_until(q, 5000);
    CHECK(p.edges.size() == 3);
}

TEST_CASE("a guest programming error is answered benignly", "[devices]") {
    EventQueue q;
    TimerChip chip(q, 1);
    CHECK(chip.read(0x5000, 0) == 0);
    chip.write(0x5000, 1, 0);
    chip.write(TimerChip::COUNTER, 1, 0);
    CHECK(q.empty());
    CHECK(chip.dump_state(0).find("channel 0") != std::string::npos);
}
