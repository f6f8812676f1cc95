#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H
/* Read before every module source (-include): the configuration, and the
 * IS_ENABLED() family that tests it. A CONFIG_FOO=y option is defined as 1,
 * CONFIG_FOO=m as CONFIG_FOO_MODULE 1, an unset one not at all. */
#include <generated/autoconf.h>

/* An option set to y or m expands __emu_arg_placeholder_1 into "0," so the
 * second argument picked below is 1; an unset option leaves "junk 1, 0". */
#define __emu_arg_placeholder_1 0,
#define __emu_take_second_arg(ignored, val, ...) val
#define __emu_is_defined(x) ___emu_is_defined(x)
#define ___emu_is_defined(val) ____emu_is_defined(__emu_arg_placeholder_##val)
#define ____emu_is_defined(arg1_or_junk) __emu_take_second_arg(arg1_or_junk 1, 0)

#define IS_BUILTIN(option) __emu_is_defined(option)
#define IS_MODULE(option) __emu_is_defined(option##_MODULE)
#define IS_ENABLED(option) (IS_BUILTIN(option) || IS_MODULE(option))
/* A module is never built into the kernel, so reaching a =m option is the
 * same as it being enabled. */
#define IS_REACHABLE(option) IS_ENABLED(option)
#endif
