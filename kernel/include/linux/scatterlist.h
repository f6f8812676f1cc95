#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H
/* Scatter-gather lists (6.1 include/linux/scatterlist.h): the types and the
 * table calls, declared for DMA code that emu does not run. */
#include "types.h"
#include "mm.h"

struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	u64 dma_address;
	unsigned int dma_length;
	unsigned int dma_flags;
};
struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};
#define sg_dma_address(sg) ((sg)->dma_address)
#define sg_dma_len(sg) ((sg)->dma_length)
#define for_each_sg(sglist, sg, nr, __i) for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
EMU_BEGIN_DECLS
struct scatterlist *sg_next(struct scatterlist *);
void sg_init_table(struct scatterlist *, unsigned int);
void sg_init_one(struct scatterlist *, const void *, unsigned int);
int sg_alloc_table(struct sg_table *, unsigned int, gfp_t);
void sg_free_table(struct sg_table *);
void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen);
void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len, unsigned int offset);
EMU_END_DECLS
#endif
