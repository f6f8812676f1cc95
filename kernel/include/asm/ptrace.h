#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H
/* The registers saved on kernel entry (6.1 arch/x86/include/asm/ptrace.h,
 * x86-64 layout). */
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};
#define instruction_pointer(regs) ((regs)->ip)
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_return_value(regs) ((regs)->ax)
static inline unsigned long kernel_stack_pointer(struct pt_regs *regs) { return regs->sp; }
#endif
