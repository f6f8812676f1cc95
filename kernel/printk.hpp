#pragma once
// printk (kernel/printk/printk.c): records with a level and a guest-time
// stamp in a bounded ring, echoed to the console when their level is below
// console_loglevel. Every line of a record gets the "[%5lu.%06lu] " prefix.
#include <cstdarg>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace emu::kern {

class Kernel;

struct LogRecord {
    std::uint64_t seq = 0;
    std::uint64_t ts_ns = 0;
    int level = 4;
    std::string text;  // without the trailing newline
};

class Printk {
public:
    static constexpr std::size_t kLogBufChars = 1 << 20;  // log_buf_len
    static constexpr std::size_t kLogLineMax = 1024 - 32;  // LOG_LINE_MAX: a record with its NUL
    static constexpr int kDefaultMessageLoglevel = 4;

    explicit Printk(Kernel& k) : m_k(k) {}
    // Stores one message (already formatted, with KERN_* prefix parsed by the caller).
    void store(int level, bool cont, std::string_view text, std::uint64_t ts_ns);
    // dmesg: every record with its prefix; `clear` empties the buffer afterwards (dmesg -c).
    std::string read_all(bool clear);
    int console_loglevel = 7;
    std::uint64_t records_stored() const { return m_seq; }

private:
    void close_open_record();
    void to_console(const LogRecord& r);
    Kernel& m_k;
    std::deque<LogRecord> m_log;
    std::size_t m_chars = 0;
    std::uint64_t m_seq = 0;
    bool m_open = false;  // the last record had no newline: KERN_CONT may extend it
};

// printk from C++ kernel code.
int printk_emit(Kernel& k, int level, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
int vprintk_emit(Kernel& k, int level, const char* fmt, va_list args);
std::string format_timestamp(std::uint64_t ns);

}  // namespace emu::kern
