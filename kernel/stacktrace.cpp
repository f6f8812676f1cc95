#include "kernel/stacktrace.hpp"

#include "kernel/module_space.hpp"

#include <cxxabi.h>
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

namespace emu::kern {

namespace {

struct FuncSym {
    std::uintptr_t start;
    std::uintptr_t size;
    std::string name;
    bool local;  // STB_LOCAL: a static function
};

}  // namespace

std::string bare_function_name(const char* mangled) {
    // Only C++ symbols are mangled; a C function called `i` or `f` must not
    // come out as the type name `int` or `float`.
    if (std::strncmp(mangled, "_Z", 2) != 0) return mangled;
    int status = 0;
    std::unique_ptr<char, decltype(&std::free)> dem(abi::__cxa_demangle(mangled, nullptr, nullptr, &status), &std::free);
    std::string s = status == 0 && dem ? dem.get() : mangled;
    // GCC's clones demangle with trailing " [clone .isra.0]", " [clone .cold]".
    // Linux names a cold part "func.cold" and drops the other clone suffixes.
    bool cold = false;
    for (std::size_t at; !s.empty() && s.back() == ']' && (at = s.rfind(" [clone ")) != std::string::npos;) {
        cold = cold || s.compare(at, 13, " [clone .cold") == 0;  // ".cold", or ".cold.N" in some builds
        s.resize(at);
    }
    // Cut the parameter list (match the parenthesis that closes at the end).
    if (!s.empty() && s.back() == ')') {
        int depth = 0;
        for (std::size_t i = s.size(); i-- > 0;) {
            if (s[i] == ')') ++depth;
            else if (s[i] == '(' && --depth == 0) {
                s.resize(i);
                break;
            }
        }
    }
    // Cut qualifiers, but not inside template arguments.
    int angle = 0;
    std::size_t cut = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '<') ++angle;
        else if (s[i] == '>') --angle;
        else if (angle == 0 && s[i] == ':' && s[i + 1] == ':') cut = i + 2;
    }
    s = s.substr(cut);
    return cold ? s + ".cold" : s;
}

namespace {

std::vector<FuncSym> load_symbols(const std::string& path) {
    std::vector<FuncSym> out;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    struct stat st{};
    if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Elf64_Ehdr))) {
        ::close(fd);
        return out;
    }
    auto size = static_cast<std::size_t>(st.st_size);
    void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return out;
    const auto* base = static_cast<const unsigned char*>(map);
    const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
    if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_shoff + static_cast<std::size_t>(eh->e_shnum) * sizeof(Elf64_Shdr) > size) {
        munmap(map, size);
        return out;
    }
    const auto* sh = reinterpret_cast<const Elf64_Shdr*>(base + eh->e_shoff);
    for (int i = 0; i < eh->e_shnum; ++i) {
        if (sh[i].sh_type != SHT_SYMTAB && sh[i].sh_type != SHT_DYNSYM) continue;
        if (sh[i].sh_link >= eh->e_shnum) continue;
        const Elf64_Shdr& strtab = sh[sh[i].sh_link];
        if (sh[i].sh_offset + sh[i].sh_size > size || strtab.sh_offset + strtab.sh_size > size) continue;
        const auto* syms = reinterpret_cast<const Elf64_Sym*>(base + sh[i].sh_offset);
        std::size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
        const char* strs = reinterpret_cast<const char*>(base + strtab.sh_offset);
        for (std::size_t j = 0; j < n; ++j) {
            if (ELF64_ST_TYPE(syms[j].st_info) != STT_FUNC || syms[j].st_value == 0) continue;
            if (syms[j].st_name >= strtab.sh_size) continue;
            out.push_back({syms[j].st_value, syms[j].st_size, bare_function_name(strs + syms[j].st_name),
                           ELF64_ST_BIND(syms[j].st_info) == STB_LOCAL});
        }
    }
    munmap(map, size);
    // Aliases share an address (module_init's init_module is an alias of the
    // static init function). Kallsyms names such an address by the first
    // symbol in the table, where ELF puts locals; lookups take the last of an
    // equal-address run, so locals sort last.
    std::stable_sort(out.begin(), out.end(), [](const FuncSym& a, const FuncSym& b) {
        return a.start != b.start ? a.start < b.start : (!a.local && b.local);
    });
    return out;
}

struct Cache {
    std::mutex lock;
    std::map<std::string, std::vector<FuncSym>> by_path;
};
Cache& cache() {
    static Cache c;  // host-side memo of immutable ELF files, shared by all machines
    return c;
}

}  // namespace

Symbol symbolize(std::uintptr_t addr) {
    Symbol s;
    // An unloaded module's code is no symbol any more (and dladdr() would read its freed pages).
    if (freed_module_at(addr)) return s;
    Dl_info info{};
    if (!dladdr(reinterpret_cast<void*>(addr), &info) || !info.dli_fname) return s;
    s.object = info.dli_fname;
    s.base = reinterpret_cast<std::uintptr_t>(info.dli_fbase);
    std::string path = s.object;
    if (path.empty() || path.find('/') == std::string::npos) path = "/proc/self/exe";
    Cache& c = cache();
    std::lock_guard<std::mutex> guard(c.lock);
    auto it = c.by_path.find(path);
    if (it == c.by_path.end()) it = c.by_path.emplace(path, load_symbols(path)).first;
    const auto& syms = it->second;
    // Shared objects and PIE executables have symbol values relative to their base.
    std::uintptr_t rel = addr - s.base;
    for (std::uintptr_t key : {rel, addr}) {
        auto pos = std::upper_bound(syms.begin(), syms.end(), key,
                                    [](std::uintptr_t a, const FuncSym& f) { return a < f.start; });
        if (pos == syms.begin()) continue;
        --pos;
        if (key >= pos->start && key < pos->start + std::max<std::uintptr_t>(pos->size, 1)) {
            s.name = pos->name;
            s.offset = key - pos->start;
            s.size = pos->size;
            s.found = true;
            return s;
        }
    }
    return s;
}

std::vector<std::uintptr_t> walk_frames(std::uintptr_t fp, std::uintptr_t lo, std::uintptr_t hi, std::size_t max) {
    std::vector<std::uintptr_t> out;
    while (out.size() < max && frame_in_stack(fp, lo, hi)) {
        auto* frame = reinterpret_cast<std::uintptr_t*>(fp);
        std::uintptr_t next = frame[0];
        std::uintptr_t ret = frame[1];
        if (!ret) break;
        out.push_back(ret);
        if (next <= fp) break;
        fp = next;
    }
    return out;
}

}  // namespace emu::kern
