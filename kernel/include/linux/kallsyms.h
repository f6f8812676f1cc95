#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H
/* Kernel symbol lookup (6.1 include/linux/kallsyms.h). sprint_symbol() and
 * friends name an address as call traces do ("func+0xoff/0xsize [module]").
 * kallsyms_lookup_name() is declared but, as on 6.1 (since 5.7), not
 * exported to modules: a module using it fails to load ("Unknown symbol"). */
#include "types.h"
#include "errno.h"
#include "printk.h"

#define KSYM_NAME_LEN 512
#define KSYM_SYMBOL_LEN (sizeof("%s+%#lx/%#lx [%s %s]") + (KSYM_NAME_LEN - 1) + 2 * (64 * 3 / 10) + (56 - 1) + \
                         (20 * 2) + 1)

struct cred;
struct module;

EMU_BEGIN_DECLS
int kallsyms_on_each_symbol(int (*fn)(void *, const char *, struct module *, unsigned long), void *data);
unsigned long kallsyms_lookup_name(const char *name);
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize, unsigned long *offset, char **modname,
                            char *namebuf);
/* "func+0xoff/0xsize [module]" into buffer (KSYM_SYMBOL_LEN bytes); returns its length. */
int sprint_symbol(char *buffer, unsigned long address);
int sprint_symbol_build_id(char *buffer, unsigned long address);
/* "func [module]" */
int sprint_symbol_no_offset(char *buffer, unsigned long address);
/* For a return address: names the call site (address - 1). */
int sprint_backtrace(char *buffer, unsigned long address);
int sprint_backtrace_build_id(char *buffer, unsigned long address);
int lookup_symbol_name(unsigned long addr, char *symname);
bool kallsyms_show_value(const struct cred *cred);
EMU_END_DECLS

static inline void print_ip_sym(const char *loglvl, unsigned long ip)
{
	char sym[KSYM_SYMBOL_LEN];
	sprint_symbol(sym, ip);
	printk("%s[<%016lx>] %s\n", loglvl, ip, sym);
}
#endif
