#pragma once
// mm/slub.c's caches, in miniature: guest memory for kmalloc() comes from the
// machine's own kmalloc-N caches, and kmem_cache_create() adds caches of its
// own, never the host heap. A module that writes past its object (the lab's
// old kmalloc(sizeof(p)) for a 24-byte struct) then corrupts the next guest
// object in the same slab, as on a kernel without KASAN, instead of the host
// allocator's metadata, which made emu abort. Bookkeeping lives outside the
// slabs, so no guest write can reach it; a slab is followed by an
// inaccessible page, so running off its end is a guest page fault (an Oops),
// not host memory.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct kmem_cache;

namespace emu::kern {

struct SlabPage {
    char* base = nullptr;
    struct ::kmem_cache* cache = nullptr;
    std::uint32_t bytes = 0;        // PAGE_SIZE << order
    std::uint32_t object_size = 0;  // the cache's slot (s->size)
    std::uint32_t objects = 0;
    std::uint32_t inuse = 0;
    std::uint32_t seq = 0;          // the cache's n-th slab: names it in reports
    std::vector<std::uint16_t> free_objects;  // a stack of free object indices
    std::vector<bool> live;
};

}  // namespace emu::kern

// The guest's opaque struct kmem_cache (include/linux/slab.h): one per cache,
// the kmalloc-N caches included, at a stable address.
struct kmem_cache {
    std::string name;
    unsigned int object_size = 0;  // s->object_size: what the creator asked for
    unsigned int size = 0;         // s->size: the slot, aligned, with the free pointer when there is a ctor
    unsigned int align = 0;
    unsigned int slab_bytes = 0;
    unsigned int flags = 0;        // slab_flags_t as kept (CACHE_CREATE_MASK)
    unsigned int usersize = 0;
    void (*ctor)(void*) = nullptr;
    int refcount = 1;              // kmem_cache_create() calls merged into it, plus one
    int id = 0;                    // creation order
    bool kmalloc = false;
    bool destroyed = false;        // kmem_cache_destroy() released it
    std::uint32_t next_seq = 0;
    std::vector<emu::kern::SlabPage*> partial;  // slabs with a free object
    std::vector<emu::kern::SlabPage*> slabs;    // every slab, oldest first
};

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
    // An object of `s` (new slabs run the ctor on each of their objects).
    void* cache_alloc(kmem_cache* s);
    enum class FreeResult { Freed, AlreadyFree, NotAllocated };
    FreeResult free(const void* p);
    // The cache a live or free slab object belongs to (virt_to_cache()), or null.
    kmem_cache* cache_of(const void* p) const;
    // ksize(): the usable size of a live object, 0 for anything else.
    std::size_t usable_size(const void* p) const;
    std::size_t live_objects() const { return m_live; }
    bool warned_not_slab = false;  // kmem_cache_free()'s WARN_ONCE

    // kmem_cache_create()'s allocator side. find_mergeable(): an existing
    // cache the new one can be an alias of (6.1's rules), or null.
    kmem_cache* find_mergeable(unsigned int size, unsigned int align, unsigned int flags, void (*ctor)(void*)) const;
    // create_cache(): a new cache laid out as SLUB does for `nr_cpus` CPUs.
    kmem_cache* create_cache(const char* name, unsigned int size, unsigned int align, unsigned int flags,
                             unsigned int usersize, void (*ctor)(void*), unsigned int nr_cpus);
    // A live cache made by kmem_cache_create() with this name (sysfs's duplicate check).
    kmem_cache* find_named(const std::string& name) const;
    // Frees empty slabs (kmem_cache_shrink()).
    void shrink(kmem_cache* s);
    // __kmem_cache_shutdown(): frees the empty slabs; the slabs still in use
    // stay, and are returned. Releases the cache when none is left.
    std::vector<SlabPage*> shutdown(kmem_cache* s);
    // Where p lies in a slab: its cache's id, the slab's number in it, the offset; false outside slabs.
    bool place_of(const void* p, int* cache_id, std::uint32_t* seq, std::uintptr_t* offset) const;
    // A pointer as 6.1's %p prints it: hashed, never the host address.
    static unsigned long hashed(const void* p);

    static constexpr std::size_t kSlabBytes = 32 * 1024;  // kmalloc-N: an order-3 slab, eight pages
    static constexpr std::size_t kMaxCached = 8192;       // KMALLOC_MAX_CACHE_SIZE with 4 KiB pages

private:
    // An object slot: its slab and index, or a null slab for a pointer that
    // is not the start of one.
    struct Slot {
        SlabPage* slab = nullptr;
        std::uint32_t index = 0;
    };
    int cache_for(std::size_t size) const;
    SlabPage* new_slab(kmem_cache* s);
    void free_slab(SlabPage* slab);
    SlabPage* slab_below(const void* p) const;
    Slot slot_of(const void* p) const;

    std::vector<kmem_cache*> m_kmalloc;                     // kmalloc-N, by size
    std::vector<std::unique_ptr<kmem_cache>> m_caches;      // every cache, in creation order; never freed
    std::map<std::uintptr_t, std::unique_ptr<SlabPage>> m_slabs;  // by base address: the slab below a pointer
    std::unordered_map<const void*, std::size_t> m_large;   // kmalloc_large(): mapping length
    std::size_t m_page = 4096;
    std::size_t m_live = 0;
};

}  // namespace emu::kern
