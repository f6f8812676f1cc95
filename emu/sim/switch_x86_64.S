/*
 * The task-to-task fiber switch: Boost.Context's jump_fcontext (x86-64 SysV),
 * with the same context layout and calling convention, ending in `ret`
 * instead of `jmp *%r8`.
 *
 * Why: schedule() suspends every task at the same call site. With `ret`,
 * the return-stack predictor's top entry (pushed by the suspending task's
 * call) names exactly where the resumed task continues, and it stays
 * balanced, so the returns that follow (out of schedule(), out of the wait
 * loop) are predicted too. jump_fcontext's `jmp` leaves the pushed entry
 * behind, and the resumed task's next return is mispredicted on every
 * switch. Contexts are interchangeable with jump_fcontext's (a fresh one
 * from make_fcontext starts through Boost's trampoline the same way).
 *
 * Unlike jump_fcontext it does not reload MXCSR and the x87 control word
 * (it still saves them, so jump_fcontext can resume a context saved here):
 * nothing in emu changes the floating-point environment, and the reloads
 * are slow, partly serialising instructions.
 *
 * transfer_t emu_swap_fcontext(fcontext_t to, void* data);
 */
/*
 * The common body: saves the running context's callee-saved registers, MXCSR
 * and x87 control word below its return address and leaves that context in
 * %rax; switches to `to` (%rdi) and restores its registers, leaving %rsp at
 * its return address and transfer_t {from, data} in %rax:%rdx (and from in
 * %rdi, for a fresh context's trampoline).
 */
.macro SWITCH_CONTEXT
	leaq	-0x38(%rsp), %rsp
	stmxcsr	(%rsp)
	fnstcw	0x4(%rsp)
	movq	%r12, 0x8(%rsp)
	movq	%r13, 0x10(%rsp)
	movq	%r14, 0x18(%rsp)
	movq	%r15, 0x20(%rsp)
	movq	%rbx, 0x28(%rsp)
	movq	%rbp, 0x30(%rsp)
	movq	%rsp, %rax
	movq	%rdi, %rsp
	movq	0x8(%rsp), %r12
	movq	0x10(%rsp), %r13
	movq	0x18(%rsp), %r14
	movq	0x20(%rsp), %r15
	movq	0x28(%rsp), %rbx
	movq	0x30(%rsp), %rbp
	leaq	0x38(%rsp), %rsp
	movq	%rsi, %rdx
	movq	%rax, %rdi
.endm

	.text
	.globl	emu_swap_fcontext
	.hidden	emu_swap_fcontext
	.type	emu_swap_fcontext, @function
	.p2align 4
emu_swap_fcontext:
	SWITCH_CONTEXT
	ret
	.size	emu_swap_fcontext, .-emu_swap_fcontext

/*
 * The engine loop's switch: the same, ending in Boost's `jmp` (the loop's
 * switches alternate between two sites, which the indirect-jump predictor
 * handles better than a return).
 *
 * transfer_t emu_jump_fcontext(fcontext_t to, void* data);
 */
	.globl	emu_jump_fcontext
	.hidden	emu_jump_fcontext
	.type	emu_jump_fcontext, @function
	.p2align 4
emu_jump_fcontext:
	SWITCH_CONTEXT
	popq	%r8
	jmp	*%r8
	.size	emu_jump_fcontext, .-emu_jump_fcontext

	.section .note.GNU-stack,"",@progbits
