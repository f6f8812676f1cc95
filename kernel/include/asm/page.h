#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H
/* x86-64 pages (6.1 arch/x86/include/asm/page_types.h, page_64.h). The
 * direct map's base, page_offset_base, is a variable on 6.1 (KASLR): a module
 * that uses PAGE_OFFSET, __va() or __pa() needs that symbol, which emu, with
 * no physical memory map, does not have ("Unknown symbol" at insmod). */
#include "../linux/compiler.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PMD_SHIFT 21
#define PUD_SHIFT 30
#define PGDIR_SHIFT 39
#define HPAGE_SHIFT PMD_SHIFT
#define HPAGE_SIZE (1UL << HPAGE_SHIFT)
#define HPAGE_MASK (~(HPAGE_SIZE - 1))
#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)

EMU_BEGIN_DECLS
extern unsigned long page_offset_base;
extern unsigned long vmalloc_base;
extern unsigned long vmemmap_base;
extern unsigned long phys_base;
unsigned long __phys_addr(unsigned long);
EMU_END_DECLS
#define __PAGE_OFFSET page_offset_base
#define PAGE_OFFSET ((unsigned long)__PAGE_OFFSET)
#define __pa(x) __phys_addr((unsigned long)(x))
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define virt_addr_valid(kaddr) __virt_addr_valid((unsigned long)(kaddr))
EMU_BEGIN_DECLS
bool __virt_addr_valid(unsigned long kaddr);
EMU_END_DECLS
#endif
