#include "emu/machine/machine.hpp"

#include "emu/machine/host_watchdog.hpp"
#include "kernel/bug.hpp"
#include "kernel/module.hpp"
#include "kernel/printk.hpp"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace emu {

namespace {
constexpr int kConsoleIrq = 4;  // the serial line, as ttyS0 on a PC
}

Machine::Machine(const MachineConfig& cfg)
    : m_cfg(cfg),
      m_engine(cfg.cpus, cfg.freq_hz, cfg.seed, cfg.stack_size),
      m_pic(cfg.cpus),
      m_timer_chip(m_engine.events(), cfg.cpus),
      m_pulse0(m_engine.events()),
      m_pulse1(m_engine.events()),
      m_kernel(m_engine, m_pic, m_timer_chip, m_console, cfg.kernel) {
    m_engine.set_quantum(cfg.quantum);
    // The board: timer channels and the console feed the controller; the
    // controller's per-CPU outputs are the cores' INTR pins.
    for (int cpu = 0; cpu < cfg.cpus; ++cpu) {
        m_timer_chip.line(cpu).connect(m_pic, IrqController::kLocalTimerInput + cpu);
        m_pic.intr(cpu).connect(m_engine.core(cpu), 0);
    }
    m_console.rx_line().connect(m_pic, kConsoleIrq);
    m_pulse0.line().connect(m_pic, kPulseLine0);
    m_pulse1.line().connect(m_pic, kPulseLine0 + 1);
}

Machine::~Machine() = default;

void Machine::boot(kern::UserProgram init_program) { m_kernel.boot(std::move(init_program)); }

Engine::RunResult Machine::run_until(Cycles limit) {
    if (m_kernel.powered_off) return Engine::RunResult::Stopped;
    if (!m_watchdog && m_cfg.host_watchdog_s > 0) {
        m_watchdog = std::make_unique<HostWatchdog>(m_engine, m_cfg.host_watchdog_s, [this](int core, std::uintptr_t pc) {
            // The machine's thread is stuck inside guest code: nothing can be
            // unwound, so say where it is and end the process.
            std::string where = pc ? kern::format_symbol(m_kernel, pc) : std::string("an unknown place");
            std::fflush(stdout);
            std::fprintf(stderr,
                         "emu: host watchdog: CPU%d has run %s for %g s of host time without reaching a "
                         "preemption point (code emu does not instrument: built without emu's compiler flags, "
                         "or a C library routine); the machine is stopped\n",
                         core, where.c_str(), m_cfg.host_watchdog_s);
            std::fflush(stderr);
            kern::remove_private_copies();
            _exit(kExitStuck);
        });
    }
    struct Armed {  // the watchdog ticks only while the engine runs
        HostWatchdog* w;
        explicit Armed(HostWatchdog* wd) : w(wd) {
            if (w) w->arm();
        }
        ~Armed() {
            if (w) w->disarm();
        }
        Armed(const Armed&) = delete;
        Armed& operator=(const Armed&) = delete;
    } armed(m_watchdog.get());
    return m_engine.run(limit);
}

std::uint64_t Machine::host_watchdog_ticks() const { return m_watchdog ? m_watchdog->ticks() : 0; }

Cycles Machine::guest_time_limit() const {
    double ns = m_cfg.guest_time_limit_s * 1e9;
    // Past 2^62 ns (146 years) the cycle count could wrap: no limit at all.
    if (!(ns < 0x1p62)) return kNever;
    return m_engine.timebase().from_ns(static_cast<std::uint64_t>(ns));
}

Machine::Outcome Machine::run() {
    Engine::RunResult r = run_until(guest_time_limit());
    if (m_interrupt_signal) return Outcome::Interrupted;
    if (m_kernel.panicked) return Outcome::Panicked;
    if (m_kernel.powered_off) {
        return m_kernel.exit_code_hint == kern::kExitDeadlock ? Outcome::Deadlocked : Outcome::PoweredOff;
    }
    if (r == Engine::RunResult::Quiescent) return Outcome::Idle;
    return Outcome::TimeLimit;
}

int Machine::exit_status(Outcome o) const {
    switch (o) {
    case Outcome::PoweredOff: return m_kernel.poweroff_status;
    case Outcome::Panicked: return kern::kExitPanic;
    case Outcome::Deadlocked: return kern::kExitDeadlock;
    case Outcome::Idle: return kern::kExitHung;
    case Outcome::TimeLimit: return 124;
    case Outcome::Interrupted: return 128 + m_interrupt_signal;  // the shell's convention for a signal
    }
    return 1;
}

std::string Machine::describe(Outcome o) const {
    switch (o) {
    case Outcome::PoweredOff: return "powered off";
    case Outcome::Panicked: return "the kernel panicked; the machine is stopped";
    case Outcome::Deadlocked: return "a CPU deadlocked; the machine is stopped";
    case Outcome::Idle:
        return "every CPU is idle with nothing left to wake them, and the shell never finished (a task sleeps "
               "forever?)";
    case Outcome::TimeLimit:
        return fmt::format("the guest ran for {} s without finishing (raise --timeout if that is expected)",
                           m_cfg.guest_time_limit_s);
    case Outcome::Interrupted: {
        const char* name = sigabbrev_np(m_interrupt_signal);
        double t = static_cast<double>(m_engine.timebase().to_ns(m_engine.min_clock())) / 1e9;
        return fmt::format("interrupted by SIG{} at guest time {:.6f} s; the machine is stopped", name ? name : "?", t);
    }
    }
    return "?";
}

}  // namespace emu
