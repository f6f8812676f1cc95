#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H
/* DMA mappings (6.1 include/linux/dma-mapping.h). emu has no device doing
 * DMA: the mapping and coherent-allocation calls are declared only, so a
 * module using them fails to load with "Unknown symbol NAME" (6.1 spells
 * dma_map_single() & co. inline over dma_map_page_attrs(); emu keeps the
 * names a driver writes). Constants and pure helpers are 6.1's. */
#include "types.h"
#include "kernel.h"
#include "err.h"
#include "device.h"
#include "mm.h"
#include "dma-direction.h"
#include "scatterlist.h"

typedef u64 dma_addr_t;

#define DMA_ATTR_WEAK_ORDERING (1UL << 1)
#define DMA_ATTR_WRITE_COMBINE (1UL << 2)
#define DMA_ATTR_NO_KERNEL_MAPPING (1UL << 4)
#define DMA_ATTR_SKIP_CPU_SYNC (1UL << 5)
#define DMA_ATTR_FORCE_CONTIGUOUS (1UL << 6)
#define DMA_ATTR_ALLOC_SINGLE_PAGES (1UL << 7)
#define DMA_ATTR_NO_WARN (1UL << 8)
#define DMA_ATTR_PRIVILEGED (1UL << 9)
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)
#define DMA_BIT_MASK(n) (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

EMU_BEGIN_DECLS
dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
                              enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir,
                          unsigned long attrs);
dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size, enum dma_data_direction dir,
                                unsigned long attrs);
void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir,
                            unsigned long attrs);
unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir,
                              unsigned long attrs);
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir,
                        unsigned long attrs);
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems, enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems, enum dma_data_direction dir);
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag, unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle, unsigned long attrs);
void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp, unsigned long attrs);
void dmam_free_coherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle);
int dma_mmap_attrs(struct device *dev, struct vm_area_struct *vma, void *cpu_addr, dma_addr_t dma_addr, size_t size,
                   unsigned long attrs);
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
u64 dma_get_required_mask(struct device *dev);
size_t dma_max_mapping_size(struct device *dev);
bool dma_need_sync(struct device *dev, dma_addr_t dma_addr);
EMU_END_DECLS

static inline int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{ (void)dev; return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0; }
static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int rc = dma_set_mask(dev, mask);
	if (rc == 0) dma_set_coherent_mask(dev, mask);
	return rc;
}
static inline int dma_coerce_mask_and_coherent(struct device *dev, u64 mask)
{ return dma_set_mask_and_coherent(dev, mask); }
static inline void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{ return dma_alloc_attrs(dev, size, dma_handle, gfp, (gfp & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0); }
static inline void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{ dma_free_attrs(dev, size, cpu_addr, dma_handle, 0); }
static inline void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{ return dmam_alloc_attrs(dev, size, dma_handle, gfp, (gfp & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0); }
/* The plain forms are the _attrs ones with no DMA_ATTR_* flags. */
#define __emu_dma_noattr(fn, ...) fn(__VA_ARGS__, 0)
#define dma_map_single(d, a, s, r) __emu_dma_noattr(dma_map_single_attrs, d, a, s, r)
#define dma_unmap_single(d, a, s, r) __emu_dma_noattr(dma_unmap_single_attrs, d, a, s, r)
#define dma_map_sg(d, s, n, r) __emu_dma_noattr(dma_map_sg_attrs, d, s, n, r)
#define dma_unmap_sg(d, s, n, r) __emu_dma_noattr(dma_unmap_sg_attrs, d, s, n, r)
#define dma_map_page(d, p, o, s, r) __emu_dma_noattr(dma_map_page_attrs, d, p, o, s, r)
#define dma_unmap_page(d, a, s, r) __emu_dma_noattr(dma_unmap_page_attrs, d, a, s, r)
#define dma_mmap_coherent(d, v, c, h, s) __emu_dma_noattr(dma_mmap_attrs, d, v, c, h, s)
#endif
