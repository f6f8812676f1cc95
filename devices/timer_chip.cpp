#include "devices/timer_chip.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace emu {

TimerChip::TimerChip(EventQueue& queue, int channels) : m_queue(queue) {
    for (int i = 0; i < channels; ++i) m_channels.push_back(std::make_unique<Channel>(*this, i));
}

void TimerChip::restart(Channel& ch, Cycles now) {
    if (ch.expiry.scheduled()) m_queue.deschedule(ch.expiry);
    if ((ch.ctrl & ENABLE) && ch.count) m_queue.schedule(ch.expiry, now + ch.count);
}

void TimerChip::on_expiry(Event& ev) {
    Channel& ch = ev.owner_as<Channel>();
    ++ch.fired;
    if (ch.ctrl & PERIODIC)
        ch.chip.m_queue.schedule(ch.expiry, ev.when() + ch.count);
    else
        ch.ctrl &= ~static_cast<std::uint64_t>(ENABLE);
    ch.line.pulse();
}

std::uint64_t TimerChip::read(std::uint64_t offset, Cycles now) {
    if (offset == COUNTER) return now;
    std::uint64_t n = offset / kChannelStride;
    if (n >= m_channels.size()) {
        spdlog::warn("timer-chip: guest read of unknown register {:#x}", offset);
        return 0;
    }
    Channel& ch = *m_channels[n];
    switch (offset % kChannelStride) {
    case CTRL: return ch.ctrl;
    case COUNT: return ch.count;
    case CURRENT: return ch.expiry.scheduled() ? ch.expiry.when() - now : 0;
    case FIRED: return ch.fired;
    default: spdlog::warn("timer-chip: guest read of unknown register {:#x}", offset); return 0;
    }
}

void TimerChip::write(std::uint64_t offset, std::uint64_t value, Cycles now) {
    std::uint64_t n = offset / kChannelStride;
    if (n >= m_channels.size() || offset == COUNTER) {
        spdlog::warn("timer-chip: guest write to unknown or read-only register {:#x}", offset);
        return;
    }
    Channel& ch = *m_channels[n];
    switch (offset % kChannelStride) {
    case CTRL: {
        bool was_enabled = ch.ctrl & ENABLE;
        ch.ctrl = value & (ENABLE | PERIODIC);
        if (!(ch.ctrl & ENABLE) || !was_enabled) restart(ch, now);
        break;
    }
    case COUNT:
        ch.count = value;
        restart(ch, now);
        break;
    default: spdlog::warn("timer-chip: guest write to read-only or unknown register {:#x}", offset);
    }
}

std::string TimerChip::dump_state(Cycles now) const {
    std::string out = fmt::format("timer-chip at cycle {}:\n", now);
    for (const auto& ch : m_channels)
        out += fmt::format("  channel {}: {} {} count {} fired {} next {}\n", ch->index,
                           (ch->ctrl & ENABLE) ? "enabled" : "disabled", (ch->ctrl & PERIODIC) ? "periodic" : "one-shot",
                           ch->count, ch->fired, ch->expiry.scheduled() ? fmt::format("{}", ch->expiry.when()) : "-");
    return out;
}

}  // namespace emu
