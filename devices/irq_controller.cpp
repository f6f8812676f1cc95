#include "devices/irq_controller.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace emu {

IrqController::IrqController(int cpus) : m_cpu(static_cast<std::size_t>(cpus)) {}

void IrqController::guest_error(const std::string& what) {
    // A guest programming error: log it (rate-limited by count) and carry on.
    if (m_guest_errors++ < 20) spdlog::warn("irq-controller: guest error: {}", what);
}

// One place recomputes each CPU's INTR output from pending and in-service state.
void IrqController::update(int cpu) {
    PerCpu& c = m_cpu[cpu];
    c.intr.set(c.pending.highest() > c.in_service.highest());
}

void IrqController::deliver(int cpu, int vector) {
    m_cpu[cpu].pending.set(vector);
    update(cpu);
}

void IrqController::set_irq_level(int input, bool level) {
    if (input >= kLocalTimerInput) {
        int cpu = input - kLocalTimerInput;
        if (level && cpu < static_cast<int>(m_cpu.size())) deliver(cpu, m_local_timer_vector);
        return;
    }
    if (input < 0 || input >= kLines) return;
    Line& l = m_lines[input];
    bool rising = level && !l.level;
    l.level = level;
    if (!rising) return;
    if (l.masked) {
        l.latched = true;
        return;
    }
    if (l.vector == 0) {
        // A device may signal before its driver programmed the line (the
        // console receiving input during boot): dropped and counted, not a
        // guest error.
        ++m_unclaimed_edges;
        return;
    }
    for (int cpu = 0; cpu < static_cast<int>(m_cpu.size()); ++cpu)
        if (l.affinity & (1ull << cpu)) return deliver(cpu, l.vector);
    guest_error(fmt::format("line {} has an empty affinity mask", input));
}

std::uint64_t IrqController::read(std::uint64_t offset, int cpu) {
    if (offset == ACK) {
        PerCpu& c = m_cpu[cpu];
        int v = c.pending.highest();
        if (v < 0 || v <= c.in_service.highest()) return 0;  // spurious: nothing deliverable
        c.pending.reset(v);
        c.in_service.set(v);
        update(cpu);
        return static_cast<std::uint64_t>(v);
    }
    if (offset < LINE_MASK) return m_lines[(offset / 8) % kLines].vector;
    if (offset < LINE_AFFINITY) return m_lines[(offset / 8) % kLines].masked;
    if (offset < ACK) return m_lines[(offset / 8) % kLines].affinity;
    if (offset == LOCAL_TIMER_VEC) return static_cast<std::uint64_t>(m_local_timer_vector);
    guest_error(fmt::format("read of unknown register {:#x}", offset));
    return 0;
}

void IrqController::write(std::uint64_t offset, std::uint64_t value, int cpu) {
    auto line_index = [&](std::uint64_t base) -> Line* {
        std::uint64_t n = (offset - base) / 8;
        if (n >= kLines || (offset - base) % 8) {
            guest_error(fmt::format("write to unknown register {:#x}", offset));
            return nullptr;
        }
        return &m_lines[n];
    };
    if (offset < LINE_MASK) {
        if (Line* l = line_index(LINE_VECTOR)) {
            if (value >= kVectors) return guest_error(fmt::format("vector {} out of range", value));
            l->vector = static_cast<int>(value);
        }
    } else if (offset < LINE_AFFINITY) {
        if (Line* l = line_index(LINE_MASK)) {
            l->masked = value != 0;
            if (!l->masked && l->latched) {
                l->latched = false;
                l->level = false;
                set_irq_level(static_cast<int>((offset - LINE_MASK) / 8), true);
            }
        }
    } else if (offset < ACK) {
        if (Line* l = line_index(LINE_AFFINITY)) {
            std::uint64_t all = m_cpu.size() >= 64 ? ~0ull : (1ull << m_cpu.size()) - 1;
            if ((value & all) == 0) return guest_error("affinity mask selects no CPU");
            l->affinity = value & all;
        }
    } else if (offset == EOI) {
        PerCpu& c = m_cpu[cpu];
        int v = c.in_service.highest();
        if (v < 0) return guest_error(fmt::format("EOI on CPU{} with nothing in service", cpu));
        c.in_service.reset(v);
        update(cpu);
    } else if (offset == IPI) {
        std::uint64_t vector = value & 0xffffffffu, target = value >> 32;
        if (vector == 0 || vector >= kVectors) return guest_error(fmt::format("IPI with bad vector {}", vector));
        if (target >= m_cpu.size()) return guest_error(fmt::format("IPI to absent CPU {}", target));
        deliver(static_cast<int>(target), static_cast<int>(vector));
    } else if (offset == LOCAL_TIMER_VEC) {
        if (value == 0 || value >= kVectors) return guest_error("bad local timer vector");
        m_local_timer_vector = static_cast<int>(value);
    } else {
        guest_error(fmt::format("write to unknown register {:#x}", offset));
    }
}

std::string IrqController::dump_state() const {
    std::string out = "irq-controller:\n";
    for (int n = 0; n < kLines; ++n) {
        const Line& l = m_lines[n];
        if (!l.vector) continue;
        out += fmt::format("  line {:2}: vector {:#04x} {} affinity {:#x}{}\n", n, l.vector, l.masked ? "masked" : "open",
                           l.affinity, l.latched ? " latched" : "");
    }
    for (std::size_t c = 0; c < m_cpu.size(); ++c) {
        out += fmt::format("  cpu{}: intr={} pending=[", c, m_cpu[c].intr.level());
        for (int v = 0; v < kVectors; ++v)
            if (m_cpu[c].pending.test(v)) out += fmt::format(" {:#x}", v);
        out += " ] in-service=[";
        for (int v = 0; v < kVectors; ++v)
            if (m_cpu[c].in_service.test(v)) out += fmt::format(" {:#x}", v);
        out += " ]\n";
    }
    return out;
}

}  // namespace emu
