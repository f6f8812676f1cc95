#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H
/* Temporary kernel mappings of pages (6.1 include/linux/highmem.h,
 * highmem-internal.h without CONFIG_HIGHMEM, as on x86-64): every page is in
 * the direct map, so a mapping is page_address(). kmap_atomic() disables
 * preemption until kunmap_atomic(), as 6.1 does. emu keeps no struct page,
 * so page_address() is declared only ("Unknown symbol" at insmod). */
#include "kernel.h"
#include "mm.h"
#include "preempt.h"
#include "string.h"
#include "uaccess.h"

static inline void *kmap(struct page *page) { might_sleep(); return page_address(page); }
static inline void kunmap(struct page *page) { (void)page; }
static inline void kmap_flush_unused(void) { }
static inline void *kmap_local_page(struct page *page) { return page_address(page); }
static inline void *kmap_local_page_prot(struct page *page, pgprot_t prot) { (void)prot; return kmap_local_page(page); }
static inline void __kunmap_local(const void *addr) { (void)addr; }
static inline void *kmap_atomic(struct page *page) { preempt_disable(); return page_address(page); }
static inline void *kmap_atomic_prot(struct page *page, pgprot_t prot) { (void)prot; return kmap_atomic(page); }
static inline void __kunmap_atomic(const void *addr) { (void)addr; preempt_enable(); }
static inline unsigned int nr_free_highpages(void) { return 0; }
static inline unsigned long totalhigh_pages(void) { return 0UL; }
#define kunmap_atomic(__addr) do { __kunmap_atomic(__addr); } while (0)
#define kunmap_local(__addr) do { __kunmap_local(__addr); } while (0)

static inline void clear_highpage(struct page *page)
{ void *kaddr = kmap_local_page(page); memset(kaddr, 0, PAGE_SIZE); kunmap_local(kaddr); }
static inline void zero_user_segments(struct page *page, unsigned start1, unsigned end1, unsigned start2, unsigned end2)
{
	char *kaddr = (char *)kmap_local_page(page);
	if (end1 > start1) memset(kaddr + start1, 0, end1 - start1);
	if (end2 > start2) memset(kaddr + start2, 0, end2 - start2);
	kunmap_local(kaddr);
}
static inline void zero_user_segment(struct page *page, unsigned start, unsigned end)
{ zero_user_segments(page, start, end, 0, 0); }
static inline void zero_user(struct page *page, unsigned start, unsigned size)
{ zero_user_segments(page, start, start + size, 0, 0); }
static inline void copy_highpage(struct page *to, struct page *from)
{
	char *vfrom = (char *)kmap_local_page(from), *vto = (char *)kmap_local_page(to);
	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_local(vto);
	kunmap_local(vfrom);
}
static inline void memcpy_page(struct page *dst_page, size_t dst_off, struct page *src_page, size_t src_off, size_t len)
{
	char *dst = (char *)kmap_local_page(dst_page), *src = (char *)kmap_local_page(src_page);
	memcpy(dst + dst_off, src + src_off, len);
	kunmap_local(src);
	kunmap_local(dst);
}
static inline void memset_page(struct page *page, size_t offset, int val, size_t len)
{ char *addr = (char *)kmap_local_page(page); memset(addr + offset, val, len); kunmap_local(addr); }
static inline void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)
{ char *from = (char *)kmap_local_page(page); memcpy(to, from + offset, len); kunmap_local(from); }
static inline void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)
{ char *to = (char *)kmap_local_page(page); memcpy(to + offset, from, len); kunmap_local(to); }
static inline void memzero_page(struct page *page, size_t offset, size_t len)
{ char *addr = (char *)kmap_local_page(page); memset(addr + offset, 0, len); kunmap_local(addr); }
#endif
