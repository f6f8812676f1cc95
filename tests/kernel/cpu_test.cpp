// CPU masks, the hotplug lock and hotplug state callbacks (kernel/cpu.cpp),
// and the cross-CPU calls of kernel/smp.cpp: 6.1 include/linux/cpumask.h,
// cpu.h, cpuhotplug.h, smp.h, with no CPU ever going offline.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/cpuhotplug.h"
#include "kernel/include/linux/cpumask.h"
#include "kernel/include/linux/kernel.h"
#include "kernel/include/linux/sched.h"
#include "kernel/include/linux/smp.h"
#include "kernel/include/linux/spinlock.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace emu;
using namespace emu::test;

extern "C" {
void cpus_read_lock(void);
void cpus_read_unlock(void);
int cpus_read_trylock(void);
}

TEST_CASE("cpumask: the machine's CPUs are possible, present, online and active; mask operations as 6.1",
          "[kernel][cpu]") {
    unsigned online = 0, possible = 0, present = 0, ids = 0, weight_all = 0;
    std::vector<int> walked;
    unsigned first_empty = 0, next_after_last = 0, any_but = 0, nth = 0, last = 0;
    bool and_nonempty = false, andnot_empty = true, subset = false, equal = false, intersects = true, full = false;
    bool online3 = false, online4 = true, of2 = false;
    auto r = run_guest(default_config(4), [&](Machine&) {
        online = num_online_cpus();
        possible = num_possible_cpus();
        present = num_present_cpus();
        ids = nr_cpu_ids;
        int cpu;
        for_each_online_cpu(cpu) walked.push_back(cpu);
        cpumask_var_t a, b;
        if (!zalloc_cpumask_var(&a, GFP_KERNEL) || !zalloc_cpumask_var(&b, GFP_KERNEL)) return 1;
        first_empty = cpumask_first(a);
        cpumask_set_cpu(1, a);
        cpumask_set_cpu(3, a);
        cpumask_set_cpu(1, b);
        last = cpumask_last(a);
        next_after_last = cpumask_next(3, a);
        any_but = cpumask_any_but(a, 1);
        nth = cpumask_nth(1, a);
        cpumask_var_t c;
        if (!alloc_cpumask_var(&c, GFP_KERNEL)) return 1;
        and_nonempty = cpumask_and(c, a, b);
        andnot_empty = cpumask_andnot(c, b, a);
        subset = cpumask_subset(b, a);
        cpumask_copy(c, a);
        equal = cpumask_equal(c, a);
        cpumask_clear_cpu(1, c);
        cpumask_clear_cpu(3, c);
        intersects = cpumask_intersects(c, a);
        cpumask_setall(c);
        full = cpumask_full(c) && cpumask_equal(c, cpu_online_mask);
        weight_all = cpumask_weight(cpu_possible_mask);
        online3 = cpu_online(3);
        online4 = cpu_online(4);
        of2 = cpumask_test_cpu(2, cpumask_of(2)) && cpumask_weight(cpumask_of(2)) == 1;
        free_cpumask_var(a);
        free_cpumask_var(b);
        free_cpumask_var(c);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(online == 4);
    CHECK(possible == 4);
    CHECK(present == 4);
    CHECK(ids == 4);
    CHECK(walked == std::vector<int>{0, 1, 2, 3});
    CHECK(first_empty == 4);  // >= nr_cpu_ids: none
    CHECK(last == 3);
    CHECK(next_after_last == 4);
    CHECK(any_but == 3);
    CHECK(nth == 3);
    CHECK(and_nonempty);
    CHECK_FALSE(andnot_empty);
    CHECK(subset);
    CHECK(equal);
    CHECK_FALSE(intersects);
    CHECK(full);
    CHECK(weight_all == 4);
    CHECK(online3);
    CHECK_FALSE(online4);
    CHECK(of2);
}

namespace {
struct HpLog {
    std::vector<std::string> events;
    int fail_on = -1;
};
HpLog* g_log;  // the callbacks take only a CPU number, as 6.1's
int hp_startup(unsigned int cpu) {
    g_log->events.push_back("up" + std::to_string(cpu) + "@" + std::to_string(smp_processor_id()) + ":" +
                            get_current()->comm + (in_task() ? "" : "!task"));
    return static_cast<int>(cpu) == g_log->fail_on ? -EIO : 0;
}
int hp_teardown(unsigned int cpu) {
    g_log->events.push_back("down" + std::to_string(cpu) + "@" + std::to_string(smp_processor_id()));
    return 0;
}
int hp_bp_startup(unsigned int cpu) {
    g_log->events.push_back("bp" + std::to_string(cpu) + "@" + std::to_string(smp_processor_id()));
    return 0;
}
}  // namespace

TEST_CASE("cpuhp_setup_state(CPUHP_AP_ONLINE_DYN): startup on every online CPU, on that CPU in process context; "
          "the dynamic state is returned; removal tears down (6.1 kernel/cpu.c)",
          "[kernel][cpu]") {
    HpLog log;
    g_log = &log;
    int s1 = 0, s2 = 0, bad = 0, noname = 0, bp = 0, busy = 0, again_dyn = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        s1 = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "test/one:online", hp_startup, hp_teardown);
        s2 = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "test/two:online", hp_startup, hp_teardown);
        bad = cpuhp_setup_state(CPUHP_ONLINE, "test/bad", hp_startup, nullptr);
        noname = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, nullptr, hp_startup, nullptr);
        bp = cpuhp_setup_state(CPUHP_BP_PREPARE_DYN, "test/bp:prepare", hp_bp_startup, nullptr);
        busy = cpuhp_setup_state_nocalls(static_cast<cpuhp_state>(s2), "test/again", hp_startup, nullptr);
        // s1 is CPUHP_AP_ONLINE_DYN itself: asking for it again gets the next free dynamic state.
        again_dyn = cpuhp_setup_state_nocalls(static_cast<cpuhp_state>(s1), "test/again", hp_startup, nullptr);
        cpuhp_remove_state(static_cast<cpuhp_state>(again_dyn));
        cpuhp_remove_state(static_cast<cpuhp_state>(s1));
        cpuhp_remove_state_nocalls(static_cast<cpuhp_state>(s2));
        cpuhp_remove_state(static_cast<cpuhp_state>(bp));
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(s1 == CPUHP_AP_ONLINE_DYN);
    CHECK(s1 == 201);
    CHECK(s2 == 202);
    CHECK(bad == -EINVAL);
    CHECK(noname == -EINVAL);
    CHECK(bp == CPUHP_BP_PREPARE_DYN);
    CHECK(busy == -EBUSY);
    CHECK(again_dyn == 203);
    // A BP state runs on the caller's CPU for every CPU, whichever that is by then.
    REQUIRE(log.events.size() == 6);
    CHECK(log.events[0] == "up0@0:events/0");
    CHECK(log.events[1] == "up1@1:events/1");
    CHECK(log.events[2].substr(0, 3) == "bp0");
    CHECK(log.events[3].substr(0, 3) == "bp1");
    CHECK(log.events[2].substr(3) == log.events[3].substr(3));
    CHECK(log.events[4] == "down0@0");
    CHECK(log.events[5] == "down1@1");
}

TEST_CASE("cpuhp_setup_state: a failing startup is rolled back on the CPUs already done, and the state is freed",
          "[kernel][cpu]") {
    HpLog log;
    log.fail_on = 2;
    g_log = &log;
    int ret = 0, again = 0;
    auto r = run_guest(default_config(3), [&](Machine&) {
        ret = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "test/fail:online", hp_startup, hp_teardown);
        g_log->fail_on = -1;
        again = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "test/next:online", hp_startup, hp_teardown);
        return 0;
    });
    INFO(r.console);
    CHECK(ret == -EIO);
    CHECK(again == CPUHP_AP_ONLINE_DYN);  // the failed one's state is free again
    CHECK(log.events == std::vector<std::string>{"up0@0:events/0", "up1@1:events/1", "up2@2:events/2", "down0@0",
                                                 "down1@1"});
}

namespace {
struct Inst {
    hlist_node node;
    int id;
};
int multi_up(unsigned int cpu, hlist_node* n) {
    g_log->events.push_back("up" + std::to_string(container_of(n, Inst, node)->id) + "/" + std::to_string(cpu));
    return 0;
}
int multi_down(unsigned int cpu, hlist_node* n) {
    g_log->events.push_back("down" + std::to_string(container_of(n, Inst, node)->id) + "/" + std::to_string(cpu));
    return 0;
}
}  // namespace

TEST_CASE("cpuhp multi-instance states: each instance added or removed runs on every CPU", "[kernel][cpu]") {
    HpLog log;
    g_log = &log;
    Inst a{{}, 1}, b{{}, 2};
    int st = 0, add_a = -1, add_b = -1, not_multi = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        st = cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN, "test/multi:online", multi_up, multi_down);
        auto state = static_cast<cpuhp_state>(st);
        add_a = cpuhp_state_add_instance(state, &a.node);
        add_b = cpuhp_state_add_instance_nocalls(state, &b.node);
        cpuhp_state_remove_instance(state, &a.node);
        cpuhp_state_remove_instance_nocalls(state, &b.node);
        cpuhp_remove_multi_state(state);
        int single = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "test/single", hp_startup, nullptr);
        not_multi = cpuhp_state_add_instance(static_cast<cpuhp_state>(single), &a.node);
        return 0;
    });
    INFO(r.console);
    CHECK(st == CPUHP_AP_ONLINE_DYN);
    CHECK(add_a == 0);
    CHECK(add_b == 0);
    CHECK(not_multi == -EINVAL);
    CHECK(log.events == std::vector<std::string>{"up1/0", "up1/1", "down1/0", "down1/1"});
    CHECK(r.console.find("WARNING") == std::string::npos);
}

TEST_CASE("cpus_read_lock() may sleep: under a spinlock it is reported; readers nest", "[kernel][cpu]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        cpus_read_lock();
        cpus_read_lock();
        if (!cpus_read_trylock()) return 1;
        cpus_read_unlock();
        cpus_read_unlock();
        cpus_read_unlock();
        spinlock_t lock;
        spin_lock_init(&lock);
        spin_lock(&lock);
        cpus_read_lock();
        cpus_read_unlock();
        spin_unlock(&lock);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(count(r.console, "BUG: sleeping function called from invalid context at include/linux/percpu-rwsem.h:49") ==
          1);
}

namespace {
struct Calls {
    int ran[4];
    int irqs_off[4];
};
void record(void* info) {
    auto* c = static_cast<Calls*>(info);
    ++c->ran[smp_processor_id()];
    c->irqs_off[smp_processor_id()] += irqs_disabled() ? 1 : 0;
}
bool odd_only(int cpu, void*) { return cpu % 2 == 1; }
int on_cpu_fn(void* p) { return smp_processor_id() * 10 + (in_task() ? 1 : 0) + *static_cast<int*>(p); }
}  // namespace

TEST_CASE("smp_call_function*() and on_each_cpu_*(): which CPUs run the function (6.1 kernel/smp.c)",
          "[kernel][cpu][smp]") {
    Calls many{}, all{}, cond{}, any{};
    int self = -1, on3 = 0, bad = 0;
    auto r = run_guest(default_config(4), [&](Machine&) {
        preempt_disable();
        self = smp_processor_id();
        smp_call_function(record, &many, 1);  // every other CPU
        preempt_enable();
        on_each_cpu_mask(cpu_online_mask, record, &all, true);
        on_each_cpu_cond(odd_only, record, &cond, true);
        cpumask_var_t m;
        if (!zalloc_cpumask_var(&m, GFP_KERNEL)) return 1;
        cpumask_set_cpu(2, m);
        smp_call_function_any(m, record, &any, 1);
        free_cpumask_var(m);
        int add = 5;
        on3 = smp_call_on_cpu(3, on_cpu_fn, &add, false);
        bad = smp_call_on_cpu(9, on_cpu_fn, &add, false);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    for (int cpu = 0; cpu < 4; ++cpu) {
        CHECK(many.ran[cpu] == (cpu == self ? 0 : 1));
        CHECK(all.ran[cpu] == 1);
        CHECK(all.irqs_off[cpu] == 1);  // IPI handler, or the local call with IRQs off
        CHECK(cond.ran[cpu] == cpu % 2);
        CHECK(any.ran[cpu] == (cpu == 2 ? 1 : 0));
    }
    CHECK(on3 == 36);
    CHECK(bad == -ENXIO);
}
