#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H
/* Capabilities in the kernel (6.1 include/linux/capability.h). Every task on
 * emu's machine has root's credentials with every capability (linux/cred.h),
 * so capable() is true for each valid number; an invalid one is a BUG as on
 * 6.1 ("capable() called with invalid cap=N"). One user namespace: the ns
 * arguments are not looked at. File capabilities are not modelled. */
#include "../uapi/linux/capability.h"
#include "uidgid.h"

#define _KERNEL_CAPABILITY_VERSION _LINUX_CAPABILITY_VERSION_3
#define _KERNEL_CAPABILITY_U32S _LINUX_CAPABILITY_U32S_3

typedef struct kernel_cap_struct {
	__u32 cap[_KERNEL_CAPABILITY_U32S];
} kernel_cap_t;

#define _USER_CAP_HEADER_SIZE (sizeof(struct __user_cap_header_struct))
#define _KERNEL_CAP_T_SIZE (sizeof(kernel_cap_t))

struct file;
struct inode;
struct dentry;
struct task_struct;
struct user_namespace;

#define CAP_FOR_EACH_U32(__capi) for (__capi = 0; __capi < _KERNEL_CAPABILITY_U32S; ++__capi)
#define CAP_LAST_U32 ((_KERNEL_CAPABILITY_U32S) - 1)
#define CAP_LAST_U32_VALID_MASK (CAP_TO_MASK(CAP_LAST_CAP + 1) - 1)
#define CAP_EMPTY_SET ((kernel_cap_t){{ 0, 0 }})
#define CAP_FULL_SET ((kernel_cap_t){{ ~0U, CAP_LAST_U32_VALID_MASK }})

#define cap_clear(c) do { (c) = CAP_EMPTY_SET; } while (0)
#define cap_raise(c, flag) ((c).cap[CAP_TO_INDEX(flag)] |= CAP_TO_MASK(flag))
#define cap_lower(c, flag) ((c).cap[CAP_TO_INDEX(flag)] &= ~CAP_TO_MASK(flag))
#define cap_raised(c, flag) ((c).cap[CAP_TO_INDEX(flag)] & CAP_TO_MASK(flag))

static inline kernel_cap_t cap_combine(const kernel_cap_t a, const kernel_cap_t b)
{
	kernel_cap_t r;
	unsigned i;
	CAP_FOR_EACH_U32(i) r.cap[i] = a.cap[i] | b.cap[i];
	return r;
}

static inline kernel_cap_t cap_intersect(const kernel_cap_t a, const kernel_cap_t b)
{
	kernel_cap_t r;
	unsigned i;
	CAP_FOR_EACH_U32(i) r.cap[i] = a.cap[i] & b.cap[i];
	return r;
}

static inline kernel_cap_t cap_drop(const kernel_cap_t a, const kernel_cap_t drop)
{
	kernel_cap_t r;
	unsigned i;
	CAP_FOR_EACH_U32(i) r.cap[i] = a.cap[i] & ~drop.cap[i];
	return r;
}

static inline kernel_cap_t cap_invert(const kernel_cap_t c)
{
	kernel_cap_t r;
	unsigned i;
	CAP_FOR_EACH_U32(i) r.cap[i] = ~c.cap[i];
	return r;
}

/* Bits above CAP_LAST_CAP do not count. */
static inline bool cap_isclear(const kernel_cap_t a)
{
	unsigned i;
	CAP_FOR_EACH_U32(i) {
		__u32 w = i == CAP_LAST_U32 ? a.cap[i] & CAP_LAST_U32_VALID_MASK : a.cap[i];
		if (w)
			return false;
	}
	return true;
}

static inline bool cap_issubset(const kernel_cap_t a, const kernel_cap_t set)
{
	kernel_cap_t dest = cap_drop(a, set);
	return cap_isclear(dest);
}

EMU_BEGIN_DECLS
bool has_capability(struct task_struct *t, int cap);
bool has_ns_capability(struct task_struct *t, struct user_namespace *ns, int cap);
bool has_capability_noaudit(struct task_struct *t, int cap);
bool has_ns_capability_noaudit(struct task_struct *t, struct user_namespace *ns, int cap);
bool capable(int cap);
bool ns_capable(struct user_namespace *ns, int cap);
bool ns_capable_noaudit(struct user_namespace *ns, int cap);
bool ns_capable_setid(struct user_namespace *ns, int cap);
bool file_ns_capable(const struct file *file, struct user_namespace *ns, int cap);
EMU_END_DECLS

static inline bool perfmon_capable(void) { return capable(CAP_PERFMON) || capable(CAP_SYS_ADMIN); }
static inline bool bpf_capable(void) { return capable(CAP_BPF) || capable(CAP_SYS_ADMIN); }
static inline bool checkpoint_restore_ns_capable(struct user_namespace *ns)
{
	return ns_capable(ns, CAP_CHECKPOINT_RESTORE) || ns_capable(ns, CAP_SYS_ADMIN);
}
#endif
