#pragma once
// Time in emu. One global clock counts CPU cycles (64-bit). Every core keeps
// a local cycle counter; guest code advances it by charging cycles at kernel
// entry points. Conversions to nanoseconds, jiffies and device periods happen
// only through Timebase, so no other file does its own arithmetic.
#include <cstdint>
#include <limits>

namespace emu {

using Cycles = std::uint64_t;
inline constexpr Cycles kNever = std::numeric_limits<Cycles>::max();

class Timebase {
public:
    explicit Timebase(std::uint64_t freq_hz = 1'000'000'000) : m_freq(freq_hz) {}
    std::uint64_t freq() const { return m_freq; }
    std::uint64_t to_ns(Cycles c) const {
        return static_cast<std::uint64_t>(static_cast<unsigned __int128>(c) * 1'000'000'000u / m_freq);
    }
    // Rounds up: an event "n ns from now" never happens early.
    Cycles from_ns(std::uint64_t ns) const {
        auto num = static_cast<unsigned __int128>(ns) * m_freq + 999'999'999u;
        return static_cast<Cycles>(num / 1'000'000'000u);
    }
    Cycles from_us(std::uint64_t us) const { return from_ns(us * 1000); }

private:
    std::uint64_t m_freq;
};

}  // namespace emu
