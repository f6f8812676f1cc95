#pragma once
// Console: the serial line printk echoes to and the shell's terminal.
//
// Interface
//   output: write(text) appends to the host sink (stdout by default, or a capture buffer for tests)
//   input:  push_input(line) (host side) queues a line and raises rx_line(); the kernel's
//           console driver pops lines with read_input()
#include "devices/irq_line.hpp"

#include <deque>
#include <functional>
#include <string>
#include <string_view>

namespace emu {

class Console {
public:
    using Sink = std::function<void(std::string_view)>;
    Console();
    void set_sink(Sink sink) { m_sink = std::move(sink); }
    void write(std::string_view text) {
        m_bytes_out += text.size();
        m_history.append(text);
        m_sink(text);
    }
    // Everything written so far (what a scenario's expectations look at).
    const std::string& history() const { return m_history; }
    void push_input(std::string line);
    bool has_input() const { return !m_input.empty(); }
    // The host side reached end of input (stdin closed): readers see EOF.
    void close_input() {
        m_closed = true;
        m_rx.pulse();
    }
    bool input_closed() const { return m_closed && m_input.empty(); }
    std::string read_input();
    IrqLine& rx_line() { return m_rx; }
    std::string dump_state() const;

private:
    Sink m_sink;
    std::deque<std::string> m_input;
    IrqLine m_rx;
    std::uint64_t m_bytes_out = 0;
    bool m_closed = false;
    std::string m_history;
};

}  // namespace emu
