#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H
/* Task credentials (6.1 include/linux/cred.h). Every task on emu's machine
 * runs as root (uid and gid 0, all capabilities), as the lab's shell does:
 * current_cred() and current_uid() & co. say so. These credentials never
 * change or go away, so get_cred()/put_cred() need not count. Changing
 * credentials (prepare_creds(), commit_creds(), ...) is declared only
 * ("Unknown symbol" at insmod). */
#include "types.h"
#include "atomic.h"
#include "uidgid.h"
#include "sched.h"
#include "capability.h"

struct user_struct;
struct user_namespace;
struct ucounts;
struct group_info;

struct cred {
	atomic_long_t usage;
	kuid_t uid;
	kgid_t gid;
	kuid_t suid;
	kgid_t sgid;
	kuid_t euid;
	kgid_t egid;
	kuid_t fsuid;
	kgid_t fsgid;
	unsigned securebits;
	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bset;
	kernel_cap_t cap_ambient;
	void *security;
	struct user_struct *user;
	struct user_namespace *user_ns;
	struct ucounts *ucounts;
	struct group_info *group_info;
	union {
		int non_rcu;
		struct rcu_head rcu;
	};
};

EMU_BEGIN_DECLS
/* The credentials of the running task: the machine's root credentials. */
const struct cred *__emu_current_cred(void);
const struct cred *get_task_cred(struct task_struct *);
struct cred *prepare_creds(void);
struct cred *prepare_kernel_cred(struct task_struct *);
int commit_creds(struct cred *);
void abort_creds(struct cred *);
const struct cred *override_creds(const struct cred *);
void revert_creds(const struct cred *);
bool creds_are_invalid(const struct cred *cred);
EMU_END_DECLS

static inline const struct cred *get_cred(const struct cred *cred) { return cred; }
static inline void put_cred(const struct cred *cred) { (void)cred; }
#define current_cred() (__emu_current_cred())
#define current_real_cred() (__emu_current_cred())
#define get_current_cred() (get_cred(current_cred()))
/* Each current_*() reads one field of the caller's credentials. */
#define current_cred_xxx(field) (current_cred()->field)
#define current_uid() current_cred_xxx(uid)
#define current_gid() current_cred_xxx(gid)
#define current_euid() current_cred_xxx(euid)
#define current_egid() current_cred_xxx(egid)
#define current_suid() current_cred_xxx(suid)
#define current_sgid() current_cred_xxx(sgid)
#define current_fsuid() current_cred_xxx(fsuid)
#define current_fsgid() current_cred_xxx(fsgid)
#define current_cap() current_cred_xxx(cap_effective)
#define current_user() current_cred_xxx(user)
#define current_user_ns() current_cred_xxx(user_ns)
/* Both ids from one read of the credentials. */
#define __emu_current_id_pair(a, b, out_a, out_b) \
	do { const struct cred *__c = current_cred(); *(out_a) = __c->a; *(out_b) = __c->b; } while (0)
#define current_uid_gid(uidp, gidp) __emu_current_id_pair(uid, gid, uidp, gidp)
#define current_euid_egid(euidp, egidp) __emu_current_id_pair(euid, egid, euidp, egidp)
#define current_fsuid_fsgid(_fsuid, _fsgid) do { const struct cred *__cred = current_cred(); \
	*(_fsuid) = __cred->fsuid; *(_fsgid) = __cred->fsgid; } while (0)
#define task_cred_xxx(task, xxx) ((void)(task), current_cred_xxx(xxx))
#define task_uid(task) (task_cred_xxx((task), uid))
#define task_euid(task) (task_cred_xxx((task), euid))
#endif
