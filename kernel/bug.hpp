#pragma once
// Linux's splats (kernel/panic.c, lib/dump_stack.c, kernel/sched/core.c):
// the formats are exact; call traces name guest and kernel functions.
#include "kernel/kernel.hpp"

#include <string>

namespace emu::kern {

// struct pt_regs, as a splat prints it (kernel/dumpstack.cpp).
struct PtRegs {
    std::uintptr_t ip = 0, sp = 0, flags = 0;
    std::uintptr_t ax = 0, bx = 0, cx = 0, dx = 0, si = 0, di = 0, bp = 0;
    std::uintptr_t r8 = 0, r9 = 0, r10 = 0, r11 = 0, r12 = 0, r13 = 0, r14 = 0, r15 = 0;
    std::uintptr_t cr2 = 0;
    int cpu = 0;
};
// RIP with the code bytes around it, RSP/EFLAGS, the general registers, and
// the segment and control registers (show_regs() after the hardware line).
void show_regs(Kernel& k, const PtRegs& r);
// A host address as the kernel address it stands for, as show_regs() prints registers.
std::uintptr_t guest_address(Kernel& k, std::uintptr_t v);
// Registers for a WARN or a soft lockup: the site is at `ip`, and `callee_fp`
// is the frame of the function it called.
PtRegs capture_regs(Cpu& c, std::uintptr_t ip, std::uintptr_t callee_fp);
std::uintptr_t machine_flags(const Cpu& c, std::uintptr_t host_flags);
std::string format_symbol(Kernel& k, std::uintptr_t addr);  // %pS
std::string format_symbol_name(Kernel& k, std::uintptr_t addr);  // %ps: the name (and module), no offset
// A frame of the fiber machinery, where call traces end.
bool is_fiber_entry(std::uintptr_t addr);
std::string taint_string(const Kernel& k);
void add_taint(Kernel& k, int flag);
void print_modules(Kernel& k);
// dump_stack(): the CPU line, the hardware line and a call trace of the caller.
void dump_stack_current();
// The same with a register block before the trace when `regs` is given (show_regs()).
void dump_stack_from(std::uintptr_t fp, const PtRegs* regs = nullptr);
// The frames of a call trace only (no CPU line), from frame pointer `fp` of the current task.
void dump_stack_from_frames(std::uintptr_t fp);
// SIGSEGV & co. in guest code become Oopses (kernel/fault.cpp).
void install_fault_handlers();
void schedule_bug(Task* prev);
void warn_report(Kernel& k, const char* file, int line, std::uintptr_t caller, const std::string& message);
// panic(): prints the panic banner and stops the machine with kExitPanic.
[[noreturn]] void kernel_panic(Kernel& k, const std::string& message);
// Ends the current task forever (after an Oops in process context).
[[noreturn]] void kill_current_task(int signal);

}  // namespace emu::kern
