// Mirrors fs/proc/softirqs.c, kernel/irq/proc.c + arch/x86/kernel/irq.c
// (classic layout, as 6.1 prints it), fs/proc/uptime.c; and a procps-like
// ps listing.
#include "kernel/proc.hpp"

#include "kernel/irq.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/module.hpp"
#include "kernel/sched.hpp"

#include <fmt/format.h>

namespace emu::kern {

std::string proc_softirqs(Kernel& k) {
    std::string out(20, ' ');
    for (int c = 0; c < k.nr_cpus(); ++c) out += fmt::format("CPU{:<8}", c);
    out += '\n';
    for (int nr = 0; nr < NR_SOFTIRQS; ++nr) {
        out += fmt::format("{:>12}:", softirq_to_name[nr]);
        for (int c = 0; c < k.nr_cpus(); ++c) out += fmt::format(" {:>10}", k.cpu(c).softirq_count[static_cast<std::size_t>(nr)]);
        out += '\n';
    }
    return out;
}

std::string proc_interrupts(Kernel& k) {
    const int prec = 3;
    std::string out(static_cast<std::size_t>(prec + 8), ' ');
    for (int c = 0; c < k.nr_cpus(); ++c) out += fmt::format("CPU{:<8}", c);
    out += '\n';
    for (int irq = 0; irq < IrqController::kLines; ++irq) {
        const IrqDesc& d = k.irq_desc[static_cast<std::size_t>(irq)];
        if (d.actions.empty()) continue;
        out += fmt::format("{:>{}}: ", irq, prec);
        for (int c = 0; c < k.nr_cpus(); ++c)
            out += fmt::format("{:>10} ", k.cpu(c).irq_line_count[static_cast<std::size_t>(irq)]);
        out += fmt::format(" {:>8}", "IO-APIC");
        out += fmt::format(" {:>{}}", irq, prec);
        out += fmt::format("-{:<8}", "edge");
        for (std::size_t i = 0; i < d.actions.size(); ++i) out += (i ? ", " : "  ") + d.actions[i].name;
        out += '\n';
    }
    auto row = [&](const char* tag, auto get, const char* desc) {
        out += fmt::format("{:>{}}: ", tag, prec);
        for (int c = 0; c < k.nr_cpus(); ++c) out += fmt::format("{:>10} ", get(k.cpu(c)));
        out += fmt::format("  {}\n", desc);
    };
    auto zero = [](const Cpu&) { return std::uint64_t{0}; };
    row("NMI", zero, "Non-maskable interrupts");
    row("LOC", [](const Cpu& c) { return c.irq_loc; }, "Local timer interrupts");
    row("SPU", [](const Cpu& c) { return c.irq_spu; }, "Spurious interrupts");
    row("PMI", zero, "Performance monitoring interrupts");
    row("IWI", zero, "IRQ work interrupts");
    row("RTR", zero, "APIC ICR read retries");
    row("RES", [](const Cpu& c) { return c.irq_res; }, "Rescheduling interrupts");
    row("CAL", [](const Cpu& c) { return c.irq_cal; }, "Function call interrupts");
    row("TLB", zero, "TLB shootdowns");
    row("TRM", zero, "Thermal event interrupts");
    row("THR", zero, "Threshold APIC interrupts");
    row("DFR", zero, "Deferred Error APIC interrupts");
    row("MCE", zero, "Machine check exceptions");
    row("MCP", zero, "Machine check polls");
    out += fmt::format("{:>{}}: {:>10}\n", "ERR", prec, 0);
    out += fmt::format("{:>{}}: {:>10}\n", "MIS", prec, 0);
    return out;
}

std::string proc_uptime(Kernel& k) {
    std::uint64_t up_ns = k.now_ns();
    Cycles idle = 0;
    for (auto& c : k.cpus) {
        idle += c->core.halted_total;
        if (c->core.halted) idle += k.engine.present() - c->core.halted_since;
    }
    std::uint64_t idle_ns = k.engine.timebase().to_ns(idle);
    return fmt::format("{}.{:02} {}.{:02}\n", up_ns / 1'000'000'000, up_ns % 1'000'000'000 / 10'000'000,
                       idle_ns / 1'000'000'000, idle_ns % 1'000'000'000 / 10'000'000);
}

std::string proc_modules(Kernel& k) {
    std::string out;
    for (auto it = k.modules->loaded.rbegin(); it != k.modules->loaded.rend(); ++it)
        out += fmt::format("{} {} {} - {} 0x0000000000000000 (OE)\n", (*it)->name, (*it)->text_hi - (*it)->text_lo,
                           (*it)->refcount, (*it)->live ? "Live" : (*it)->going ? "Unloading" : "Loading");
    return out;
}

void proc_root_init(Kernel& k) {
    KernfsNode* proc = kernfs_lookup(k, "/proc");
    kernfs_create_text(proc, "interrupts", 0444, [&k] { return proc_interrupts(k); });
    kernfs_create_text(proc, "softirqs", 0444, [&k] { return proc_softirqs(k); });
    kernfs_create_text(proc, "uptime", 0444, [&k] { return proc_uptime(k); });
    kernfs_create_text(proc, "version", 0444,
                       [] { return std::string("Linux version 6.1.0-emu (emu@emu) #1 SMP PREEMPT_DYNAMIC\n"); });
    kernfs_create_text(proc, "modules", 0444, [&k] { return proc_modules(k); });
}

char task_state_letter(const Task& t) {
    if (t.exit_state & EXIT_ZOMBIE) return 'Z';
    if (t.exit_state & EXIT_DEAD) return 'X';
    unsigned s = t.__state;
    if (s == TASK_RUNNING) return 'R';
    if ((s & TASK_IDLE) == TASK_IDLE) return 'I';
    if (s & TASK_PARKED) return 'P';
    if (s & __TASK_STOPPED) return 'T';
    if (s & TASK_INTERRUPTIBLE) return 'S';
    if (s & TASK_UNINTERRUPTIBLE) return 'D';
    if (s & TASK_NEW) return 'D';
    return 'R';
}

std::string ps_listing(Kernel& k) {
    std::string out = "  PID S      TIME COMMAND\n";
    list_head* pos;
    list_for_each(pos, &k.tasks) {
        Task* t = list_entry(pos, Task, all_node);
        if (t->exit_state & EXIT_DEAD) continue;
        std::uint64_t ns = task_cpu_time_ns(k, *t);
        std::uint64_t cs = ns / 10'000'000;
        std::string time = fmt::format("{}:{:02}.{:02}", cs / 6000, cs / 100 % 60, cs % 100);
        std::string name = t->is_kthread() ? fmt::format("[{}]", t->comm) : std::string(t->comm);
        out += fmt::format("{:>5} {} {:>9} {}\n", t->pid, task_state_letter(*t), time, name);
    }
    return out;
}

}  // namespace emu::kern
