#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H
/* Symbols stay local to their module in emu (modules load with RTLD_LOCAL). */
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL_NS(sym, ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)
#endif
