#pragma once
// Cycles charged per kernel operation: the one place the machine's timing
// model lives. Values are rough x86 figures at 1 GHz (so also nanoseconds);
// what matters for the lab is their order of magnitude and that they are
// data. Override any of them with `--cost NAME=CYCLES`.
#include <cstdint>
#include <string>
#include <string_view>

namespace emu::kern {

#define EMU_COST_TABLE(X)                                                                   \
    X(api_call, 20, "entering any kernel API function (the preemption point)")             \
    X(guest_block, 1, "one basic block of module or guest-program code (its compiler hook)") \
    X(irq_entry, 400, "hardware interrupt entry: vector fetch, irq_enter, ack")           \
    X(irq_exit, 200, "irq_exit and return from interrupt")                                \
    X(tick, 600, "the scheduler tick: jiffies, accounting, timer softirq check")          \
    X(softirq_entry, 150, "entering __do_softirq and each pass of its loop")              \
    X(softirq_action, 80, "dispatching one softirq vector")                               \
    X(tasklet_run, 60, "dispatching one tasklet")                                          \
    X(timer_run, 80, "expiring one timer_list")                                            \
    X(timer_mod, 60, "mod_timer/add_timer/del_timer bookkeeping")                          \
    X(work_queue, 80, "queue_work bookkeeping")                                           \
    X(work_run, 150, "a worker picking and dispatching one work item")                    \
    X(context_switch, 1500, "a context switch between tasks")                             \
    X(wakeup, 300, "try_to_wake_up")                                                      \
    X(ipi_send, 300, "sending an inter-processor interrupt")                              \
    X(printk, 2000, "printk: formatting and storing one record")                          \
    X(printk_char, 20, "printk: per character echoed to the console")                     \
    X(spin_step, 40, "one iteration of spinning on a contended lock or cpu_relax")        \
    X(lock_op, 20, "an uncontended lock or unlock")                                       \
    X(syscall, 300, "system call entry and exit")                                         \
    X(user_step, 2000, "one slice of a user program's own work (e.g. a yes(1) write)")    \
    X(fork, 20000, "creating a process or kernel thread")                                 \
    X(exec, 700000, "execve of a small static program, up to its main() (fork+exec+exit ~1 ms)") \
    X(exit, 250000, "a program's exit and its parent's wait4 (process teardown)")          \
    X(sh_builtin, 5000, "the shell reading and running one builtin command (echo, cd, ...)") \
    X(kmalloc, 100, "kmalloc/kfree")

struct CostTable {
#define EMU_COST_FIELD(name, cycles, doc) std::uint64_t name = cycles;
    EMU_COST_TABLE(EMU_COST_FIELD)
#undef EMU_COST_FIELD

    // Sets NAME to CYCLES; returns false if NAME is unknown.
    bool set(std::string_view name, std::uint64_t cycles);
    // A table of every cost with its documentation, for `emu costs`.
    static std::string describe();
};

}  // namespace emu::kern
