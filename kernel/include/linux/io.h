#ifndef _LINUX_IO_H
#define _LINUX_IO_H
/* I/O memory (6.1 include/linux/io.h): emu maps no device memory, so
 * ioremap() and its managed forms are declared only ("Unknown symbol"). */
#include "types.h"
#include "err.h"
#include "bug.h"
#include "ioport.h"
#include "../asm/io.h"
#include "../asm/page.h"

struct device;
EMU_BEGIN_DECLS
void __iomem *devm_ioport_map(struct device *dev, unsigned long port, unsigned int nr);
void devm_ioport_unmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset, resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
void *devm_memremap(struct device *dev, resource_size_t offset, size_t size, unsigned long flags);
void devm_memunmap(struct device *dev, void *addr);
void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);
int arch_phys_wc_add(unsigned long base, unsigned long size);
void arch_phys_wc_del(int handle);
EMU_END_DECLS
enum {
	MEMREMAP_WB = 1 << 0,
	MEMREMAP_WT = 1 << 1,
	MEMREMAP_WC = 1 << 2,
	MEMREMAP_ENC = 1 << 3,
	MEMREMAP_DEC = 1 << 4,
};
#endif
