#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H
#include "compiler.h"

EMU_BEGIN_DECLS
/* Prints Linux's "------------[ cut here ]------------ / WARNING: CPU: ..." block. */
void __warn(const char *file, int line, void *caller, const char *fmt, ...) __printf(4, 5);
/* report_bug(): "------------[ cut here ]------------" and "kernel BUG at FILE:LINE!";
 * BUG() then executes ud2, as 6.1's does, and the trap is the "invalid opcode" Oops. */
void __emu_report_bug(const char *file, int line);
void __emu_bug(const char *file, int line) __attribute__((__noreturn__));
EMU_END_DECLS

#define __WARN_printf(fmt, ...) __warn(__FILE__, __LINE__, (void *)_THIS_IP_, fmt, ##__VA_ARGS__)
#define WARN(condition, fmt...) ({ int __ret_warn_on = !!(condition); \
        if (unlikely(__ret_warn_on)) { __WARN_printf(fmt); } \
        unlikely(__ret_warn_on); })
#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); \
        if (unlikely(__ret_warn_on)) __warn(__FILE__, __LINE__, (void *)_THIS_IP_, NULL); \
        unlikely(__ret_warn_on); })
#define WARN_ONCE(condition, fmt...) ({ static bool __warned; int __ret_warn_once = !!(condition); \
        if (unlikely(__ret_warn_once && !__warned)) { __warned = true; __WARN_printf(fmt); } \
        unlikely(__ret_warn_once); })
#define WARN_ON_ONCE(condition) ({ static bool __warned; int __ret_warn_once = !!(condition); \
        if (unlikely(__ret_warn_once && !__warned)) { __warned = true; \
            __warn(__FILE__, __LINE__, (void *)_THIS_IP_, NULL); } \
        unlikely(__ret_warn_once); })
#define BUG() do { __emu_report_bug(__FILE__, __LINE__); __builtin_trap(); } while (0)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))
#ifndef BUILD_BUG_ON_ZERO
/* 0, usable in a constant expression; a compile error when e is true. */
#ifdef __cplusplus
#define BUILD_BUG_ON_ZERO(e) (0)
#else
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#endif
#endif
#endif
