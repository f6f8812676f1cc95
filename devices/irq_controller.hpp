#pragma once
// IRQ controller: an IO-APIC and the per-CPU local APICs folded into one model.
//
// Interface
//   inputs  0..kLines-1      device lines (edge-triggered: a rising edge makes the line's vector pending)
//   inputs  kLocalTimerInput+cpu   each CPU's local timer (from the timer chip)
//   outputs intr(cpu)         high while CPU `cpu` has a deliverable vector (pending above in-service)
//   registers (write(offset, value, cpu)):
//     LINE_VECTOR(n)  = 0x000 + 8n   vector for line n (0 = unprogrammed: edges are counted and dropped)
//     LINE_MASK(n)    = 0x400 + 8n   1 masks the line (edges while masked are remembered, delivered on unmask)
//     LINE_AFFINITY(n)= 0x800 + 8n   CPU bitmask; delivery goes to the lowest-numbered CPU in the mask
//     ACK             = 0xC00        read: highest deliverable vector of the reading CPU, now in service
//     EOI             = 0xC08        write: ends the highest in-service vector of the writing CPU
//     IPI             = 0xC10        write: (target CPU number << 32) | vector -- inter-processor interrupt,
//                                    one CPU per write (x2APIC's ICR in physical destination mode)
//     LOCAL_TIMER_VEC = 0xC18        vector raised by the per-CPU local timer inputs
// Higher vector numbers have higher priority, as on x86.
// Not modelled: level-triggered lines, priority classes below the in-service one, logical destination modes.
#include "devices/irq_line.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace emu {

// 256 vectors as four words: highest() is a count-leading-zeros, not a scan,
// because it runs on every interrupt.
class VectorSet {
public:
    void set(int v) { m_w[v >> 6] |= 1ull << (v & 63); }
    void reset(int v) { m_w[v >> 6] &= ~(1ull << (v & 63)); }
    bool test(int v) const { return (m_w[v >> 6] >> (v & 63)) & 1; }
    int highest() const {
        for (int w = 3; w >= 0; --w)
            if (m_w[w]) return w * 64 + 63 - __builtin_clzll(m_w[w]);
        return -1;
    }

private:
    std::uint64_t m_w[4] = {0, 0, 0, 0};
};

class IrqController : public IrqSink {
public:
    static constexpr int kLines = 32;
    static constexpr int kLocalTimerInput = 1000;
    static constexpr int kVectors = 256;

    enum Reg : std::uint64_t {
        LINE_VECTOR = 0x000,
        LINE_MASK = 0x400,
        LINE_AFFINITY = 0x800,
        ACK = 0xC00,
        EOI = 0xC08,
        IPI = 0xC10,
        LOCAL_TIMER_VEC = 0xC18,
    };

    explicit IrqController(int cpus);

    IrqLine& intr(int cpu) { return m_cpu[cpu].intr; }
    void set_irq_level(int input, bool level) override;

    std::uint64_t read(std::uint64_t offset, int cpu);
    void write(std::uint64_t offset, std::uint64_t value, int cpu);

    // Inspection for the kernel's /proc files and for tests.
    bool pending(int cpu, int vector) const { return m_cpu[cpu].pending.test(vector); }
    bool in_service(int cpu, int vector) const { return m_cpu[cpu].in_service.test(vector); }
    std::string dump_state() const;
    std::uint64_t guest_errors() const { return m_guest_errors; }
    std::uint64_t unclaimed_edges() const { return m_unclaimed_edges; }

private:
    struct Line {
        int vector = 0;
        bool masked = false;
        bool latched = false;  // edge seen while masked
        bool level = false;
        std::uint64_t affinity = 1;
    };
    struct PerCpu {
        VectorSet pending;
        VectorSet in_service;
        IrqLine intr;
    };
    void deliver(int cpu, int vector);
    void update(int cpu);
    void guest_error(const std::string& what);

    std::array<Line, kLines> m_lines{};
    std::vector<PerCpu> m_cpu;
    int m_local_timer_vector = 0xec;
    std::uint64_t m_guest_errors = 0;
    std::uint64_t m_unclaimed_edges = 0;  // edges on lines with no vector yet
};

}  // namespace emu
