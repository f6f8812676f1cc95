#pragma once
// Timer chip: one local timer channel per CPU plus a free-running counter,
// clocked at the machine frequency (one count per cycle).
//
// Interface
//   outputs  line(cpu)            pulsed at each expiry of channel `cpu`
//   registers (read/write(offset, value, now)), channel c at c * 0x20:
//     CTRL    +0x00  bit0 ENABLE, bit1 PERIODIC (clear: one-shot)
//     COUNT   +0x08  write: initial count in cycles; (re)starts the countdown from `now`
//                    when enabled (0 stops the channel); read: last written count
//     CURRENT +0x10  read: cycles left until the next expiry (0 when stopped)
//     FIRED   +0x18  read: number of expiries so far
//   COUNTER   0x1000 read: free-running cycle counter
// One-shot channels disable themselves after firing. Reprogramming COUNT
// mid-period restarts the countdown (as a local APIC's initial-count write does).
#include "devices/irq_line.hpp"
#include "emu/sim/event_queue.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace emu {

class TimerChip {
public:
    static constexpr std::uint64_t kChannelStride = 0x20;
    enum Reg : std::uint64_t { CTRL = 0x00, COUNT = 0x08, CURRENT = 0x10, FIRED = 0x18, COUNTER = 0x1000 };
    enum Ctrl : std::uint64_t { ENABLE = 1, PERIODIC = 2 };

    TimerChip(EventQueue& queue, int channels);

    IrqLine& line(int channel) { return m_channels[channel]->line; }
    std::uint64_t read(std::uint64_t offset, Cycles now);
    void write(std::uint64_t offset, std::uint64_t value, Cycles now);
    std::string dump_state(Cycles now) const;

private:
    struct Channel {
        explicit Channel(TimerChip& chip, int n) : chip(chip), index(n), expiry("local-timer", &TimerChip::on_expiry, this) {}
        TimerChip& chip;
        int index;
        std::uint64_t ctrl = 0;
        std::uint64_t count = 0;
        std::uint64_t fired = 0;
        Event expiry;
        IrqLine line;
    };
    static void on_expiry(Event& ev);
    void restart(Channel& ch, Cycles now);

    EventQueue& m_queue;
    std::vector<std::unique_ptr<Channel>> m_channels;
};

}  // namespace emu
