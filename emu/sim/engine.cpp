#include "emu/sim/engine.hpp"

#include "emu/sim/panic.hpp"

#include <algorithm>
#include <cerrno>

namespace emu {

constinit thread_local CpuCore* tl_core __attribute__((tls_model("local-exec"))) = nullptr;
constinit thread_local void* tl_kernel_cpu __attribute__((tls_model("local-exec"))) = nullptr;

void CpuCore::set_irq_level(int, bool level) {
    intr = level;
    if (level && halted) {
        // hlt ends: the core's clock jumps to the moment the interrupt arrived.
        halted = false;
        Cycles now = engine->present();
        if (now > clock) clock = now;
        halted_total += clock - halted_since;
        engine->on_core_woken(*this);
    }
    refresh_deadline();
}

// A core woken by the running one (an IPI) is now a core the running one
// must not outrun by more than the quantum: its horizon was computed while
// the woken core was halted, and could be the next event milliseconds away.
// Left alone, the running core went on for that long, and the woken one then
// acted in its past: a task pulled from the runner's queue printed earlier
// than what had happened before it was queued.
void Engine::on_core_woken(const CpuCore& woken) {
    CpuCore* c = tl_core;
    if (!c || c == &woken) return;
    Cycles limit = kNever - woken.clock < m_quantum ? kNever : woken.clock + m_quantum;
    if (limit < c->horizon) {
        c->horizon = std::max(limit, c->clock + 1);
        c->refresh_deadline();
    }
}

Engine::Engine(int cpus, std::uint64_t freq_hz, std::uint64_t seed, std::size_t stack_size)
    : m_timebase(freq_hz), m_stacks(stack_size), m_seed(seed), m_max_run(m_timebase.from_ns(1'000'000)) {
    for (int i = 0; i < cpus; ++i) {
        auto c = std::make_unique<CpuCore>();
        c->id = i;
        c->engine = this;
        m_cores.push_back(std::move(c));
    }
    m_events.set_new_head_listener(&Engine::on_new_head, this);
}

// A device programmed from a running core may schedule an event before that
// core's horizon: pull the horizon in so the core stops in time.
void Engine::on_new_head(void*, Cycles when) {
    CpuCore* c = tl_core;
    if (c && when < c->horizon) {
        c->horizon = when;
        c->refresh_deadline();
    }
}

bool Engine::runs_before(const CpuCore& a, const CpuCore& b) const {
    if (a.clock != b.clock) return a.clock < b.clock;
    if (m_seed == 0) return a.id < b.id;
    // Seeded tie-break: a fixed pseudo-random order per (seed, cycle).
    auto mix = [&](std::uint64_t x) {
        x ^= m_seed + 0x9e3779b97f4a7c15ull + (a.clock << 6);
        x *= 0xbf58476d1ce4e5b9ull;
        x ^= x >> 31;
        return x;
    };
    return mix(static_cast<std::uint64_t>(a.id)) < mix(static_cast<std::uint64_t>(b.id));
}

Cycles Engine::min_clock() const {
    Cycles m = kNever;
    for (const auto& c : m_cores) m = std::min(m, c->clock);
    return m;
}

Engine::RunResult Engine::run(Cycles limit) {
    EMU_ASSERT(tl_core == nullptr, "Engine::run entered from guest context");
    m_loop.mark_active();
    for (auto& c : m_cores) c->host_errno = &errno;
    while (!m_stop) {
        CpuCore* best = nullptr;
        Cycles second = kNever;
        for (auto& up : m_cores) {
            CpuCore* c = up.get();
            if (c->halted) continue;
            if (!best || runs_before(*c, *best)) {
                if (best) second = std::min(second, best->clock);
                best = c;
            } else {
                second = std::min(second, c->clock);
            }
        }
        Cycles next_event = m_events.next_when();
        Cycles t = best ? best->clock : kNever;
        if (next_event != kNever && next_event <= t) {
            if (next_event > limit) return RunResult::LimitReached;
            m_events.service_one();
            continue;
        }
        if (!best) return RunResult::Quiescent;
        if (t > limit) return RunResult::LimitReached;
        Cycles lookahead = second == kNever ? kNever : (kNever - second < m_quantum ? kNever : second + m_quantum);
        // A core comes back at least every max_run cycles even with nothing
        // else due: what a CPU does regardless of its interrupt flag (the NMI
        // watchdog's counter) is looked at from its preemption points then.
        Cycles max_run = kNever - t < m_max_run ? kNever : t + m_max_run;
        // At least one cycle of progress per step, so equal clocks cannot livelock.
        best->horizon =
            std::max(t + 1, std::min({next_event, lookahead, max_run, limit == kNever ? kNever : limit + 1}));
        best->refresh_deadline();
        ++m_steps;
        tl_core = best;
        tl_kernel_cpu = best->kernel_cpu;
        m_step_core.store(best->id, std::memory_order_relaxed);
        m_step_in_progress.store(m_steps, std::memory_order_relaxed);
        Fiber::switch_to(m_loop, *best->running);
        m_step_in_progress.store(0, std::memory_order_relaxed);
        tl_core = nullptr;
        tl_kernel_cpu = nullptr;
    }
    return RunResult::Stopped;
}


}  // namespace emu
