// Mirrors mm/slab_common.c's interface (kmalloc, kfree, ksize, krealloc) over
// SlabAllocator, and might_alloc(): a blocking GFP mask in atomic context is
// reported (since Linux 5.14 at include/linux/sched/mm.h). kfree() of an
// object that is already free, or of a pointer kmalloc() never returned, is
// reported, where 6.1 without debugging would corrupt its freelist.
#include "kernel/slab.hpp"

#include "kernel/bug.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/slab.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <cstring>

namespace emu::kern {

namespace {
// The kmalloc-N caches of a 64-bit kernel with 4 KiB pages.
constexpr std::uint32_t kCacheSizes[] = {8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192};
}  // namespace

SlabAllocator::SlabAllocator() {
    long page = sysconf(_SC_PAGESIZE);
    if (page > 0) m_page = static_cast<std::size_t>(page);
    for (std::uint32_t size : kCacheSizes) m_caches.push_back(Cache{size, {}});
}

SlabAllocator::~SlabAllocator() {
    for (auto& [base, slab] : m_slabs) munmap(slab->base, kSlabBytes + m_page);
    for (auto& [p, len] : m_large) munmap(const_cast<void*>(p), len);
}

int SlabAllocator::cache_for(std::size_t size) const {
    for (std::size_t i = 0; i < m_caches.size(); ++i)
        if (size <= m_caches[i].object_size) return static_cast<int>(i);
    return -1;
}

// A slab and the page after it, which stays inaccessible: a write running off
// the slab's last object faults in the guest.
SlabAllocator::Slab* SlabAllocator::new_slab(int cache) {
    void* mem = mmap(nullptr, kSlabBytes + m_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    mprotect(static_cast<char*>(mem) + kSlabBytes, m_page, PROT_NONE);
    auto s = std::make_unique<Slab>();
    s->base = static_cast<char*>(mem);
    s->cache = cache;
    s->object_size = m_caches[static_cast<std::size_t>(cache)].object_size;
    s->objects = static_cast<std::uint32_t>(kSlabBytes / s->object_size);
    s->live.assign(s->objects, false);
    // Lowest address first, as a fresh SLUB slab hands its objects out.
    for (std::uint32_t i = s->objects; i-- > 0;) s->free_objects.push_back(static_cast<std::uint16_t>(i));
    Slab* raw = s.get();
    m_slabs.emplace(reinterpret_cast<std::uintptr_t>(mem), std::move(s));
    m_caches[static_cast<std::size_t>(cache)].partial.push_back(raw);
    return raw;
}

void* SlabAllocator::alloc(std::size_t size) {
    int cache = cache_for(size);
    if (cache < 0) {  // kmalloc_large(): whole pages, then an inaccessible one
        std::size_t len = (size + m_page - 1) / m_page * m_page + m_page;
        void* mem = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED) return nullptr;
        mprotect(static_cast<char*>(mem) + len - m_page, m_page, PROT_NONE);
        m_large.emplace(mem, len);
        ++m_live;
        return mem;
    }
    Cache& c = m_caches[static_cast<std::size_t>(cache)];
    Slab* s = c.partial.empty() ? new_slab(cache) : c.partial.back();
    if (!s) return nullptr;
    std::uint16_t i = s->free_objects.back();
    s->free_objects.pop_back();
    if (s->free_objects.empty()) c.partial.pop_back();
    s->live[i] = true;
    ++m_live;
    return s->base + static_cast<std::size_t>(i) * s->object_size;
}

SlabAllocator::Slot SlabAllocator::slot_of(const void* p) const {
    auto addr = reinterpret_cast<std::uintptr_t>(p);
    auto it = m_slabs.upper_bound(addr);
    if (it == m_slabs.begin()) return {};
    Slab* s = std::prev(it)->second.get();
    std::uintptr_t offset = addr - reinterpret_cast<std::uintptr_t>(s->base);
    if (offset >= kSlabBytes || offset % s->object_size || offset / s->object_size >= s->objects) return {};
    return {s, static_cast<std::uint32_t>(offset / s->object_size)};
}

SlabAllocator::FreeResult SlabAllocator::free(const void* p) {
    if (auto it = m_large.find(p); it != m_large.end()) {
        munmap(const_cast<void*>(p), it->second);
        m_large.erase(it);
        --m_live;
        return FreeResult::Freed;
    }
    auto [s, i] = slot_of(p);
    if (!s) return FreeResult::NotAllocated;
    if (!s->live[i]) return FreeResult::AlreadyFree;
    s->live[i] = false;
    if (s->free_objects.empty()) m_caches[static_cast<std::size_t>(s->cache)].partial.push_back(s);
    s->free_objects.push_back(static_cast<std::uint16_t>(i));
    --m_live;
    return FreeResult::Freed;
}

std::size_t SlabAllocator::usable_size(const void* p) const {
    if (auto it = m_large.find(p); it != m_large.end()) return it->second - m_page;
    auto [s, i] = slot_of(p);
    return s && s->live[i] ? s->object_size : 0;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void* __kmalloc(size_t size, gfp_t flags) {
    if (gfpflags_allow_blocking(flags)) __might_sleep("include/linux/sched/mm.h", 274);
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    if (size == 0) return ZERO_SIZE_PTR;
    void* p = k.slab->alloc(size);
    if (p && (flags & __GFP_ZERO)) std::memset(p, 0, size);
    return p;
}

void kfree(const void* objp) {
    if (ZERO_OR_NULL_PTR(objp)) return;
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    switch (k.slab->free(objp)) {
    case SlabAllocator::FreeResult::Freed: break;
    case SlabAllocator::FreeResult::AlreadyFree: WARN(1, "kfree: double free of %p\n", objp); break;
    case SlabAllocator::FreeResult::NotAllocated:
        WARN(1, "kfree: invalid pointer %p (not from kmalloc)\n", objp);
        break;
    }
}

size_t ksize(const void* objp) {
    if (ZERO_OR_NULL_PTR(objp)) return 0;
    return this_kernel().slab->usable_size(objp);
}

void* krealloc(const void* p, size_t new_size, gfp_t flags) {
    if (new_size == 0) {  // frees, as kfree()
        kfree(p);
        return ZERO_SIZE_PTR;
    }
    size_t old = ksize(p);
    if (p && !ZERO_OR_NULL_PTR(p) && new_size <= old) return const_cast<void*>(p);  // it fits: same object, as 6.1
    void* n = __kmalloc(new_size, flags);
    if (!n) return nullptr;  // p stays allocated
    if (!ZERO_OR_NULL_PTR(p)) std::memcpy(n, p, std::min(old, new_size));
    kfree(p);
    return n;
}

}  // extern "C"
