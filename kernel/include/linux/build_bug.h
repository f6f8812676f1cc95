#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H
/* Compile-time checks (6.1 include/linux/build_bug.h). BUILD_BUG_ON and
 * BUILD_BUG_ON_ZERO live in bug.h here. */
#include "compiler.h"
#include "bug.h"

#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")
#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((__force long)(e))))
#define __BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON(((n) & ((n) - 1)) != 0)
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))
#ifndef __cplusplus
/* C11's _Static_assert with the message optional, as in C++17. */
#define static_assert(expr, ...) __emu_static_assert(expr, ##__VA_ARGS__, #expr)
#define __emu_static_assert(expr, msg, ...) _Static_assert(expr, msg)
#endif
#endif
