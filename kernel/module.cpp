// Mirrors kernel/module/main.c: load_module()'s checks (ELF format, version
// magic, unknown symbols), module parameters, the out-of-tree taint, init's
// return value, "in use" references, and on unload the debug-objects check
// (lib/debugobjects.c): a timer or work item of the module still pending is
// reported as "ODEBUG: free active" and disarmed, so no code of an unloaded
// module runs from a timer or workqueue. Then its text and data become
// inaccessible (kernel/module_space.hpp): a thread or work item still running
// in them faults into 6.1's Oops when it next returns there.
#include "kernel/module.hpp"

#include "kernel/bug.hpp"
#include "kernel/module_space.hpp"
#include "kernel/irq.hpp"
#include "kernel/params.hpp"
#include "kernel/percpu.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/stacktrace.hpp"
#include "kernel/unmodelled.hpp"
#include "kernel/vsprintf.hpp"
#include "kernel/workqueue.hpp"

#include "kernel/include/linux/moduleparam.h"
#include "kernel/include/generated/utsrelease.h"

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <dlfcn.h>
#include <sys/mman.h>
#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <fstream>
#include <atomic>
#include <mutex>
#include <utility>
#include <set>

namespace emu::kern {

namespace {

struct ElfImage {
    std::vector<char> bytes;
    const Elf64_Ehdr* eh = nullptr;
    const Elf64_Shdr* sh = nullptr;
    // kernel_read_file(): a regular file only (a directory, a device or a
    // FIFO is -EINVAL, never read and never waited on), at most kMaxFileBytes.
    // 0 or -errno; nothing here throws.
    int load(const std::string& path) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) return -errno;
        struct stat st {};
        int err = 0;
        if (fstat(fd, &st) != 0) err = -errno;
        else if (!S_ISREG(st.st_mode)) err = -EINVAL;
        else if (st.st_size > kMaxFileBytes) err = -EFBIG;
        if (!err) {
            bytes.resize(static_cast<std::size_t>(st.st_size));
            std::size_t got = 0;
            while (got < bytes.size()) {
                ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                got += static_cast<std::size_t>(n);
            }
            bytes.resize(got);
        }
        ::close(fd);
        return err;
    }
    static constexpr off_t kMaxFileBytes = 256 << 20;  // a module (or emu itself) is far smaller
    bool valid() {
        if (bytes.size() < sizeof(Elf64_Ehdr)) return false;
        eh = reinterpret_cast<const Elf64_Ehdr*>(bytes.data());
        if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
            eh->e_type != ET_DYN || eh->e_machine != EM_X86_64)
            return false;
        if (eh->e_shoff > bytes.size() || eh->e_shnum > (bytes.size() - eh->e_shoff) / sizeof(Elf64_Shdr))
            return false;
        sh = reinterpret_cast<const Elf64_Shdr*>(bytes.data() + eh->e_shoff);
        if (eh->e_shstrndx >= eh->e_shnum) return false;
        // Every section inside the file and every string table ending in NUL,
        // so that no reader below can run past the file, whatever it holds.
        for (int i = 0; i < eh->e_shnum; ++i) {
            const Elf64_Shdr& s = sh[i];
            if (s.sh_type == SHT_NOBITS) continue;
            if (s.sh_offset > bytes.size() || s.sh_size > bytes.size() - s.sh_offset) return false;
            if (s.sh_type == SHT_STRTAB && (s.sh_size == 0 || bytes[s.sh_offset + s.sh_size - 1] != '\0')) return false;
        }
        const Elf64_Shdr& names = sh[eh->e_shstrndx];
        if (names.sh_type != SHT_STRTAB) return false;
        for (int i = 0; i < eh->e_shnum; ++i)
            if (sh[i].sh_name >= names.sh_size) return false;
        return true;
    }
    // A symbol's name, or "" if it points outside the string table.
    const char* symbol_name(const Elf64_Shdr& strtab, std::uint32_t at) const {
        return at < strtab.sh_size ? bytes.data() + strtab.sh_offset + at : "";
    }
    const Elf64_Shdr* section(const char* name) const {
        const char* names = bytes.data() + sh[eh->e_shstrndx].sh_offset;
        for (int i = 0; i < eh->e_shnum; ++i)
            if (std::strcmp(names + sh[i].sh_name, name) == 0) return &sh[i];
        return nullptr;
    }
    // The NUL-separated strings of a section as stored in the file.
    std::vector<std::string> strings(const char* name) const {
        std::vector<std::string> out;
        const Elf64_Shdr* s = section(name);
        if (!s || s->sh_type == SHT_NOBITS || s->sh_offset + s->sh_size > bytes.size()) return out;
        const char* p = bytes.data() + s->sh_offset;
        const char* end = p + s->sh_size;
        while (p < end) {
            std::size_t n = strnlen(p, static_cast<std::size_t>(end - p));
            if (n) out.emplace_back(p, n);
            p += n + 1;
        }
        return out;
    }
    std::vector<std::string> modinfo() const { return strings(".modinfo"); }
    // The names the module needs from outside: its strong undefined symbols,
    // or (weak) the ones it can do without.
    std::vector<std::string> undefined_symbols(bool weak = false) const {
        std::vector<std::string> out;
        const Elf64_Shdr* ds = section(".dynsym");
        const Elf64_Shdr* dstr = section(".dynstr");
        if (!ds || !dstr) return out;
        auto* syms = reinterpret_cast<const Elf64_Sym*>(bytes.data() + ds->sh_offset);
        for (std::size_t i = 0; i < ds->sh_size / sizeof(Elf64_Sym); ++i) {
            if (syms[i].st_shndx != SHN_UNDEF || (ELF64_ST_BIND(syms[i].st_info) == STB_WEAK) != weak ||
                !syms[i].st_name)
                continue;
            out.emplace_back(symbol_name(*dstr, syms[i].st_name));
        }
        return out;
    }
};

// Turns off what the dynamic linker would run at dlopen(): DT_INIT and the
// init arrays become DT_DEBUG entries, which it ignores in a shared object
// (DT_NULL would end the table), so no module code runs before init_module().
void disable_constructors(ElfImage& img) {
    const Elf64_Shdr* dyn = img.section(".dynamic");
    if (!dyn || dyn->sh_type != SHT_DYNAMIC) return;
    auto* d = reinterpret_cast<Elf64_Dyn*>(img.bytes.data() + dyn->sh_offset);
    for (std::size_t i = 0; i < dyn->sh_size / sizeof(Elf64_Dyn) && d[i].d_tag != DT_NULL; ++i) {
        switch (d[i].d_tag) {
        case DT_INIT:
        case DT_INIT_ARRAY:
        case DT_PREINIT_ARRAY:
            d[i].d_tag = DT_DEBUG;  // a tag the loader only records
            break;
        case DT_INIT_ARRAYSZ:
        case DT_PREINIT_ARRAYSZ:
            d[i].d_un.d_val = 0;
            break;
        default: break;
        }
    }
}

// Points every reference the loaded module at `base` makes to an imported
// symbol (a weak placeholder of its NAME.mod.c) at the exporting module's:
// the GOT and PLT slots and absolute pointers the dynamic linker filled.
void bind_imports(const ElfImage& img, std::uintptr_t base, const std::map<std::string, std::uintptr_t>& addrs) {
    const Elf64_Shdr* ds = img.section(".dynsym");
    const Elf64_Shdr* dstr = img.section(".dynstr");
    if (!ds || !dstr) return;
    auto* syms = reinterpret_cast<const Elf64_Sym*>(img.bytes.data() + ds->sh_offset);
    std::size_t nsyms = ds->sh_size / sizeof(Elf64_Sym);
    long page = sysconf(_SC_PAGESIZE);
    for (const char* sec : {".rela.dyn", ".rela.plt"}) {
        const Elf64_Shdr* rs = img.section(sec);
        if (!rs || rs->sh_offset + rs->sh_size > img.bytes.size()) continue;
        auto* relas = reinterpret_cast<const Elf64_Rela*>(img.bytes.data() + rs->sh_offset);
        for (std::size_t i = 0; i < rs->sh_size / sizeof(Elf64_Rela); ++i) {
            std::size_t si = ELF64_R_SYM(relas[i].r_info);
            unsigned type = ELF64_R_TYPE(relas[i].r_info);
            if (!si || si >= nsyms) continue;
            auto it = addrs.find(img.symbol_name(*dstr, syms[si].st_name));
            if (it == addrs.end()) continue;
            std::uintptr_t value = it->second;
            if (type == R_X86_64_64) value += static_cast<std::uintptr_t>(relas[i].r_addend);
            else if (type != R_X86_64_GLOB_DAT && type != R_X86_64_JUMP_SLOT) continue;
            auto* slot = reinterpret_cast<std::uintptr_t*>(base + relas[i].r_offset);
            // The GOT may be read-only after relocation (RELRO): open its page for the write.
            auto pg = reinterpret_cast<std::uintptr_t>(slot) & ~static_cast<std::uintptr_t>(page - 1);
            mprotect(reinterpret_cast<void*>(pg), static_cast<std::size_t>(page), PROT_READ | PROT_WRITE);
            *slot = value;
        }
    }
}

// The C library functions Linux also provides to modules (lib/string.c, lib/vsprintf.c,
// lib/bsearch.c: glibc halves the range exactly as 6.1 does).
const std::set<std::string, std::less<>>& kernel_libc() {
    static const std::set<std::string, std::less<>> names = {
        "memcpy", "memmove", "memset", "memcmp", "memchr", "strlen", "strnlen", "strcpy", "strncpy", "strcat",
        "strncat", "strcmp", "strncmp", "strchr", "strrchr", "strstr", "strsep", "sprintf", "snprintf", "vsprintf",
        "vsnprintf", "sscanf", "vsscanf", "__stack_chk_fail", "strcasecmp", "strncasecmp", "stpcpy", "strchrnul",
        "strspn", "strcspn", "strpbrk", "bcmp", "bsearch"};
    return names;
}

// Names the host program itself defines, which are nobody's kernel API.
bool host_program_symbol(const std::string& name) {
    static const std::set<std::string, std::less<>> names = {
        "main", "_start", "_init", "_fini", "_IO_stdin_used", "__data_start", "data_start", "__dso_handle",
        "_edata", "_end", "__bss_start", "stdin", "stdout", "stderr", "environ", "__environ",
        "__libc_single_threaded", "jump_fcontext", "make_fcontext", "ontop_fcontext"};
    return names.count(name) > 0;
}

bool symbol_known(const std::string& name) {
    if (host_program_symbol(name)) return false;
    void* addr = dlsym(RTLD_DEFAULT, name.c_str());
    if (!addr) return false;
    Dl_info mine{}, theirs{};
    dladdr(reinterpret_cast<void*>(&symbol_known), &mine);
    dladdr(addr, &theirs);
    if (mine.dli_fbase == theirs.dli_fbase) return name.rfind("_Z", 0) != 0;  // the kernel's C API, not C++ internals
    return kernel_libc().count(name) > 0;
}

}  // namespace

// Every name symbol_known() accepts: the executable's own C functions and
// data, and the C library functions Linux also provides. Read from the
// executable's dynamic symbol table (/proc/self/exe), as modpost would read
// vmlinux, so that the build directory's Module.symvers says what insmod says.
// Plus what the headers declare for hardware emu does not model
// (kernel/unmodelled.cpp): 6.1 exports those, so modpost passes a module
// calling them, and insmod names the call ("Unknown symbol gpio_request").
std::vector<std::string> exported_symbols() {
    std::set<std::string> names(kernel_libc().begin(), kernel_libc().end());
    ElfImage exe;
    if (exe.load("/proc/self/exe") == 0 && exe.valid()) {
        const Elf64_Shdr* ds = exe.section(".dynsym");
        const Elf64_Shdr* dstr = exe.section(".dynstr");
        if (ds && dstr && ds->sh_offset + ds->sh_size <= exe.bytes.size()) {
            auto* syms = reinterpret_cast<const Elf64_Sym*>(exe.bytes.data() + ds->sh_offset);
            for (std::size_t i = 1; i < ds->sh_size / sizeof(Elf64_Sym); ++i) {
                const Elf64_Sym& sym = syms[i];
                int type = ELF64_ST_TYPE(sym.st_info);
                if (sym.st_shndx == SHN_UNDEF || !sym.st_name || (type != STT_FUNC && type != STT_OBJECT)) continue;
                std::string name = exe.bytes.data() + dstr->sh_offset + sym.st_name;
                if (symbol_known(name)) names.insert(name);
            }
        }
    }
    names.insert(unmodelled_symbols().begin(), unmodelled_symbols().end());
    return {names.begin(), names.end()};
}

namespace {

struct RangeQuery {
    std::string path;
    std::uintptr_t lo = ~0ull, hi = 0, text_lo = ~0ull, text_hi = 0, base = 0;
    std::uintptr_t headers_hi = 0;  // end of the segment holding the ELF and program headers
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> core;  // the other segments: text, rodata, data
};

int find_ranges(dl_phdr_info* info, size_t, void* data) {
    auto* q = static_cast<RangeQuery*>(data);
    if (!info->dlpi_name || q->path != info->dlpi_name) return 0;
    q->base = info->dlpi_addr;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_LOAD) continue;
        std::uintptr_t lo = info->dlpi_addr + ph.p_vaddr, hi = lo + ph.p_memsz;
        q->lo = std::min(q->lo, lo);
        q->hi = std::max(q->hi, hi);
        if (ph.p_offset == 0) q->headers_hi = std::max(q->headers_hi, hi);
        else q->core.emplace_back(lo, hi);
        if (ph.p_flags & PF_X) {
            q->text_lo = std::min(q->text_lo, lo);
            q->text_hi = std::max(q->text_hi, hi);
        }
    }
    return 1;
}

LoadedModule* find_loaded(Kernel& k, const std::string& name) {
    for (auto& m : k.modules->loaded)
        if (m->name == name) return m.get();
    return nullptr;
}

// An address inside the caller, for a WARN's "at func+0xoff" as Linux prints it.
__attribute__((noinline)) std::uintptr_t caller_pc() { return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)); }

// lib/debugobjects.c: debug_print_object() reports "free active" for a pending
// object of the module; the caller then applies the fixup.
void debug_print_object(Kernel& k, const LoadedModule& m, const void* obj, const char* type, std::uintptr_t hint) {
    static constexpr int kMaxReports = 5;
    int& reported = k.odebug_reports;
    if (reported++ >= kMaxReports) return;
    auto off = reinterpret_cast<std::uintptr_t>(obj) - m.base;
    std::string sym = format_symbol(k, hint);
    Symbol s = symbolize(hint);
    if (s.found) sym = fmt::format("{}+0x0/0x{:x} [{}]", s.name, s.size, m.name);
    warn_report(k, "lib/debugobjects.c", 505, caller_pc(),
                fmt::format("ODEBUG: free active (active state 0) object: {:016x} object type: {} hint: {}\n",
                            0x00000000a1b20000ull + (off & 0xffff), type, sym));
}

bool in(const LoadedModule& m, std::uintptr_t a) { return a >= m.text_lo && a < m.text_hi; }

void check_pending_objects(Kernel& k, LoadedModule& m) {
    // Timers on every CPU's wheel.
    for (auto& c : k.cpus) {
        for (TimerBase& b : c->timer_base) {
            for (hlist_head& head : b.vectors) {
                hlist_node* n = head.first;
                while (n) {
                    hlist_node* next = n->next;
                    timer_list* t = hlist_entry(n, timer_list, entry);
                    auto fn = t->legacy_function ? reinterpret_cast<std::uintptr_t>(t->legacy_function)
                                                 : reinterpret_cast<std::uintptr_t>(t->function);
                    std::uintptr_t hint = fn;
                    if (t->function == delayed_work_timer_fn)
                        hint = reinterpret_cast<std::uintptr_t>(container_of(t, delayed_work, timer)->work.func);
                    if (in(m, fn) || in(m, hint)) {
                        debug_print_object(k, m, t, "timer_list", hint);
                        timer_delete_sync(t);  // the fixup: it can never fire into freed code
                    }
                    n = next;
                }
            }
        }
    }
    // Work items queued on any worker.
    for (auto& wq : k.workqueues) {
        for (auto& w : wq->workers) {
            if (!w) continue;
            list_head *pos, *n;
            list_for_each_safe(pos, n, &w->worklist) {
                work_struct* work = list_entry(pos, work_struct, entry);
                if (!in(m, reinterpret_cast<std::uintptr_t>(work->func))) continue;
                debug_print_object(k, m, work, "work_struct", reinterpret_cast<std::uintptr_t>(work->func));
                list_del_init(&work->entry);
                atomic_long_set(&work->data, 0);
            }
        }
    }
    // Tasklets still scheduled (not a debug-objects type on Linux, where they crash later).
    for (auto& c : k.cpus) {
        for (TaskletList* l : {&c->tasklet_vec, &c->tasklet_hi_vec}) {
            for (tasklet_struct** pp = &l->head; *pp;) {
                tasklet_struct* t = *pp;
                auto fn = t->use_callback ? reinterpret_cast<std::uintptr_t>(t->callback)
                                          : reinterpret_cast<std::uintptr_t>(t->func);
                if (in(m, fn)) {
                    debug_print_object(k, m, t, "tasklet_struct", fn);
                    *pp = t->next;
                    if (!*pp) l->tail = pp;
                    clear_bit(TASKLET_STATE_SCHED, &t->state);
                } else {
                    pp = &t->next;
                }
            }
        }
    }
}

std::mutex& freed_lock() {
    static std::mutex lock;
    return lock;
}
std::vector<FreedModule>& freed_modules() {
    static std::vector<FreedModule> list;  // process state: the host mappings are
    return list;
}

// module_memfree(): the pages of the core go. The mapping stays reserved; the
// headers the dynamic linker reads (program headers, dynamic symbols) stay
// readable, they hold nothing of the module's own.
void unmap_core(const LoadedModule& m) {
    auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    note_freed_module({m.map_lo, m.map_hi, m.base, m.name});
    for (auto [lo, hi] : m.core) {
        lo = std::max(lo & ~(page - 1), (m.headers_hi + page - 1) & ~(page - 1));
        hi = (hi + page - 1) & ~(page - 1);
        if (lo < hi) mprotect(reinterpret_cast<void*>(lo), hi - lo, PROT_NONE);
    }
}

// free_module(): the module turns UNFORMED (print_modules() no longer lists
// it), debug objects catch what it left armed in the memory being freed, it
// leaves the module list, and its memory is freed.
void free_module(Kernel& k, LoadedModule& m) {
    ModuleRegistry& reg = *k.modules;
    mod_sysfs_teardown(k, m);
    m.unformed = true;
    check_pending_objects(k, m);
    percpu_module_free(k, &m);
    module_destroy_params(m);
    std::erase_if(reg.exports, [&m](const auto& e) { return e.second.owner == &m; });
    for (LoadedModule* used : m.uses)
        if (used->refcount > 0) --used->refcount;
    m.uses.clear();
    unmap_core(m);
    for (auto it = reg.loaded.begin(); it != reg.loaded.end(); ++it)
        if (it->get() == &m) {
            reg.gone.push_back(std::move(*it));
            reg.loaded.erase(it);
            return;
        }
}

}  // namespace

// The same string as include/linux/vermagic.h's VERMAGIC_STRING for that HZ.
std::string vermagic_for_hz(int hz) { return fmt::format("{} SMP mod_unload hz={}", UTS_RELEASE, hz); }
std::string vermagic(const Kernel& k) { return vermagic_for_hz(k.cfg.hz); }

std::vector<std::string> read_modinfo(const std::string& path, std::string& error) {
    ElfImage img;
    if (int err = img.load(path)) {
        error = std::strerror(-err);
        return {};
    }
    if (!img.valid()) {
        error = "Invalid module format";
        return {};
    }
    return img.modinfo();
}

namespace {

// The copy directories this process made, removed when it exits normally:
// a copy stays mapped, and is read for traces' symbols, until then. Process
// state, not a machine's: every machine of the process shares a directory.
// Each is made by mkdtemp(): new, mode 0700 and the process's own, so nothing
// another process or user left in a shared /tmp (a stale directory, a
// symbolic link) is ever written to or loaded from. Each is removed only by
// the process that made it (a fork()ed child inherits the list).
class CopyDirs {
public:
    // This process's directory for `kind` under `base`; "" if none can be made.
    std::string dir(const std::string& base, const char* kind) {
        std::lock_guard lock(m_mutex);
        pid_t self = getpid();
        for (const Entry& e : m_dirs)
            if (e.pid == self && e.base == base && e.kind == kind) return e.dir;
        sweep_stale(base);
        std::string path = fmt::format("{}/emu-{}-{}-XXXXXX", base, kind, self);
        if (!mkdtemp(path.data())) return {};
        m_dirs.push_back({self, base, kind, path});
        return path;
    }
    ~CopyDirs() { remove(); }
    void remove() {
        std::lock_guard lock(m_mutex);
        pid_t self = getpid();
        std::error_code ec;
        for (const Entry& e : m_dirs)
            if (e.pid == self) std::filesystem::remove_all(e.dir, ec);
        std::erase_if(m_dirs, [self](const Entry& e) { return e.pid == self; });
    }

private:
    // Directories of emu processes that died without cleaning up (SIGKILL):
    // ours by owner, named for a process that no longer exists.
    static void sweep_stale(const std::string& base) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
            std::string name = entry.path().filename().string();
            std::string prefix = name.rfind("emu-modules-", 0) == 0    ? "emu-modules-"
                                 : name.rfind("emu-programs-", 0) == 0 ? "emu-programs-"
                                                                        : "";
            if (prefix.empty()) continue;
            char* end = nullptr;
            long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
            if (pid <= 0 || *end != '-') continue;
            struct stat st {};
            if (lstat(entry.path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) continue;
            if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
            std::filesystem::remove_all(entry.path(), ec);
        }
    }

    struct Entry {
        pid_t pid;
        std::string base, kind, dir;
    };
    std::mutex m_mutex;
    std::vector<Entry> m_dirs;
};

CopyDirs& copy_dirs() {
    static CopyDirs dirs;
    return dirs;
}

}  // namespace

void remove_private_copies() { copy_dirs().remove(); }

void note_freed_module(const FreedModule& m) {
    std::lock_guard guard(freed_lock());
    freed_modules().push_back(m);
}

bool freed_module_at(std::uintptr_t addr, FreedModule* out) {
    std::lock_guard guard(freed_lock());
    for (const FreedModule& m : freed_modules())
        if (addr >= m.lo && addr < m.hi) {
            if (out) *out = m;
            return true;
        }
    return false;
}

std::string private_copy_path(const char* kind, const std::string& file) {
    const char* tmp = std::getenv("TMPDIR");
    std::string base = tmp && *tmp ? tmp : "/tmp";
    std::string dir = copy_dirs().dir(base, kind);
    // None could be made: a path that does not exist, so that the copy fails
    // and the caller says where it tried.
    if (dir.empty()) dir = fmt::format("{}/emu-{}-{}", base, kind, getpid());
    static std::atomic<std::uint64_t> copies{0};
    return fmt::format("{}/{}-{}", dir, copies++, file);
}

int load_module(const std::string& path, const std::vector<std::string>& params, std::string& name_out) {
    Kernel& k = this_kernel();
    ModuleRegistry& reg = *k.modules;
    charge(k.cfg.costs.fork);
    ElfImage img;
    if (int err = img.load(path)) return err;
    std::string name = std::filesystem::path(path).stem().string();
    // setup_load_info(): an ELF file that is no module (an object file, a
    // program) has no module name in .modinfo and no struct module.
    const char* no_module = "(missing .modinfo name field): No module found in object\n";
    if (!img.valid()) {
        if (img.bytes.size() >= sizeof(Elf64_Ehdr) && std::memcmp(img.bytes.data(), ELFMAG, SELFMAG) == 0 &&
            reinterpret_cast<const Elf64_Ehdr*>(img.bytes.data())->e_type == ET_REL)
            printk_emit(k, LOGLEVEL_WARNING, "%s", no_module);
        return -ENOEXEC;
    }
    std::string magic;
    bool named = false;
    for (const std::string& kv : img.modinfo()) {
        if (kv.rfind("vermagic=", 0) == 0) magic = kv.substr(9);
        if (kv.rfind("name=", 0) == 0) name = kv.substr(5), named = true;
    }
    if (!named) {
        printk_emit(k, LOGLEVEL_WARNING, "%s", no_module);
        return -ENOEXEC;
    }
    name_out = name;
    if (magic != vermagic(k)) {
        printk_emit(k, LOGLEVEL_ERR, "%s: version magic '%s' should be '%s'\n", name.c_str(), magic.c_str(),
                    vermagic(k).c_str());
        return -ENOEXEC;
    }
    if (find_loaded(k, name)) return -EEXIST;
    // check_modinfo() taints for an out-of-tree module, then the signature
    // check for an unsigned one: both before any symbol is resolved.
    if (!reg.oot_tainted) {
        reg.oot_tainted = true;
        printk_emit(k, LOGLEVEL_WARNING, "%s: loading out-of-tree module taints kernel.\n", name.c_str());
        printk_emit(k, LOGLEVEL_WARNING,
                    "%s: module verification failed: signature and/or required key missing - tainting kernel\n",
                    name.c_str());
    }
    add_taint(k, TAINT_OOT_MODULE);
    add_taint(k, TAINT_UNSIGNED_MODULE);
    // simplify_symbols(): every symbol from the kernel or from a loaded
    // module's exports (NAME.mod.c lists the latter in .emu_imports).
    bool unknown = false;
    for (const std::string& sym : img.undefined_symbols()) {
        if (symbol_known(sym)) continue;
        printk_emit(k, LOGLEVEL_WARNING, "%s: Unknown symbol %s (err -2)\n", name.c_str(), sym.c_str());
        unknown = true;
    }
    std::map<std::string, std::uintptr_t> import_addrs;
    std::vector<LoadedModule*> providers;
    for (const std::string& sym : img.strings(".emu_imports")) {
        auto it = reg.exports.find(sym);
        if (it == reg.exports.end() || !it->second.owner->live) {
            printk_emit(k, LOGLEVEL_WARNING, "%s: Unknown symbol %s (err -2)\n", name.c_str(), sym.c_str());
            unknown = true;
            continue;
        }
        import_addrs[sym] = it->second.addr;
        if (std::find(providers.begin(), providers.end(), it->second.owner) == providers.end())
            providers.push_back(it->second.owner);
    }
    if (unknown) return -ENOENT;
    // sprintf() and co. are the kernel's (its %p extensions), not the C library's.
    for (const std::string& sym : img.undefined_symbols())
        if (std::uintptr_t f = kernel_printf_function(sym)) import_addrs[sym] = f;
    // simplify_symbols(): an unresolved weak symbol is 0, never something of
    // the host's the dynamic linker found (a weak `system` would run host commands).
    // A weak one a loaded module exports binds to it and holds a reference, as a strong one.
    for (const std::string& sym : img.undefined_symbols(/*weak=*/true)) {
        auto exported = reg.exports.find(sym);
        if (std::uintptr_t f = kernel_printf_function(sym)) {
            import_addrs[sym] = f;
        } else if (exported != reg.exports.end() && exported->second.owner->live) {
            import_addrs[sym] = exported->second.addr;
            if (std::find(providers.begin(), providers.end(), exported->second.owner) == providers.end())
                providers.push_back(exported->second.owner);
        } else if (!symbol_known(sym)) {
            import_addrs[sym] = 0;
        }
    }

    // The copy the dynamic linker maps is the bytes checked above (not a second
    // read of the path), with its constructors switched off: 6.1 (no
    // CONFIG_CONSTRUCTORS) never runs a module's .init_array, and here they
    // would run before the weak symbols above are bound.
    disable_constructors(img);
    std::string copy = private_copy_path("modules", name + ".ko");
    std::ofstream out(copy, std::ios::binary | std::ios::trunc);
    out.write(img.bytes.data(), static_cast<std::streamsize>(img.bytes.size()));
    out.close();
    if (!out) {
        printk_emit(k, LOGLEVEL_ERR, "%s: cannot copy to %s\n", name.c_str(), copy.c_str());
        return -ENOEXEC;
    }
    void* handle = dlopen(copy.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        printk_emit(k, LOGLEVEL_ERR, "%s: %s\n", name.c_str(), dlerror());
        return -ENOEXEC;
    }
    auto m = std::make_unique<LoadedModule>();
    m->name = name;
    m->path = path;
    m->handle = handle;
    m->init = reinterpret_cast<int (*)()>(dlsym(handle, "init_module"));
    m->exit = reinterpret_cast<void (*)()>(dlsym(handle, "cleanup_module"));
    m->mod = static_cast<struct module*>(dlsym(handle, "__this_module"));
    RangeQuery q;
    q.path = copy;
    dl_iterate_phdr(find_ranges, &q);
    m->base = q.base;
    m->text_lo = q.text_lo;
    m->text_hi = q.text_hi;
    m->map_lo = q.lo;
    m->map_hi = q.hi;
    m->headers_hi = q.headers_hi;
    m->core = q.core;
    if (m->mod) {
        std::snprintf(m->mod->name, sizeof m->mod->name, "%s", name.c_str());
        m->mod->emu_private = m.get();
    }
    bind_imports(img, q.base, import_addrs);
    // 6.1's verify_exported_symbols(): a name the kernel or a loaded module
    // already exports cannot be exported again.
    std::vector<std::pair<std::string, std::uintptr_t>> exports;
    for (const char* sec : {".emu_ksymtab", ".emu_ksymtab_gpl"}) {
        const Elf64_Shdr* ks = img.section(sec);
        if (!ks) continue;
        auto* syms = reinterpret_cast<const emu_kernel_symbol*>(q.base + ks->sh_addr);
        for (std::size_t i = 0; i < ks->sh_size / sizeof(emu_kernel_symbol); ++i) {
            std::string sym = syms[i].name;
            auto owner = reg.exports.find(sym);
            if (owner != reg.exports.end() || symbol_known(sym)) {
                printk_emit(k, LOGLEVEL_ERR, "%s: exports duplicate symbol %s (owned by %s)\n", name.c_str(),
                            sym.c_str(), owner != reg.exports.end() ? owner->second.owner->name.c_str() : "kernel");
                return -ENOEXEC;
            }
            exports.emplace_back(sym, reinterpret_cast<std::uintptr_t>(syms[i].addr));
        }
    }
    for (const auto& [sym, addr] : exports) reg.exports[sym] = ModuleExport{addr, m.get()};
    // ref_module(): each module it uses stays until this one is gone.
    for (LoadedModule* p : providers) ++p->refcount;
    m->uses = providers;
    LoadedModule* raw = m.get();
    reg.loaded.push_back(std::move(m));
    // DEFINE_PER_CPU() data: a copy of the module's per-CPU section for every other CPU.
    if (int err = percpu_module_load(k, raw, name, img.bytes.data(), img.bytes.size(), q.base)) {
        free_module(k, *raw);
        return err;
    }
    // Parameters: the "__param" descriptors, relocated by the load base, set
    // from the arguments as insmod joined them (words separated by spaces).
    if (const Elf64_Shdr* ps = img.section("__param")) {
        raw->kp = reinterpret_cast<const kernel_param*>(q.base + ps->sh_addr);
        raw->num_kp = static_cast<unsigned>(ps->sh_size / sizeof(kernel_param));
    }
    for (const std::string& arg : params) raw->args += (raw->args.empty() ? "" : " ") + arg;
    raw->modinfo = img.modinfo();
    int ret = module_parse_args(k, *raw);
    if (ret == 0) ret = mod_sysfs_setup(k, *raw);
    if (ret < 0) {
        // coming_cleanup: freed with what the set operations allocated.
        raw->going = true;
        free_module(k, *raw);
        return ret;
    }
    ret = raw->init ? raw->init() : 0;
    if (ret < 0) {
        // Failed init: the module is freed; anything it left armed is caught as on unload.
        raw->going = true;
        free_module(k, *raw);
        return ret;
    }
    if (ret > 0) {
        printk_emit(k, LOGLEVEL_WARNING,
                    "do_init_module: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n",
                    name.c_str(), ret);
        dump_stack_current();
    }
    raw->live = true;
    return 0;
}

int unload_module(const std::string& name) {
    Kernel& k = this_kernel();
    ModuleRegistry& reg = *k.modules;
    LoadedModule* m = find_loaded(k, name);
    if (!m) return -ENOENT;
    // delete_module(): only a live, unused module with an exit function goes.
    // A module whose init never returned (it oopsed) stays "Loading" forever.
    if (!m->live || m->refcount > 0) return -EBUSY;
    if (!m->exit && m->init) return -EBUSY;  // no module_exit: it can never be removed
    m->live = false;
    m->going = true;
    if (m->exit) m->exit();
    // delete_module(): the name is recorded as last unloaded, then freed.
    reg.last_unloaded = m->name;
    free_module(k, *m);
    return 0;
}

int module_refcount(Kernel& k, const std::string& name) {
    LoadedModule* m = find_loaded(k, name);
    return m ? m->refcount : -ENOENT;
}

std::string module_holders(Kernel& k, const std::string& name) {
    LoadedModule* m = find_loaded(k, name);
    std::string out;
    if (!m) return out;
    for (auto& user : k.modules->loaded)
        if (std::find(user->uses.begin(), user->uses.end(), m) != user->uses.end())
            out += (out.empty() ? "" : ",") + user->name;
    return out;
}

std::string lsmod_text(Kernel& k) {
    std::string out = "Module                  Size  Used by\n";
    for (auto it = k.modules->loaded.rbegin(); it != k.modules->loaded.rend(); ++it) {
        const LoadedModule& m = **it;
        std::string holders = module_holders(k, m.name);
        out += fmt::format("{:<19} {:>6}  {}{}\n", m.name, m.text_hi - m.text_lo, m.refcount,
                           holders.empty() ? "" : " " + holders);
    }
    return out;
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

bool try_module_get(struct module* module) {
    if (!module || !module->emu_private) return true;
    auto* m = static_cast<LoadedModule*>(module->emu_private);
    if (!m->live) return false;
    ++m->refcount;
    return true;
}

void module_put(struct module* module) {
    if (!module || !module->emu_private) return;
    auto* m = static_cast<LoadedModule*>(module->emu_private);
    if (m->refcount > 0) --m->refcount;
}

}  // extern "C"
