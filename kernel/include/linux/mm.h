#ifndef _LINUX_MM_H
#define _LINUX_MM_H
/* Memory management as drivers use it (6.1 include/linux/mm.h), the parts
 * that mean something on emu's machine: page size and alignment, get_order(),
 * and whole pages from __get_free_pages()/free_pages() (page-aligned guest
 * memory, kernel/page_alloc.cpp). emu keeps no struct page per frame and
 * maps nothing into user space for a driver: alloc_pages(), page_address(),
 * remap_pfn_range() and the like are declared only, so a module using them
 * fails to load with "Unknown symbol". */
#include "types.h"
#include "gfp.h"
#include "list.h"
#include "mm_types.h"
#include "sched/task.h" /* 6.1's mm.h reaches it too */
#include "../asm/page.h"

#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGN_DOWN(addr) ((addr) & PAGE_MASK)
#define PAGE_ALIGNED(addr) (((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PFN_ALIGN(x) (((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((u64)(x) << PAGE_SHIFT)

/* asm-generic/getorder.h: the smallest order whose pages hold `size` bytes. */
static inline int get_order(unsigned long size)
{
	size--;
	size >>= PAGE_SHIFT;
	return size ? 64 - __builtin_clzl(size) : 0;
}

#define VM_NONE 0x00000000
#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_MAYEXEC 0x00000040
#define VM_MAYSHARE 0x00000080
#define VM_PFNMAP 0x00000400
#define VM_LOCKED 0x00002000
#define VM_IO 0x00004000
#define VM_DONTCOPY 0x00020000
#define VM_DONTEXPAND 0x00040000
#define VM_NORESERVE 0x00200000
#define VM_DONTDUMP 0x04000000
#define VM_MIXEDMAP 0x10000000

struct vm_fault;
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*may_split)(struct vm_area_struct *area, unsigned long addr);
	int (*mremap)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	int (*access)(struct vm_area_struct *vma, unsigned long addr, void *buf, int len, int write);
	const char *(*name)(struct vm_area_struct *vma);
};
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags;
	gfp_t gfp_mask;
	unsigned long pgoff;
	unsigned long address;
	struct page *page;
};

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(unsigned int)];
};

EMU_BEGIN_DECLS
/* 2^order zeroed-on-request pages, page-aligned; 0 when out of memory. May
 * sleep with a blocking mask. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void free_pages(unsigned long addr, unsigned int order);
/* Not modelled: struct page frames, user mappings. */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
void *page_address(const struct page *page);
struct page *vmalloc_to_page(const void *addr);
struct page *virt_to_page(const void *kaddr);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn, unsigned long size,
                    pgprot_t prot);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn);
void get_page(struct page *page);
void put_page(struct page *page);
void si_meminfo(struct sysinfo *val);
unsigned long totalram_pages(void);
void mark_page_accessed(struct page *page);
void set_page_dirty(struct page *page);
EMU_END_DECLS

#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) __get_free_pages((gfp_mask) | GFP_DMA, (order))
#define free_page(addr) free_pages((addr), 0)
#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __free_page(page) __free_pages((page), 0)
#define page_to_virt(page) page_address(page)
#define lowmem_page_address(page) page_address(page)
#endif
