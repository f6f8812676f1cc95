// Guest faults (arch/x86/mm/fault.c, arch/x86/kernel/dumpstack.c): a SIGSEGV,
// SIGBUS, SIGFPE or SIGILL raised by guest code becomes Linux's Oops report
// naming the function and module, and then what Linux does next: in process
// context the task dies (SIGKILL; locks it held stay held) and the machine
// goes on; in interrupt context the kernel panics and the machine stops. A
// fault outside guest context is an emulator bug and says so.
#include "kernel/bug.hpp"
#include "kernel/printk.hpp"
#include "kernel/process.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"

#include <signal.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace emu::kern {

namespace {

constexpr std::size_t kAltStackSize = 256 * 1024;

PtRegs fault_regs(Cpu& c, const ucontext_t* uc) {
    const greg_t* g = uc->uc_mcontext.gregs;
    auto u = [g](int i) { return static_cast<std::uintptr_t>(g[i]); };
    PtRegs r;
    r.ip = u(REG_RIP);
    r.sp = u(REG_RSP);
    r.flags = machine_flags(c, u(REG_EFL));
    r.ax = u(REG_RAX), r.bx = u(REG_RBX), r.cx = u(REG_RCX), r.dx = u(REG_RDX);
    r.si = u(REG_RSI), r.di = u(REG_RDI), r.bp = u(REG_RBP);
    r.r8 = u(REG_R8), r.r9 = u(REG_R9), r.r10 = u(REG_R10), r.r11 = u(REG_R11);
    r.r12 = u(REG_R12), r.r13 = u(REG_R13), r.r14 = u(REG_R14), r.r15 = u(REG_R15);
    r.cpu = c.id;
    r.cr2 = c.cr2;
    return r;
}

void report_oops(Cpu& c, int sig, const siginfo_t* si, const ucontext_t* uc) {
    Kernel& k = c.k;
    k.oops_in_progress = true;
    auto host_addr = reinterpret_cast<std::uintptr_t>(si->si_addr);
    // The faulting address as the kernel address it stands for (a module's is in module space).
    std::uintptr_t addr = guest_address(k, host_addr);
    auto rbp = static_cast<std::uintptr_t>(uc->uc_mcontext.gregs[REG_RBP]);
    // The guest runs as kernel code: drop the hardware's user-mode bit (0x4).
    auto err = static_cast<unsigned long>(uc->uc_mcontext.gregs[REG_ERR]) & ~0x4ul;
    // A jump or return to a missing page (freed module text) faults on RIP itself: an instruction fetch.
    if (host_addr == static_cast<std::uintptr_t>(uc->uc_mcontext.gregs[REG_RIP])) err |= 0x10;
    bool page_fault = sig == SIGSEGV || sig == SIGBUS;
    if (page_fault) c.cr2 = addr;  // the CPU latches the faulting address
    Task* t = c.curr;
    std::uintptr_t lo = t->fiber.stack_lo();
    std::uintptr_t page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    if (sig == SIGSEGV && host_addr >= lo - page && host_addr < lo) {
        printk_emit(k, LOGLEVEL_EMERG, "BUG: stack guard page was hit at %016lx (stack is %016lx..%016lx)\n",
                    static_cast<unsigned long>(host_addr), static_cast<unsigned long>(lo),
                    static_cast<unsigned long>(t->fiber.stack_hi() - 1));
    } else if (page_fault) {
        if (addr < page)
            printk_emit(k, LOGLEVEL_ALERT, "BUG: kernel NULL pointer dereference, address: %016lx\n",
                        static_cast<unsigned long>(addr));
        else
            printk_emit(k, LOGLEVEL_ALERT, "BUG: unable to handle page fault for address: %016lx\n",
                        static_cast<unsigned long>(addr));
        const char* access = (err & 0x10) ? "instruction fetch" : (err & 2) ? "write access" : "read access";
        printk_emit(k, LOGLEVEL_ALERT, "#PF: supervisor %s in kernel mode\n", access);
        printk_emit(k, LOGLEVEL_ALERT, "#PF: error_code(0x%04lx) - %s\n", err & 0xffff,
                    (err & 1) ? "permissions violation" : "not-present page");
        printk_emit(k, LOGLEVEL_DEFAULT, "PGD 0 P4D 0 \n");
    } else if (sig == SIGFPE) {
        printk_emit(k, LOGLEVEL_EMERG, "divide error: 0000 [#%d] PREEMPT SMP NOPTI\n", ++k.die_counter);
    } else {
        printk_emit(k, LOGLEVEL_EMERG, "invalid opcode: 0000 [#%d] PREEMPT SMP NOPTI\n", ++k.die_counter);
    }
    if (page_fault)
        printk_emit(k, LOGLEVEL_EMERG, "Oops: %04lx [#%d] PREEMPT SMP NOPTI\n", err & 0xffff, ++k.die_counter);
    PtRegs regs = fault_regs(c, uc);
    dump_stack_from(rbp, &regs);  // CPU and hardware lines, the registers, the call trace
    print_modules(k);
    if (page_fault) printk_emit(k, LOGLEVEL_DEFAULT, "CR2: %016lx\n", static_cast<unsigned long>(addr));
    printk_emit(k, LOGLEVEL_DEFAULT, "---[ end trace 0000000000000000 ]---\n");
    show_regs(k, regs);  // oops_end(): the "executive summary" in case the oops scrolled away
    add_taint(k, TAINT_DIE);
}

void on_fault(int sig, siginfo_t* si, void* ctx) {
    CpuCore* core = tl_core;
    if (!core || !core->kernel_cpu) {
        // Not guest code: an emulator bug. Report it plainly and die with the signal.
        const char msg[] = "emu: internal error (emulator bug): fatal signal outside guest code\n";
        (void)!write(2, msg, sizeof msg - 1);
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    if (k.oops_in_progress) {  // a fault while reporting a fault
        k.panicked = true;
        k.stop_machine(kExitPanic);
    }
    report_oops(c, sig, si, static_cast<ucontext_t*>(ctx));
    unsigned pc = c.preempt_count;
    bool interrupt = pc & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK);
    if (interrupt) kernel_panic(k, "Fatal exception in interrupt");
    if (k.cfg.panic_on_oops) kernel_panic(k, "Fatal exception");
    k.oops_in_progress = false;
    // make_task_dead(): a page fault's oops_end() kills with SIGKILL, die()
    // (invalid opcode, divide error) with SIGSEGV. This task never resumes
    // (we leave the handler by switching fibers).
    kill_current_task(sig == SIGSEGV || sig == SIGBUS ? SIGKILL_NR : SIGSEGV_NR);
}

}  // namespace

// Installed at every boot: the disposition is process-wide and someone (a test
// framework) may have replaced it since. The alternate stack is made once.
void install_fault_handlers() {
    stack_t current{};
    sigaltstack(nullptr, &current);
    if (current.ss_flags & SS_DISABLE) {
        stack_t ss{};
        ss.ss_sp = std::malloc(kAltStackSize);
        ss.ss_size = kAltStackSize;
        sigaltstack(&ss, nullptr);
    }
    struct sigaction sa{};
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;  // NODEFER: we may leave without returning
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) sigaction(sig, &sa, nullptr);
}

}  // namespace emu::kern
