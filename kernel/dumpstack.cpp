// The register block of a splat (arch/x86/kernel/dumpstack.c show_ip() and
// show_opcodes(), arch/x86/kernel/process_64.c __show_regs()): what an Oops,
// its "executive summary" and a WARN print between the hardware line and the
// call trace. The registers are the host CPU's real ones at the fault (from
// the signal context) or at the WARN call; the code bytes are the guest
// module's real machine code around RIP; addresses are shown as the kernel
// addresses they stand for. Segment and control registers are the emulated
// machine's.
#include "kernel/bug.hpp"
#include "kernel/module_space.hpp"
#include "kernel/printk.hpp"

#include <fmt/format.h>

#include <dlfcn.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <vector>

namespace emu::kern {

namespace {

constexpr std::size_t kPrologue = 42;  // OPCODE_BUFSIZE 64 = 42 before RIP, RIP, 21 after
constexpr std::size_t kEpilogue = 21;

// copy_from_kernel_nofault(): reading our own memory through the kernel
// fails cleanly (EFAULT) where a plain read of an unmapped page would fault.
bool read_nofault(std::uintptr_t addr, void* buf, std::size_t len) {
    iovec local{buf, len};
    iovec remote{reinterpret_cast<void*>(addr), len};
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == static_cast<ssize_t>(len);
}

std::string code_line(std::uintptr_t ip, std::uintptr_t guest_ip) {
    unsigned char b[kPrologue + 1 + kEpilogue];
    std::uintptr_t start = ip - kPrologue;
    if (!read_nofault(start, b, sizeof b))
        return fmt::format("Code: Unable to access opcode bytes at 0x{:x}.", guest_ip - kPrologue);
    std::string s = "Code:";
    for (std::size_t i = 0; i < sizeof b; ++i)
        s += i == kPrologue ? fmt::format(" <{:02x}>", b[i]) : fmt::format(" {:02x}", b[i]);
    return s;
}

// Register values as the guest should see them: host addresses become the
// kernel addresses they stand for, at offsets that do not depend on where the
// host's ASLR put things, so a splat reads the same in every run.
class AddressMap {
public:
    AddressMap(Kernel& k, const Task* t) : m_k(k), m_task(t) {
        std::FILE* f = std::fopen("/proc/self/maps", "r");
        if (!f) return;
        char line[512];
        while (std::fgets(line, sizeof line, f)) {
            unsigned long lo = 0, hi = 0;
            char name[256] = "";
            if (std::sscanf(line, "%lx-%lx %*s %*s %*s %*s %255s", &lo, &hi, name) < 2) continue;
            m_maps.push_back({lo, hi, name});
            if (std::string(name) == "[heap]" && !m_heap_lo) m_heap_lo = lo;
        }
        std::fclose(f);
    }

    std::uintptr_t operator()(std::uintptr_t v) const {
        if (m_task && v >= m_task->fiber.stack_lo() && v <= m_task->fiber.stack_hi())  // vmapped kernel stack
            return 0xffffc90000000000ul + (static_cast<std::uintptr_t>(m_task->pid) << 20) + (v - m_task->fiber.stack_lo());
        const Mapping* m = find(v);
        if (!m) return v;  // not an address: a plain number
        // module space, one 1 MiB slot per module name
        auto module_space = [](const std::string& mod, std::uintptr_t offset) {
            return 0xffffffffc0000000ul + (std::hash<std::string>{}(mod) & 0x3ful) * 0x100000ul + offset;
        };
        FreedModule gone;
        if (freed_module_at(v, &gone)) return module_space(gone.name, v - gone.base);
        Dl_info info{};
        if (dladdr(reinterpret_cast<void*>(v), &info) && info.dli_fbase) {
            auto base = reinterpret_cast<std::uintptr_t>(info.dli_fbase);
            std::string mod = m_k.module_of_object ? m_k.module_of_object(base) : std::string();
            if (!mod.empty()) return module_space(mod, v - base);
            return 0xffffffff81000000ul + (v - base);  // kernel image
        }
        if (m_heap_lo && m->name == "[heap]") return 0xffff888000000000ul + (v - m_heap_lo);  // direct map
        // Elsewhere in the host: in a mapping only the page offset is stable;
        // the host's own stack is placed at random even within its page.
        return 0xffff888100000000ul + (m->name == "[stack]" ? 0 : (v & 0xfff));
    }

private:
    struct Mapping {
        std::uintptr_t lo, hi;
        std::string name;
    };
    const Mapping* find(std::uintptr_t v) const {
        for (const Mapping& m : m_maps)
            if (v >= m.lo && v < m.hi) return &m;
        return nullptr;
    }
    Kernel& m_k;
    const Task* m_task;
    std::vector<Mapping> m_maps;
    std::uintptr_t m_heap_lo = 0;
};

}  // namespace

void show_regs(Kernel& k, const PtRegs& raw) {
    AddressMap guest(k, in_guest() ? this_cpu().curr : nullptr);
    PtRegs r = raw;
    for (std::uintptr_t* v : {&r.sp, &r.ax, &r.bx, &r.cx, &r.dx, &r.si, &r.di, &r.bp, &r.r8, &r.r9, &r.r10, &r.r11,
                              &r.r12, &r.r13, &r.r14, &r.r15})
        *v = guest(*v);
    auto p = [&k](const std::string& line) { printk_emit(k, LOGLEVEL_DEFAULT, "%s\n", line.c_str()); };
    p("RIP: 0010:" + format_symbol(k, r.ip));
    p(code_line(r.ip, guest(r.ip)));
    // ORIG_RAX is not shown: the entry code sets it to -1 after taking a fault's error code.
    p(fmt::format("RSP: 0018:{:016x} EFLAGS: {:08x}", r.sp, r.flags));
    p(fmt::format("RAX: {:016x} RBX: {:016x} RCX: {:016x}", r.ax, r.bx, r.cx));
    p(fmt::format("RDX: {:016x} RSI: {:016x} RDI: {:016x}", r.dx, r.si, r.di));
    p(fmt::format("RBP: {:016x} R08: {:016x} R09: {:016x}", r.bp, r.r8, r.r9));
    p(fmt::format("R10: {:016x} R11: {:016x} R12: {:016x}", r.r10, r.r11, r.r12));
    p(fmt::format("R13: {:016x} R14: {:016x} R15: {:016x}", r.r13, r.r14, r.r15));
    // The emulated machine's segment and control registers: per-CPU GS base,
    // kernel CS, protected mode with paging, the last page-fault address.
    p(fmt::format("FS:  {:016x}({:04x}) GS:{:016x}({:04x}) knlGS:{:016x}", 0, 0,
                  0xffff88803ec00000ul + static_cast<unsigned long>(r.cpu) * 0x40000ul, 0, 0));
    p(fmt::format("CS:  {:04x} DS: {:04x} ES: {:04x} CR0: {:016x}", 0x10, 0, 0, 0x80050033ul));
    p(fmt::format("CR2: {:016x} CR3: {:016x} CR4: {:016x}", r.cr2, 0x0000000002a0c000ul, 0x00000000003706f0ul));
}

// Registers for a splat whose site is not a trap: RIP is the site, RBP its
// frame and RSP its stack at the call, both read from the frame of the
// function the site called (`callee_fp`). The other general registers are
// whatever the reporting code holds: the host's, not the site's.
PtRegs capture_regs(Cpu& c, std::uintptr_t ip, std::uintptr_t callee_fp) {
    PtRegs r;
    std::uintptr_t flags;
    asm volatile("pushfq; popq %0" : "=r"(flags));
    asm volatile("movq %%rax, %0" : "=m"(r.ax));
    asm volatile("movq %%rbx, %0" : "=m"(r.bx));
    asm volatile("movq %%rcx, %0" : "=m"(r.cx));
    asm volatile("movq %%rdx, %0" : "=m"(r.dx));
    asm volatile("movq %%rsi, %0" : "=m"(r.si));
    asm volatile("movq %%rdi, %0" : "=m"(r.di));
    asm volatile("movq %%r8, %0" : "=m"(r.r8));
    asm volatile("movq %%r9, %0" : "=m"(r.r9));
    asm volatile("movq %%r10, %0" : "=m"(r.r10));
    asm volatile("movq %%r11, %0" : "=m"(r.r11));
    asm volatile("movq %%r12, %0" : "=m"(r.r12));
    asm volatile("movq %%r13, %0" : "=m"(r.r13));
    asm volatile("movq %%r14, %0" : "=m"(r.r14));
    asm volatile("movq %%r15, %0" : "=m"(r.r15));
    r.ip = ip;
    r.bp = *reinterpret_cast<const std::uintptr_t*>(callee_fp);
    r.sp = callee_fp + 16;  // the site's stack once the call returns
    r.flags = machine_flags(c, flags);
    r.cpu = c.id;
    r.cr2 = c.cr2;
    return r;
}

std::uintptr_t guest_address(Kernel& k, std::uintptr_t v) {
    return AddressMap(k, in_guest() ? this_cpu().curr : nullptr)(v);
}

// The host's arithmetic flags with the emulated CPU's interrupt flag, and RF
// as the CPU sets it in the frame of a trap.
std::uintptr_t machine_flags(const Cpu& c, std::uintptr_t host_flags) {
    return (host_flags & 0x8d5ul) | 0x2ul | (c.core.irqs_on ? 0x200ul : 0) | 0x10000ul;
}

}  // namespace emu::kern
