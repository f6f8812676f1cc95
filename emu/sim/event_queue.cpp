#include "emu/sim/event_queue.hpp"

#include "emu/sim/panic.hpp"

#include <fmt/format.h>

namespace emu {

void EventQueue::schedule(Event& ev, Cycles when) {
    EMU_ASSERT(!ev.m_scheduled, "event '{}' scheduled twice", ev.m_name);
    EMU_ASSERT(when >= m_now, "event '{}' scheduled in the past ({} < {})", ev.m_name, when, m_now);
    ev.m_when = when;
    ev.m_sequence = m_next_sequence++;
    ev.m_scheduled = true;
    // Walk from the tail: new events usually land late.
    Event* after = m_tail;
    while (after && before(ev, *after)) after = after->m_prev;
    ev.m_prev = after;
    ev.m_next = after ? after->m_next : m_head;
    if (ev.m_next) ev.m_next->m_prev = &ev; else m_tail = &ev;
    if (after) {
        after->m_next = &ev;
    } else {
        m_head = &ev;
        if (m_listener) m_listener(m_listener_ctx, when);
    }
}

void EventQueue::deschedule(Event& ev) {
    EMU_ASSERT(ev.m_scheduled, "event '{}' descheduled while not scheduled", ev.m_name);
    if (ev.m_prev) ev.m_prev->m_next = ev.m_next; else m_head = ev.m_next;
    if (ev.m_next) ev.m_next->m_prev = ev.m_prev; else m_tail = ev.m_prev;
    ev.m_next = ev.m_prev = nullptr;
    ev.m_scheduled = false;
}

void EventQueue::service_one() {
    Event* ev = m_head;
    EMU_ASSERT(ev, "service_one on an empty queue");
    deschedule(*ev);
    m_now = ev->m_when;
    ev->m_callback(*ev);
}

std::string EventQueue::dump() const {
    std::string out = fmt::format("event queue at cycle {}:\n", m_now);
    for (Event* ev = m_head; ev; ev = ev->m_next)
        out += fmt::format("  {:>14}  prio {:>2}  seq {:>6}  {}\n", ev->m_when, static_cast<int>(ev->m_priority),
                           ev->m_sequence, ev->m_name);
    return out;
}

}  // namespace emu
