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

// switch_x86_64.S: jump_fcontext without the MXCSR/x87 control word reloads
// (nothing in emu changes them), ending in `ret` (swap: a predictable return
// path) or in Boost's `jmp` (jump).
extern "C" boost::context::detail::transfer_t emu_swap_fcontext(boost::context::detail::fcontext_t to, void* data);
extern "C" boost::context::detail::transfer_t emu_jump_fcontext(boost::context::detail::fcontext_t to, void* data);

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

    // Suspends `from` (the running context) and resumes `to`. Inline (outside
    // sanitizer builds): every extra return on the way back from a stack
    // switch is a return-address misprediction, so the switch path is flat.
    static void switch_to(Fiber& from, Fiber& to);
    // The same, for a switch between two tasks at schedule()'s one call site
    // (emu_swap_fcontext: the resumed task's returns are then predicted).
    // The engine loop's switches keep a `jmp` (emu_jump_fcontext): they
    // alternate between two different sites, which an indirect jump predicts
    // better.
    static void switch_task(Fiber& from, Fiber& to);

    bool has_stack() const { return m_stack_lo != nullptr; }
    std::uintptr_t stack_lo() const { return reinterpret_cast<std::uintptr_t>(m_stack_lo); }
    std::uintptr_t stack_hi() const { return stack_lo() + m_stack_size; }

    struct SwitchArgs {
        Fiber* from;
        Fiber* to;
    };

private:
    template <boost::context::detail::transfer_t (*Jump)(boost::context::detail::fcontext_t, void*)>
    static void switch_via(Fiber& from, Fiber& to);
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
template <boost::context::detail::transfer_t (*Jump)(boost::context::detail::fcontext_t, void*)>
inline void Fiber::switch_via(Fiber& from, Fiber& to) {
    if (__builtin_expect(!from.m_active || to.m_active || &from == &to, 0)) bad_switch(from, to);
    from.m_active = false;
    to.m_active = true;
    SwitchArgs args{&from, &to};
    boost::context::detail::transfer_t t = Jump(to.m_ctx, &args);
    static_cast<SwitchArgs*>(t.data)->from->m_ctx = t.fctx;
}
inline void Fiber::switch_to(Fiber& from, Fiber& to) { switch_via<emu_jump_fcontext>(from, to); }
inline void Fiber::switch_task(Fiber& from, Fiber& to) { switch_via<emu_swap_fcontext>(from, to); }
#endif

}  // namespace emu
