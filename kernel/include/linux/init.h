#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include "compiler.h"
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __devinit
#define __devexit
#endif
