#pragma once
// The engine: N cycle-stepped CPU cores and one event queue.
//
// Dispatch model (after System/161's main loop): only Engine::run changes
// which core executes. It repeatedly
//   1. delivers every device event due at or before the lowest core clock
//      (events may raise IRQ lines, which may wake halted cores);
//   2. resumes the non-halted core with the lowest local clock (ties by CPU
//      number, or by a seeded draw), giving it a horizon: the next event or
//      the next core's clock plus the lookahead quantum;
//   3. regains control when that core's fiber yields at a preemption point
//      past its horizon, halts, or asks the machine to stop.
// Guest code advances its core's clock by charging cycles (CpuCore::charge);
// the common case is one add, one compare and a branch. A halted core's clock
// jumps to the time of the interrupt that wakes it.
// With quantum 0 a core acts only while it has the lowest clock, so anything
// it does to another core (an IPI, a wake-up) is never in that core's past.
// Machines default to a 2 us lookahead (--quantum 2000 at 1 GHz): two busy
// CPUs then interleave every 2 us instead of at every kernel entry point,
// which is about 5x faster, at the price of cross-CPU effects that may be
// early by at most the quantum. Device events are always exact.
#include "devices/irq_line.hpp"
#include "emu/sim/event_queue.hpp"
#include "emu/sim/fiber.hpp"
#include "emu/sim/types.hpp"

#include <atomic>
#include <memory>
#include <vector>

namespace emu {

class Engine;

struct CpuCore final : IrqSink {
    int id = 0;
    Cycles clock = 0;
    Cycles deadline = 0;  // charge() leaves the fast path when clock >= deadline
    Cycles horizon = 0;   // how far this core may run before the loop must look again
    bool halted = false;
    bool intr = false;     // INTR from the interrupt controller
    bool irqs_on = false;  // the CPU's interrupt flag
    Fiber* running = nullptr;  // the context this core executes in
    void* kernel_cpu = nullptr;
    Engine* engine = nullptr;
    Cycles halted_since = 0;
    Cycles halted_total = 0;
    // The host thread's errno, which every guest task shares: the scheduler
    // saves and restores it per task (glibc reaches it through a call).
    int* host_errno = nullptr;

    void set_irq_level(int input, bool level) override;
    void refresh_deadline() { deadline = (intr && irqs_on) ? 0 : horizon; }
};

// The core executing on this host thread (null in the engine loop). Each host
// thread runs at most one machine at a time; two machines can coexist.
// local-exec: emu's code is linked into executables only (guest modules never
// see it), so every kernel entry reaches its core with one %fs-relative load
// instead of a GOT load first.
extern constinit thread_local CpuCore* tl_core __attribute__((tls_model("local-exec")));
// tl_core->kernel_cpu, kept beside it: the kernel's this_cpu() is then one load.
extern constinit thread_local void* tl_kernel_cpu __attribute__((tls_model("local-exec")));

class Engine {
public:
    enum class RunResult { Stopped, LimitReached, Quiescent };

    Engine(int cpus, std::uint64_t freq_hz, std::uint64_t seed, std::size_t stack_size);
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    int cpus() const { return static_cast<int>(m_cores.size()); }
    CpuCore& core(int i) { return *m_cores[static_cast<std::size_t>(i)]; }
    EventQueue& events() { return m_events; }
    const Timebase& timebase() const { return m_timebase; }
    StackPool& stacks() { return m_stacks; }
    Fiber& loop_fiber() { return m_loop; }
    std::uint64_t seed() const { return m_seed; }
    void set_quantum(Cycles q) { m_quantum = q; }

    // Runs cores and events until a stop is requested, nothing can ever happen
    // again (all cores halted, no events), or the lowest clock passes `limit`.
    RunResult run(Cycles limit);
    // From guest context or an event: finish the current step and leave run().
    void request_stop() { m_stop = true; }
    bool stop_requested() const { return m_stop; }
    void clear_stop() { m_stop = false; }

    // From the executing core's fiber: let the loop look again (horizon passed).
    // Inline, like Fiber::switch_to: fewer returns after the stack switch.
    void yield_to_loop(CpuCore& core) { Fiber::switch_to(*core.running, m_loop); }
    // From the executing core's idle loop: sleep until INTR.
    void halt(CpuCore& core) {
        if (core.intr) return;  // an interrupt is already waiting: hlt falls through
        core.halted = true;
        core.halted_since = core.clock;
        Fiber::switch_to(*core.running, m_loop);
    }
    // The time "now" for whoever is acting: the running core's clock, or the
    // time of the event being delivered.
    Cycles present() const { return tl_core ? tl_core->clock : m_events.now(); }
    // The lowest clock of any core: the machine's uptime for host-side readers.
    Cycles min_clock() const;
    std::uint64_t steps() const { return m_steps; }
    // From the running core: `woken` left hlt; the running core's horizon
    // now also depends on the woken core's clock.
    void on_core_woken(const CpuCore& woken);
    // For the host watchdog, read from another thread: the number of the step
    // in progress (0 between steps) and the core executing it.
    std::uint64_t step_in_progress() const { return m_step_in_progress.load(std::memory_order_relaxed); }
    int step_core() const { return m_step_core.load(std::memory_order_relaxed); }

private:
    static void on_new_head(void* ctx, Cycles when);
    bool runs_before(const CpuCore& a, const CpuCore& b) const;

    Timebase m_timebase;
    EventQueue m_events;
    StackPool m_stacks;
    Fiber m_loop;
    std::vector<std::unique_ptr<CpuCore>> m_cores;
    std::uint64_t m_seed;
    Cycles m_quantum = 0;
    Cycles m_max_run = 0;  // 1 ms of guest time: the longest step (Engine::run)
    bool m_stop = false;
    std::uint64_t m_steps = 0;
    std::atomic<std::uint64_t> m_step_in_progress{0};
    std::atomic<int> m_step_core{-1};
};

}  // namespace emu
