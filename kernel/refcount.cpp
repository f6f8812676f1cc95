// lib/refcount.c: the saturation report behind linux/refcount.h's inline
// operations, and the decrements that take a lock for the last reference.
#include "kernel/bug.hpp"
#include "kernel/kernel.hpp"

#include "kernel/include/linux/mutex.h"
#include "kernel/include/linux/refcount.h"

namespace emu::kern {
namespace {

struct SaturationReport {
    int line;  // of the WARN_ONCE in 6.1's lib/refcount.c
    const char* what;
};
constexpr SaturationReport kReports[] = {
    {19, "saturated; leaking memory"},       // REFCOUNT_ADD_NOT_ZERO_OVF
    {22, "saturated; leaking memory"},       // REFCOUNT_ADD_OVF
    {25, "addition on 0; use-after-free"},   // REFCOUNT_ADD_UAF
    {28, "underflow; use-after-free"},       // REFCOUNT_SUB_UAF
    {31, "decrement hit 0; leaking memory"}, // REFCOUNT_DEC_LEAK
};
constexpr SaturationReport kUnknown = {34, "unknown saturation event!?"};

// WARN_ONCE at `line` of 6.1's lib/refcount.c, the site numbered `site` (one
// bit of Kernel::refcount_warned each). Our return address lies in the
// caller, so the splat's RIP is there and its call trace starts at the
// caller's caller, as for the WARN_ONCE inlined into it on Linux.
__attribute__((noinline)) void refcount_warn_once(Kernel& k, unsigned site, int line, const char* what) {
    if (k.refcount_warned & 1u << site) return;
    k.refcount_warned |= 1u << site;
    warn_report(k, "lib/refcount.c", line, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)),
                std::string("refcount_t: ") + what + ".\n");
}

constexpr unsigned kSiteUnknown = std::size(kReports);
constexpr unsigned kSiteDecNotOne = kSiteUnknown + 1;

}  // namespace
}  // namespace emu::kern

using namespace emu::kern;

extern "C" {

__attribute__((noinline)) void refcount_warn_saturate(refcount_t* r, enum refcount_saturation_type t) {
    refcount_set(r, REFCOUNT_SATURATED);
    auto site = static_cast<unsigned>(t);
    if (site >= kSiteUnknown) site = kSiteUnknown;
    const SaturationReport& what = site < kSiteUnknown ? kReports[site] : kUnknown;
    refcount_warn_once(this_kernel(), site, what.line, what.what);
    __asm__ volatile("" ::: "memory");  // not a tail call: the return address must stay in here
}

// The 1 -> 0 transition only.
bool refcount_dec_if_one(refcount_t* r) {
    int one = 1;
    return atomic_try_cmpxchg(&r->refs, &one, 0);
}

// Decrements unless the count is 1 (false then: the caller holds the last
// reference); a saturated count stays put.
bool refcount_dec_not_one(refcount_t* r) {
    unsigned int val = static_cast<unsigned int>(atomic_read(&r->refs));
    for (;;) {
        if (__builtin_expect(static_cast<int>(val) == REFCOUNT_SATURATED, 0)) return true;
        if (val == 1) return false;
        unsigned int next = val - 1;
        if (next > val) {  // was 0
            refcount_warn_once(this_kernel(), kSiteDecNotOne, 87, "underflow; use-after-free");
            return true;
        }
        int expected = static_cast<int>(val);
        if (atomic_try_cmpxchg(&r->refs, &expected, static_cast<int>(next))) return true;
        val = static_cast<unsigned int>(expected);
    }
}

bool refcount_dec_and_mutex_lock(refcount_t* r, struct mutex* lock) {
    if (refcount_dec_not_one(r)) return false;
    mutex_lock(lock);
    if (!refcount_dec_and_test(r)) {
        mutex_unlock(lock);
        return false;
    }
    return true;
}

bool refcount_dec_and_lock(refcount_t* r, spinlock_t* lock) {
    if (refcount_dec_not_one(r)) return false;
    spin_lock(lock);
    if (!refcount_dec_and_test(r)) {
        spin_unlock(lock);
        return false;
    }
    return true;
}

bool refcount_dec_and_lock_irqsave(refcount_t* r, spinlock_t* lock, unsigned long* flags) {
    if (refcount_dec_not_one(r)) return false;
    *flags = _raw_spin_lock_irqsave(lock);
    if (!refcount_dec_and_test(r)) {
        spin_unlock_irqrestore(lock, *flags);
        return false;
    }
    return true;
}

}  // extern "C"
