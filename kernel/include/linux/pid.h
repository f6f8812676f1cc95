#ifndef _LINUX_PID_H
#define _LINUX_PID_H
#include "types.h"
struct pid;
struct task_struct;
enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };
EMU_BEGIN_DECLS
struct pid *find_vpid(int nr);
struct pid *find_get_pid(int nr);
void put_pid(struct pid *pid);
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
struct task_struct *get_pid_task(struct pid *pid, enum pid_type type);
EMU_END_DECLS
#endif
