#ifndef _LINUX_KMOD_H
#define _LINUX_KMOD_H
#include "types.h"
#define UMH_NO_WAIT 0
#define UMH_WAIT_EXEC 1
#define UMH_WAIT_PROC 2
#define UMH_KILLABLE 4
EMU_BEGIN_DECLS
/* emu has no user-space binaries to run: refused with a message and -ENOENT. */
int call_usermodehelper(const char *path, char **argv, char **envp, int wait);
EMU_END_DECLS
#endif
