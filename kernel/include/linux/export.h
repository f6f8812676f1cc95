#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H
/* EXPORT_SYMBOL(sym): the module gives `sym` to modules loaded after it.
 * Each export is a record in .emu_ksymtab (.emu_ksymtab_gpl for the GPL-only
 * ones) that insmod reads to fill its table of module exports, under the
 * local name __ksymtab_SYM that modpost finds to write Module.symvers, as
 * 6.1's __ksymtab_SYM records are. A module that uses the symbol gets it
 * through that table (kernel/module.cpp), never through the host's linker. */
struct emu_kernel_symbol {
	const void *addr;
	const char *name;
};
#ifdef __cplusplus
/* emu's own C++ exports through the executable's dynamic symbol table. */
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#else
#define __EMU_EXPORT_SYMBOL(sym, sec)                                            \
	extern __typeof__(sym) sym;                                              \
	static const struct emu_kernel_symbol __ksymtab_##sym                    \
		__attribute__((__section__(sec), __used__, __aligned__(8))) = { \
			(const void *)&sym, #sym }
#define EXPORT_SYMBOL(sym) __EMU_EXPORT_SYMBOL(sym, ".emu_ksymtab")
#define EXPORT_SYMBOL_GPL(sym) __EMU_EXPORT_SYMBOL(sym, ".emu_ksymtab_gpl")
#endif
/* Namespaces are not checked: a namespaced export is an ordinary one. */
#define EXPORT_SYMBOL_NS(sym, ns) EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) EXPORT_SYMBOL_GPL(sym)
#endif
