// A machine of 64 CPUs, the most --cpus accepts (NR_CPUS, 6.1 include/linux/threads.h
// as emu configures it): every CPU takes ticks and IPIs and runs tasks (issue #15 item 5;
// SEMANTICS §2.1: each CPU's local timer, the reschedule IPI that wakes an idle CPU).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/smp.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
struct Busy {
    std::atomic<std::uint64_t>* ran_on;
    int done = 0;
};

// CPU-bound for 200 ms in 1 ms busy waits, noting each CPU it finds itself on.
int busy_thread(void* p) {
    auto* b = static_cast<Busy*>(p);
    for (int i = 0; i < 200; ++i) {
        b->ran_on->fetch_or(1ull << raw_smp_processor_id());
        mdelay(1);
    }
    b->done = 1;
    while (!kthread_should_stop()) msleep(10);
    return 0;
}
}  // namespace

TEST_CASE("--cpus 64 with 64 busy tasks: every CPU takes local timer interrupts and runs a task", "[kernel][smp]") {
    constexpr int kCpus = 64;
    std::atomic<std::uint64_t> ran_on{0};
    std::vector<std::uint64_t> loc(kCpus), res(kCpus);
    int finished = 0;
    auto r = run_guest(default_config(kCpus), [&](Machine&) {
        std::vector<Busy> busy(kCpus, Busy{&ran_on});
        std::vector<task_struct*> threads;
        for (int i = 0; i < kCpus; ++i) threads.push_back(kthread_run(busy_thread, &busy[static_cast<std::size_t>(i)], "busy%d", i));
        msleep(1000);
        for (auto* t : threads) kthread_stop(t);
        for (const Busy& b : busy) finished += b.done;
        for (int c = 0; c < kCpus; ++c) {
            loc[static_cast<std::size_t>(c)] = kernel().cpu(c).irq_loc;
            res[static_cast<std::size_t>(c)] = kernel().cpu(c).irq_res;
        }
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(finished == kCpus);
    CHECK(ran_on.load() == ~0ull);  // every CPU ran at least one of them
    for (int c = 0; c < kCpus; ++c) {
        INFO("CPU" << c);
        CHECK(loc[static_cast<std::size_t>(c)] > 0);
    }
    std::uint64_t res_high = 0;  // reschedule IPIs reached the upper half too
    for (int c = 32; c < kCpus; ++c) res_high += res[static_cast<std::size_t>(c)];
    CHECK(res_high > 0);
}
