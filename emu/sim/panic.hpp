#pragma once
// Failure taxonomy (STYLE.md §9.1 item 14):
//  - EMU_ASSERT / emu::panic: an emulator bug; prints where and aborts.
//  - emu::UserError: a user or configuration mistake; the CLI prints it and exits 2.
//  - guest programming errors are logged by devices and answered benignly;
//  - guest kernel-rule violations print Linux's own splats (kernel/bug.cpp).
#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace emu {

[[noreturn]] void panic_at(const char* file, int line, const std::string& msg);

class UserError : public std::runtime_error {
public:
    explicit UserError(const std::string& what, int exit_code = 2) : std::runtime_error(what), m_exit(exit_code) {}
    int exit_code() const { return m_exit; }

private:
    int m_exit;
};

}  // namespace emu

#define EMU_ASSERT(cond, ...)                                                       \
    do {                                                                            \
        if (__builtin_expect(!(cond), 0))                                           \
            ::emu::panic_at(__FILE__, __LINE__, "assertion '" #cond "' failed: " +  \
                                                    ::fmt::format(__VA_ARGS__));    \
    } while (0)
