#include "emu/sim/fiber.hpp"

#include "emu/sim/panic.hpp"

#include <sys/mman.h>
#include <unistd.h>

#ifdef EMU_SANITIZE
#include <sanitizer/asan_interface.h>
#endif

namespace ctx = boost::context::detail;

namespace emu {

StackPool::StackPool(std::size_t stack_size) : m_page(static_cast<std::size_t>(sysconf(_SC_PAGESIZE))) {
    m_stack_size = (stack_size + m_page - 1) / m_page * m_page;
}

StackPool::~StackPool() {
    for (void* lo : m_free) munmap(static_cast<char*>(lo) - m_page, m_stack_size + m_page);
}

void* StackPool::acquire() {
    if (!m_free.empty()) {
        void* lo = m_free.back();
        m_free.pop_back();
        return lo;
    }
    void* base = mmap(nullptr, m_stack_size + m_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
    EMU_ASSERT(base != MAP_FAILED, "cannot map a {}-byte fiber stack", m_stack_size);
    // The guard page below the stack turns an overflow into a fault we can report.
    EMU_ASSERT(mprotect(base, m_page, PROT_NONE) == 0, "cannot protect a stack guard page");
    ++m_mapped;
    return static_cast<char*>(base) + m_page;
}

void StackPool::release(void* lowest) { m_free.push_back(lowest); }

namespace {
using SwitchArgs = Fiber::SwitchArgs;
}  // namespace

Fiber::~Fiber() { retire(); }

void Fiber::retire() {
    if (m_pool && m_stack_lo) m_pool->release(m_stack_lo);
    m_pool = nullptr;
    m_stack_lo = nullptr;
    m_ctx = nullptr;
}

void Fiber::start(StackPool& pool, Entry entry, void* arg) {
    EMU_ASSERT(!m_stack_lo, "fiber started twice");
    m_pool = &pool;
    m_stack_lo = pool.acquire();
    m_stack_size = pool.stack_size();
    m_entry = entry;
    m_arg = arg;
    m_ctx = ctx::make_fcontext(static_cast<char*>(m_stack_lo) + m_stack_size, m_stack_size, &Fiber::trampoline);
#ifdef EMU_SANITIZE
    m_asan_bottom = m_stack_lo;
    m_asan_size = m_stack_size;
#endif
}

void Fiber::trampoline(ctx::transfer_t t) {
    auto* args = static_cast<SwitchArgs*>(t.data);
#ifdef EMU_SANITIZE
    __sanitizer_finish_switch_fiber(nullptr, &args->from->m_asan_bottom, &args->from->m_asan_size);
#endif
    args->from->m_ctx = t.fctx;
    Fiber* self = args->to;
    self->m_entry(self->m_arg);
    EMU_ASSERT(false, "a fiber's entry function returned");
}

void Fiber::bad_switch(const Fiber& from, const Fiber& to) {
    panic_at(__FILE__, __LINE__,
             fmt::format("bad fiber switch ({} -> {}{})", from.m_active, to.m_active, &from == &to ? ", same fiber" : ""));
}

#ifdef EMU_SANITIZE
void Fiber::switch_to(Fiber& from, Fiber& to) {
    if (!from.m_active || to.m_active || &from == &to) bad_switch(from, to);
    from.m_active = false;
    to.m_active = true;
    SwitchArgs args{&from, &to};
#ifdef EMU_SANITIZE
    void* fake = nullptr;
    __sanitizer_start_switch_fiber(&fake, to.m_asan_bottom, to.m_asan_size);
#endif
    ctx::transfer_t t = ctx::jump_fcontext(to.m_ctx, &args);
    auto* back = static_cast<SwitchArgs*>(t.data);
#ifdef EMU_SANITIZE
    __sanitizer_finish_switch_fiber(fake, &back->from->m_asan_bottom, &back->from->m_asan_size);
#endif
    back->from->m_ctx = t.fctx;
}
#endif

}  // namespace emu
