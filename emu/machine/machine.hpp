#pragma once
// A machine: the engine (cores, event queue), the devices, and the kernel,
// wired together. This is the only place that instantiates devices and
// connects IRQ lines (the board).
#include "devices/console.hpp"
#include "devices/irq_controller.hpp"
#include "devices/pulse_source.hpp"
#include "devices/timer_chip.hpp"
#include "emu/sim/engine.hpp"
#include "kernel/kernel.hpp"

#include <cstdint>
#include <csignal>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace emu {

class HostWatchdog;

// Exit status when guest code ran past the host watchdog without returning to the kernel.
inline constexpr int kExitStuck = 6;

struct MachineConfig {
    int cpus = 2;
    std::uint64_t freq_hz = 1'000'000'000;
    std::uint64_t seed = 0;
    Cycles quantum = 2000;  // lookahead between CPUs (cycles); 0 = strict lowest-clock-first
    std::size_t stack_size = 64 * 1024;
    double guest_time_limit_s = 3600;  // a run that lasts longer in guest time is stopped (inf: never)
    double host_watchdog_s = 10;       // host seconds one guest step may take (0: no watchdog)
    kern::KernelConfig kernel;
};

class Machine {
public:
    enum class Outcome { PoweredOff, Panicked, Deadlocked, Idle, TimeLimit, Interrupted };

    explicit Machine(const MachineConfig& cfg);
    ~Machine();
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    // Boots: pid 1 will run `init_program` (the shell) in user mode.
    void boot(kern::UserProgram init_program);
    // Runs until the guest powers off, panics, deadlocks, can never do anything
    // again, or passes the guest time limit.
    Outcome run();
    // Runs until the lowest CPU clock reaches `limit` (or the machine stops).
    Engine::RunResult run_until(Cycles limit);
    // The guest time limit in cycles: kNever for `inf` or a time no run reaches.
    Cycles guest_time_limit() const;
    // From a signal handler (async-signal-safe): stop at the next step and
    // make run() return Interrupted.
    void interrupt(int sig) {
        m_interrupt_signal = sig;
        m_engine.request_stop();
    }
    // Ticks the host watchdog has handled (0 without one): it looked that often.
    std::uint64_t host_watchdog_ticks() const;
    // The process exit status for an outcome (poweroff status, or the documented codes).
    int exit_status(Outcome o) const;
    std::string describe(Outcome o) const;

    const MachineConfig& config() const { return m_cfg; }
    Engine& engine() { return m_engine; }
    IrqController& pic() { return m_pic; }
    TimerChip& timer_chip() { return m_timer_chip; }
    Console& console() { return m_console; }
    kern::Kernel& kernel() { return m_kernel; }
    // Interrupt generators on lines kPulseLine0 + n (n = 0, 1).
    PulseSource& pulse(int n) { return n ? m_pulse1 : m_pulse0; }
    static constexpr int kPulseLine0 = 11;
    std::uint64_t uptime_ns() const { return m_engine.timebase().to_ns(m_engine.min_clock()); }

private:
    MachineConfig m_cfg;
    Engine m_engine;
    IrqController m_pic;
    TimerChip m_timer_chip;
    Console m_console;
    PulseSource m_pulse0, m_pulse1;
    kern::Kernel m_kernel;
    std::unique_ptr<HostWatchdog> m_watchdog;  // made by the first run, ticking during runs; destroyed first
    volatile sig_atomic_t m_interrupt_signal = 0;
};

}  // namespace emu
