#include "../asm/ioctl.h"
