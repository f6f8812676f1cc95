#pragma once
// The machine's event queue, modelled on gem5's EventQueue: events are
// intrusive nodes owned by the object that schedules them (no allocation),
// ordered by (when, priority, sequence) so same-cycle events come out in a
// deterministic order: lower priority value first, then FIFO by the sequence
// number assigned at schedule time.
#include "emu/sim/types.hpp"

#include <cstdio>
#include <functional>
#include <string>

namespace emu {

// Named same-cycle priorities (lower runs first).
enum class EventPriority : int {
    Device = 0,    // device state changes (timer expiry, packet arrival) raise IRQ lines first
    Host = 10,     // host-injected input (console keystrokes, scenario actions) after devices
    Machine = 20,  // run-control (stop, run limits) last, so a stop at T still sees T's IRQs
};

class Event {
public:
    using Callback = void (*)(Event&);
    Event(const char* name, Callback cb, void* owner, EventPriority prio = EventPriority::Device)
        : m_name(name), m_callback(cb), m_owner(owner), m_priority(prio) {}
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    bool scheduled() const { return m_scheduled; }
    Cycles when() const { return m_when; }
    const char* name() const { return m_name; }
    void* owner() const { return m_owner; }
    template <typename T> T& owner_as() const { return *static_cast<T*>(m_owner); }

private:
    friend class EventQueue;
    const char* m_name;
    Callback m_callback;
    void* m_owner;
    EventPriority m_priority;
    Cycles m_when = 0;
    std::uint64_t m_sequence = 0;
    bool m_scheduled = false;
    Event* m_next = nullptr;
    Event* m_prev = nullptr;
};

// A sorted intrusive doubly linked list: the machine has a handful of pending
// device events at any time (one per timer channel, one per device source),
// so an ordered insert beats a heap and keeps next_when() a single load.
class EventQueue {
public:
    // Schedules ev at absolute cycle `when`. Scheduling an already scheduled
    // event or scheduling into the past is an emulator bug.
    void schedule(Event& ev, Cycles when);
    void deschedule(Event& ev);
    void reschedule(Event& ev, Cycles when) {
        if (ev.m_scheduled) deschedule(ev);
        schedule(ev, when);
    }
    Cycles next_when() const { return m_head ? m_head->m_when : kNever; }
    bool empty() const { return m_head == nullptr; }
    // Pops and runs the earliest event; `now` becomes its time.
    void service_one();
    Cycles now() const { return m_now; }
    void set_now(Cycles c) { m_now = c; }
    std::string dump() const;
    // Called when a schedule() makes `when` the earliest pending time.
    using NewHeadListener = void (*)(void* ctx, Cycles when);
    void set_new_head_listener(NewHeadListener fn, void* ctx) {
        m_listener = fn;
        m_listener_ctx = ctx;
    }

private:
    static bool before(const Event& a, const Event& b) {
        if (a.m_when != b.m_when) return a.m_when < b.m_when;
        if (a.m_priority != b.m_priority) return a.m_priority < b.m_priority;
        return a.m_sequence < b.m_sequence;
    }
    Event* m_head = nullptr;
    Event* m_tail = nullptr;
    std::uint64_t m_next_sequence = 0;
    Cycles m_now = 0;
    NewHeadListener m_listener = nullptr;
    void* m_listener_ctx = nullptr;
};

}  // namespace emu
