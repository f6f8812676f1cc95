#include "emu/sim/panic.hpp"

#include <cstdio>
#include <cstdlib>

namespace emu {

void panic_at(const char* file, int line, const std::string& msg) {
    std::fflush(stdout);
    std::fprintf(stderr, "emu: internal error (emulator bug) at %s:%d: %s\n", file, line, msg.c_str());
    std::abort();
}

}  // namespace emu
