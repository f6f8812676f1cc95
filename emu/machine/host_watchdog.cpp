#include "emu/machine/host_watchdog.hpp"

#include "emu/sim/engine.hpp"

#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>

namespace emu {

namespace {

constexpr int kTickSignal = SIGUSR2;

std::int64_t monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);  // async-signal-safe
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::uintptr_t interrupted_pc(void* uc) {
#if defined(__x86_64__)
    return static_cast<std::uintptr_t>(static_cast<ucontext_t*>(uc)->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
    return static_cast<std::uintptr_t>(static_cast<ucontext_t*>(uc)->uc_mcontext.pc);
#else
    (void)uc;
    return 0;
#endif
}

}  // namespace

HostWatchdog::HostWatchdog(const Engine& engine, double seconds, Report report)
    : m_engine(engine),
      m_allowance_ns(static_cast<std::int64_t>(std::llround(seconds * 1e9))),
      m_report(std::move(report)),
      // Four ticks per allowance, at most 250 ms apart: a stuck step is
      // reported between 1 and 1.25 allowances after it began.
      m_poll_ns(std::max<std::int64_t>(1'000'000, std::min<std::int64_t>(m_allowance_ns / 4, 250'000'000))) {
    struct sigaction sa {};
    sa.sa_sigaction = &HostWatchdog::on_signal;
    // RESTART: the machine's thread must not see EINTR from reads. ONSTACK: a stuck
    // fiber may have little stack left, and the report symbolizes (the fault
    // handlers' alternate stack is there from boot).
    sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(kTickSignal, &sa, nullptr);
}

HostWatchdog::~HostWatchdog() { disarm(); }

void HostWatchdog::arm() {
    if (m_armed) return;
    // A timer of its own for each run, made for the thread running it: one
    // kept from an earlier run could point at a thread that is gone.
    sigevent sev{};
    sev.sigev_notify = SIGEV_THREAD_ID;  // the thread that runs the engine, not any thread
    sev.sigev_signo = kTickSignal;
    sev.sigev_value.sival_ptr = this;
    sev._sigev_un._tid = static_cast<pid_t>(syscall(SYS_gettid));
    if (timer_create(CLOCK_MONOTONIC, &sev, &m_timer) != 0) return;  // no watchdog rather than no machine
    m_seen = 0;
    itimerspec its{};
    its.it_interval.tv_sec = m_poll_ns / 1'000'000'000;
    its.it_interval.tv_nsec = m_poll_ns % 1'000'000'000;
    its.it_value = its.it_interval;
    if (timer_settime(m_timer, 0, &its, nullptr) != 0) {
        timer_delete(m_timer);
        return;
    }
    m_armed = true;
}

void HostWatchdog::disarm() {
    if (!m_armed) return;
    m_armed = false;
    // A tick may already be queued for this thread: hold the signal, delete
    // the timer, and take any queued tick, so that none arrives after the run.
    sigset_t tick, old;
    sigemptyset(&tick);
    sigaddset(&tick, kTickSignal);
    pthread_sigmask(SIG_BLOCK, &tick, &old);
    timer_delete(m_timer);
    timespec now{};
    siginfo_t info;
    while (sigtimedwait(&tick, &info, &now) == kTickSignal) {}
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

void HostWatchdog::on_signal(int, siginfo_t* info, void* uc) {
    if (info->si_code != SI_TIMER || !info->si_value.sival_ptr) return;
    int saved_errno = errno;  // the interrupted code may be between a call and its errno check
    static_cast<HostWatchdog*>(info->si_value.sival_ptr)->tick(interrupted_pc(uc));
    errno = saved_errno;
}

void HostWatchdog::tick(std::uintptr_t pc) {
    m_ticks.store(m_ticks.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);  // only this thread writes
    std::uint64_t step = m_engine.step_in_progress();
    std::int64_t now = monotonic_ns();
    if (step == 0 || step != m_seen) {
        m_seen = step;
        m_since_ns = now;
        return;
    }
    if (now - m_since_ns < m_allowance_ns) return;
    m_report(m_engine.step_core(), pc);
}

}  // namespace emu
