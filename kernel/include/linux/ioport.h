#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H
/* I/O port and memory resources (6.1 include/linux/ioport.h). emu's machine
 * has no I/O ports or memory-mapped devices a module could claim: the
 * resource tree's calls are declared only, so a module using them fails to
 * load with "Unknown symbol". The struct and its helpers are 6.1's. */
#include "types.h"
#include "compiler.h"
#include "bitops.h"

typedef u64 resource_size_t;

struct device;
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_BITS 0x000000ff
#define IORESOURCE_TYPE_BITS 0x00001f00
#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_REG 0x00000300
#define IORESOURCE_IRQ 0x00000400
#define IORESOURCE_DMA 0x00000800
#define IORESOURCE_BUS 0x00001000
#define IORESOURCE_PREFETCH 0x00002000
#define IORESOURCE_READONLY 0x00004000
#define IORESOURCE_CACHEABLE 0x00008000
#define IORESOURCE_RANGELENGTH 0x00010000
#define IORESOURCE_SHADOWABLE 0x00020000
#define IORESOURCE_SIZEALIGN 0x00040000
#define IORESOURCE_STARTALIGN 0x00080000
#define IORESOURCE_MEM_64 0x00100000
#define IORESOURCE_WINDOW 0x00200000
#define IORESOURCE_MUXED 0x00400000
#define IORESOURCE_EXT_TYPE_BITS 0x01000000
#define IORESOURCE_SYSRAM 0x01000000
#define IORESOURCE_EXCLUSIVE 0x08000000
#define IORESOURCE_DISABLED 0x10000000
#define IORESOURCE_UNSET 0x20000000
#define IORESOURCE_AUTO 0x40000000
#define IORESOURCE_BUSY 0x80000000
#define IORESOURCE_IRQ_HIGHEDGE (1 << 0)
#define IORESOURCE_IRQ_LOWEDGE (1 << 1)
#define IORESOURCE_IRQ_HIGHLEVEL (1 << 2)
#define IORESOURCE_IRQ_LOWLEVEL (1 << 3)
#define IORESOURCE_IRQ_SHAREABLE (1 << 4)

#define DEFINE_RES_NAMED(_start, _size, _name, _flags) \
	{ .start = (_start), .end = (_start) + (_size) - 1, .name = (_name), .flags = (_flags), .desc = 0, }
#define DEFINE_RES_IO_NAMED(_start, _size, _name) DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_IO)
#define DEFINE_RES_IO(_start, _size) DEFINE_RES_IO_NAMED((_start), (_size), NULL)
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_MEM)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES_MEM_NAMED((_start), (_size), NULL)
#define DEFINE_RES_IRQ_NAMED(_irq, _name) DEFINE_RES_NAMED((_irq), 1, (_name), IORESOURCE_IRQ)
#define DEFINE_RES_IRQ(_irq) DEFINE_RES_IRQ_NAMED((_irq), NULL)

EMU_BEGIN_DECLS
extern struct resource ioport_resource;
extern struct resource iomem_resource;
struct resource *request_resource_conflict(struct resource *root, struct resource *new_);
int request_resource(struct resource *root, struct resource *new_);
int release_resource(struct resource *new_);
int insert_resource(struct resource *parent, struct resource *new_);
int remove_resource(struct resource *old);
int allocate_resource(struct resource *root, struct resource *new_, resource_size_t size, resource_size_t min,
                      resource_size_t max, resource_size_t align,
                      resource_size_t (*alignf)(void *, const struct resource *, resource_size_t, resource_size_t),
                      void *alignf_data);
struct resource *lookup_resource(struct resource *root, resource_size_t start);
int adjust_resource(struct resource *res, resource_size_t start, resource_size_t size);
struct resource *__request_region(struct resource *, resource_size_t start, resource_size_t n, const char *name,
                                  int flags);
void __release_region(struct resource *, resource_size_t, resource_size_t);
int devm_request_resource(struct device *dev, struct resource *root, struct resource *new_);
void devm_release_resource(struct device *dev, struct resource *new_);
struct resource *__devm_request_region(struct device *dev, struct resource *parent, resource_size_t start,
                                       resource_size_t n, const char *name);
void __devm_release_region(struct device *dev, struct resource *parent, resource_size_t start, resource_size_t n);
int iomem_map_sanity_check(resource_size_t addr, unsigned long size);
bool iomem_is_exclusive(u64 addr);
int region_intersects(resource_size_t offset, size_t size, unsigned long flags, unsigned long desc);
EMU_END_DECLS

static inline resource_size_t resource_size(const struct resource *res) { return res->end - res->start + 1; }
static inline unsigned long resource_type(const struct resource *res) { return res->flags & IORESOURCE_TYPE_BITS; }
static inline unsigned long resource_ext_type(const struct resource *res) { return res->flags & IORESOURCE_EXT_TYPE_BITS; }
static inline void resource_set_size(struct resource *res, resource_size_t size) { res->end = res->start + size - 1; }
static inline void resource_set_range(struct resource *res, resource_size_t start, resource_size_t size)
{ res->start = start; resource_set_size(res, size); }
static inline bool resource_contains(struct resource *r1, struct resource *r2)
{
	if (resource_type(r1) != resource_type(r2)) return false;
	if (r1->flags & IORESOURCE_UNSET || r2->flags & IORESOURCE_UNSET) return false;
	return r1->start <= r2->start && r1->end >= r2->end;
}
static inline bool resource_overlaps(struct resource *r1, struct resource *r2)
{ return r1->start <= r2->end && r1->end >= r2->start; }

#define request_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_muxed_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), IORESOURCE_MUXED)
#define request_mem_region(start, n, name) __request_region(&iomem_resource, (start), (n), (name), 0)
#define request_mem_region_exclusive(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), IORESOURCE_EXCLUSIVE)
#define release_region(start, n) __release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) __release_region(&iomem_resource, (start), (n))
#define devm_request_region(dev, start, n, name) __devm_request_region(dev, &ioport_resource, (start), (n), (name))
#define devm_request_mem_region(dev, start, n, name) __devm_request_region(dev, &iomem_resource, (start), (n), (name))
#define devm_release_region(dev, start, n) __devm_release_region(dev, &ioport_resource, (start), (n))
#define devm_release_mem_region(dev, start, n) __devm_release_region(dev, &iomem_resource, (start), (n))
#endif
