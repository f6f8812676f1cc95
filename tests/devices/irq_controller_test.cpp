#include "devices/irq_controller.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;

namespace {
struct Pin : IrqSink {
    bool level = false;
    void set_irq_level(int, bool l) override { level = l; }
};
void program(IrqController& c, int line, int vector, std::uint64_t affinity) {
    c.write(IrqController::LINE_VECTOR + 8 * line, vector, 0);
    c.write(IrqController::LINE_AFFINITY + 8 * line, affinity, 0);
    c.write(IrqController::LINE_MASK + 8 * line, 0, 0);
}
}  // namespace

TEST_CASE("lines route to the first CPU of their affinity mask", "[devices]") {
    IrqController c(4);
    Pin pins[4];
    for (int i = 0; i < 4; ++i) c.intr(i).connect(pins[i], 0);
    program(c, 3, 0x23, 0b1100);
    c.set_irq_level(3, true);
    CHECK_FALSE(pins[0].level);
    CHECK(pins[2].level);
    CHECK(c.pending(2, 0x23));
    CHECK(c.read(IrqController::ACK, 2) == 0x23);
    CHECK(c.in_service(2, 0x23));
    CHECK_FALSE(pins[2].level);
    c.write(IrqController::EOI, 0, 2);
    CHECK_FALSE(c.in_service(2, 0x23));
}

TEST_CASE("a masked line remembers its edge and delivers it when unmasked", "[devices]") {
    IrqController c(1);
    Pin pin;
    c.intr(0).connect(pin, 0);
    program(c, 5, 0x25, 1);
    c.write(IrqController::LINE_MASK + 8 * 5, 1, 0);
    c.set_irq_level(5, true);
    c.set_irq_level(5, false);
    CHECK_FALSE(pin.level);
    c.write(IrqController::LINE_MASK + 8 * 5, 0, 0);
    CHECK(pin.level);
    CHECK(c.read(IrqController::ACK, 0) == 0x25);
}

TEST_CASE("an in-service vector blocks lower ones until EOI", "[devices]") {
    IrqController c(1);
    Pin pin;
    c.intr(0).connect(pin, 0);
    program(c, 1, 0x40, 1);
    program(c, 2, 0x30, 1);
    c.set_irq_level(1, true);
    CHECK(c.read(IrqController::ACK, 0) == 0x40);
    c.set_irq_level(2, true);  // lower priority: waits for the EOI
    CHECK_FALSE(pin.level);
    CHECK(c.read(IrqController::ACK, 0) == 0);  // spurious
    c.write(IrqController::EOI, 0, 0);
    CHECK(pin.level);
    CHECK(c.read(IrqController::ACK, 0) == 0x30);
}

TEST_CASE("IPIs make a vector pending on each target CPU", "[devices]") {
    IrqController c(3);
    Pin pins[3];
    for (int i = 0; i < 3; ++i) c.intr(i).connect(pins[i], 0);
    c.write(IrqController::IPI, (1ull << 32) | 0xfd, 0);
    c.write(IrqController::IPI, (2ull << 32) | 0xfd, 0);
    CHECK_FALSE(pins[0].level);
    CHECK(pins[1].level);
    CHECK(pins[2].level);
    CHECK(c.pending(1, 0xfd));
}

TEST_CASE("an IPI reaches every CPU of 64, CPU 63 included; one to an absent CPU is a guest error (issue #15)",
          "[devices]") {
    IrqController c(64);
    std::vector<Pin> pins(64);
    for (int i = 0; i < 64; ++i) c.intr(i).connect(pins[static_cast<std::size_t>(i)], 0);
    for (std::uint64_t cpu = 0; cpu < 64; ++cpu) c.write(IrqController::IPI, (cpu << 32) | 0xfd, 0);
    for (int i = 0; i < 64; ++i) {
        INFO("cpu " << i);
        CHECK(pins[static_cast<std::size_t>(i)].level);
        CHECK(c.pending(i, 0xfd));
    }
    c.write(IrqController::IPI, (64ull << 32) | 0xfd, 0);
    CHECK(c.guest_errors() == 1);
}

TEST_CASE("guest programming errors are logged and ignored", "[devices]") {
    IrqController c(2);
    c.write(IrqController::LINE_VECTOR + 8 * 1, 999, 0);     // bad vector
    c.write(IrqController::LINE_AFFINITY + 8 * 1, 0, 0);     // empty mask
    c.write(IrqController::EOI, 0, 1);                       // nothing in service
    c.set_irq_level(7, true);                                // unprogrammed line: not the guest's fault
    CHECK(c.guest_errors() == 3);
    CHECK(c.unclaimed_edges() == 1);
    CHECK(c.dump_state().find("cpu1") != std::string::npos);
}
