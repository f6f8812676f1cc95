#pragma once
// Linux's splats (kernel/panic.c, lib/dump_stack.c, kernel/sched/core.c):
// the formats are exact; call traces name guest and kernel functions.
#include "kernel/kernel.hpp"

#include <string>

namespace emu::kern {

std::string format_symbol(Kernel& k, std::uintptr_t addr);  // %pS
std::string format_symbol_name(Kernel& k, std::uintptr_t addr);  // %ps: the name (and module), no offset
// A frame of the fiber machinery, where call traces end.
bool is_fiber_entry(std::uintptr_t addr);
std::string taint_string(const Kernel& k);
void add_taint(Kernel& k, int flag);
void print_modules(Kernel& k);
// dump_stack(): the CPU line, the hardware line and a call trace of the caller.
void dump_stack_current();
void dump_stack_from(std::uintptr_t fp);
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
