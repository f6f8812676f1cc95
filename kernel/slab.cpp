// Mirrors mm/slab_common.c's interface (kmalloc, kfree, ksize, krealloc, the
// kmem_cache_*() calls) over SlabAllocator, with SLUB's layout rules
// (mm/slub.c: calculate_sizes(), calculate_order(), find_mergeable()) and
// might_alloc(): a blocking GFP mask in atomic context is reported (since
// Linux 5.14 at include/linux/sched/mm.h). kfree() of an object that is
// already free, or of a pointer kmalloc() never returned, is reported, where
// 6.1 without debugging would corrupt its freelist.
#include "kernel/slab.hpp"

#include "kernel/bug.hpp"
#include "kernel/cpu.hpp"
#include "kernel/lockdep.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"

#include "kernel/include/linux/slab.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

namespace emu::kern {

namespace {
// The kmalloc-N caches of a 64-bit kernel with 4 KiB pages, in the order
// create_kmalloc_caches() makes them (96 after 64, 192 after 128).
constexpr unsigned int kCacheSizes[] = {8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192};
constexpr unsigned int kCreateOrder[] = {8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192};
constexpr unsigned int kPage = 4096;
constexpr unsigned int kMaxOrder = 3;         // slub_max_order: PAGE_ALLOC_COSTLY_ORDER
constexpr unsigned int kMaxObjsPerPage = 32767;
constexpr unsigned int kPageMaxOrder = 11;    // MAX_ORDER

// mm/slab.h: flags that keep a cache from being merged, and those that must match.
constexpr unsigned int kNeverMerge = SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE |
                                     SLAB_TYPESAFE_BY_RCU | SLAB_NOLEAKTRACE | SLAB_FAILSLAB;
constexpr unsigned int kMergeSame = SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | SLAB_ACCOUNT;

unsigned int align_up(unsigned int x, unsigned int a) { return (x + a - 1) / a * a; }

unsigned int get_order(unsigned long size) {
    unsigned int order = 0;
    while ((static_cast<unsigned long>(kPage) << order) < size) ++order;
    return order;
}

// calc_slab_order(): the smallest order holding min_objects whose leftover
// is at most 1/fract of the slab.
unsigned int calc_slab_order(unsigned int size, unsigned int min_objects, unsigned int max_order,
                             unsigned int fract_leftover) {
    if (kPage / size > kMaxObjsPerPage) return get_order(static_cast<unsigned long>(size) * kMaxObjsPerPage) - 1;
    unsigned int order;
    for (order = get_order(static_cast<unsigned long>(min_objects) * size); order <= max_order; ++order) {
        unsigned int slab_size = kPage << order;
        if (slab_size % size <= slab_size / fract_leftover) break;
    }
    return order;
}

// calculate_order(): slub_min_objects defaults to 4 * (fls(nr_cpus) + 1).
unsigned int calculate_order(unsigned int size, unsigned int nr_cpus) {
    unsigned int min_objects = 4 * (static_cast<unsigned int>(fls(nr_cpus)) + 1);
    unsigned int max_objects = (kPage << kMaxOrder) / size;
    min_objects = std::min(min_objects, max_objects);
    while (min_objects > 1) {
        for (unsigned int fraction = 16; fraction >= 4; fraction /= 2) {
            unsigned int order = calc_slab_order(size, min_objects, kMaxOrder, fraction);
            if (order <= kMaxOrder) return order;
        }
        --min_objects;
    }
    unsigned int order = calc_slab_order(size, 1, kMaxOrder, 1);
    if (order <= kMaxOrder) return order;
    return std::min(calc_slab_order(size, 1, kPageMaxOrder, 1), kPageMaxOrder - 1);
}

// mm/slab_common.c calculate_alignment().
unsigned int calculate_alignment(unsigned int flags, unsigned int align, unsigned int size) {
    if (flags & SLAB_HWCACHE_ALIGN) {
        unsigned int ralign = 64;  // cache_line_size()
        while (size <= ralign / 2) ralign /= 2;
        align = std::max(align, ralign);
    }
    align = std::max(align, 8u);  // arch_slab_minalign()
    return align_up(align, sizeof(void*));
}
}  // namespace

SlabAllocator::SlabAllocator() {
    long page = sysconf(_SC_PAGESIZE);
    if (page > 0) m_page = static_cast<std::size_t>(page);
    m_kmalloc.resize(std::size(kCacheSizes));
    for (unsigned int size : kCreateOrder) {
        auto s = std::make_unique<kmem_cache>();
        s->name = "kmalloc-" + (size >= 1024 ? std::to_string(size / 1024) + "k" : std::to_string(size));
        s->object_size = s->size = size;
        s->align = size;
        s->slab_bytes = kSlabBytes;
        s->kmalloc = true;
        s->id = static_cast<int>(m_caches.size());
        auto at = std::find(std::begin(kCacheSizes), std::end(kCacheSizes), size) - std::begin(kCacheSizes);
        m_kmalloc[static_cast<std::size_t>(at)] = s.get();
        m_caches.push_back(std::move(s));
    }
}

SlabAllocator::~SlabAllocator() {
    for (auto& [base, slab] : m_slabs) munmap(slab->base, slab->bytes + m_page);
    for (auto& [p, len] : m_large) munmap(const_cast<void*>(p), len);
}

int SlabAllocator::cache_for(std::size_t size) const {
    for (std::size_t i = 0; i < m_kmalloc.size(); ++i)
        if (size <= m_kmalloc[i]->size) return static_cast<int>(i);
    return -1;
}

// A slab and the page after it, which stays inaccessible: a write running off
// the slab's last object faults in the guest. allocate_slab() runs the ctor
// on every object of a new slab (never again on allocation).
SlabPage* SlabAllocator::new_slab(kmem_cache* c) {
    std::size_t bytes = c->slab_bytes;
    void* mem = mmap(nullptr, bytes + m_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    mprotect(static_cast<char*>(mem) + bytes, m_page, PROT_NONE);
    auto s = std::make_unique<SlabPage>();
    s->base = static_cast<char*>(mem);
    s->cache = c;
    s->bytes = static_cast<std::uint32_t>(bytes);
    s->object_size = c->size;
    s->objects = static_cast<std::uint32_t>(bytes / c->size);
    s->seq = c->next_seq++;
    s->live.assign(s->objects, false);
    // Lowest address first, as a fresh SLUB slab hands its objects out.
    for (std::uint32_t i = s->objects; i-- > 0;) s->free_objects.push_back(static_cast<std::uint16_t>(i));
    SlabPage* raw = s.get();
    m_slabs.emplace(reinterpret_cast<std::uintptr_t>(mem), std::move(s));
    c->partial.push_back(raw);
    c->slabs.push_back(raw);
    if (c->ctor)
        for (std::uint32_t i = 0; i < raw->objects; ++i) c->ctor(raw->base + static_cast<std::size_t>(i) * c->size);
    return raw;
}

void SlabAllocator::free_slab(SlabPage* slab) {
    kmem_cache* c = slab->cache;
    std::erase(c->partial, slab);
    std::erase(c->slabs, slab);
    munmap(slab->base, slab->bytes + m_page);
    m_slabs.erase(reinterpret_cast<std::uintptr_t>(slab->base));
}

void* SlabAllocator::cache_alloc(kmem_cache* c) {
    SlabPage* s = c->partial.empty() ? new_slab(c) : c->partial.back();
    if (!s) return nullptr;
    std::uint16_t i = s->free_objects.back();
    s->free_objects.pop_back();
    if (s->free_objects.empty()) std::erase(c->partial, s);
    s->live[i] = true;
    ++s->inuse;
    ++m_live;
    return s->base + static_cast<std::size_t>(i) * s->object_size;
}

void* SlabAllocator::alloc(std::size_t size) {
    int cache = cache_for(size);
    if (cache < 0) {  // kmalloc_large(): whole pages, then an inaccessible one
        // More than the guest's memory fails, as it would on a 1 GiB machine
        // (vmalloc() is kmalloc() here, so 6.1's 4 MiB kmalloc limit cannot
        // apply); this keeps kmalloc(count - 1) with count 0 from wrapping
        // around to a one-page "success", and the host from being exhausted.
        constexpr std::size_t kGuestMemory = std::size_t{1} << 30;
        if (size > kGuestMemory) return nullptr;
        std::size_t len = (size + m_page - 1) / m_page * m_page + m_page;
        void* mem = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED) return nullptr;
        mprotect(static_cast<char*>(mem) + len - m_page, m_page, PROT_NONE);
        m_large.emplace(mem, len);
        ++m_live;
        return mem;
    }
    return cache_alloc(m_kmalloc[static_cast<std::size_t>(cache)]);
}

SlabPage* SlabAllocator::slab_below(const void* p) const {
    auto addr = reinterpret_cast<std::uintptr_t>(p);
    auto it = m_slabs.upper_bound(addr);
    if (it == m_slabs.begin()) return nullptr;
    SlabPage* s = std::prev(it)->second.get();
    return addr - reinterpret_cast<std::uintptr_t>(s->base) < s->bytes ? s : nullptr;
}

SlabAllocator::Slot SlabAllocator::slot_of(const void* p) const {
    SlabPage* s = slab_below(p);
    if (!s) return {};
    std::uintptr_t offset = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(s->base);
    if (offset % s->object_size || offset / s->object_size >= s->objects) return {};
    return {s, static_cast<std::uint32_t>(offset / s->object_size)};
}

bool SlabAllocator::place_of(const void* p, int* cache_id, std::uint32_t* seq, std::uintptr_t* offset) const {
    SlabPage* s = slab_below(p);
    if (!s) return false;
    *cache_id = s->cache->id;
    *seq = s->seq;
    *offset = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(s->base);
    return true;
}

kmem_cache* SlabAllocator::cache_of(const void* p) const {
    SlabPage* s = slab_below(p);
    return s ? s->cache : nullptr;
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
    --s->inuse;
    if (s->free_objects.empty()) s->cache->partial.push_back(s);
    s->free_objects.push_back(static_cast<std::uint16_t>(i));
    --m_live;
    return FreeResult::Freed;
}

std::size_t SlabAllocator::usable_size(const void* p) const {
    if (auto it = m_large.find(p); it != m_large.end()) return it->second - m_page;
    auto [s, i] = slot_of(p);
    return s && s->live[i] ? s->object_size : 0;
}

// find_mergeable(): the newest cache whose slot fits the new one within a
// pointer's size, with compatible alignment and the same accounting flags.
kmem_cache* SlabAllocator::find_mergeable(unsigned int size, unsigned int align, unsigned int flags,
                                          void (*ctor)(void*)) const {
    if (ctor) return nullptr;
    size = align_up(size, sizeof(void*));
    align = calculate_alignment(flags, align, size);
    size = align_up(size, align);
    if (flags & kNeverMerge) return nullptr;
    for (auto it = m_caches.rbegin(); it != m_caches.rend(); ++it) {
        kmem_cache* s = it->get();
        if (s->destroyed || (s->flags & kNeverMerge) || s->ctor || s->usersize) continue;  // slab_unmergeable()
        if (size > s->size) continue;
        if ((flags & kMergeSame) != (s->flags & kMergeSame)) continue;
        if ((s->size & ~(align - 1)) != s->size) continue;
        if (s->size - size >= sizeof(void*)) continue;
        return s;
    }
    return nullptr;
}

// create_cache() with SLUB's calculate_sizes(): the free pointer moves out of
// the object when there is a ctor (or the memory must stay valid), and the
// slab order follows calculate_order().
kmem_cache* SlabAllocator::create_cache(const char* name, unsigned int size, unsigned int align, unsigned int flags,
                                        unsigned int usersize, void (*ctor)(void*), unsigned int nr_cpus) {
    auto s = std::make_unique<kmem_cache>();
    s->name = name;
    s->object_size = size;
    s->align = calculate_alignment(flags, align, size);
    s->flags = flags;
    s->usersize = usersize;
    s->ctor = ctor;
    unsigned int slot = align_up(size, sizeof(void*));
    if ((flags & (SLAB_TYPESAFE_BY_RCU | SLAB_POISON)) || ((flags & SLAB_RED_ZONE) && size < sizeof(void*)) || ctor)
        slot += sizeof(void*);
    s->size = align_up(slot, s->align);
    s->slab_bytes = kPage << calculate_order(s->size, nr_cpus);
    s->id = static_cast<int>(m_caches.size());
    kmem_cache* raw = s.get();
    m_caches.push_back(std::move(s));
    return raw;
}

kmem_cache* SlabAllocator::find_named(const std::string& name) const {
    for (auto& s : m_caches)
        if (!s->kmalloc && !s->destroyed && s->name == name) return s.get();
    return nullptr;
}

void SlabAllocator::shrink(kmem_cache* s) {
    std::vector<SlabPage*> empty;
    for (SlabPage* slab : s->slabs)
        if (!slab->inuse) empty.push_back(slab);
    for (SlabPage* slab : empty) free_slab(slab);
}

std::vector<SlabPage*> SlabAllocator::shutdown(kmem_cache* s) {
    shrink(s);
    if (s->slabs.empty()) s->destroyed = true;  // kept, unlisted: a stale pointer finds a dead cache
    return s->slabs;
}

// A stand-in for %p's hash: stable for a run and never the host address.
unsigned long SlabAllocator::hashed(const void* p) {
    auto x = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<unsigned long>(x & 0xffffffffu);
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

namespace {

// The %p of a slab-owned address, from where it sits in its cache: the same
// value on every run and host.
unsigned long slab_hash(const kmem_cache* s, std::uint32_t seq, std::uintptr_t offset) {
    std::uint64_t key = (static_cast<std::uint64_t>(s->id) << 48) ^ (static_cast<std::uint64_t>(seq) << 24) ^ offset;
    return SlabAllocator::hashed(reinterpret_cast<const void*>(key * 0x9e3779b97f4a7c15ull + 0x5bd1e995));
}

// mm/slub.c slab_err() for __kmem_cache_shutdown()'s list_slab_objects():
// the report of a slab that still has objects, then the objects.
__attribute__((noinline)) void slab_err(Kernel& k, kmem_cache* s, SlabPage* slab) {
    printk_emit(k, LOGLEVEL_ERR, "=============================================================================\n");
    printk_emit(k, LOGLEVEL_ERR, "BUG %s (%s): Objects remaining in %s on __kmem_cache_shutdown()\n", s->name.c_str(),
                taint_string(k).c_str(), s->name.c_str());
    printk_emit(k, LOGLEVEL_ERR, "-----------------------------------------------------------------------------\n\n");
    // print_slab_info(): an order-0 slab is one page, a larger one a compound (head) page.
    const char* flags = slab->bytes > kPage ? "0x17ffffc0010200(slab|head|node=0|zone=2|lastcpupid=0x1fffff)"
                                            : "0x17ffffc0000200(slab|node=0|zone=2|lastcpupid=0x1fffff)";
    printk_emit(k, LOGLEVEL_ERR, "Slab 0x%016lx objects=%u used=%u fp=0x%016lx flags=%s\n",
                slab_hash(s, slab->seq, 0x1000000), slab->objects, slab->inuse,
                slab_hash(s, slab->seq, slab->free_objects.empty() ? 0 : slab->free_objects.back() * slab->object_size),
                flags);
    dump_stack_current();
    // add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE)
    if (k.lockdep && k.lockdep->enabled()) {
        k.lockdep->debug_locks_off();
        printk_emit(k, LOGLEVEL_WARNING, "Disabling lock debugging due to kernel taint\n");
    }
    add_taint(k, TAINT_BAD_PAGE);
    for (std::uint32_t i = 0; i < slab->objects; ++i)
        if (slab->live[i])
            printk_emit(k, LOGLEVEL_ERR, "Object 0x%016lx @offset=%lu\n", slab_hash(s, slab->seq, i * slab->object_size),
                        static_cast<unsigned long>(i) * slab->object_size);
}

// __kmem_cache_shutdown(): true when objects remain. Slabs with free objects
// (on the partial list after the CPU slabs are flushed) are listed; a full
// one is not on any list, so only the WARN tells of it.
__attribute__((noinline)) bool __kmem_cache_shutdown(Kernel& k, kmem_cache* s) {
    std::vector<SlabPage*> left = k.slab->shutdown(s);
    for (SlabPage* slab : left)
        if (slab->inuse < slab->objects) slab_err(k, s, slab);
    return !left.empty();
}

// sysfs_slab_add() for a cache whose name is taken: sysfs_warn_dup(), then
// kobject_add_internal()'s complaint.
void sysfs_duplicate(Kernel& k, const char* name) {
    printk_emit(k, LOGLEVEL_WARNING, "sysfs: cannot create duplicate filename '/kernel/slab/%s'\n", name);
    dump_stack_current();
    printk_emit(k, LOGLEVEL_ERR,
                "kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same name "
                "in the same directory.\n",
                name);
}

// mm/slab.h: what kmem_cache_create() accepts, and what SLUB keeps of it.
constexpr unsigned int kFlagsPermitted = SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | SLAB_PANIC |
                                         SLAB_TYPESAFE_BY_RCU | SLAB_DEBUG_OBJECTS | SLAB_RED_ZONE | SLAB_POISON |
                                         SLAB_STORE_USER | SLAB_TRACE | SLAB_CONSISTENCY_CHECKS | SLAB_MEM_SPREAD |
                                         SLAB_NOLEAKTRACE | SLAB_RECLAIM_ACCOUNT | SLAB_TEMPORARY | SLAB_ACCOUNT |
                                         SLAB_KMALLOC | SLAB_NO_USER_FLAGS;
constexpr unsigned int kCacheCreateMask = kFlagsPermitted & ~(SLAB_MEM_SPREAD | SLAB_KMALLOC);

}  // namespace

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

struct kmem_cache* kmem_cache_create_usercopy(const char* name, unsigned int size, unsigned int align,
                                              slab_flags_t flags, unsigned int useroffset, unsigned int usersize,
                                              void (*ctor)(void*)) {
    Kernel& k = this_kernel();
    __might_sleep("kernel/locking/mutex.c", 580);  // mutex_lock(&slab_mutex)
    charge(k.cfg.costs.kmalloc);
    int err = 0;
    kmem_cache* s = nullptr;
    if (flags & ~kFlagsPermitted) {
        err = -EINVAL;
    } else {
        flags &= kCacheCreateMask;
        // Fail closed on a bad usercopy region (CONFIG_HARDENED_USERCOPY).
        if (WARN_ON(!usersize && useroffset) || WARN_ON(size < usersize || size - usersize < useroffset))
            usersize = useroffset = 0;
        if (!usersize) s = k.slab->find_mergeable(size, align, flags, ctor);
        if (s) {  // __kmem_cache_alias()
            ++s->refcount;
            s->object_size = std::max(s->object_size, size);
        } else if (k.slab->find_named(name)) {
            sysfs_duplicate(k, name);
            err = -EEXIST;
        } else {
            s = k.slab->create_cache(name, size, calculate_alignment(flags, align, size), flags, usersize, ctor,
                                     static_cast<unsigned int>(k.nr_cpus()));
        }
    }
    if (err) {
        if (flags & SLAB_PANIC) panic("%s: Failed to create slab '%s'. Error %d\n", "kmem_cache_create_usercopy", name, err);
        printk_emit(k, LOGLEVEL_WARNING, "%s(%s) failed with error %d\n", "kmem_cache_create_usercopy", name, err);
        dump_stack_current();
        return nullptr;
    }
    return s;
}

struct kmem_cache* kmem_cache_create(const char* name, unsigned int size, unsigned int align, slab_flags_t flags,
                                     void (*ctor)(void*)) {
    return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}

void kmem_cache_destroy(struct kmem_cache* s) {
    if (!s) return;
    Kernel& k = this_kernel();
    auto caller = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    cpus_read_lock();
    __might_sleep("kernel/locking/mutex.c", 580);  // mutex_lock(&slab_mutex)
    if (--s->refcount == 0 && __kmem_cache_shutdown(k, s)) {
        warn_report(k, "mm/slab_common.c", 493, _THIS_IP_,
                    fmt::format("kmem_cache_destroy {}: Slab cache still has objects when called from {}", s->name,
                                format_symbol(k, caller)));
    }
    cpus_read_unlock();
}

int kmem_cache_shrink(struct kmem_cache* s) {
    this_kernel().slab->shrink(s);
    return 0;
}

unsigned int kmem_cache_size(struct kmem_cache* s) { return s->object_size; }

void* kmem_cache_alloc(struct kmem_cache* s, gfp_t flags) {
    if (gfpflags_allow_blocking(flags)) __might_sleep("include/linux/sched/mm.h", 274);
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    if (s->destroyed) {
        WARN(1, "kmem_cache_alloc: cache %s was destroyed\n", s->name.c_str());
        return nullptr;
    }
    void* p = k.slab->cache_alloc(s);
    if (p && (flags & __GFP_ZERO)) std::memset(p, 0, s->object_size);
    return p;
}

void* kmem_cache_alloc_lru(struct kmem_cache* s, struct list_lru*, gfp_t flags) { return kmem_cache_alloc(s, flags); }
void* kmem_cache_alloc_node(struct kmem_cache* s, gfp_t flags, int) { return kmem_cache_alloc(s, flags); }

// cache_from_obj() (CONFIG_SLAB_FREELIST_HARDENED, as Debian's 6.1): the
// object goes back to the cache it came from, with a WARN if that is not `s`.
void kmem_cache_free(struct kmem_cache* s, void* x) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    kmem_cache* from = k.slab->cache_of(x);
    if (!from) {
        if (!k.slab->warned_not_slab) {  // WARN_ONCE, once per boot
            k.slab->warned_not_slab = true;
            WARN(1, "%s: Object is not a Slab page!\n", "virt_to_cache");
        }
        return;
    }
    if (from != s) WARN(1, "%s: Wrong slab cache. %s but object is from %s\n", "cache_from_obj", s->name.c_str(),
                        from->name.c_str());
    switch (k.slab->free(x)) {
    case SlabAllocator::FreeResult::Freed: break;
    case SlabAllocator::FreeResult::AlreadyFree: WARN(1, "kmem_cache_free: double free of %p\n", x); break;
    case SlabAllocator::FreeResult::NotAllocated:
        WARN(1, "kmem_cache_free: invalid pointer %p (not an object of %s)\n", x, from->name.c_str());
        break;
    }
}

void kmem_cache_free_bulk(struct kmem_cache* s, size_t size, void** p) {
    for (size_t i = 0; i < size; ++i) {
        if (s) kmem_cache_free(s, p[i]);
        else kfree(p[i]);  // kfree_bulk()
    }
}

int kmem_cache_alloc_bulk(struct kmem_cache* s, gfp_t flags, size_t size, void** p) {
    for (size_t i = 0; i < size; ++i) {
        p[i] = kmem_cache_alloc(s, flags);
        if (!p[i]) {  // all or nothing
            kmem_cache_free_bulk(s, i, p);
            return 0;
        }
    }
    return static_cast<int>(size);
}

}  // extern "C"
