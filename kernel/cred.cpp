// Mirrors kernel/cred.c's init_cred: every task on emu's machine runs with
// root's credentials (uid/gid 0, every capability of 6.1's CAP_LAST_CAP 40),
// which never change, so one constant serves all.
#include "kernel/include/linux/bug.h"
#include "kernel/include/linux/capability.h"
#include "kernel/include/linux/cred.h"
#include "kernel/include/linux/printk.h"

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

// Capabilities (6.1 kernel/capability.c): every task holds root_cred(), so a
// check is whether root's effective set has the bit, i.e. any valid number.
// capable() with an invalid number is a caller's bug: pr_crit, then BUG().
namespace {
bool check_capable(int cap) {
    if (!cap_valid(cap)) {
        printk(KERN_CRIT "capability: capable() called with invalid cap=%u\n", static_cast<unsigned>(cap));
        __emu_bug("kernel/capability.c", 0);  // 6.1's line is not in the headers emu checks against
    }
    return cap_raised(root_cred().cap_effective, cap);
}
bool task_has(int cap) { return cap_valid(cap) && cap_raised(root_cred().cap_effective, cap); }
}  // namespace

extern "C" {
bool capable(int cap) { return check_capable(cap); }
bool ns_capable(struct user_namespace*, int cap) { return check_capable(cap); }
bool ns_capable_noaudit(struct user_namespace*, int cap) { return check_capable(cap); }
bool ns_capable_setid(struct user_namespace*, int cap) { return check_capable(cap); }
bool file_ns_capable(const struct file*, struct user_namespace*, int cap) { return task_has(cap); }
bool has_capability(struct task_struct*, int cap) { return task_has(cap); }
bool has_ns_capability(struct task_struct*, struct user_namespace*, int cap) { return task_has(cap); }
bool has_capability_noaudit(struct task_struct*, int cap) { return task_has(cap); }
bool has_ns_capability_noaudit(struct task_struct*, struct user_namespace*, int cap) { return task_has(cap); }
}
