#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H
#include "compiler.h"
#endif
