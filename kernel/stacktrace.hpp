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

// Looks up the function containing `addr`. Thread-compatible, cached per object.
Symbol symbolize(std::uintptr_t addr);
// Return addresses of the frames above `fp` that lie inside [lo, hi).
std::vector<std::uintptr_t> walk_frames(std::uintptr_t fp, std::uintptr_t lo, std::uintptr_t hi, std::size_t max = 48);
// Maps an object path to a module name for the " [module]" suffix (set by the module loader).
using ModuleNamer = std::function<std::string(const Symbol&)>;

}  // namespace emu::kern
