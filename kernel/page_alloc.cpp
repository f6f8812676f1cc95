// Mirrors mm/page_alloc.c's address-returning calls (__get_free_pages,
// get_zeroed_page, free_pages): 2^order contiguous, page-aligned pages of
// guest memory, from the slab allocator's page path (kmalloc_large()'s
// mappings, followed by an inaccessible page), never the host heap.
#include "kernel/bug.hpp"
#include "kernel/sched.hpp"
#include "kernel/slab.hpp"

#include "kernel/include/linux/gfp.h"

#include <cstring>

using namespace emu;
using namespace emu::kern;

namespace {
constexpr unsigned int kMaxOrder = 11;  // MAX_ORDER: 2^10 pages at most
constexpr unsigned long kPage = 4096;
}  // namespace

extern "C" {

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order) {
    if (gfpflags_allow_blocking(gfp_mask)) __might_sleep("include/linux/sched/mm.h", 274);
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    // 6.1 __alloc_pages(): an order past MAX_ORDER warns unless __GFP_NOWARN, and fails.
    if (order >= kMaxOrder) {
        WARN_ON(!(gfp_mask & __GFP_NOWARN));  // WARN_ON_ONCE_GFP; emu warns each time
        return 0;
    }
    std::size_t bytes = kPage << order;
    void* p = k.slab->alloc(bytes);  // page sizes come page-aligned (a kmalloc-4096/8192 slot or whole pages)
    if (p && (gfp_mask & __GFP_ZERO)) std::memset(p, 0, bytes);
    return reinterpret_cast<unsigned long>(p);
}

unsigned long get_zeroed_page(gfp_t gfp_mask) { return __get_free_pages(gfp_mask | __GFP_ZERO, 0); }

void free_pages(unsigned long addr, unsigned int) {
    if (!addr) return;
    Kernel& k = this_kernel();
    charge(k.cfg.costs.kmalloc);
    if (k.slab->free(reinterpret_cast<void*>(addr)) != SlabAllocator::FreeResult::Freed)
        WARN(1, "free_pages: %lx was not allocated by __get_free_pages()\n", addr);
}

}  // extern "C"
