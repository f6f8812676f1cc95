// Mirrors mm/slab_common.c's interface: kmalloc/kfree from the host heap, with
// a header that catches double and invalid frees, and might_alloc(): a
// blocking GFP mask in atomic context is reported (since Linux 5.14 at
// include/linux/sched/mm.h).
#include "kernel/bug.hpp"
#include "kernel/sched.hpp"

#include "kernel/include/linux/slab.h"

#include <cstdlib>
#include <cstring>

namespace {
constexpr std::uint64_t kLiveMagic = 0x6b6d616c6c6f6321ull;  // "kmalloc!"
constexpr std::uint64_t kFreedMagic = 0x6b6672656564216bull;
struct alignas(16) SlabHeader {
    std::uint64_t magic;
    std::uint64_t size;
};
}  // namespace

using namespace emu;
using namespace emu::kern;

extern "C" {

void* __kmalloc(size_t size, gfp_t flags) {
    if (gfpflags_allow_blocking(flags)) __might_sleep("include/linux/sched/mm.h", 274);
    charge(this_kernel().cfg.costs.kmalloc);
    auto* h = static_cast<SlabHeader*>(std::malloc(sizeof(SlabHeader) + (size ? size : 1)));
    if (!h) return nullptr;
    h->magic = kLiveMagic;
    h->size = size;
    void* p = h + 1;
    if (flags & __GFP_ZERO) std::memset(p, 0, size);
    return p;
}

void kfree(const void* objp) {
    if (!objp || objp == reinterpret_cast<void*>(16)) return;  // NULL and ZERO_SIZE_PTR
    charge(this_kernel().cfg.costs.kmalloc);
    auto* h = const_cast<SlabHeader*>(static_cast<const SlabHeader*>(objp) - 1);
    if (h->magic == kFreedMagic) {
        WARN(1, "kfree: double free of %p\n", objp);
        return;
    }
    if (h->magic != kLiveMagic) {
        WARN(1, "kfree: invalid pointer %p (not from kmalloc)\n", objp);
        return;
    }
    h->magic = kFreedMagic;
    std::free(h);
}

size_t ksize(const void* objp) {
    if (!objp) return 0;
    return static_cast<const SlabHeader*>(objp)[-1].size;
}

void* krealloc(const void* p, size_t new_size, gfp_t flags) {
    void* n = __kmalloc(new_size, flags);
    if (n && p) std::memcpy(n, p, std::min(ksize(p), new_size));
    kfree(p);
    return n;
}

}  // extern "C"
