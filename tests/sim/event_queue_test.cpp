#include "emu/sim/event_queue.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using emu::Event;
using emu::EventPriority;
using emu::EventQueue;

namespace {
struct Recorder {
    std::vector<std::string> fired;
};
void record(Event& ev) { ev.owner_as<Recorder>().fired.push_back(ev.name()); }
}  // namespace

TEST_CASE("event queue orders by cycle, then priority, then scheduling order", "[sim]") {
    Recorder r;
    EventQueue q;
    Event late("late", record, &r), dev1("dev1", record, &r), dev2("dev2", record, &r),
        host("host", record, &r, EventPriority::Host), machine("machine", record, &r, EventPriority::Machine),
        early("early", record, &r);
    q.schedule(late, 300);
    q.schedule(machine, 200);
    q.schedule(dev1, 200);
    q.schedule(host, 200);
    q.schedule(dev2, 200);
    q.schedule(early, 100);
    REQUIRE(q.next_when() == 100);
    while (!q.empty()) q.service_one();
    CHECK(r.fired == std::vector<std::string>{"early", "dev1", "dev2", "host", "machine", "late"});
    CHECK(q.now() == 300);
}

TEST_CASE("descheduled and rescheduled events fire once at their new time", "[sim]") {
    Recorder r;
    EventQueue q;
    Event a("a", record, &r), b("b", record, &r);
    q.schedule(a, 10);
    q.schedule(b, 20);
    q.deschedule(a);
    CHECK_FALSE(a.scheduled());
    q.reschedule(b, 5);
    q.schedule(a, 7);
    while (!q.empty()) q.service_one();
    CHECK(r.fired == std::vector<std::string>{"b", "a"});
}

TEST_CASE("an event scheduled as the new earliest notifies the listener", "[sim]") {
    Recorder r;
    EventQueue q;
    std::vector<emu::Cycles> heads;
    q.set_new_head_listener([](void* ctx, emu::Cycles when) { static_cast<std::vector<emu::Cycles>*>(ctx)->push_back(when); },
                            &heads);
    Event a("a", record, &r), b("b", record, &r), c("c", record, &r);
    q.schedule(a, 50);
    q.schedule(b, 80);  // not the head
    q.schedule(c, 20);
    CHECK(heads == std::vector<emu::Cycles>{50, 20});
    CHECK(q.dump().find("c") != std::string::npos);
}
