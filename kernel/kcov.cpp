// The compiler's per-basic-block hook, the one Linux's kernel/kcov.c defines
// for coverage. emu compiles every guest module and guest program with
// -fsanitize-coverage=trace-pc, so gcc calls __sanitizer_cov_trace_pc() at
// the start of each basic block; here it charges that block's cost to the
// CPU running it. That makes guest code take guest time by what it executes
// (a loop of N iterations costs N blocks), and every block a preemption
// point with the rules of a kernel entry: an interrupt is taken there when
// interrupts are on, and the engine may let another CPU run. A loop that
// never calls the kernel is then interrupted by the tick like any other code,
// and the soft-lockup detector sees it as 6.1's does.
//
// The cost (costs.guest_block, 1 cycle = 1 ns at emu's 1 GHz) is chosen so a
// plain C loop of 2.5e9 iterations, one block each, takes 2.5 s of guest
// time: the seconds such a loop takes on hardware. `--cost guest_block=N`
// changes it.
#include "kernel/kernel.hpp"

using namespace emu;
using namespace emu::kern;

extern "C" {

// The fast path is a charge(): one add, one compare. Code that runs outside
// any machine (a module's constructor run by a host test) has no core.
__attribute__((noinline)) void __sanitizer_cov_trace_pc(void) {
    CpuCore* core = tl_core;
    if (__builtin_expect(core == nullptr, 0)) return;
    core->clock += static_cast<const Cpu*>(tl_kernel_cpu)->guest_block_cost;
    if (__builtin_expect(core->clock >= core->deadline, 0)) preempt_point_slow();
}

}  // extern "C"
