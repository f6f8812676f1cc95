#pragma once
// The kernel's own vsnprintf() (6.1 lib/vsprintf.c): the C conversions with
// the kernel's rules (no %n, no floating point, "0x0" for %#x of 0, "(null)"
// for a NULL %s) and the %p extensions of
// Documentation/core-api/printk-formats.rst. Every format a module hands the
// kernel (printk, the sprintf family, seq_printf, dev_printk, WARN, ...) goes
// through it; host-side text is formatted by the host's printf as before.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace emu::kern {

class Kernel;

// Writes at most `size` bytes, the NUL included, into `buf` and returns the
// length the whole output has. `k` names the machine whose symbols and %p key
// apply; null means the machine of the calling CPU, if any.
int kernel_vsnprintf(Kernel* k, char* buf, std::size_t size, const char* fmt, va_list args);
inline int kernel_vsnprintf(char* buf, std::size_t size, const char* fmt, va_list args) {
    return kernel_vsnprintf(nullptr, buf, size, fmt, args);
}
int kernel_snprintf(char* buf, std::size_t size, const char* fmt, ...);

// The %p hash of `p` as machine `k` prints it: 0 (and false) before the key
// is ready. Hashes where p sits (its module and offset, its slab object, its
// task's stack), so that runs with the same --seed print the same ids.
bool hashed_pointer(Kernel& k, const void* p, unsigned long* out);

// The kernel's definition of sprintf(), snprintf(), vsprintf() and
// vsnprintf(), which the module loader binds a module's calls to (the names
// are also the C library's, which the host itself keeps using); 0 for any other name.
std::uintptr_t kernel_printf_function(std::string_view name);

}  // namespace emu::kern
