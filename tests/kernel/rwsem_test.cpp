// Reader-writer semaphores (linux/rwsem.h, kernel/rwsem.cpp): readers share,
// a writer excludes, waiters are served in arrival order with a new reader
// queueing behind a waiting writer, a writer's release wakes every queued
// reader when a reader is first (6.1 kernel/locking/rwsem.c, rwsem_mark_wake).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/rwsem.h"
#include "kernel/include/linux/spinlock.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {

struct Order {
    rw_semaphore sem;
    std::vector<std::string> events;
    int done = 0;
};

struct Actor {
    Order* o;
    const char* name;
    bool writer;
};

int actor(void* p) {
    auto* a = static_cast<Actor*>(p);
    if (a->writer)
        down_write(&a->o->sem);
    else
        down_read(&a->o->sem);
    a->o->events.push_back(std::string(a->name) + "+");
    msleep(5);
    a->o->events.push_back(std::string(a->name) + "-");
    if (a->writer)
        up_write(&a->o->sem);
    else
        up_read(&a->o->sem);
    ++a->o->done;
    return 0;
}

// Starts actors one after another on CPU 1, each given time to queue.
void start(std::vector<Actor>& actors) {
    for (auto& a : actors) {
        task_struct* t = kthread_create(actor, &a, "%s", a.name);
        kthread_bind(t, 1);
        wake_up_process(t);
        msleep(2);
    }
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (auto& e : v) s += e + " ";
    return s;
}

}  // namespace

TEST_CASE("rwsem: trylocks, is_locked, is_contended", "[kernel][rwsem]") {
    std::vector<int> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static DECLARE_RWSEM(sem);
        got.push_back(rwsem_is_locked(&sem));
        got.push_back(down_read_trylock(&sem));
        got.push_back(down_read_trylock(&sem));   // readers share
        got.push_back(down_write_trylock(&sem));  // not while read-held
        up_read(&sem);
        up_read(&sem);
        got.push_back(rwsem_is_locked(&sem));
        got.push_back(down_write_trylock(&sem));
        got.push_back(down_read_trylock(&sem));   // not while write-held
        got.push_back(down_write_trylock(&sem));
        downgrade_write(&sem);
        got.push_back(down_read_trylock(&sem));   // a downgraded lock is a read lock
        got.push_back(down_write_trylock(&sem));
        up_read(&sem);
        up_read(&sem);
        got.push_back(rwsem_is_locked(&sem));
        got.push_back(rwsem_is_contended(&sem));
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(got == std::vector<int>{0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0});
}

TEST_CASE("rwsem: a new reader queues behind a waiting writer", "[kernel][rwsem]") {
    Order o;
    int try_while_writer_waits = -1, contended = -1;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_rwsem(&o.sem);
        down_read(&o.sem);
        std::vector<Actor> actors = {{&o, "W", true}, {&o, "R", false}};
        start(actors);
        contended = rwsem_is_contended(&o.sem);
        try_while_writer_waits = down_read_trylock(&o.sem);
        o.events.push_back("main-");
        up_read(&o.sem);
        while (o.done < 2) msleep(1);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(contended == 1);
    CHECK(try_while_writer_waits == 0);
    CHECK(join(o.events) == "main- W+ W- R+ R- ");
}

TEST_CASE("rwsem: a writer's release wakes every queued reader, even behind a writer", "[kernel][rwsem]") {
    Order o;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_rwsem(&o.sem);
        down_write(&o.sem);
        std::vector<Actor> actors = {{&o, "R1", false}, {&o, "W2", true}, {&o, "R3", false}};
        start(actors);
        o.events.push_back("main-");
        up_write(&o.sem);
        while (o.done < 3) msleep(1);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    // Both readers are in before either leaves (their release order is the timers'), W2 after both.
    REQUIRE(o.events.size() == 7);
    CHECK(join({o.events.begin(), o.events.begin() + 3}) == "main- R1+ R3+ ");
    CHECK((o.events[3] == "R1-" || o.events[3] == "R3-"));
    CHECK((o.events[4] == "R1-" || o.events[4] == "R3-"));
    CHECK(join({o.events.begin() + 5, o.events.end()}) == "W2+ W2- ");
}

TEST_CASE("rwsem: downgrade_write lets queued readers in at once", "[kernel][rwsem]") {
    Order o;
    auto r = run_guest(default_config(2), [&](Machine&) {
        init_rwsem(&o.sem);
        down_write(&o.sem);
        std::vector<Actor> actors = {{&o, "R1", false}};
        start(actors);
        downgrade_write(&o.sem);
        msleep(1);
        o.events.push_back("main-");
        up_read(&o.sem);
        while (o.done < 1) msleep(1);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(join(o.events) == "R1+ main- R1- ");
}

TEST_CASE("rwsem: down_read under a spinlock is a sleeping-in-atomic BUG at rwsem.c", "[kernel][rwsem]") {
    auto r = run_guest(default_config(1), [&](Machine&) {
        static DEFINE_SPINLOCK(lock);
        static DECLARE_RWSEM(sem);
        spin_lock(&lock);
        down_read(&sem);
        up_read(&sem);
        spin_unlock(&lock);
        return 0;
    });
    CHECK(r.plain.find("BUG: sleeping function called from invalid context at kernel/locking/rwsem.c:1519\n") !=
          std::string::npos);
}
