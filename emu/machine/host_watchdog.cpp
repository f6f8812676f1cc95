#include "emu/machine/host_watchdog.hpp"

#include "emu/sim/engine.hpp"

#include <signal.h>
#include <ucontext.h>

#include <chrono>

namespace emu {

namespace {

constexpr int kSampleSignal = SIGUSR2;

// Runs on the stuck thread: stores the interrupted PC in the slot the
// watchdog queued with the signal (no process-wide state involved).
void capture_pc(int, siginfo_t* info, void* uc) {
    if (info->si_code != SI_QUEUE || !info->si_value.sival_ptr) return;
    auto* slot = static_cast<std::atomic<std::uintptr_t>*>(info->si_value.sival_ptr);
#if defined(__x86_64__)
    slot->store(static_cast<std::uintptr_t>(static_cast<ucontext_t*>(uc)->uc_mcontext.gregs[REG_RIP]));
#elif defined(__aarch64__)
    slot->store(static_cast<std::uintptr_t>(static_cast<ucontext_t*>(uc)->uc_mcontext.pc));
#else
    (void)uc;
    slot->store(1);
#endif
}

}  // namespace

HostWatchdog::HostWatchdog(const Engine& engine, double seconds, Report report)
    : m_engine(engine), m_seconds(seconds), m_report(std::move(report)), m_target(pthread_self()) {
    struct sigaction sa {};
    sa.sa_sigaction = capture_pc;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(kSampleSignal, &sa, nullptr);
    m_thread = std::thread([this] { watch(); });
}

HostWatchdog::~HostWatchdog() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

std::uintptr_t HostWatchdog::sample_pc() {
    m_pc.store(0);
    union sigval v;
    v.sival_ptr = &m_pc;
    if (pthread_sigqueue(m_target, kSampleSignal, v) != 0) return 0;
    for (int i = 0; i < 100 && !m_pc.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return m_pc.load();
}

void HostWatchdog::watch() {
    using Clock = std::chrono::steady_clock;
    const auto allowance = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_seconds));
    const auto poll = std::min<Clock::duration>(allowance / 4, std::chrono::milliseconds(250));
    std::uint64_t seen = 0;
    Clock::time_point since = Clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_cv.wait_for(lock, poll, [this] { return m_stop; })) {
        std::uint64_t step = m_engine.step_in_progress();
        auto now = Clock::now();
        if (step == 0 || step != seen) {
            seen = step;
            since = now;
            continue;
        }
        if (now - since < allowance) continue;
        lock.unlock();
        m_report(m_engine.step_core(), sample_pc());
        return;  // only reached if the report chose to return
    }
}

}  // namespace emu
