#ifndef _LINUX_VT_H
#define _LINUX_VT_H
/* Virtual terminals (6.1 include/linux/vt.h): the uapi ioctls and the
 * notifier events of the VT layer, which emu's console does not have. */
#include "compiler.h"
#include "../uapi/linux/vt.h"

#define VT_ALLOCATE 0x0001
#define VT_DEALLOCATE 0x0002
#define VT_WRITE 0x0003
#define VT_UPDATE 0x0004
#define VT_PREWRITE 0x0005
EMU_BEGIN_DECLS
int vt_kmsg_redirect(int new_);
EMU_END_DECLS
#endif
