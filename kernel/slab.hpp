#pragma once
// mm/slub.c's kmalloc caches, in miniature: guest memory for kmalloc() comes
// from the machine's own slabs, never from the host heap. A module that
// writes past its object (the lab's old kmalloc(sizeof(p)) for a 24-byte
// struct) then corrupts the next guest object in the same slab, as on a
// kernel without KASAN, instead of the host allocator's metadata, which made
// emu abort. Bookkeeping lives outside the slabs, so no guest write can reach
// it; a slab is followed by an inaccessible page, so running off its end is
// a guest page fault (an Oops), not host memory.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace emu::kern {

class SlabAllocator {
public:
    SlabAllocator();
    ~SlabAllocator();
    SlabAllocator(const SlabAllocator&) = delete;
    SlabAllocator& operator=(const SlabAllocator&) = delete;

    // An object of at least `size` bytes (the kmalloc-N cache's N, or whole
    // pages past 8 KiB, as kmalloc_large()); null when the host is out of memory.
    void* alloc(std::size_t size);
    enum class FreeResult { Freed, AlreadyFree, NotAllocated };
    FreeResult free(const void* p);
    // ksize(): the usable size of a live object, 0 for anything else.
    std::size_t usable_size(const void* p) const;
    std::size_t live_objects() const { return m_live; }

    static constexpr std::size_t kSlabBytes = 32 * 1024;  // an order-3 slab: eight pages
    static constexpr std::size_t kMaxCached = 8192;       // KMALLOC_MAX_CACHE_SIZE with 4 KiB pages

private:
    struct Slab {
        char* base = nullptr;
        std::uint32_t object_size = 0;
        std::uint32_t objects = 0;
        int cache = 0;
        std::vector<std::uint16_t> free_objects;  // a stack of free object indices
        std::vector<bool> live;
    };
    struct Cache {
        std::uint32_t object_size = 0;
        std::vector<Slab*> partial;  // slabs with a free object
    };
    // An object slot: its slab and index, or a null slab for a pointer that
    // is not the start of one.
    struct Slot {
        Slab* slab = nullptr;
        std::uint32_t index = 0;
    };
    int cache_for(std::size_t size) const;
    Slab* new_slab(int cache);
    Slot slot_of(const void* p) const;

    std::vector<Cache> m_caches;
    std::map<std::uintptr_t, std::unique_ptr<Slab>> m_slabs;  // by base address: the slab below a pointer
    std::unordered_map<const void*, std::size_t> m_large;              // kmalloc_large(): mapping length
    std::size_t m_page = 4096;
    std::size_t m_live = 0;
};

}  // namespace emu::kern
