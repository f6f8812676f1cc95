#ifndef _LINUX_BH_H
#define _LINUX_BH_H
#include "compiler.h"
EMU_BEGIN_DECLS
void local_bh_disable(void);
void local_bh_enable(void);
void _local_bh_enable(void);
EMU_END_DECLS
#endif
