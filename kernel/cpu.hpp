#pragma once
// kernel/cpu.c in miniature: the CPU masks (every CPU of the machine is
// possible, present, online and active, for good), the hotplug lock's read
// side, and the hotplug state machine's callbacks, which run once per CPU
// when a state is installed or removed since no CPU ever comes or goes.
#include "kernel/kernel.hpp"

#include "kernel/include/linux/cpumask.h"
#include "kernel/include/linux/cpuhotplug.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace emu::kern {

struct CpuHotplug {
    explicit CpuHotplug(int nr_cpus);

    // __EMU_CPU_POSSIBLE .. __EMU_CPU_NONE
    std::array<cpumask, __EMU_CPU_NONE + 1> masks{};
    std::array<cpumask, NR_CPUS> single{};  // cpumask_of()
    int readers = 0;                        // cpus_read_lock() holders
    int disabled = 0;                       // cpu_hotplug_disable() depth
    bool warned_unbalanced = false;         // its WARN_ONCE
    std::array<unsigned int, NR_CPUS> distribute_prev{};  // per CPU: cpumask_any_distribute()'s last pick

    struct Step {
        std::string name;
        void* startup = nullptr;   // int (*)(unsigned int [, hlist_node*])
        void* teardown = nullptr;
        bool multi = false;
        std::vector<hlist_node*> instances;  // in the order added
    };
    std::map<int, Step> steps;  // installed states, by number
};

}  // namespace emu::kern

// The hotplug lock's read side, for the kernel's own callers (linux/cpu.h is
// C only: it embeds struct device).
extern "C" {
void cpus_read_lock(void);
void cpus_read_unlock(void);
}

namespace emu::kern {

// func(data) in process context on `cpu` (its system workqueue worker), waited
// for: what cpuhp_invoke_ap_callback() gets from the cpuhp/N thread (kernel/smp.cpp).
int run_on_cpu(int cpu, int (*func)(void*), void* data);

}  // namespace emu::kern
