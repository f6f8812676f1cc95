#ifndef _LINUX_EMU_OLD_H
#define _LINUX_EMU_OLD_H
/* Spellings Linux 6.1 no longer has, which books and tutorials still teach.
 * By default they build, and every use draws a compiler warning naming the
 * 6.1 replacement, so that a student learns what the real lab VM accepts.
 * With EMU_STRICT (emu build --strict, make EMU_STRICT=1) the headers leave
 * them out and a use fails as it does on 6.1: a macro with the wrong number
 * of arguments, no such member, an implicit declaration, or modpost's
 * "undefined!" for a function 6.1 does not export to modules. */

/* A declaration 6.1 does not have: a use in a module warns, naming the
 * replacement (emu's own C++ keeps using what it implements, silently). */
#ifdef __cplusplus
#define __emu_not_in_6_1(replacement)
#else
#define __emu_not_in_6_1(replacement) \
	__attribute__((__deprecated__("not in Linux 6.1: " replacement)))
#endif

/* A warning at the place a macro is used (one string literal: a pragma
 * does not join adjacent ones). */
#define __EMU_PRAGMA(x) _Pragma(#x)
#define __emu_warn_not_in_6_1(text) __EMU_PRAGMA(GCC warning text)
#endif
