// Splats: WARN, "BUG: sleeping function called from invalid context",
// "BUG: scheduling while atomic", dump_stack, panic -- in Linux 6.1's formats
// (SEMANTICS.md §8, §9.4, §10).
#include "kernel/bug.hpp"

#include "kernel/lockdep.hpp"
#include "kernel/module_space.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/vsprintf.hpp"

#include <fmt/format.h>

#include <cstdarg>

namespace emu::kern {

namespace {
constexpr const char* kRelease = "6.1.0-emu";
constexpr const char* kHardware = "Hardware name: emu deterministic SMP machine, BIOS emu 1.0 01/01/2026";
}  // namespace

std::string format_symbol(Kernel& k, std::uintptr_t addr) {
    Symbol s = symbolize(addr);
    if (!s.found) return fmt::format("0x{:x}", freed_module_at(addr) ? guest_address(k, addr) : addr);
    std::string out = fmt::format("{}+0x{:x}/0x{:x}", s.name, s.offset, s.size);
    if (k.module_of_object) {
        std::string mod = k.module_of_object(s.base);
        if (!mod.empty()) out += " [" + mod + "]";
    }
    return out;
}

std::string format_symbol_name(Kernel& k, std::uintptr_t addr) {
    Symbol s = symbolize(addr);
    if (!s.found) return fmt::format("0x{:x}", freed_module_at(addr) ? guest_address(k, addr) : addr);
    std::string out = s.name;
    if (k.module_of_object) {
        std::string mod = k.module_of_object(s.base);
        if (!mod.empty()) out += " [" + mod + "]";
    }
    return out;
}

bool is_fiber_entry(std::uintptr_t addr) {
    Symbol s = symbolize(addr);
    return s.found && (s.name == "trampoline" || s.name == "make_fcontext" || s.name == "task_entry");
}

std::string taint_string(const Kernel& k) {
    static constexpr char letters[TAINT_FLAGS_COUNT + 1] = "PFSRMBUDAWCIOELKXTN";
    if (!k.taint) return "Not tainted";
    std::string s = "Tainted: ";
    for (int i = 0; i < TAINT_FLAGS_COUNT; ++i) {
        bool set = k.taint >> i & 1;
        s += set ? letters[i] : (i == 0 ? 'G' : ' ');
    }
    return s;
}

void add_taint(Kernel& k, int flag) { k.taint |= 1ul << flag; }

void print_modules(Kernel& k) {
    std::string mods = k.modules_linked_in ? k.modules_linked_in() : std::string();
    printk_emit(k, LOGLEVEL_DEFAULT, "Modules linked in:%s\n", mods.c_str());
}

void dump_stack_from(std::uintptr_t fp, const PtRegs* regs) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* t = c.curr;
    printk_emit(k, LOGLEVEL_DEFAULT, "CPU: %d PID: %d Comm: %.20s %s %s #1\n", c.id, t->pid, t->comm,
                taint_string(k).c_str(), kRelease);
    printk_emit(k, LOGLEVEL_DEFAULT, "%s\n", kHardware);
    if (regs) show_regs(k, *regs);
    printk_emit(k, LOGLEVEL_DEFAULT, "Call Trace:\n");
    dump_stack_from_frames(fp);
}

void dump_stack_from_frames(std::uintptr_t fp) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* t = c.curr;
    std::uintptr_t lo = t->fiber.stack_lo(), hi = t->fiber.stack_hi();
    std::uintptr_t irq_frame = t->irq_frame;
    bool in_irq_part = irq_frame && fp < irq_frame;
    printk_emit(k, LOGLEVEL_DEFAULT, "%s\n", in_irq_part ? " <IRQ>" : " <TASK>");
    std::size_t frames = 0;
    while (frames < 40 && frame_in_stack(fp, lo, hi)) {
        auto* frame = reinterpret_cast<std::uintptr_t*>(fp);
        std::uintptr_t ret = frame[1];
        if (!ret) break;
        if (in_irq_part && fp >= irq_frame) {
            printk_emit(k, LOGLEVEL_DEFAULT, " </IRQ>\n");
            printk_emit(k, LOGLEVEL_DEFAULT, " <TASK>\n");
            in_irq_part = false;
        }
        // Stop at the fiber's entry: nothing a reader needs lies beyond it.
        if (is_fiber_entry(ret)) break;
        // Freed module text is no kernel text: the unwinder does not print it.
        if (!freed_module_at(ret)) {
            printk_emit(k, LOGLEVEL_DEFAULT, " %s\n", format_symbol(k, ret).c_str());
            ++frames;
        }
        if (frame[0] <= fp) break;
        fp = frame[0];
    }
    if (in_irq_part) {
        printk_emit(k, LOGLEVEL_DEFAULT, " </IRQ>\n");
        printk_emit(k, LOGLEVEL_DEFAULT, " <TASK>\n");
    }
    printk_emit(k, LOGLEVEL_DEFAULT, " </TASK>\n");
}

__attribute__((noinline)) void dump_stack_current() {
    dump_stack_from(reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)));
}

[[noreturn]] void kernel_panic(Kernel& k, const std::string& message) {
    k.oops_in_progress = true;
    printk_emit(k, LOGLEVEL_EMERG, "Kernel panic - not syncing: %s\n", message.c_str());
    if (in_guest()) dump_stack_current();
    printk_emit(k, LOGLEVEL_EMERG, "---[ end Kernel panic - not syncing: %s ]---\n", message.c_str());
    k.panicked = true;
    k.stop_machine(kExitPanic);
    // The CPU spins forever, as Linux's panic() does; the engine never resumes it.
    for (;;) tl_core->engine->yield_to_loop(*tl_core);
}

// __warn() after the x86 trap: the registers of the WARN site, then the call
// trace from the site's caller (the site itself is the RIP line).
__attribute__((noinline)) void warn_report(Kernel& k, const char* file, int line, std::uintptr_t caller,
                                           const std::string& message) {
    Cpu& c = this_cpu();
    // The frame the site called: ours, or __warn()'s for a guest WARN().
    auto own = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    std::uintptr_t callee = find_frame(own, c.curr->fiber.stack_lo(), c.curr->fiber.stack_hi(), 4,
                                       [caller](std::uintptr_t ret) { return ret == caller; });
    if (!callee) callee = own;  // `caller` is an address inside our caller, not a return address
    PtRegs regs = capture_regs(c, caller, callee);
    printk_emit(k, LOGLEVEL_WARNING, "------------[ cut here ]------------\n");
    if (!message.empty()) printk_emit(k, LOGLEVEL_WARNING, "%s", message.c_str());
    printk_emit(k, LOGLEVEL_WARNING, "WARNING: CPU: %d PID: %d at %s:%d %s\n", c.id, c.curr->pid, file, line,
                format_symbol(k, caller).c_str());
    print_modules(k);
    dump_stack_from(regs.bp, &regs);
    // check_panic_on_warn() comes right after the registers.
    if (k.cfg.panic_on_warn) kernel_panic(k, "panic_on_warn set ...");
    printk_emit(k, LOGLEVEL_WARNING, "---[ end trace 0000000000000000 ]---\n");
    add_taint(k, TAINT_WARN);
}

void schedule_bug(Task* prev) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    if (k.oops_in_progress) return;
    printk_emit(k, LOGLEVEL_ERR, "BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
                c.preempt_count);
    if (k.lockdep) k.lockdep->print_held_locks(prev, /*only_if_any=*/true);
    print_modules(k);
    if (k.cfg.panic_on_warn) kernel_panic(k, "scheduling while atomic");
    dump_stack_current();
    add_taint(k, TAINT_WARN);
}

// __might_resched(): the check behind might_sleep() (CONFIG_DEBUG_ATOMIC_SLEEP).
void might_resched_report(const char* file, int line, unsigned int expected) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* t = c.curr;
    bool irqs_disabled = !c.core.irqs_on;
    if ((c.preempt_count == expected && !irqs_disabled && !t->is_idle()) || k.oops_in_progress) return;
    // Rate limit: one report per HZ jiffies.
    if (k.might_sleep_prev_jiffy && k.jiffies_now < k.might_sleep_prev_jiffy + static_cast<unsigned long>(k.cfg.hz))
        return;
    k.might_sleep_prev_jiffy = k.jiffies_now;
    printk_emit(k, LOGLEVEL_ERR, "BUG: sleeping function called from invalid context at %s:%d\n", file, line);
    printk_emit(k, LOGLEVEL_ERR, "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
                c.preempt_count != 0, irqs_disabled, 0, t->pid, t->comm);
    printk_emit(k, LOGLEVEL_ERR, "preempt_count: %x, expected: %x\n", c.preempt_count, expected);
    printk_emit(k, LOGLEVEL_ERR, "RCU nest depth: %d, expected: %u\n", 0, 0u);
    if (k.lockdep) k.lockdep->print_held_locks(t, /*only_if_any=*/false);
    dump_stack_current();
    add_taint(k, TAINT_WARN);
    if (k.cfg.panic_on_warn) kernel_panic(k, "sleeping function called from invalid context");
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

// The checks of __might_sleep() that can report or reschedule, out of line:
// wait_event() and every other sleeping call pass through __might_sleep().
__attribute__((noinline, cold)) static void might_sleep_slow(const char* file, int line, std::uintptr_t caller) {
    Cpu& c = this_cpu();
    Task* t = c.curr;
    if (t->__state != TASK_RUNNING && !c.k.oops_in_progress) {
        if (!c.k.warned_blocking_state) {  // WARN_ONCE: once per boot
            c.k.warned_blocking_state = true;
            warn_report(c.k, file, line, caller,
                        fmt::format("do not call blocking ops when !TASK_RUNNING; state={:x} set at [<{:p}>] {}\n",
                                    t->__state, static_cast<void*>(nullptr), "set_current_state"));
        }
    }
    might_resched_check(file, line, 0);
    // PREEMPT_VOLUNTARY: might_sleep() sites are also rescheduling points.
    if (c.k.cfg.preempt == PreemptModel::Voluntary && should_resched_voluntary() && t->__state == TASK_RUNNING)
        __schedule(true);
}

void __might_sleep(const char* file, int line) {
    charge(this_kernel().cfg.costs.api_call);
    const Cpu& c = this_cpu();  // after the preemption point: the task may have moved
    const Task* t = c.curr;
    // Running, preemptible, not the idle task, nothing to reschedule: nothing to report or do.
    if (__builtin_expect(t->__state == TASK_RUNNING && c.preempt_count == 0 && c.core.irqs_on && !c.need_resched &&
                             !t->is_idle(),
                         1))
        return;
    might_sleep_slow(file, line, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)));
}

// The site is `caller` (_THIS_IP_), 6.1's ud2 there; but gcc may move that
// label to the function's start, and then the place WARN() called us from is
// the better address (unless that call was a tail call: then `caller` stays).
void __warn(const char* file, int line, void* caller, const char* fmt, ...) {
    auto site = reinterpret_cast<std::uintptr_t>(caller);
    Symbol at = symbolize(site);
    if (at.found && at.offset == 0) site = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    std::string msg;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        char buf[512];
        emu::kern::kernel_vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        msg = buf;
    }
    warn_report(this_kernel(), file, line, site, msg);
}

void __emu_report_bug(const char* file, int line) {
    Kernel& k = this_kernel();
    printk_emit(k, LOGLEVEL_EMERG, "------------[ cut here ]------------\n");
    printk_emit(k, LOGLEVEL_EMERG, "kernel BUG at %s:%d!\n", file, line);
}

// BUG() of code built before BUG() trapped in place: the same report, the
// trap is then here.
void __emu_bug(const char* file, int line) {
    __emu_report_bug(file, line);
    __builtin_trap();
}

void dump_stack(void) { dump_stack_from(reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0))); }

void panic(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    emu::kern::kernel_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    std::string msg = buf;
    if (!msg.empty() && msg.back() == '\n') msg.pop_back();
    kernel_panic(this_kernel(), msg);
}

}  // extern "C"
