/* x86's errno values are the generic ones (6.1 arch/x86/include/generated/uapi/asm/errno.h). */
#include "../asm-generic/errno.h"
