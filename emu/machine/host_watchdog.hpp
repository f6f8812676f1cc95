#pragma once
// The host watchdog: a guest step that never returns (a module looping
// forever without calling the kernel, so no preemption point is ever reached)
// would hang emu. A host thread watches the engine's step counter; when one
// step has run for the configured host time, it samples the stuck thread's
// program counter (a queued signal carries the answer back) and hands it to
// the report callback, which names the guest function and ends the process.
#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace emu {

class Engine;

class HostWatchdog {
public:
    // Called on the watchdog thread with the stuck core and its sampled PC
    // (0 if it could not be sampled). It must not return.
    using Report = std::function<void(int core, std::uintptr_t pc)>;

    // Watches `engine`, run by the calling thread, allowing each step `seconds` of host time.
    HostWatchdog(const Engine& engine, double seconds, Report report);
    ~HostWatchdog();
    HostWatchdog(const HostWatchdog&) = delete;
    HostWatchdog& operator=(const HostWatchdog&) = delete;

private:
    void watch();
    std::uintptr_t sample_pc();

    const Engine& m_engine;
    double m_seconds;
    Report m_report;
    pthread_t m_target;
    std::atomic<std::uintptr_t> m_pc{0};
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace emu
