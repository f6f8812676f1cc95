// Wait queues and completions between kthreads on different CPUs (SEMANTICS §7).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/completion.h"
#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/sched/task.h"
#include "kernel/include/linux/mutex.h"
#include "kernel/include/linux/semaphore.h"
#include "kernel/include/linux/wait.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::test;

namespace {
struct Pair {
    completion done;
    std::uint64_t completed_at = 0, woke_at = 0;
    int waiter_cpu = -1, completer_cpu = -1;
};
int completer(void* p) {
    auto* s = static_cast<Pair*>(p);
    msleep(10);
    s->completer_cpu = smp_processor_id();
    s->completed_at = now_ns();
    complete(&s->done);
    while (!kthread_should_stop()) msleep(1);
    return 0;
}
int waiter(void* p) {
    auto* s = static_cast<Pair*>(p);
    wait_for_completion(&s->done);
    s->woke_at = now_ns();
    s->waiter_cpu = smp_processor_id();
    while (!kthread_should_stop()) msleep(1);
    return 0;
}
}  // namespace

TEST_CASE("wait_for_completion on CPU0 is released by complete() on CPU1", "[kernel][wait]") {
    Pair s;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_completion(&s.done);
        task_struct* w = kthread_create(waiter, &s, "waiter");
        task_struct* c = kthread_create(completer, &s, "completer");
        kthread_bind(w, 0);
        kthread_bind(c, 1);
        wake_up_process(w);
        wake_up_process(c);
        msleep(30);
        kthread_stop(w);
        kthread_stop(c);
        return 0;
    });
    REQUIRE(r.status == 0);
    CHECK(s.waiter_cpu == 0);
    CHECK(s.completer_cpu == 1);
    CHECK(s.woke_at >= s.completed_at);
    CHECK(s.woke_at - s.completed_at < 100'000);  // woken promptly (an IPI, not a tick later)
}

namespace {
struct Q {
    wait_queue_head_t wq;
    volatile int cond = 0;
    int woken = 0;
};
int sleeper_uninterruptible(void* p) {
    auto* q = static_cast<Q*>(p);
    wait_event(q->wq, q->cond != 0);
    ++q->woken;
    return 0;
}
}  // namespace

TEST_CASE("wake_up_interruptible does not wake a wait_event() sleeper; wake_up does (SEMANTICS §7.1)",
          "[kernel][wait]") {
    Q q;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_waitqueue_head(&q.wq);
        kthread_run(sleeper_uninterruptible, &q, "sleeper");
        msleep(5);
        q.cond = 1;
        wake_up_interruptible(&q.wq);
        msleep(5);
        int after_interruptible = q.woken;
        wake_up(&q.wq);
        msleep(5);
        return after_interruptible == 0 && q.woken == 1 ? 0 : 1;
    });
    CHECK(r.status == 0);
}

TEST_CASE("wait_event_timeout returns 0 on timeout, remaining jiffies otherwise", "[kernel][wait]") {
    long timed_out = -1, in_time = -1;
    Q q;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_waitqueue_head(&q.wq);
        timed_out = wait_event_timeout(q.wq, q.cond != 0, 5);
        q.cond = 1;
        in_time = wait_event_timeout(q.wq, q.cond != 0, 5);  // already true: returns the full budget
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(timed_out == 0);
    CHECK(in_time == 5);
}

namespace {
struct Shared {
    struct mutex m;
    struct semaphore sem;
    int inside = 0, max_inside = 0, total = 0;
};
int mutex_worker(void* p) {
    auto* s = static_cast<Shared*>(p);
    for (int i = 0; i < 20; ++i) {
        mutex_lock(&s->m);
        ++s->inside;
        s->max_inside = std::max(s->max_inside, s->inside);
        msleep(1);  // sleeping while holding a mutex is allowed
        --s->inside;
        ++s->total;
        mutex_unlock(&s->m);
    }
    return 0;
}
}  // namespace

TEST_CASE("a mutex excludes across CPUs while its holder sleeps", "[kernel][locking]") {
    Shared s;
    auto r = run_guest(default_config(2), [&](Machine&) {
        mutex_init(&s.m);
        task_struct* a = kthread_run(mutex_worker, &s, "mw0");
        task_struct* b = kthread_run(mutex_worker, &s, "mw1");
        get_task_struct(a);
        get_task_struct(b);
        while (s.total < 40) msleep(5);
        put_task_struct(a);
        put_task_struct(b);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(s.max_inside == 1);
    CHECK(s.total == 40);
}

TEST_CASE("a semaphore counts", "[kernel][locking]") {
    Shared s;
    auto r = run_guest(default_config(1), [&](Machine&) {
        sema_init(&s.sem, 2);
        int a = down_trylock(&s.sem), b = down_trylock(&s.sem), c = down_trylock(&s.sem);
        up(&s.sem);
        int d = down_trylock(&s.sem);
        return (a == 0 && b == 0 && c == 1 && d == 0) ? 0 : 1;
    });
    CHECK(r.status == 0);
}
