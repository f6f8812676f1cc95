// Mirrors kernel/kallsyms.c's sprint_symbol() family: an address named as
// call traces name it (kernel/stacktrace.cpp), "func+0xoff/0xsize [module]".
// An address in no known function prints as its hex value, as 6.1 does.
#include "kernel/bug.hpp"
#include "kernel/stacktrace.hpp"

#include <fmt/format.h>

#include <cstring>

using namespace emu;
using namespace emu::kern;

namespace {
// KSYM_SYMBOL_LEN: what every caller's buffer holds.
constexpr std::size_t kSymbolLen = 666;

int put(char* buffer, const std::string& s) {
    std::size_t n = std::min(s.size(), kSymbolLen - 1);
    std::memcpy(buffer, s.data(), n);
    buffer[n] = '\0';
    return static_cast<int>(n);
}
}  // namespace

extern "C" {

int sprint_symbol(char* buffer, unsigned long address) { return put(buffer, format_symbol(this_kernel(), address)); }
int sprint_symbol_build_id(char* buffer, unsigned long address) { return sprint_symbol(buffer, address); }
int sprint_symbol_no_offset(char* buffer, unsigned long address) {
    return put(buffer, format_symbol_name(this_kernel(), address));
}

// A return address may be just past the function that made the call.
int sprint_backtrace(char* buffer, unsigned long address) {
    Symbol s = symbolize(address - 1);
    if (!s.found) return put(buffer, fmt::format("0x{:x}", address));
    std::string text = format_symbol(this_kernel(), address - 1);
    // format_symbol() names address - 1; the offset shown is the return address's.
    auto plus = text.find('+');
    auto slash = text.find('/', plus);
    if (plus != std::string::npos && slash != std::string::npos)
        text = text.substr(0, plus) + fmt::format("+0x{:x}", s.offset + 1) + text.substr(slash);
    return put(buffer, text);
}
int sprint_backtrace_build_id(char* buffer, unsigned long address) { return sprint_backtrace(buffer, address); }

}  // extern "C"
