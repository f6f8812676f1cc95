// Mirrors kernel/smp.c beyond smp_call_function_single() (kernel/irq.cpp):
// the many-CPU calls queue the function on every target and send the IPIs
// first, run it locally (IRQs off) when asked, and only then wait, as
// smp_call_function_many_cond() does; smp_call_on_cpu() runs a function in
// process context on a CPU through that CPU's system workqueue worker.
#include "kernel/bug.hpp"
#include "kernel/cpu.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/smp.h"
#include "kernel/include/linux/workqueue.h"

#include <vector>

namespace emu::kern {

namespace {

// smp_call_function_many_cond(): `run_local` adds the caller's CPU.
void call_function_many_cond(const cpumask* mask, smp_call_func_t func, void* info, bool wait, bool run_local,
                             smp_cond_func_t cond) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    int self = this_cpu().id;
    std::vector<std::pair<Cpu*, std::uint64_t>> tickets;
    for (int cpu = 0; cpu < k.nr_cpus(); ++cpu) {
        if (cpu == self || !cpumask_test_cpu(cpu, mask) || (cond && !cond(cpu, info))) continue;
        Cpu& target = k.cpu(cpu);
        target.call_queue.emplace_back(func, info);
        tickets.emplace_back(&target, ++target.calls_queued);
        send_ipi(cpu, kCallFunctionVector);
    }
    if (run_local && cpumask_test_cpu(self, mask) && (!cond || cond(self, info))) {
        unsigned long flags = arch_local_irq_save();
        func(info);
        arch_local_irq_restore(flags);
    }
    if (!wait) return;
    for (auto& [target, ticket] : tickets)
        while (target->calls_done < ticket) charge(k.cfg.costs.spin_step);
}

struct CallOnCpu {
    work_struct work;
    int (*func)(void*);
    void* data;
    int ret;
};

void call_on_cpu_work(work_struct* w) {
    auto* c = container_of(w, CallOnCpu, work);
    c->ret = c->func(c->data);
}

}  // namespace

int run_on_cpu(int cpu, int (*func)(void*), void* data) {
    CallOnCpu c{};
    __emu_init_work(&c.work, call_on_cpu_work);
    c.func = func;
    c.data = data;
    queue_work_on(cpu, system_wq, &c.work);
    flush_work(&c.work);
    return c.ret;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void on_each_cpu_cond_mask(smp_cond_func_t cond_func, smp_call_func_t func, void* info, bool wait,
                           const struct cpumask* mask) {
    preempt_count_add(1);
    call_function_many_cond(mask, func, info, wait, true, cond_func);
    __emu_preempt_enable();
}

void smp_call_function_many(const struct cpumask* mask, smp_call_func_t func, void* info, bool wait) {
    call_function_many_cond(mask, func, info, wait, false, nullptr);
}

void smp_call_function(smp_call_func_t func, void* info, int wait) {
    preempt_count_add(1);
    call_function_many_cond(cpu_online_mask, func, info, wait != 0, false, nullptr);
    __emu_preempt_enable();
}

int smp_call_function_any(const struct cpumask* mask, smp_call_func_t func, void* info, int wait) {
    preempt_count_add(1);
    int cpu = this_cpu().id;
    if (!cpumask_test_cpu(cpu, mask)) cpu = static_cast<int>(cpumask_first_and(mask, cpu_online_mask));
    int ret = smp_call_function_single(cpu, func, info, wait);
    __emu_preempt_enable();
    return ret;
}

int smp_call_on_cpu(unsigned int cpu, int (*func)(void*), void* par, bool) {
    if (cpu >= nr_cpu_ids || !cpu_online(cpu)) return -ENXIO;
    return run_on_cpu(static_cast<int>(cpu), func, par);
}

static void do_nothing(void*) {}

// kick_all_cpus_sync(): an IPI to every other CPU, waited for.
void kick_all_cpus_sync(void) { smp_call_function(do_nothing, nullptr, 1); }

void wake_up_all_idle_cpus(void) {
    Kernel& k = this_kernel();
    int self = this_cpu().id;
    for (int cpu = 0; cpu < k.nr_cpus(); ++cpu)
        if (cpu != self && k.cpu(cpu).curr->is_idle()) resched_curr(k.cpu(cpu));
}

}  // extern "C"
