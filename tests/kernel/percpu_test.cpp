// Per-CPU data (kernel/percpu.cpp): 6.1 include/linux/percpu-defs.h's
// accessors and mm/percpu.c's allocator. Every CPU has its own copy; a
// module's DEFINE_PER_CPU() section is CPU 0's copy and gets the others at
// insmod (tests/abi/percpu runs that path in a module).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/percpu.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/smp.h"
#include "kernel/include/linux/spinlock.h"
#include "kernel/percpu.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <set>

using namespace emu;
using namespace emu::test;

namespace {
struct Counters {
    unsigned long hits;
    int cpu_seen;
};
void bump(void* info) {
    auto* pcp = static_cast<Counters*>(info);
    this_cpu_inc(pcp->hits);
    this_cpu_ptr(pcp)->cpu_seen = smp_processor_id();
}
}  // namespace

TEST_CASE("alloc_percpu: a zeroed copy per CPU; this_cpu_*() reach the executing CPU's (6.1 percpu-defs.h)",
          "[kernel][percpu]") {
    std::set<void*> copies;
    bool zeroed = true, this_is_per = false;
    unsigned long hits[4] = {};
    int seen[4] = {-1, -1, -1, -1};
    unsigned long sum = 0;
    auto r = run_guest(default_config(4), [&](Machine&) {
        Counters* pcp = alloc_percpu(Counters);
        int cpu;
        for_each_possible_cpu(cpu) {
            Counters* c = per_cpu_ptr(pcp, cpu);
            copies.insert(c);
            zeroed = zeroed && c->hits == 0 && c->cpu_seen == 0;
        }
        preempt_disable();
        this_is_per = this_cpu_ptr(pcp) == per_cpu_ptr(pcp, smp_processor_id());
        preempt_enable();
        on_each_cpu(bump, pcp, 1);
        on_each_cpu(bump, pcp, 1);
        smp_call_function_single(2, bump, pcp, 1);
        for_each_online_cpu(cpu) {
            hits[cpu] = per_cpu(pcp->hits, cpu);
            seen[cpu] = per_cpu_ptr(pcp, cpu)->cpu_seen;
            sum += per_cpu(pcp->hits, cpu);
        }
        free_percpu(pcp);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(copies.size() == 4);
    CHECK(zeroed);
    CHECK(this_is_per);
    CHECK(hits[0] == 2);
    CHECK(hits[1] == 2);
    CHECK(hits[2] == 3);
    CHECK(hits[3] == 2);
    for (int cpu = 0; cpu < 4; ++cpu) CHECK(seen[cpu] == cpu);
    CHECK(sum == 9);
    CHECK(r.console.find("WARNING") == std::string::npos);
}

TEST_CASE("this_cpu_*(): the operation's value rules, per operand size (6.1 percpu-defs.h)", "[kernel][percpu]") {
    long add_ret = 0, sub_ret = 0, inc_ret = 0, dec_ret = 0, xchg_old = 0, cmp_hit = 0, cmp_miss = 0, after = 0;
    unsigned char byte = 0;
    short sh = 0;
    void* ptr = nullptr;
    int raw_cmp = 0, raw_after = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        long* l = alloc_percpu(long);
        unsigned char* b = alloc_percpu(unsigned char);
        short* s = alloc_percpu(short);
        void** p = alloc_percpu(void*);
        int* i = alloc_percpu(int);
        this_cpu_write(*l, 10);
        add_ret = this_cpu_add_return(*l, 5);   // 15
        sub_ret = this_cpu_sub_return(*l, 20);  // -5
        inc_ret = this_cpu_inc_return(*l);      // -4
        dec_ret = this_cpu_dec_return(*l);      // -5
        xchg_old = this_cpu_xchg(*l, 100);      // -5, now 100
        cmp_hit = this_cpu_cmpxchg(*l, 100, 7);  // 100, now 7
        cmp_miss = this_cpu_cmpxchg(*l, 100, 8); // 7, stays 7
        after = this_cpu_read(*l);
        this_cpu_write(*b, 250);
        this_cpu_add(*b, 10);  // wraps to 4
        byte = this_cpu_read(*b);
        this_cpu_write(*s, 5);
        this_cpu_sub(*s, 9);
        sh = this_cpu_read(*s);
        this_cpu_write(*p, l);
        ptr = this_cpu_read(*p);
        preempt_disable();
        __this_cpu_write(*i, 3);
        raw_cmp = __this_cpu_cmpxchg(*i, 3, 4);
        __this_cpu_inc(*i);
        raw_after = __this_cpu_read(*i);
        preempt_enable();
        void* l_copy = l;
        free_percpu(l);
        free_percpu(b);
        free_percpu(s);
        free_percpu(p);
        free_percpu(i);
        return ptr == l_copy ? 0 : 1;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(add_ret == 15);
    CHECK(sub_ret == -5);
    CHECK(inc_ret == -4);
    CHECK(dec_ret == -5);
    CHECK(xchg_old == -5);
    CHECK(cmp_hit == 100);
    CHECK(cmp_miss == 7);
    CHECK(after == 7);
    CHECK(byte == 4);
    CHECK(sh == -4);
    CHECK(raw_cmp == 3);
    CHECK(raw_after == 5);
}

TEST_CASE("get_cpu_var()/get_cpu_ptr() disable preemption until their put (6.1 percpu-defs.h)", "[kernel][percpu]") {
    int inside = -1, after = -1, inside_ptr = -1;
    auto r = run_guest(default_config(2), [&](Machine&) {
        int* p = alloc_percpu(int);
        int* mine = get_cpu_ptr(p);
        *mine = 1;
        inside_ptr = preempt_count();
        put_cpu_ptr(p);
        get_cpu_var(*p) += 1;
        inside = preempt_count();
        put_cpu_var(*p);
        after = preempt_count();
        free_percpu(p);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(inside_ptr == 1);
    CHECK(inside == 1);
    CHECK(after == 0);
}

TEST_CASE("alloc_percpu: 6.1's refusals (size 0, over PCPU_MIN_UNIT_SIZE, bad alignment) warn unless __GFP_NOWARN",
          "[kernel][percpu]") {
    void *zero = reinterpret_cast<void*>(1), *big = reinterpret_cast<void*>(1), *quiet = reinterpret_cast<void*>(1),
         *odd = reinterpret_cast<void*>(1);
    auto r = run_guest(default_config(2), [&](Machine&) {
        zero = __alloc_percpu(0, 4);
        big = __alloc_percpu(PCPU_MIN_UNIT_SIZE + 1, 8);
        odd = __alloc_percpu(16, 24);
        quiet = __alloc_percpu_gfp(0, 4, GFP_KERNEL | __GFP_NOWARN);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(zero == nullptr);
    CHECK(big == nullptr);
    CHECK(odd == nullptr);
    CHECK(quiet == nullptr);
    CHECK(count(r.console, "illegal size (0) or align (4) for percpu allocation") == 1);
    CHECK(count(r.console, "illegal size (32772) or align (8) for percpu allocation") == 1);
    CHECK(count(r.console, "illegal size (16) or align (24) for percpu allocation") == 1);
    CHECK(count(r.console, "WARNING: CPU:") == 3);
}

TEST_CASE("alloc_percpu(GFP_KERNEL) may sleep: in atomic context it is reported (pcpu_alloc_mutex)",
          "[kernel][percpu]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        spinlock_t lock;
        spin_lock_init(&lock);
        spin_lock(&lock);
        void* p = alloc_percpu_gfp(int, GFP_ATOMIC);  // fine
        void* q = alloc_percpu(int);                  // sleeps in 6.1
        spin_unlock(&lock);
        free_percpu(p);
        free_percpu(q);
        return 0;
    });
    INFO(r.console);
    CHECK(count(r.console, "BUG: sleeping function called from invalid context") == 1);
}

TEST_CASE("free_percpu: NULL is a no-op; a pointer alloc_percpu did not return is reported", "[kernel][percpu]") {
    auto r = run_guest(default_config(2), [&](Machine&) {
        free_percpu(nullptr);
        int* p = alloc_percpu(int);
        free_percpu(p);
        free_percpu(p);  // twice
        static int not_percpu;
        free_percpu(&not_percpu);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(count(r.console, "free_percpu: invalid pointer") == 2);
}

TEST_CASE("A module's per-CPU section: CPU 0's copy is the section, the others start from its initialisers, "
          "and they go with the module",
          "[kernel][percpu]") {
    alignas(64) static long section[4] = {5, 6, 7, 8};  // stands for a module's .emu_percpu
    bool cpu0_is_section = false, cpu1_initialised = false, separate = false, stray_faults_away = false;
    std::size_t before = 0, during = 0, after = 0;
    auto r = run_guest(default_config(2), [&](Machine&) {
        kern::PerCpuAreas& a = *kernel().percpu;
        int owner = 0;
        before = a.areas();
        if (!a.add_static(section, sizeof section, 64, &owner)) return 1;
        during = a.areas();
        long* x = &section[2];
        cpu0_is_section = per_cpu_ptr(x, 0) == x;
        cpu1_initialised = *per_cpu_ptr(x, 1) == 7;
        *per_cpu_ptr(x, 1) = 70;
        separate = section[2] == 7 && *per_cpu_ptr(x, 1) == 70;
        a.remove_owner(&owner);
        after = a.areas();
        // No longer per-CPU: 6.1 would add an offset to it; emu hands out an address that faults.
        stray_faults_away = a.ptr(x, 1) == nullptr && per_cpu_ptr(x, 1) != x;
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(during == before + 1);
    CHECK(after == before);
    CHECK(cpu0_is_section);
    CHECK(cpu1_initialised);
    CHECK(separate);
    CHECK(stray_faults_away);
}
