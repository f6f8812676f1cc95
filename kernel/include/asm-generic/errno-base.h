/* Kernel code reaches the uapi file under this name too (6.1 builds with -Iinclude/uapi). */
#include "../uapi/asm-generic/errno-base.h"
