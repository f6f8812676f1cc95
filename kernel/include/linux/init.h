#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include "compiler.h"
/* The C++ side (the kernel, tests) goes without the short spellings: the
 * standard library uses `__init` as an identifier (<regex>). */
#ifndef __cplusplus
#define __init
#define __exit
#endif
#define __initdata
#define __exitdata
#define __initconst
#define __devinit
#define __devexit
#endif
