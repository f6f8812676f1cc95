// Mirrors kernel/cpu.c for a machine whose CPUs never go offline: the masks,
// the read side of cpu_hotplug_lock, and the state callbacks
// (__cpuhp_setup_state_cpuslocked(), cpuhp_issue_call(),
// cpuhp_rollback_install(), the multi-instance calls) as 6.1 runs them when
// every CPU sits at CPUHP_ONLINE: startup once per online CPU at install,
// teardown once per CPU at removal. AP states run on their CPU in process
// context (run_on_cpu()), BP states on the caller's.
#include "kernel/cpu.hpp"

#include "kernel/bug.hpp"
#include "kernel/sched.hpp"


namespace emu::kern {

CpuHotplug::CpuHotplug(int nr_cpus) {
    for (int cpu = 0; cpu < nr_cpus; ++cpu)
        for (int which : {__EMU_CPU_POSSIBLE, __EMU_CPU_ONLINE, __EMU_CPU_PRESENT, __EMU_CPU_ACTIVE})
            __set_bit(cpu, masks[static_cast<std::size_t>(which)].bits);
    for (auto& w : masks[__EMU_CPU_ALL].bits) w = ~0ul;
    for (int cpu = 0; cpu < NR_CPUS; ++cpu) __set_bit(cpu, single[static_cast<std::size_t>(cpu)].bits);
}

namespace {

CpuHotplug& hp() { return *this_kernel().cpuhp; }

// cpuhp_is_ap_state(): states after the bring-up run on the CPU itself.
bool is_ap_state(int state) { return state > CPUHP_BRINGUP_CPU && state != CPUHP_TEARDOWN_CPU; }

struct Invocation {
    CpuHotplug::Step* step;
    unsigned int cpu;
    bool bringup;
    hlist_node* node;
};

// cpuhp_invoke_callback(): one callback, or for a multi-instance state without
// a node, the callback of every instance (newest first, as hlist_add_head()
// ordered them); a failing instance's predecessors are rolled back.
int invoke_callback(void* arg) {
    auto* in = static_cast<Invocation*>(arg);
    CpuHotplug::Step& s = *in->step;
    void* cb = in->bringup ? s.startup : s.teardown;
    if (!s.multi) return reinterpret_cast<int (*)(unsigned int)>(cb)(in->cpu);
    auto multi = reinterpret_cast<int (*)(unsigned int, hlist_node*)>(cb);
    if (in->node) return multi(in->cpu, in->node);
    for (auto it = s.instances.rbegin(); it != s.instances.rend(); ++it) {
        int ret = multi(in->cpu, *it);
        if (ret && in->bringup) {
            auto undo = reinterpret_cast<int (*)(unsigned int, hlist_node*)>(s.teardown);
            if (undo)
                for (auto back = s.instances.rbegin(); back != it; ++back) undo(in->cpu, *back);
            return ret;
        }
    }
    return 0;
}

// cpuhp_issue_call(): a teardown may not fail (6.1 BUG()s).
int issue_call(int cpu, int state, CpuHotplug::Step& s, bool bringup, hlist_node* node) {
    if (!(bringup ? s.startup : s.teardown)) return 0;
    Invocation in{&s, static_cast<unsigned int>(cpu), bringup, node};
    int ret = is_ap_state(state) ? run_on_cpu(cpu, invoke_callback, &in) : invoke_callback(&in);
    BUG_ON(ret && !bringup);
    return ret;
}

// cpuhp_rollback_install(): teardown on the CPUs before the one that failed.
void rollback_install(int failed_cpu, int state, CpuHotplug::Step& s, hlist_node* node) {
    unsigned int cpu;
    for_each_present_cpu(cpu) {
        if (static_cast<int>(cpu) >= failed_cpu) break;
        issue_call(static_cast<int>(cpu), state, s, false, node);
    }
}

// cpuhp_reserve_state(): the first free state of a dynamic range.
int reserve_state(CpuHotplug& h, int state) {
    int end = state == CPUHP_AP_ONLINE_DYN ? CPUHP_AP_ONLINE_DYN_END : CPUHP_BP_PREPARE_DYN_END;
    for (int i = state; i <= end; ++i)
        if (!h.steps.count(i)) return i;
    WARN(1, "No more dynamic states available for CPU hotplug\n");
    return -ENOSPC;
}

bool cb_check_fails(int state) { return state <= CPUHP_OFFLINE || state >= CPUHP_ONLINE; }

}  // namespace

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

const struct cpumask* __emu_cpu_mask(int which) {
    if (which < 0 || which > __EMU_CPU_NONE) which = __EMU_CPU_NONE;
    return &hp().masks[static_cast<std::size_t>(which)];
}

const struct cpumask* get_cpu_mask(unsigned int cpu) {
    if (cpu >= NR_CPUS) return &hp().masks[__EMU_CPU_NONE];
    return &hp().single[cpu];
}

unsigned int cpumask_local_spread(unsigned int i, int) {
    i %= num_online_cpus();
    return cpumask_nth(i, cpu_online_mask);  // one NUMA node: every CPU is local
}

// The next CPU of the mask after this CPU's previous pick, wrapping.
static unsigned int distribute(const struct cpumask* a, const struct cpumask* b) {
    static_assert(NR_CPUS <= 64);
    Cpu& c = this_cpu();
    unsigned int& prev = c.k.cpuhp->distribute_prev[static_cast<std::size_t>(c.id)];
    unsigned int n = nr_cpumask_bits;
    for (unsigned int step = 1; step <= n; ++step) {
        unsigned int cpu = (prev + step) % n;
        if (cpumask_test_cpu(static_cast<int>(cpu), a) && (!b || cpumask_test_cpu(static_cast<int>(cpu), b))) {
            prev = cpu;
            return cpu;
        }
    }
    return n;
}
unsigned int cpumask_any_distribute(const struct cpumask* srcp) { return distribute(srcp, nullptr); }
unsigned int cpumask_any_and_distribute(const struct cpumask* src1p, const struct cpumask* src2p) {
    return distribute(src1p, src2p);
}

// percpu_down_read(&cpu_hotplug_lock): never contended without hotplug.
void cpus_read_lock(void) {
    __might_sleep("include/linux/percpu-rwsem.h", 49);
    Kernel& k = this_kernel();
    charge(k.cfg.costs.lock_op);
    ++k.cpuhp->readers;
}

int cpus_read_trylock(void) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.lock_op);
    ++k.cpuhp->readers;
    return 1;
}

void cpus_read_unlock(void) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.lock_op);
    if (k.cpuhp->readers > 0) --k.cpuhp->readers;
}

void cpu_hotplug_disable(void) { ++hp().disabled; }

void cpu_hotplug_enable(void) {
    CpuHotplug& h = hp();
    if (!h.disabled) {
        if (!h.warned_unbalanced) {  // WARN_ONCE, once per boot
            h.warned_unbalanced = true;
            WARN(1, "Unbalanced cpu hotplug enable\n");
        }
        return;
    }
    --h.disabled;
}

int __cpuhp_setup_state_cpuslocked(enum cpuhp_state state, const char* name, bool invoke,
                                   int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu),
                                   bool multi_instance) {
    CpuHotplug& h = hp();
    if (cb_check_fails(state) || !name) return -EINVAL;
    int st = state;
    bool dynstate = state == CPUHP_AP_ONLINE_DYN || state == CPUHP_BP_PREPARE_DYN;
    // cpuhp_store_callbacks()
    if (dynstate) {
        st = reserve_state(h, state);
        if (st < 0) return st;
    }
    if (h.steps.count(st)) return -EBUSY;
    CpuHotplug::Step& s = h.steps[st];
    s.name = name;
    s.startup = reinterpret_cast<void*>(startup);
    s.teardown = reinterpret_cast<void*>(teardown);
    s.multi = multi_instance;
    if (invoke && startup) {
        unsigned int cpu;
        for_each_present_cpu(cpu) {
            int ret = issue_call(static_cast<int>(cpu), st, s, true, nullptr);
            if (ret) {
                if (teardown) rollback_install(static_cast<int>(cpu), st, s, nullptr);
                h.steps.erase(st);
                return ret;
            }
        }
    }
    return dynstate ? st : 0;
}

int __cpuhp_setup_state(enum cpuhp_state state, const char* name, bool invoke, int (*startup)(unsigned int cpu),
                        int (*teardown)(unsigned int cpu), bool multi_instance) {
    cpus_read_lock();
    int ret = __cpuhp_setup_state_cpuslocked(state, name, invoke, startup, teardown, multi_instance);
    cpus_read_unlock();
    return ret;
}

void __cpuhp_remove_state_cpuslocked(enum cpuhp_state state, bool invoke) {
    CpuHotplug& h = hp();
    BUG_ON(cb_check_fails(state));
    auto it = h.steps.find(state);
    if (it == h.steps.end()) return;  // nothing installed: no callbacks to run
    CpuHotplug::Step& s = it->second;
    if (s.multi) {
        WARN(!s.instances.empty(), "Error: Removing state %d which has instances left.\n", state);
    } else if (invoke && s.teardown) {
        unsigned int cpu;
        for_each_present_cpu(cpu) issue_call(static_cast<int>(cpu), state, s, false, nullptr);
    }
    h.steps.erase(it);
}

void __cpuhp_remove_state(enum cpuhp_state state, bool invoke) {
    cpus_read_lock();
    __cpuhp_remove_state_cpuslocked(state, invoke);
    cpus_read_unlock();
}

int __cpuhp_state_add_instance_cpuslocked(enum cpuhp_state state, struct hlist_node* node, bool invoke) {
    CpuHotplug& h = hp();
    auto it = h.steps.find(state);
    if (it == h.steps.end() || !it->second.multi) return -EINVAL;
    CpuHotplug::Step& s = it->second;
    if (invoke && s.startup) {
        unsigned int cpu;
        for_each_present_cpu(cpu) {
            int ret = issue_call(static_cast<int>(cpu), state, s, true, node);
            if (ret) {
                if (s.teardown) rollback_install(static_cast<int>(cpu), state, s, node);
                return ret;
            }
        }
    }
    s.instances.push_back(node);
    return 0;
}

int __cpuhp_state_add_instance(enum cpuhp_state state, struct hlist_node* node, bool invoke) {
    cpus_read_lock();
    int ret = __cpuhp_state_add_instance_cpuslocked(state, node, invoke);
    cpus_read_unlock();
    return ret;
}

int __cpuhp_state_remove_instance(enum cpuhp_state state, struct hlist_node* node, bool invoke) {
    CpuHotplug& h = hp();
    BUG_ON(cb_check_fails(state));
    auto it = h.steps.find(state);
    if (it == h.steps.end() || !it->second.multi) return -EINVAL;
    CpuHotplug::Step& s = it->second;
    cpus_read_lock();
    if (invoke && s.teardown) {
        unsigned int cpu;
        for_each_present_cpu(cpu) issue_call(static_cast<int>(cpu), state, s, false, node);
    }
    std::erase(s.instances, node);
    cpus_read_unlock();
    return 0;
}

}  // extern "C"
