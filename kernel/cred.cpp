// Mirrors kernel/cred.c's init_cred: every task on emu's machine runs with
// root's credentials (uid/gid 0, every capability of 6.1's CAP_LAST_CAP 40),
// which never change, so one constant serves all.
#include "kernel/include/linux/cred.h"

namespace {
// CAP_FULL_SET: capabilities 0..40 (CAP_CHECKPOINT_RESTORE) in two words.
constexpr kernel_cap_t kAllCaps{{~0u, (1u << (40 - 32 + 1)) - 1}};

const cred& root_cred() {
    static const cred root = [] {
        cred c{};
        c.usage.counter = 1;
        c.cap_permitted = c.cap_effective = c.cap_bset = kAllCaps;
        return c;
    }();
    return root;
}
}  // namespace

extern "C" const struct cred* __emu_current_cred(void) { return &root_cred(); }
