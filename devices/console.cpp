#include "devices/console.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace emu {

Console::Console() {
    m_sink = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
}

void Console::push_input(std::string line) {
    m_input.push_back(std::move(line));
    m_rx.pulse();
}

std::string Console::read_input() {
    if (m_input.empty()) return {};
    std::string line = std::move(m_input.front());
    m_input.pop_front();
    return line;
}

std::string Console::dump_state() const {
    return fmt::format("console: {} bytes out, {} input lines queued\n", m_bytes_out, m_input.size());
}

}  // namespace emu
