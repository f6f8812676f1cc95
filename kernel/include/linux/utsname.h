#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H
/* The system's names (6.1 include/linux/utsname.h). emu's machine has one
 * UTS namespace, init_uts_ns: sysname "Linux", release UTS_RELEASE
 * ("6.1.0-emu"), version "#1 SMP PREEMPT_DYNAMIC" as the boot banner,
 * machine "x86_64", and nodename and domainname "(none)", 6.1's defaults
 * before user space sets a host name (emu's guest never does). */
#include "sched.h"
#include "err.h"
#include "refcount.h"
#include "../uapi/linux/utsname.h"

enum uts_proc {
	UTS_PROC_ARCH,
	UTS_PROC_OSTYPE,
	UTS_PROC_OSRELEASE,
	UTS_PROC_VERSION,
	UTS_PROC_HOSTNAME,
	UTS_PROC_DOMAINNAME,
};

struct user_namespace;
struct ucounts;

struct uts_namespace {
	struct new_utsname name;
	struct user_namespace *user_ns;
	struct ucounts *ucounts;
};

EMU_BEGIN_DECLS
extern struct uts_namespace init_uts_ns;
EMU_END_DECLS

/* One namespace that lives as long as the machine: references change nothing. */
static inline void get_uts_ns(struct uts_namespace *ns) { (void)ns; }
static inline void put_uts_ns(struct uts_namespace *ns) { (void)ns; }

/* Every task's namespace is init_uts_ns. */
static inline struct new_utsname *utsname(void) { return &init_uts_ns.name; }
static inline struct new_utsname *init_utsname(void) { return &init_uts_ns.name; }
#endif
