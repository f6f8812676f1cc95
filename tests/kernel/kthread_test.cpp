// Kernel threads (SEMANTICS §6).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/sched/task.h"
#include "kernel/proc.hpp"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {
int returns_42(void* p) {
    *static_cast<int*>(p) += 1;
    while (!kthread_should_stop()) msleep(1);
    return 42;
}
}  // namespace

TEST_CASE("kthread_create makes a stopped thread (D); kthread_stop returns threadfn's value", "[kernel][kthread]") {
    int runs = 0;
    char state_before = '?';
    int stopped = 0;
    std::string comm;
    auto r = run_guest(default_config(2), [&](Machine&) {
        task_struct* t = kthread_create(returns_42, &runs, "%skthread%d", "my", 0);
        comm = t->comm;
        state_before = kern::task_state_letter(*kern::Task::of(t));
        wake_up_process(t);
        msleep(5);
        stopped = kthread_stop(t);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(comm == "mykthread0");
    CHECK(state_before == 'D');
    CHECK(runs == 1);
    CHECK(stopped == 42);
}

TEST_CASE("kthread_stop before the first wake-up: threadfn never runs, result -EINTR", "[kernel][kthread]") {
    int runs = 0, stopped = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        task_struct* t = kthread_create(returns_42, &runs, "never");
        stopped = kthread_stop(t);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(runs == 0);
    CHECK(stopped == -EINTR);
}

TEST_CASE("thread names are truncated to TASK_COMM_LEN - 1 characters", "[kernel][kthread]") {
    std::string comm;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int runs = 0;
        task_struct* t = kthread_create(returns_42, &runs, "KThread Flywheel");
        comm = t->comm;
        kthread_stop(t);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(comm == "KThread Flywhee");
}

TEST_CASE("kthread_bind keeps a thread on its CPU; kthread_create_on_cpu names it", "[kernel][kthread]") {
    struct Where {
        int cpu = -1;
    } w;
    std::string comm;
    auto r = run_guest(default_config(4), [&](Machine&) {
        task_struct* t = kthread_create_on_cpu(
            [](void* p) {
                static_cast<Where*>(p)->cpu = smp_processor_id();
                while (!kthread_should_stop()) msleep(1);
                return 0;
            },
            &w, 3, "worker/%u");
        comm = t->comm;
        wake_up_process(t);
        msleep(5);
        kthread_stop(t);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(w.cpu == 3);
    CHECK(comm == "worker/3");
}

TEST_CASE("do_exit from a kthread ends it with that code (the lab's 6-kthread still calls it)", "[kernel][kthread]") {
    int result = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        task_struct* t = kthread_create(
            [](void*) -> int {
                while (!kthread_should_stop()) msleep(1);
                do_exit(7);
            },
            nullptr, "exiter");
        get_task_struct(t);
        wake_up_process(t);
        msleep(3);
        result = kthread_stop(t);
        put_task_struct(t);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(result == 7);
}
