#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H
/* Memory descriptors (6.1 include/linux/mm_types.h), as far as drivers name
 * them. emu keeps no struct page per frame and maps no user memory into
 * drivers' VMAs: these types exist so that code builds. */
#include "types.h"
#include "list.h"
#include "atomic.h"

struct address_space;
struct mm_struct;
struct file;
struct vm_operations_struct;

struct page {
	unsigned long flags;
	struct list_head lru;
	struct address_space *mapping;
	unsigned long index;
#ifdef __cplusplus
	unsigned long private_;  /* "private" in C */
#else
	unsigned long private;
#endif
	atomic_t _mapcount;
	atomic_t _refcount;
};

typedef struct { unsigned long pgprot; } pgprot_t;
#define pgprot_val(x) ((x).pgprot)
#define __pgprot(x) ((pgprot_t){ (x) })

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
};

typedef unsigned int vm_fault_t;
enum vm_fault_reason {
	VM_FAULT_OOM = 0x000001,
	VM_FAULT_SIGBUS = 0x000002,
	VM_FAULT_MAJOR = 0x000004,
	VM_FAULT_WRITE = 0x000008,
	VM_FAULT_HWPOISON = 0x000010,
	VM_FAULT_HWPOISON_LARGE = 0x000020,
	VM_FAULT_SIGSEGV = 0x000040,
	VM_FAULT_NOPAGE = 0x000100,
	VM_FAULT_LOCKED = 0x000200,
	VM_FAULT_RETRY = 0x000400,
	VM_FAULT_FALLBACK = 0x000800,
	VM_FAULT_DONE_COW = 0x001000,
	VM_FAULT_NEEDDSYNC = 0x002000,
	VM_FAULT_COMPLETED = 0x004000,
	VM_FAULT_HINDEX_MASK = 0x0f0000,
};
#endif
