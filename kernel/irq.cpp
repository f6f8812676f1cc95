// Mirrors kernel/irq/manage.c, kernel/irq/handle.c and the x86 entry path:
// interrupt entry (irq_enter), the handlers, EOI, irq_exit with the hook that
// runs softirqs, and return-from-interrupt preemption. Handlers run with
// local interrupts off; interrupts nest on the interrupted task's fiber.
#include "kernel/irq.hpp"

#include "kernel/bug.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/time.hpp"

namespace emu::kern {

namespace {

void irq_enter(Cpu& c, bool outermost) {
    c.preempt_count += HARDIRQ_OFFSET;
    // tick_irq_enter(): an interrupt ending idle brings jiffies up to date.
    if (outermost && c.curr->is_idle()) tick_irq_enter(c);
}

void invoke_softirq(Cpu& c) {
    if (ksoftirqd_running(c, c.softirq_pending)) return;
    handle_softirqs(false);
}

void irq_exit(Cpu& c) {
    c.preempt_count -= HARDIRQ_OFFSET;
    if (!(c.preempt_count & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK)) && c.softirq_pending) invoke_softirq(c);
    Cpu& now = this_cpu();
    if (!(now.preempt_count & HARDIRQ_MASK) && now.curr->is_idle()) tick_irq_exit(now);
}

void run_call_function_queue(Cpu& c) {
    auto calls = std::move(c.call_queue);
    c.call_queue.clear();
    for (auto& [fn, info] : calls) {
        fn(info);
        ++c.calls_done;
    }
}

void dispatch(Cpu& c, int vector) {
    Kernel& k = c.k;
    if (vector == kLocalTimerVector) {
        ++c.irq_loc;
        hrtimer_interrupt(c);
    } else if (vector == kRescheduleVector) {
        ++c.irq_res;  // scheduler_ipi(): need_resched was set by the sender
    } else if (vector == kCallFunctionVector) {
        ++c.irq_cal;
        run_call_function_queue(c);
    } else if (vector >= kExternalVectorBase && vector < kExternalVectorBase + IrqController::kLines) {
        int irq = vector - kExternalVectorBase;
        ++c.irq_line_count[static_cast<std::size_t>(irq)];
        for (std::size_t i = 0; i < k.irq_desc[static_cast<std::size_t>(irq)].actions.size(); ++i) {
            IrqAction& a = k.irq_desc[static_cast<std::size_t>(irq)].actions[i];
            a.handler(irq, a.dev_id);
        }
    } else {
        ++c.irq_spu;
    }
}

}  // namespace

// The interrupt entry: one iteration per vector the controller hands us.
__attribute__((noinline)) void handle_irqs(Cpu& entry_cpu) {
    Cpu* cp = &entry_cpu;
    while (cp->core.intr && cp->core.irqs_on) {
        Cpu& c = *cp;
        Kernel& k = c.k;
        int vector = static_cast<int>(k.pic.read(IrqController::ACK, c.id));
        if (!vector) {
            ++c.irq_spu;
            c.core.intr = false;
            break;
        }
        c.core.irqs_on = false;  // interrupt gate
        c.core.refresh_deadline();
        Task* interrupted = c.curr;
        bool outermost = !(c.preempt_count & HARDIRQ_MASK) && interrupted->irq_frame == 0;
        if (outermost) interrupted->irq_frame = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
        charge(k.cfg.costs.irq_entry);
        irq_enter(c, outermost);
        dispatch(c, vector);
        k.pic.write(IrqController::EOI, 0, c.id);
        irq_exit(c);
        // A softirq handler may have slept: we may now be back much later, but
        // always on the same CPU (the task is pinned while it holds this frame).
        Cpu& after = this_cpu();
        charge(k.cfg.costs.irq_exit);
        if (outermost) {
            interrupted->irq_frame = 0;
            interrupted->atomic_sleeper = false;  // the softirq frame it slept in is gone: free to migrate
        }
        after.core.irqs_on = true;  // iret
        after.core.refresh_deadline();
        // Return from interrupt: user mode always, kernel mode only under full preemption.
        if (after.need_resched && after.preempt_count == 0 && !after.curr->is_idle() &&
            (k.cfg.preempt == PreemptModel::Full || after.curr->user_mode))
            preempt_schedule_irq();
        cp = &this_cpu();
    }
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

unsigned long arch_local_save_flags(void) { return tl_core->irqs_on ? X86_EFLAGS_IF : 0; }

unsigned long arch_local_irq_save(void) { return kernel_irq_save(this_kernel()) ? X86_EFLAGS_IF : 0; }

void arch_local_irq_restore(unsigned long flags) {
    if (flags & X86_EFLAGS_IF) local_irq_enable_internal();
    else local_irq_disable_internal();
}

void arch_local_irq_enable(void) {
    charge(this_kernel().cfg.costs.lock_op);
    local_irq_enable_internal();
}

void arch_local_irq_disable(void) {
    charge(this_kernel().cfg.costs.lock_op);
    local_irq_disable_internal();
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
                         const char* name, void* dev) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    if (irq >= static_cast<unsigned>(IrqController::kLines) || (!handler && !thread_fn)) return -EINVAL;
    if (thread_fn) {
        printk_emit(k, LOGLEVEL_WARNING, "emu: threaded interrupt handlers are not supported (irq %u, %s)\n", irq,
                    name ? name : "?");
        return -ENOSYS;
    }
    IrqDesc& d = k.irq_desc[irq];
    if (!d.actions.empty() && (!(flags & IRQF_SHARED) || !(d.actions.front().flags & IRQF_SHARED))) return -EBUSY;
    if ((flags & IRQF_SHARED) && !dev) return -EINVAL;
    d.actions.push_back(IrqAction{handler, dev, name ? name : "", flags});
    if (d.actions.size() == 1) {
        int cpu = this_cpu().id;
        k.pic.write(IrqController::LINE_VECTOR + 8 * irq, static_cast<std::uint64_t>(kExternalVectorBase) + irq, cpu);
        k.pic.write(IrqController::LINE_MASK + 8 * irq, 0, cpu);
    }
    return 0;
}

const void* free_irq(unsigned int irq, void* dev_id) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    if (irq >= static_cast<unsigned>(IrqController::kLines)) return nullptr;
    IrqDesc& d = k.irq_desc[irq];
    for (auto it = d.actions.begin(); it != d.actions.end(); ++it) {
        if (it->dev_id != dev_id) continue;
        // The name is owned by the caller's string in Linux; ours lives in the action.
        d.actions.erase(it);
        if (d.actions.empty()) k.pic.write(IrqController::LINE_MASK + 8 * irq, 1, this_cpu().id);
        return "";
    }
    WARN(1, "Trying to free already-free IRQ %u\n", irq);
    return nullptr;
}

void disable_irq_nosync(unsigned int irq) {
    Kernel& k = this_kernel();
    if (irq >= static_cast<unsigned>(IrqController::kLines)) return;
    if (k.irq_desc[irq].disable_depth++ == 0) k.pic.write(IrqController::LINE_MASK + 8 * irq, 1, this_cpu().id);
}
void disable_irq(unsigned int irq) { disable_irq_nosync(irq); }
void enable_irq(unsigned int irq) {
    Kernel& k = this_kernel();
    if (irq >= static_cast<unsigned>(IrqController::kLines)) return;
    IrqDesc& d = k.irq_desc[irq];
    if (d.disable_depth == 0) {
        WARN(1, "Unbalanced enable for IRQ %u\n", irq);
        return;
    }
    if (--d.disable_depth == 0) k.pic.write(IrqController::LINE_MASK + 8 * irq, 0, this_cpu().id);
}

void irq_enter(void) { this_cpu().preempt_count += HARDIRQ_OFFSET; }
void irq_exit(void) { emu::kern::irq_exit(this_cpu()); }

int smp_call_function_single(int cpu, smp_call_func_t func, void* info, int wait) {
    Kernel& k = this_kernel();
    if (cpu < 0 || cpu >= k.nr_cpus()) return -ENXIO;
    Cpu& self = this_cpu();
    if (cpu == self.id) {
        unsigned long flags = arch_local_irq_save();
        func(info);
        arch_local_irq_restore(flags);
        return 0;
    }
    Cpu& target = k.cpu(cpu);
    target.call_queue.emplace_back(func, info);
    std::uint64_t ticket = ++target.calls_queued;
    send_ipi(cpu, kCallFunctionVector);
    if (wait) {
        while (target.calls_done < ticket) charge(k.cfg.costs.spin_step);  // until our function has run
    }
    return 0;
}

void on_each_cpu(smp_call_func_t func, void* info, int wait) {
    Kernel& k = this_kernel();
    for (int cpu = 0; cpu < k.nr_cpus(); ++cpu)
        if (cpu != this_cpu().id) smp_call_function_single(cpu, func, info, wait);
    smp_call_function_single(this_cpu().id, func, info, wait);
}

}  // extern "C"
