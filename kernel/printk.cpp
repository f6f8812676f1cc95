// Mirrors kernel/printk/printk.c: log levels, the record store, the console.
#include "kernel/printk.hpp"

#include "kernel/kernel.hpp"
#include "kernel/vsprintf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace emu::kern {

std::string format_timestamp(std::uint64_t ns) {
    return fmt::format("[{:5}.{:06}] ", ns / 1'000'000'000, (ns % 1'000'000'000) / 1000);
}

void Printk::to_console(const LogRecord& r) {
    if (r.level >= console_loglevel) return;
    std::string out;
    std::string prefix = format_timestamp(r.ts_ns);
    std::size_t start = 0;
    for (;;) {
        std::size_t nl = r.text.find('\n', start);
        out += prefix;
        out.append(r.text, start, nl == std::string::npos ? std::string::npos : nl - start);
        out += '\n';
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    m_k.console.write(out);
    if (in_guest()) tl_core->clock += m_k.cfg.costs.printk_char * out.size();
}

void Printk::close_open_record() {
    if (!m_open) return;
    m_open = false;
    to_console(m_log.back());
}

void Printk::store(int level, bool cont, std::string_view text, std::uint64_t ts_ns) {
    bool ends_line = !text.empty() && text.back() == '\n';
    if (ends_line) text.remove_suffix(1);
    // A continuation joins the open record only while that stays within
    // LOG_LINE_MAX, as 6.1's prb_reserve_in_last(); past it, a new record.
    if (cont && m_open && m_log.back().text.size() + text.size() < kLogLineMax) {
        m_log.back().text.append(text);
        m_chars += text.size();
    } else {
        close_open_record();
        LogRecord r;
        r.seq = m_seq++;
        r.ts_ns = ts_ns;
        r.level = level;
        r.text.assign(text);
        m_chars += r.text.size();
        m_log.push_back(std::move(r));
        m_open = true;
    }
    if (ends_line) close_open_record();
    while (m_chars > kLogBufChars && m_log.size() > 1) {
        m_chars -= m_log.front().text.size();
        m_log.pop_front();
    }
}

std::string Printk::read_all(bool clear) {
    close_open_record();
    std::string out;
    for (const LogRecord& r : m_log) {
        std::string prefix = format_timestamp(r.ts_ns);
        std::size_t start = 0;
        for (;;) {
            std::size_t nl = r.text.find('\n', start);
            out += prefix;
            out.append(r.text, start, nl == std::string::npos ? std::string::npos : nl - start);
            out += '\n';
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
    if (clear) {
        m_log.clear();
        m_chars = 0;
    }
    return out;
}

int vprintk_emit(Kernel& k, int level, const char* fmt, va_list args) {
    // vprintk_store(): a record holds at most LOG_LINE_MAX (1024 - 32) bytes
    // with its NUL; the rest of a longer message is dropped.
    char line[Printk::kLogLineMax];
    int n = kernel_vsnprintf(&k, line, sizeof line, fmt, args);
    if (n < 0) return n;
    std::string text(line, std::min(static_cast<std::size_t>(n), sizeof line - 1));
    // Parse KERN_SOH level prefixes ("\0013", "\001c", ...).
    bool cont = false;
    std::size_t pos = 0;
    while (pos + 1 < text.size() && text[pos] == '\001') {
        char c = text[pos + 1];
        if (c >= '0' && c <= '7') level = c - '0';
        else if (c == 'c') cont = true;
        pos += 2;
    }
    if (level < 0) level = Printk::kDefaultMessageLoglevel;
    // vprintk_store() stamps and stores the record in one go; the cost
    // (formatting, the console) is charged after it. Charged before, the
    // preemption point let another CPU store a later record first.
    std::uint64_t ts = k.now_ns();
    k.printk->store(level, cont, std::string_view(text).substr(pos), ts);
    if (in_guest()) charge(k.cfg.costs.printk);
    return n;
}

int printk_emit(Kernel& k, int level, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vprintk_emit(k, level, fmt, ap);
    va_end(ap);
    return n;
}

}  // namespace emu::kern

extern "C" {

int printk(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = emu::kern::vprintk_emit(emu::kern::this_kernel(), LOGLEVEL_DEFAULT, fmt, ap);
    va_end(ap);
    return n;
}

int vprintk(const char* fmt, va_list args) {
    return emu::kern::vprintk_emit(emu::kern::this_kernel(), LOGLEVEL_DEFAULT, fmt, args);
}

}  // extern "C"
