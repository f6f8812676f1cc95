#include "../../asm/errno.h"
