#pragma once
// Pulse source: a programmable interrupt generator (a test and benchmark
// device, like a NIC receiving packets at a fixed rate).
//
// Interface
//   output   line()        pulsed once per period while enabled
//   registers (write(offset, value, now)):
//     PERIOD  0x00  cycles between pulses
//     COUNT   0x08  pulses left (0: unlimited)
//     CTRL    0x10  1 starts (first pulse one period from now), 0 stops
//     FIRED   0x18  read: pulses so far
#include "devices/irq_line.hpp"
#include "emu/sim/event_queue.hpp"

#include <cstdint>

namespace emu {

class PulseSource {
public:
    enum Reg : std::uint64_t { PERIOD = 0x00, COUNT = 0x08, CTRL = 0x10, FIRED = 0x18 };
    explicit PulseSource(EventQueue& q) : m_queue(q), m_event("pulse", &PulseSource::on_pulse, this) {}

    IrqLine& line() { return m_line; }
    void write(std::uint64_t offset, std::uint64_t value, Cycles now) {
        switch (offset) {
        case PERIOD: m_period = value ? value : 1; break;
        case COUNT: m_left = value; break;
        case CTRL:
            if (m_event.scheduled()) m_queue.deschedule(m_event);
            if (value & 1) m_queue.schedule(m_event, now + m_period);
            break;
        default: break;  // a guest programming error: ignored
        }
    }
    std::uint64_t read(std::uint64_t offset) const { return offset == FIRED ? m_fired : 0; }

private:
    static void on_pulse(Event& ev) {
        auto& s = ev.owner_as<PulseSource>();
        ++s.m_fired;
        bool more = s.m_left == 0 || --s.m_left > 0;
        if (more) s.m_queue.schedule(s.m_event, ev.when() + s.m_period);
        s.m_line.pulse();
    }
    EventQueue& m_queue;
    Event m_event;
    IrqLine m_line;
    Cycles m_period = 1000;
    std::uint64_t m_left = 0;
    std::uint64_t m_fired = 0;
};

}  // namespace emu
