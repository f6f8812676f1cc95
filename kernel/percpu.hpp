#pragma once
// mm/percpu.c in miniature: per-CPU areas. Linux gives every CPU a copy of the
// per-CPU sections and finds CPU n's copy of an address by adding
// __per_cpu_offset[n]. A module here is a shared object whose own data is
// CPU 0's copy, so copies do not sit at one offset from each other: the kernel
// keeps a map from each area's CPU 0 range to its copies, and per_cpu_ptr()
// asks it. Areas are a module's per-CPU section (made at insmod, freed with
// the module) or an alloc_percpu() block (freed by free_percpu()).
#include "kernel/kernel.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace emu::kern {

// The section DEFINE_PER_CPU() puts a module's variables in (and its
// "..read_mostly"-style variants, which start with the same name).
inline constexpr const char* kPerCpuSection = ".emu_percpu";

class PerCpuAreas {
public:
    explicit PerCpuAreas(int nr_cpus);
    ~PerCpuAreas();
    PerCpuAreas(const PerCpuAreas&) = delete;
    PerCpuAreas& operator=(const PerCpuAreas&) = delete;

    // A module's per-CPU section [base, base + size): CPU 0's copy stays
    // where it is; the others start as copies of it. False when out of memory.
    bool add_static(void* base, std::size_t size, std::size_t align, const void* owner);
    // Frees the copies of every area `owner` registered (module unload).
    void remove_owner(const void* owner);
    // alloc_percpu(): zeroed copies for every CPU; returns CPU 0's.
    void* alloc(std::size_t size, std::size_t align);
    // free_percpu(): false if `p` is not the start of a live alloc() block.
    bool free(const void* p);
    // CPU `cpu`'s copy of the per-CPU address `p`, or null if `p` lies in no area.
    void* ptr(const void* p, int cpu) const;
    std::size_t areas() const { return m_areas.size(); }

private:
    struct Area {
        std::size_t size = 0;
        std::size_t align = 0;
        bool dynamic = false;
        const void* owner = nullptr;
        std::vector<char*> copies;  // [cpu]; copies[0] is the area itself
    };
    static char* new_copy(std::size_t size, std::size_t align);
    static void free_copies(Area& a);

    int m_nr_cpus;
    // Keyed by CPU 0's address, only to find the area below a pointer; never
    // iterated for anything a guest sees.
    std::map<std::uintptr_t, Area> m_areas;
};

// The loader's hooks (kernel/module.cpp). percpu_module_load(): the per-CPU
// sections of a module (its validated ELF image, loaded at `base`) get their
// copies before its init runs; 0 or -ENOMEM, with 6.1's message.
// percpu_module_free(): the copies go when the module is freed.
int percpu_module_load(Kernel& k, const void* owner, const std::string& name, const char* elf, std::size_t elf_size,
                       std::uintptr_t base);
void percpu_module_free(Kernel& k, const void* owner);

}  // namespace emu::kern
