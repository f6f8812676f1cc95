#include "devices/console.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>

namespace emu {

Console::Console() {
    // Into a file or a pipe, each line is written out at once: a run that is
    // killed (SIGKILL, a CI timeout) loses nothing it printed.
    m_sink = [flush = !isatty(STDOUT_FILENO)](std::string_view text) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (flush && text.find('\n') != std::string_view::npos) std::fflush(stdout);
    };
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
