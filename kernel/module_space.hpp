#pragma once
// Module space after rmmod (kernel/module/main.c free_module(): module_memfree()
// of the core, vfree'd so its pages are unmapped): an unloaded module's text,
// read-only data and data are made inaccessible, so a thread, work item or
// timer still running its code faults as on Linux. The host mapping stays
// reserved (nothing else is mapped there) and its dynamic-linker headers stay
// readable; everything that names addresses asks here first instead of the
// dynamic linker, which would read the freed pages. Process state, as the
// mappings are: any machine's splat may meet them.
#include <cstdint>
#include <string>

namespace emu::kern {

struct FreedModule {
    std::uintptr_t lo = 0, hi = 0;  // the whole mapping
    std::uintptr_t base = 0;        // load base (module-space offsets are from here)
    std::string name;
};

void note_freed_module(const FreedModule& m);
// Whether `addr` lies in an unloaded module's mapping; fills `out` if given.
bool freed_module_at(std::uintptr_t addr, FreedModule* out = nullptr);

}  // namespace emu::kern
