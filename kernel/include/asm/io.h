#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H
/* Port and memory-mapped I/O (6.1 arch/x86/include/asm/io.h,
 * asm-generic/iomap.h). emu's guest code runs as a host process, where an
 * in/out instruction or a read of a device register it never mapped would
 * fault: these are declared only, so a module that touches hardware fails
 * to load with "Unknown symbol NAME" instead (6.1 has the accessors inline). */
#include "../linux/types.h"
#include "../linux/compiler.h"

typedef u64 phys_addr_t;
typedef u64 emu_resource_size_t;

EMU_BEGIN_DECLS
unsigned char readb(const volatile void __iomem *addr);
unsigned short readw(const volatile void __iomem *addr);
unsigned int readl(const volatile void __iomem *addr);
unsigned long readq(const volatile void __iomem *addr);
void writeb(unsigned char val, volatile void __iomem *addr);
void writew(unsigned short val, volatile void __iomem *addr);
void writel(unsigned int val, volatile void __iomem *addr);
void writeq(unsigned long val, volatile void __iomem *addr);
unsigned char inb(unsigned short port);
unsigned short inw(unsigned short port);
unsigned int inl(unsigned short port);
void outb(unsigned char value, unsigned short port);
void outw(unsigned short value, unsigned short port);
void outl(unsigned int value, unsigned short port);
unsigned char inb_p(unsigned short port);
void outb_p(unsigned char value, unsigned short port);
void insb(unsigned short port, void *addr, unsigned long count);
void outsb(unsigned short port, const void *addr, unsigned long count);
unsigned int ioread8(const void __iomem *);
unsigned int ioread16(const void __iomem *);
unsigned int ioread32(const void __iomem *);
void iowrite8(u8, void __iomem *);
void iowrite16(u16, void __iomem *);
void iowrite32(u32, void __iomem *);
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *);
void __iomem *ioremap(emu_resource_size_t offset, unsigned long size);
void __iomem *ioremap_uc(emu_resource_size_t offset, unsigned long size);
void __iomem *ioremap_cache(emu_resource_size_t offset, unsigned long size);
void __iomem *ioremap_wc(emu_resource_size_t offset, unsigned long size);
void __iomem *ioremap_wt(emu_resource_size_t offset, unsigned long size);
void __iomem *ioremap_prot(emu_resource_size_t offset, unsigned long size, unsigned long prot_val);
void iounmap(volatile void __iomem *addr);
void memcpy_fromio(void *, const volatile void __iomem *, size_t);
void memcpy_toio(volatile void __iomem *, const void *, size_t);
void memset_io(volatile void __iomem *, int, size_t);
phys_addr_t virt_to_phys(volatile void *address);
void *phys_to_virt(phys_addr_t address);
EMU_END_DECLS
#define readb_relaxed(a) readb(a)
#define readw_relaxed(a) readw(a)
#define readl_relaxed(a) readl(a)
#define writeb_relaxed(v, a) writeb(v, a)
#define writew_relaxed(v, a) writew(v, a)
#define writel_relaxed(v, a) writel(v, a)
#define __raw_readl readl
#define __raw_writel writel
#define virt_to_bus virt_to_phys
#define IO_SPACE_LIMIT 0xffff
#endif
