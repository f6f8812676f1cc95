#pragma once
// The host watchdog: a guest step that never returns (a module looping
// forever without calling the kernel, so no preemption point is ever reached)
// would hang emu. While the engine runs, a POSIX timer signals the machine's
// own thread every poll period; the handler, running on that thread,
// compares the engine's step counter with the one it saw last. When one step
// has run for the configured host time, the interrupted program counter is
// the stuck guest code's: the handler hands it to the report callback, which
// names the guest function and ends the process. (A watcher thread did the
// same, but starting one cost ~0.1 ms of every machine run; a timer costs a
// few system calls.) Between runs there is no timer, so the thread's own
// waits (poll() for stdin) see no signals.
#include <signal.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <functional>

namespace emu {

class Engine;

class HostWatchdog {
public:
    // Called in the signal handler on the machine's thread, with the stuck
    // core and the interrupted PC. It must not return.
    using Report = std::function<void(int core, std::uintptr_t pc)>;

    // Watches `engine`, allowing each step `seconds` of host time.
    HostWatchdog(const Engine& engine, double seconds, Report report);
    ~HostWatchdog();
    // Around a run of the engine, on the thread that runs it (any thread, one
    // run at a time): start ticking at that thread; stop, and take any tick
    // still queued for it, so that the watchdog can then be destroyed anywhere.
    void arm();
    void disarm();
    // Ticks handled so far (for tests: the watchdog did look).
    std::uint64_t ticks() const { return m_ticks.load(std::memory_order_relaxed); }
    HostWatchdog(const HostWatchdog&) = delete;
    HostWatchdog& operator=(const HostWatchdog&) = delete;

private:
    static void on_signal(int, siginfo_t* info, void* uc);
    void tick(std::uintptr_t pc);

    const Engine& m_engine;
    std::int64_t m_allowance_ns;
    Report m_report;
    std::uint64_t m_seen = 0;     // the step in progress at the last tick (0: none)
    std::int64_t m_since_ns = 0;  // when that step was first seen
    std::int64_t m_poll_ns;
    timer_t m_timer{};
    bool m_armed = false;  // m_timer exists and ticks
    std::atomic<std::uint64_t> m_ticks{0};
};

}  // namespace emu
