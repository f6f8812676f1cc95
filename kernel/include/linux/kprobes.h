#ifndef _LINUX_KPROBES_H
#define _LINUX_KPROBES_H
/* Kernel probes (6.1 include/linux/kprobes.h, CONFIG_KPROBES as Debian's).
 * emu cannot patch breakpoints into its kernel's code: registering a probe is
 * declared only, so a module that does fails to load with "Unknown symbol
 * NAME" (register_kprobe, register_kretprobe, ...). */
#include "types.h"
#include "list.h"
#include "compiler.h"
#include "../asm/ptrace.h"

typedef u8 kprobe_opcode_t;
struct kprobe;
struct kretprobe_instance;
struct arch_specific_insn { kprobe_opcode_t *insn; };
typedef int (*kprobe_pre_handler_t)(struct kprobe *, struct pt_regs *);
typedef void (*kprobe_post_handler_t)(struct kprobe *, struct pt_regs *, unsigned long flags);
typedef int (*kretprobe_handler_t)(struct kretprobe_instance *, struct pt_regs *);

struct kprobe {
	struct hlist_node hlist;
	struct list_head list;
	unsigned long nmissed;
	kprobe_opcode_t *addr;
	const char *symbol_name;
	unsigned int offset;
	kprobe_pre_handler_t pre_handler;
	kprobe_post_handler_t post_handler;
	kprobe_opcode_t opcode;
	struct arch_specific_insn ainsn;
	u32 flags;
};
#define KPROBE_FLAG_GONE 1
#define KPROBE_FLAG_DISABLED 2
#define KPROBE_FLAG_OPTIMIZED 4
#define KPROBE_FLAG_FTRACE 8

struct kretprobe {
	struct kprobe kp;
	kretprobe_handler_t handler;
	kretprobe_handler_t entry_handler;
	int maxactive;
	int nmissed;
	size_t data_size;
	void *rph;
};
struct kretprobe_instance {
	void *rp;
	unsigned long ret_addr;
	void *fp;
	char data[];
};

EMU_BEGIN_DECLS
int register_kprobe(struct kprobe *p);
void unregister_kprobe(struct kprobe *p);
int register_kprobes(struct kprobe **kps, int num);
void unregister_kprobes(struct kprobe **kps, int num);
int register_kretprobe(struct kretprobe *rp);
void unregister_kretprobe(struct kretprobe *rp);
int register_kretprobes(struct kretprobe **rps, int num);
void unregister_kretprobes(struct kretprobe **rps, int num);
int disable_kprobe(struct kprobe *kp);
int enable_kprobe(struct kprobe *kp);
EMU_END_DECLS
static inline int disable_kretprobe(struct kretprobe *rp) { return disable_kprobe(&rp->kp); }
static inline int enable_kretprobe(struct kretprobe *rp) { return enable_kprobe(&rp->kp); }
#endif
