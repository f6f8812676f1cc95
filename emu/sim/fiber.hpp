#pragma once
// Fibers: every guest task runs on its own Boost.Context fcontext with a
// guard-paged stack taken from a pool (mmap + mprotect costs microseconds, so
// stacks are recycled). We use the low-level fcontext API rather than
// boost::context::fiber: a task that dies (Oops, machine teardown) is simply
// never resumed again, with no forced unwinding through guest C frames, and a
// switch is one jump.
#include <boost/context/detail/fcontext.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace emu {

class StackPool {
public:
    explicit StackPool(std::size_t stack_size);
    ~StackPool();
    StackPool(const StackPool&) = delete;
    StackPool& operator=(const StackPool&) = delete;

    // Returns the lowest usable address; the guard page sits just below it.
    void* acquire();
    void release(void* lowest);
    std::size_t stack_size() const { return m_stack_size; }
    std::size_t mapped_stacks() const { return m_mapped; }

private:
    std::size_t m_stack_size;
    std::size_t m_page;
    std::size_t m_mapped = 0;
    std::vector<void*> m_free;
};

class Fiber {
public:
    using Entry = void (*)(void* arg);

    Fiber() = default;  // the host's own context (the machine loop); has no stack of ours
    // Marks a stackless fiber as the context that is executing now (the host thread's own).
    void mark_active() { m_active = true; }
    ~Fiber();
    Fiber(const Fiber&) = delete;
    Fiber& operator=(const Fiber&) = delete;

    // Prepares the fiber to run entry(arg) on a stack from `pool` at its first switch.
    // entry must never return: a finished task switches away for good.
    void start(StackPool& pool, Entry entry, void* arg);
    // Gives the stack back. Only for a fiber that will never be resumed again.
    void retire();

    // Suspends `from` (the running context) and resumes `to`: the engine
    // loop's switches to and from a core, and schedule()'s task switch.
    // Inline code with no call (outside sanitizer builds); see jump() below.
    static void switch_to(Fiber& from, Fiber& to);

    bool has_stack() const { return m_stack_lo != nullptr; }
    std::uintptr_t stack_lo() const { return reinterpret_cast<std::uintptr_t>(m_stack_lo); }
    std::uintptr_t stack_hi() const { return stack_lo() + m_stack_size; }

    struct SwitchArgs {
        Fiber* from;
        Fiber* to;
    };

private:
    static boost::context::detail::transfer_t jump(boost::context::detail::fcontext_t to, void* data);
    static void trampoline(boost::context::detail::transfer_t t);
    [[noreturn]] static void bad_switch(const Fiber& from, const Fiber& to);

    boost::context::detail::fcontext_t m_ctx = nullptr;
    bool m_active = false;  // executing right now (catches a double resume, which would corrupt a stack)
    StackPool* m_pool = nullptr;
    void* m_stack_lo = nullptr;
    std::size_t m_stack_size = 0;
    Entry m_entry = nullptr;
    void* m_arg = nullptr;
#ifdef EMU_SANITIZE
    const void* m_asan_bottom = nullptr;
    std::size_t m_asan_size = 0;
#endif
};

#ifndef EMU_SANITIZE
// Boost's jump_fcontext, as inline code with no call and without its MXCSR
// and x87 control word saves and reloads: nothing in emu changes them, and
// stmxcsr + fnstcw cost a few ns per switch. Same context layout, so a fresh
// context from make_fcontext starts through Boost's trampoline as before;
// the two words' slot is left unwritten, so a context suspended here must
// never be resumed by Boost's jump_fcontext (which would load them). Only
// sanitizer builds use jump_fcontext, and they use it for every switch.
//
// Why no call: a switch that is a called function leaves the suspending
// side's return address on the CPU's return-stack predictor, and every return
// the resumed side then makes is predicted one frame off, all the way up its
// call chain. Inline, the predictor keeps the suspended chain's entries, which
// match the resumed chain's returns whenever both stopped at the same call
// sites (two cores interrupted in mod_timer(), two tasks waiting in the same
// wait loop), and each copy's `jmp` mostly has one target (the other side's
// copy), which the indirect-jump predictor learns. Only caller-saved
// registers are lost, as across a call; the callee-saved ones and %rbp travel
// in the context.
[[gnu::always_inline]] inline boost::context::detail::transfer_t Fiber::jump(boost::context::detail::fcontext_t to,
                                                                              void* data) {
    register void* rdi asm("rdi") = to;
    register void* rsi asm("rsi") = data;
    register void* rax asm("rax");
    register void* rdx asm("rdx");
    asm volatile(
        "leaq -128(%%rsp), %%rsp\n\t"  // step over the red zone: the caller may keep data there
        "leaq 1f(%%rip), %%rax\n\t"    // where this context resumes
        "pushq %%rax\n\t"
        "leaq -0x38(%%rsp), %%rsp\n\t"
        "movq %%r12, 0x8(%%rsp)\n\t"
        "movq %%r13, 0x10(%%rsp)\n\t"
        "movq %%r14, 0x18(%%rsp)\n\t"
        "movq %%r15, 0x20(%%rsp)\n\t"
        "movq %%rbx, 0x28(%%rsp)\n\t"
        "movq %%rbp, 0x30(%%rsp)\n\t"
        "movq %%rsp, %%rax\n\t"  // transfer_t.fctx for the resumed side
        "movq %%rdi, %%rsp\n\t"
        "movq 0x8(%%rsp), %%r12\n\t"
        "movq 0x10(%%rsp), %%r13\n\t"
        "movq 0x18(%%rsp), %%r14\n\t"
        "movq 0x20(%%rsp), %%r15\n\t"
        "movq 0x28(%%rsp), %%rbx\n\t"
        "movq 0x30(%%rsp), %%rbp\n\t"
        "leaq 0x38(%%rsp), %%rsp\n\t"
        "movq %%rsi, %%rdx\n\t"  // transfer_t.data
        "movq %%rax, %%rdi\n\t"  // a fresh context's trampoline takes transfer_t in %rdi
        "popq %%r8\n\t"
        "jmp *%%r8\n"
        "1:\n\t"
        "leaq 128(%%rsp), %%rsp"
        : "+r"(rdi), "+r"(rsi), "=r"(rax), "=r"(rdx)
        :
        : "rcx", "r8", "r9", "r10", "r11", "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
          "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "st", "st(1)", "st(2)",
          "st(3)", "st(4)", "st(5)", "st(6)", "st(7)");
    return {rax, rdx};
}

inline void Fiber::switch_to(Fiber& from, Fiber& to) {
    if (__builtin_expect(!from.m_active || to.m_active || &from == &to, 0)) bad_switch(from, to);
    from.m_active = false;
    to.m_active = true;
    SwitchArgs args{&from, &to};
    boost::context::detail::transfer_t t = jump(to.m_ctx, &args);
    static_cast<SwitchArgs*>(t.data)->from->m_ctx = t.fctx;
}
#endif

}  // namespace emu
