#pragma once
// Call traces for splats: walk the frame-pointer chain of the current fiber
// (everything is built with -fno-omit-frame-pointer) and name each return
// address Linux-style, "func+0xoff/0xsize [module]", from the ELF symbol
// tables of the emu executable and of loaded guest objects.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace emu::kern {

struct Symbol {
    std::string name;        // unqualified function name
    std::uintptr_t offset = 0;
    std::uintptr_t size = 0;
    std::string object;      // path of the ELF object
    std::uintptr_t base = 0; // load base of that object
    bool found = false;
};

// The bare function name of an ELF symbol, as Linux prints it:
// "_ZN3emu4kern13call_timer_fnEP10timer_list" -> "call_timer_fn"; a GCC
// cold part "... [clone .cold]" -> "call_timer_fn.cold".
std::string bare_function_name(const char* symbol);
// Looks up the function containing `addr`. Thread-compatible, cached per object.
Symbol symbolize(std::uintptr_t addr);
// A frame pointer that can be read: inside the stack [lo, hi), aligned, with
// room for the saved frame pointer and the return address.
inline bool frame_in_stack(std::uintptr_t fp, std::uintptr_t lo, std::uintptr_t hi) {
    return fp >= lo && fp + 16 <= hi && (fp & 7) == 0;
}
// The first frame at or above `fp` (at most `max` frames up) whose return
// address satisfies `pred`, or 0.
template <class Pred>
std::uintptr_t find_frame(std::uintptr_t fp, std::uintptr_t lo, std::uintptr_t hi, int max, Pred pred) {
    for (int depth = 0; depth < max && frame_in_stack(fp, lo, hi); ++depth) {
        auto* frame = reinterpret_cast<const std::uintptr_t*>(fp);
        if (pred(frame[1])) return fp;
        if (frame[0] <= fp) break;
        fp = frame[0];
    }
    return 0;
}
// Return addresses of the frames above `fp` that lie inside [lo, hi).
std::vector<std::uintptr_t> walk_frames(std::uintptr_t fp, std::uintptr_t lo, std::uintptr_t hi, std::size_t max = 48);
// Maps an object path to a module name for the " [module]" suffix (set by the module loader).
using ModuleNamer = std::function<std::string(const Symbol&)>;

}  // namespace emu::kern
