// Mirrors mm/percpu.c's interface (__alloc_percpu_gfp, free_percpu) and the
// per_cpu_ptr()/this_cpu_*() accessors of include/linux/percpu-defs.h over
// PerCpuAreas. this_cpu_*() read-modify-writes run inside one kernel call,
// so neither an interrupt nor a migration can split them, as the single
// %gs-relative instruction x86 uses cannot be split.
#include "kernel/percpu.hpp"

#include "kernel/bug.hpp"
#include "kernel/printk.hpp"

#include "kernel/include/linux/gfp.h"
#include "kernel/include/linux/percpu.h"

#include <elf.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <string_view>

namespace emu::kern {

namespace {
// PCPU_MIN_UNIT_SIZE: 6.1's largest allocation (PFN_ALIGN(32 << 10)).
constexpr std::size_t kMaxAlloc = 32 << 10;
constexpr std::size_t kPageSize = 4096;
// Where per_cpu_ptr() of an address outside every area points: memory that
// faults, as Linux's pointer plus an offset lands where nothing is mapped.
constexpr std::size_t kBadWindow = 64 << 10;
}  // namespace

PerCpuAreas::PerCpuAreas(int nr_cpus) : m_nr_cpus(nr_cpus) {}

PerCpuAreas::~PerCpuAreas() {
    for (auto& [base, area] : m_areas) free_copies(area);
}

char* PerCpuAreas::new_copy(std::size_t size, std::size_t align) {
    void* p = ::operator new(size, std::align_val_t(align), std::nothrow);
    if (p) std::memset(p, 0, size);
    return static_cast<char*>(p);
}

void PerCpuAreas::free_copies(Area& a) {
    // A module's own section (copies[0] of a static area) is not ours.
    for (std::size_t cpu = a.dynamic ? 0 : 1; cpu < a.copies.size(); ++cpu)
        ::operator delete(a.copies[cpu], std::align_val_t(a.align));
    a.copies.clear();
}

bool PerCpuAreas::add_static(void* base, std::size_t size, std::size_t align, const void* owner) {
    if (!size) return true;
    Area a;
    a.size = size;
    a.align = std::max<std::size_t>(align, alignof(std::max_align_t));
    a.owner = owner;
    a.copies.push_back(static_cast<char*>(base));
    for (int cpu = 1; cpu < m_nr_cpus; ++cpu) {
        char* copy = new_copy(size, a.align);
        if (!copy) {
            free_copies(a);
            return false;
        }
        std::memcpy(copy, base, size);  // every CPU starts from the initialiser
        a.copies.push_back(copy);
    }
    m_areas.emplace(reinterpret_cast<std::uintptr_t>(base), std::move(a));
    return true;
}

void PerCpuAreas::remove_owner(const void* owner) {
    for (auto it = m_areas.begin(); it != m_areas.end();) {
        if (!it->second.dynamic && it->second.owner == owner) {
            free_copies(it->second);
            it = m_areas.erase(it);
        } else {
            ++it;
        }
    }
}

void* PerCpuAreas::alloc(std::size_t size, std::size_t align) {
    Area a;
    a.size = size;
    a.align = std::max<std::size_t>(align, alignof(std::max_align_t));
    a.dynamic = true;
    for (int cpu = 0; cpu < m_nr_cpus; ++cpu) {
        char* copy = new_copy(size, a.align);
        if (!copy) {
            free_copies(a);
            return nullptr;
        }
        a.copies.push_back(copy);
    }
    char* base = a.copies[0];
    m_areas.emplace(reinterpret_cast<std::uintptr_t>(base), std::move(a));
    return base;
}

bool PerCpuAreas::free(const void* p) {
    auto it = m_areas.find(reinterpret_cast<std::uintptr_t>(p));
    if (it == m_areas.end() || !it->second.dynamic) return false;
    free_copies(it->second);
    m_areas.erase(it);
    return true;
}

void* PerCpuAreas::ptr(const void* p, int cpu) const {
    auto addr = reinterpret_cast<std::uintptr_t>(p);
    auto it = m_areas.upper_bound(addr);
    if (it == m_areas.begin() || cpu < 0 || cpu >= m_nr_cpus) return nullptr;
    --it;
    std::uintptr_t offset = addr - it->first;
    if (offset >= it->second.size) return nullptr;
    return it->second.copies[static_cast<std::size_t>(cpu)] + offset;
}

int percpu_module_load(Kernel& k, const void* owner, const std::string& name, const char* elf, std::size_t elf_size,
                       std::uintptr_t base) {
    auto* eh = reinterpret_cast<const Elf64_Ehdr*>(elf);
    auto* sh = reinterpret_cast<const Elf64_Shdr*>(elf + eh->e_shoff);
    const char* names = elf + sh[eh->e_shstrndx].sh_offset;
    std::string_view prefix = kPerCpuSection;
    for (int i = 0; i < eh->e_shnum; ++i) {
        const Elf64_Shdr& s = sh[i];
        if (s.sh_name >= elf_size - sh[eh->e_shstrndx].sh_offset) continue;
        if (std::string_view(names + s.sh_name).substr(0, prefix.size()) != prefix || !s.sh_size) continue;
        std::size_t align = s.sh_addralign ? s.sh_addralign : 1;
        if (align > kPageSize) {  // percpu_modalloc()
            printk_emit(k, LOGLEVEL_WARNING, "%s: per-cpu alignment %li > %li\n", name.c_str(),
                        static_cast<long>(align), static_cast<long>(kPageSize));
            align = kPageSize;
        }
        if (!k.percpu->add_static(reinterpret_cast<void*>(base + s.sh_addr), s.sh_size, align, owner)) {
            printk_emit(k, LOGLEVEL_WARNING, "%s: Could not allocate %lu bytes percpu data\n", name.c_str(),
                        static_cast<unsigned long>(s.sh_size));
            k.percpu->remove_owner(owner);
            return -ENOMEM;
        }
    }
    return 0;
}

void percpu_module_free(Kernel& k, const void* owner) { k.percpu->remove_owner(owner); }

namespace {

// An address that faults when used: per_cpu_ptr() of something that is not
// per-CPU. One inaccessible window per process is enough (it is never written).
void* bad_percpu_address(const void* p) {
    static void* window = [] {
        void* w = mmap(nullptr, kBadWindow, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        return w == MAP_FAILED ? nullptr : w;
    }();
    return static_cast<char*>(window) + (reinterpret_cast<std::uintptr_t>(p) & (kPageSize - 1));
}

void* percpu_ptr_or_bad(const void* p, int cpu) {
    void* q = this_kernel().percpu->ptr(p, cpu);
    return q ? q : bad_percpu_address(p);
}

template <class T>
unsigned long percpu_op(void* p, unsigned int op, unsigned long a, unsigned long b) {
    T* v = static_cast<T*>(p);
    T old = *v;
    switch (op) {
    case EMU_PCPU_READ: return old;
    case EMU_PCPU_WRITE: *v = static_cast<T>(a); return 0;
    case EMU_PCPU_ADD: *v = static_cast<T>(old + static_cast<T>(a)); return 0;
    case EMU_PCPU_AND: *v = static_cast<T>(old & static_cast<T>(a)); return 0;
    case EMU_PCPU_OR: *v = static_cast<T>(old | static_cast<T>(a)); return 0;
    case EMU_PCPU_ADD_RETURN: *v = static_cast<T>(old + static_cast<T>(a)); return *v;
    case EMU_PCPU_XCHG: *v = static_cast<T>(a); return old;
    case EMU_PCPU_CMPXCHG:
        if (old == static_cast<T>(a)) *v = static_cast<T>(b);
        return old;
    }
    return 0;
}

}  // namespace

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void* __emu_per_cpu_ptr(const void* ptr, unsigned int cpu) { return percpu_ptr_or_bad(ptr, static_cast<int>(cpu)); }

void* __emu_this_cpu_ptr(const void* ptr) { return percpu_ptr_or_bad(ptr, this_cpu().id); }

unsigned long __emu_this_cpu_op(void* pcp, unsigned int size, unsigned int op, unsigned long a, unsigned long b) {
    void* p = percpu_ptr_or_bad(pcp, this_cpu().id);
    switch (size) {
    case 1: return percpu_op<std::uint8_t>(p, op, a, b);
    case 2: return percpu_op<std::uint16_t>(p, op, a, b);
    case 4: return percpu_op<std::uint32_t>(p, op, a, b);
    default: return percpu_op<std::uint64_t>(p, op, a, b);
    }
}

// mm/percpu.c pcpu_alloc(): sizes are rounded to PCPU_MIN_ALLOC_SIZE, the
// alignment raised to it; a blocking mask takes pcpu_alloc_mutex (might sleep).
void* __alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp) {
    Kernel& k = this_kernel();
    bool atomic = (gfp & GFP_KERNEL) != GFP_KERNEL;
    if (!atomic) __might_sleep("kernel/locking/mutex.c", 580);
    charge(k.cfg.costs.kmalloc);
    if (align < PCPU_MIN_ALLOC_SIZE) align = PCPU_MIN_ALLOC_SIZE;
    size = (size + PCPU_MIN_ALLOC_SIZE - 1) & ~static_cast<size_t>(PCPU_MIN_ALLOC_SIZE - 1);
    if (!size || size > kMaxAlloc || align > kPageSize || (align & (align - 1))) {
        WARN(!(gfp & __GFP_NOWARN), "illegal size (%zu) or align (%zu) for percpu allocation\n", size, align);
        return nullptr;
    }
    return k.percpu->alloc(size, align);
}

void* __alloc_percpu(size_t size, size_t align) { return __alloc_percpu_gfp(size, align, GFP_KERNEL); }

void free_percpu(void* ptr) {
    if (!ptr) return;
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    // 6.1 would corrupt its chunk maps; emu reports it, as kfree() does.
    if (!k.percpu->free(ptr)) WARN(1, "free_percpu: invalid pointer %p (not from alloc_percpu)\n", ptr);
}

}  // extern "C"
