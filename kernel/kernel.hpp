#pragma once
// The mini-kernel's internal view: per-CPU state, tasks, and the Kernel that
// owns them. Guest-visible structures come from kernel/include/linux/*.h, so
// the kernel links the very nodes that guest modules embed.
//
// Locking legend: emu runs every CPU on one host thread and switches only at
// kernel entry points, so kernel data needs no host locks. Tags say who may
// touch a field:  C: the owning CPU (or anyone with that CPU's IRQs "off")
//                 K: any CPU, at a preemption-point-free stretch of kernel code
//                 I: set at boot, read-only afterwards
// Host C++ that includes this header is kernel code, not a guest: it gets the
// guest ABI's structures and prototypes without the guest's `current` and
// `jiffies` macros (which would clash with C++ identifiers).
#ifndef EMU_KERNEL_INTERNAL
#define EMU_KERNEL_INTERNAL 1
#endif
#include "devices/console.hpp"
#include "devices/irq_controller.hpp"
#include "devices/timer_chip.hpp"
#include "emu/sim/engine.hpp"
#include "kernel/cost_table.hpp"

#include "kernel/include/linux/interrupt.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/list.h"
#include "kernel/include/linux/sched.h"
#include "kernel/include/linux/timer.h"
#include "kernel/include/linux/workqueue.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace emu::kern {

class Kernel;
struct Cpu;
struct Workqueue;
struct Worker;
class Printk;
class Lockdep;
class SlabAllocator;
class Tracer;
struct Vfs;
struct ModuleRegistry;
class PerCpuAreas;
struct CpuHotplug;

enum class PreemptModel { None, Voluntary, Full };
const char* preempt_model_name(PreemptModel m);

struct KernelConfig {
    int hz = 250;
    PreemptModel preempt = PreemptModel::Voluntary;
    bool nohz = true;             // tickless idle
    int console_loglevel = 7;
    bool panic_on_warn = false;
    bool panic_on_oops = false;
    bool soft_lockup_detector = true;
    CostTable costs;
};

// ---------------------------------------------------------------- tasks

enum class TaskKind : std::uint8_t { Idle, Kthread, User };

// A user program: runs in the task's context, in "user mode" between calls
// into the kernel. argv[0] names it.
using UserProgram = std::function<int(std::vector<std::string>& argv)>;

struct HeldLock {
    void* lock = nullptr;       // the spinlock_t instance
    void* cls = nullptr;        // its lockdep class
    std::uintptr_t ip = 0;      // where it was taken
};

struct Task : task_struct {
    Kernel* kernel = nullptr;
    TaskKind kind = TaskKind::Kthread;
    Fiber fiber;
    list_head run_node{};        // C: on Cpu::runqueue while queued
    list_head all_node{};        // K: Kernel::tasks, in pid order
    list_head children{};        // K: tasks whose parent this is
    list_head sibling{};         // K: on parent's children
    Cpu* home = nullptr;         // C: the CPU it runs on or is queued on
    std::uint64_t allowed = ~0ull;  // affinity mask
    bool on_rq = false;          // runnable: queued or running
    bool bound = false;          // kthread_bind / per-CPU thread: never migrates
    bool atomic_sleeper = false; // slept with an IRQ/softirq frame on its stack: stays on its CPU
    bool user_mode = false;      // executing user code (between system calls)
    bool exited = false;
    bool reaped = false;
    // accounting (cycles)
    Cycles exec_start = 0;
    Cycles sum_exec = 0;
    Cycles slice_start = 0;
    Cycles vruntime = 0;         // CFS-like virtual runtime (all tasks weigh the same)
    // kthread
    int (*threadfn)(void*) = nullptr;
    void* threadfn_data = nullptr;
    bool kthread_should_stop = false;
    bool kthread_should_park = false;
    bool kthread_started = false;
    int kthread_result = 0;
    completion kthread_exited{};
    completion kthread_parked{};
    Worker* worker = nullptr;    // set for workqueue worker threads
    // user process
    UserProgram program;
    std::vector<std::string> argv;
    std::uint64_t pending_signals = 0;  // bit n-1 = signal n
    std::uint64_t kthread_signals = 0;  // kernel thread: the signals it allowed (allow_signal())
    int exit_status = 0;         // wait status (exit code << 8 | signal)
    wait_queue_head_t child_exit{};  // parent sleeps here in wait()
    std::string cwd = "/";
    bool stdout_devnull = false;  // "> /dev/null"
    int saved_errno = 0;          // the C library's errno is per task, as it is per thread on Linux
    // interrupt nesting recorded for call traces
    std::uintptr_t irq_frame = 0;
    // lockdep: locks held by this task (including those taken in IRQ context on top of it)
    std::array<HeldLock, 24> held_locks{};
    int lockdep_depth = 0;

    static Task* of(task_struct* t) { return static_cast<Task*>(t); }
    bool is_idle() const { return kind == TaskKind::Idle; }
    bool is_kthread() const { return kind != TaskKind::User; }
};

// ---------------------------------------------------------------- per-CPU

// Timer wheel (kernel/timer.cpp): LVL_DEPTH levels of 64 buckets.
struct TimerBase {
    static constexpr int kLevels = 9;  // LVL_DEPTH (8 when HZ == 100)
    static constexpr int kWheelSize = 64 * kLevels;
    int cpu = 0;
    unsigned long clk = 0;
    unsigned long next_expiry = 0;
    bool next_expiry_recalc = false;
    bool timers_pending = false;
    bool is_idle = false;
    timer_list* running_timer = nullptr;
    std::array<std::uint64_t, kWheelSize / 64> pending_map{};
    std::array<hlist_head, kWheelSize> vectors{};
};

struct Hrtimer;  // kernel/hrtimer.hpp

struct TaskletList {
    tasklet_struct* head = nullptr;
    tasklet_struct** tail = &head;
};

struct Cpu {
    Kernel& k;
    CpuCore& core;
    int id;
    unsigned int preempt_count = 0;   // C
    bool need_resched = false;        // C (set remotely with an IPI)
    Task* curr = nullptr;             // C
    Task* idle = nullptr;             // I
    Task* ksoftirqd = nullptr;        // I
    list_head runqueue{};             // C: runnable tasks other than curr, FIFO
    unsigned int nr_queued = 0;       // C
    Cycles min_vruntime = 0;          // C: monotonic floor of the runnable tasks' vruntime
    Cycles guest_block_cost = 1;      // I: costs.guest_block, one load from the per-block hook
    // softirqs
    unsigned int softirq_pending = 0;  // C
    std::array<std::uint64_t, NR_SOFTIRQS> softirq_count{};
    TaskletList tasklet_vec, tasklet_hi_vec;
    // timers
    std::array<TimerBase, 2> timer_base;  // BASE_STD, BASE_DEF
    Hrtimer* hrtimers = nullptr;       // C: sorted by expiry
    Cycles programmed_event = kNever;  // C: what the local timer channel is set to fire at
    bool tick_stopped = false;         // C: tickless idle has stopped the tick
    Hrtimer* tick_timer = nullptr;     // I: the per-CPU tick (tick_sched_timer)
    std::uint64_t hrtimer_interrupts = 0, hrtimer_interrupts_saved = 0;  // C: hard-lockup detector
    Cycles nmi_next_sample = kNever;   // C: in unhalted cycles (watchdog.hpp nmi_clock()); set at boot
    bool hard_watchdog_warn = false;   // C: reported; quiet until the CPU recovers
    // statistics for /proc/interrupts
    std::uint64_t irq_loc = 0, irq_res = 0, irq_cal = 0, irq_spu = 0;
    std::array<std::uint64_t, IrqController::kLines> irq_line_count{};
    // context for splats
    std::uintptr_t irq_entry_frame = 0;  // frame pointer at the outermost interrupt entry
    // soft-lockup detector: guest time of the last schedule on this CPU
    Cycles watchdog_touch = 0;
    Cycles watchdog_reported = 0;
    // smp_call_function queue
    std::vector<std::pair<void (*)(void*), void*>> call_queue;
    std::uint64_t calls_queued = 0, calls_done = 0;  // tickets for smp_call_function_single(wait)
    std::uintptr_t cr2 = 0;            // the last page-fault address (shown in register dumps)
    bool deadlocked = false;           // spinning on a lock it holds: never recovers
    const char* deadlock_why = "spins on a lock it already holds";
    Task* dead_task = nullptr;         // C: exited task whose stack the next context frees

    Cpu(Kernel& kernel, CpuCore& c, int n) : k(kernel), core(c), id(n) { INIT_LIST_HEAD(&runqueue); }
};

// Interrupt vectors (x86 numbering for the system ones).
inline constexpr int kExternalVectorBase = 0x20;
inline constexpr int kLocalTimerVector = 0xec;
inline constexpr int kCallFunctionVector = 0xfb;
inline constexpr int kRescheduleVector = 0xfd;

// The machine running on this host thread: the kernel reaches "its" CPU from
// the core that executes (never thread_local per-CPU data: fibers share a thread).
inline Cpu& this_cpu() { return *static_cast<Cpu*>(tl_kernel_cpu); }
inline bool in_guest() { return tl_core != nullptr; }

void preempt_point_slow();
// charge() without the call, for a hot path that must make none: when this
// returns true the caller takes preempt_point_slow() itself, as a tail call.
inline bool charge_reaches_deadline(Cycles cycles) {
    CpuCore* core = tl_core;
    core->clock += cycles;
    return core->clock >= core->deadline;
}
// Every kernel entry point starts here: advance the CPU's clock; at the
// deadline take interrupts, let the other CPUs catch up, preempt.
inline void charge(Cycles cycles) {
    if (__builtin_expect(charge_reaches_deadline(cycles), 0)) preempt_point_slow();
}
// A long piece of work (an exec, a busy wait): charged a microsecond at a
// time, so an interrupt that comes during it is taken when it comes.
void charge_long(Cycles cycles);

struct IrqAction {
    irq_handler_t handler = nullptr;
    void* dev_id = nullptr;
    std::string name;
    unsigned long flags = 0;
};
struct IrqDesc {
    std::vector<IrqAction> actions;
    int disable_depth = 0;
};

}  // namespace emu::kern

namespace emu::kern {

class Kernel {
public:
    Kernel(Engine& engine, IrqController& pic, TimerChip& timer_chip, Console& console, KernelConfig cfg);
    ~Kernel();
    Kernel(const Kernel&) = delete;
    Kernel& operator=(const Kernel&) = delete;

    // Prepares every CPU's idle fiber; CPU 0 will run start_kernel() when the
    // engine first resumes it. `init_program` is what pid 1 runs in user mode.
    void boot(UserProgram init_program);

    Engine& engine;
    IrqController& pic;
    TimerChip& timer_chip;
    Console& console;
    KernelConfig cfg;
    // kmalloc()'s memory (kernel/slab.cpp). Declared first, so destroyed
    // last: nothing torn down after it can still reach guest objects.
    std::unique_ptr<SlabAllocator> slab;
    std::vector<std::unique_ptr<Cpu>> cpus;  // I
    // Every CPU's timer bases, at cpu * 2 + BASE_STD/BASE_DEF: mod_timer()
    // finds a timer's base with one load.
    std::vector<TimerBase*> timer_bases;  // I
    Cpu& cpu(int n) { return *cpus[static_cast<std::size_t>(n)]; }
    // cpus.size(), kept as one int: timer bases are checked against it on every mod_timer().
    int nr_cpus() const { return m_nr_cpus; }

    // time (kernel/time.cpp)
    volatile unsigned long jiffies_now = 0;      // jiffies_64 (unsigned long is 64 bits)
    unsigned long initial_jiffies = 0;        // I: INITIAL_JIFFIES for cfg.hz
    Cycles tick_period = 0;                   // I: cycles per jiffy
    Cycles sched_slice = 0;                   // I: time slice when others wait
    Cycles sched_wakeup_gran = 0;             // I: sysctl_sched_wakeup_granularity
    Cycles sched_sleeper_credit = 0;          // I: sched_latency / 2
    Cycles last_jiffies_update = 0;           // K: time of the tick that set `jiffies`
    std::uint64_t now_ns() const { return engine.timebase().to_ns(engine.present()); }
    Cycles ns_to_cycles(std::uint64_t ns) const { return engine.timebase().from_ns(ns); }

    // tasks (kernel/fork.cpp, kernel/exit.cpp)
    list_head tasks{};
    std::unordered_map<pid_t, std::unique_ptr<Task>> pid_map;
    // Freed tasks are kept (unhashed) so that a guest's use-after-free of a
    // task_struct (e.g. kthread_stop() on a thread that already exited) reads
    // stale memory instead of crashing the host.
    std::vector<std::unique_ptr<Task>> freed_tasks;
    pid_t last_pid = 0;
    Task* init_task = nullptr;
    Task* kthreadd = nullptr;
    UserProgram init_program;
    Task* find_task(pid_t pid);

    // subsystems
    std::unique_ptr<Printk> printk;
    std::unique_ptr<Lockdep> lockdep;
    std::unique_ptr<Vfs> vfs;               // kernel/char_dev.cpp
    std::unique_ptr<ModuleRegistry> modules;  // kernel/module.cpp
    std::unique_ptr<PerCpuAreas> percpu;      // kernel/percpu.cpp
    std::unique_ptr<CpuHotplug> cpuhp;        // kernel/cpu.cpp: CPU masks, hotplug states
    std::array<IrqDesc, IrqController::kLines> irq_desc;
    std::array<void (*)(softirq_action*), NR_SOFTIRQS> softirq_vec{};
    std::vector<std::unique_ptr<Workqueue>> workqueues;
    std::vector<std::unique_ptr<Hrtimer>> tick_timers;  // each CPU's tick and watchdog hrtimer
    std::array<Workqueue*, 7> system_wqs{};
    bool workqueues_online = false;
    wait_queue_head_t var_wq{};  // wait_var_event()/wake_up_var()
    wait_queue_head_t tty_wait{};  // readers of the console (interactive shell)

    // health
    unsigned long taint = 0;          // bit n = TAINT_* n
    bool panicked = false;
    bool powered_off = false;
    int poweroff_status = 0;
    int exit_code_hint = 0;           // non-zero: why the machine stopped (see emu/machine)
    unsigned long might_sleep_prev_jiffy = 0;
    bool oops_in_progress = false;
    int die_counter = 0;  // __die_header()'s "[#N]": the Oopses of this boot
    // WARN_ONCE sites of the kernel itself: once per boot, per machine.
    bool warned_timer_preempt_leak = false;
    bool warned_blocking_state = false;
    unsigned refcount_warned = 0;     // lib/refcount.c: bit n = the WARN for refcount_saturation_type n
    int odebug_reports = 0;
    // get_random_*() (kernel/random.cpp): a generator seeded from the machine's --seed on first use.
    std::array<std::uint64_t, 4> random_state{};
    bool random_seeded = false;
    // %p hashes pointers from the initcalls on (vsprintf_init_hashval()); before, "(____ptrval____)".
    bool ptr_key_ready = false;
    std::unique_ptr<ratelimit_state> printk_ratelimit_state;  // printk_ratelimit() (kernel/ratelimit.cpp)
    std::string host_root = ".";  // the host directory the guest's working directory shows (read-only)
    // Hooks the module loader fills in: "Modules linked in:" and " [module]" in call traces.
    std::function<std::string()> modules_linked_in;
    std::function<std::string(std::uintptr_t base)> module_of_object;

    // Stops the machine with `status` (poweroff, panic, unrecoverable state).
    void stop_machine(int status);

private:
    int m_nr_cpus = 0;
};

// Kernel taint bits (kernel/panic.c), and their letters.
enum Taint : int {
    TAINT_PROPRIETARY_MODULE = 0, TAINT_FORCED_MODULE, TAINT_CPU_OUT_OF_SPEC, TAINT_FORCED_RMMOD,
    TAINT_MACHINE_CHECK, TAINT_BAD_PAGE, TAINT_USER, TAINT_DIE, TAINT_OVERRIDDEN_ACPI_TABLE, TAINT_WARN,
    TAINT_CRAP, TAINT_FIRMWARE_WORKAROUND, TAINT_OOT_MODULE, TAINT_UNSIGNED_MODULE, TAINT_SOFTLOCKUP,
    TAINT_LIVEPATCH, TAINT_AUX, TAINT_RANDSTRUCT, TAINT_TEST, TAINT_FLAGS_COUNT
};

// Exit statuses of the emu process when the machine stops by itself.
inline constexpr int kExitPanic = 3;      // Kernel panic (e.g. an Oops in interrupt context)
inline constexpr int kExitDeadlock = 4;   // a CPU deadlocked (e.g. spinning on a lock it holds)
inline constexpr int kExitHung = 5;       // the shell can never run again (all CPUs idle forever)

inline Kernel& this_kernel() { return this_cpu().k; }
inline Task* current_task() { return this_cpu().curr; }

}  // namespace emu::kern
