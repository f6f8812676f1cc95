// modpost, as the kernel build directory runs it (scripts/mod/modpost): after
// a module's objects are built, check each module as Linux 6.1's modpost does
// and write its NAME.mod.c.
//
//   modpost [-w] [-s] [-i Module.symvers]... -o OUT/Module.symvers MODULE.o...
//
// Errors, in 6.1's words and order (every license first, then every symbol):
//   ERROR: modpost: missing MODULE_LICENSE() in DIR/NAME.o
//   ERROR: modpost: "SYMBOL" [DIR/NAME.ko] undefined!
// A symbol is defined when a -i file (the kernel's Module.symvers: what emu
// exports to modules) lists it. -w (make KBUILD_MODPOST_WARN=1) makes an
// undefined symbol a warning, as in 6.1: the module builds, and insmod then
// refuses it with "Unknown symbol". -s (make EMU_STRICT=1): a symbol only
// older kernels exported (namespace EMU_NOT_IN_6_1, e.g. do_exit) is
// undefined, as on 6.1. Exit status 1 on any error, 2 on bad usage.
#include <elf.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// One relocatable object (NAME.o: the module's objects linked together).
struct Object {
    std::string path;
    std::vector<char> bytes;
    std::vector<std::string> modinfo;     // "license=GPL", ...
    std::vector<std::string> undefined;   // symbols it needs from the kernel
};

template <typename T>
const T* at(const std::vector<char>& b, std::uint64_t off, std::uint64_t count = 1) {
    if (off > b.size() || count * sizeof(T) > b.size() - off) return nullptr;
    return reinterpret_cast<const T*>(b.data() + off);
}

// Reads an ELF64 relocatable object; "" on success, else why not.
std::string read_object(Object& o) {
    std::ifstream in(o.path, std::ios::binary);
    if (!in) return "cannot open: " + std::string(std::strerror(errno));
    o.bytes.assign(std::istreambuf_iterator<char>(in), {});
    const auto* eh = at<Elf64_Ehdr>(o.bytes, 0);
    if (!eh || std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_type != ET_REL)
        return "not a relocatable ELF64 object";
    const auto* sh = at<Elf64_Shdr>(o.bytes, eh->e_shoff, eh->e_shnum);
    if (!sh || eh->e_shstrndx >= eh->e_shnum) return "bad section table";
    const Elf64_Shdr& names = sh[eh->e_shstrndx];
    for (int i = 0; i < eh->e_shnum; ++i) {
        const Elf64_Shdr& s = sh[i];
        if (s.sh_name >= names.sh_size) return "bad section name";
        const char* name = o.bytes.data() + names.sh_offset + s.sh_name;
        if (std::strcmp(name, ".modinfo") == 0 && s.sh_type != SHT_NOBITS) {
            const char* p = at<char>(o.bytes, s.sh_offset, s.sh_size);
            if (!p) return "bad .modinfo";
            for (const char* end = p + s.sh_size; p < end;) {
                std::size_t n = strnlen(p, static_cast<std::size_t>(end - p));
                if (n) o.modinfo.emplace_back(p, n);
                p += n + 1;
            }
        }
        if (s.sh_type != SHT_SYMTAB) continue;
        const auto* syms = at<Elf64_Sym>(o.bytes, s.sh_offset, s.sh_size / sizeof(Elf64_Sym));
        if (!syms || s.sh_link >= eh->e_shnum) return "bad symbol table";
        const Elf64_Shdr& strtab = sh[s.sh_link];
        for (std::size_t k = 1; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
            const Elf64_Sym& sym = syms[k];
            if (sym.st_shndx != SHN_UNDEF || ELF64_ST_BIND(sym.st_info) != STB_GLOBAL || !sym.st_name) continue;
            if (sym.st_name >= strtab.sh_size) return "bad symbol name";
            std::string n = o.bytes.data() + strtab.sh_offset + sym.st_name;
            // The linker's own (position-independent code names the GOT), and
            // THIS_MODULE, which NAME.mod.c defines.
            if (n == "_GLOBAL_OFFSET_TABLE_" || n == "__this_module") continue;
            o.undefined.push_back(n);
        }
    }
    return "";
}

// Module.symvers lines: CRC, symbol, module, export type, namespace (tab-separated).
bool read_symvers(const std::string& path, bool strict, std::set<std::string>& out) {
    std::ifstream in(path);
    if (!in) return false;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string crc, sym, module, type, ns;
        if (!std::getline(fields, crc, '\t') || !std::getline(fields, sym, '\t') || sym.empty()) continue;
        std::getline(fields, module, '\t');
        std::getline(fields, type, '\t');
        std::getline(fields, ns, '\t');
        if (strict && ns == "EMU_NOT_IN_6_1") continue;
        out.insert(sym);
    }
    return true;
}

std::string strip_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0
               ? s.substr(0, s.size() - suffix.size())
               : s;
}

// NAME.mod.c: compiled with -DKBUILD_MODNAME, it names the module and
// records the version magic, as 6.1's does.
const char* kModC =
    "#include <linux/module.h>\n"
    "#include <linux/vermagic.h>\n"
    "\n"
    "MODULE_INFO(vermagic, VERMAGIC_STRING);\n"
    "MODULE_INFO(name, KBUILD_MODNAME);\n"
    "\n"
    "struct module __this_module = {\n"
    "\t.name = KBUILD_MODNAME,\n"
    "};\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> symvers, objects;
    std::string out;
    bool warn_unresolved = false, strict = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-w") warn_unresolved = true;
        else if (a == "-s") strict = true;
        else if ((a == "-i" || a == "-o") && i + 1 < argc) (a == "-i" ? symvers.push_back(argv[++i]) : void(out = argv[++i]));
        else if (!a.empty() && a[0] != '-') objects.push_back(a);
        else {
            std::fprintf(stderr, "modpost: unknown option '%s'\nusage: modpost [-w] [-s] [-i Module.symvers]... -o Module.symvers MODULE.o...\n", a.c_str());
            return 2;
        }
    }
    if (out.empty() || objects.empty()) {
        std::fprintf(stderr, "usage: modpost [-w] [-s] [-i Module.symvers]... -o Module.symvers MODULE.o...\n");
        return 2;
    }
    std::set<std::string> exported;
    for (const std::string& f : symvers) {
        if (!read_symvers(f, strict, exported)) {
            std::fprintf(stderr, "ERROR: modpost: cannot read %s: %s\n", f.c_str(), std::strerror(errno));
            return 1;
        }
    }
    bool failed = false;
    std::vector<Object> mods(objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
        mods[i].path = objects[i];
        if (std::string why = read_object(mods[i]); !why.empty()) {
            std::fprintf(stderr, "ERROR: modpost: %s: %s\n", objects[i].c_str(), why.c_str());
            return 1;
        }
        bool licensed = false;
        for (const std::string& kv : mods[i].modinfo) licensed = licensed || kv.rfind("license=", 0) == 0;
        if (!licensed) {
            std::fprintf(stderr, "ERROR: modpost: missing MODULE_LICENSE() in %s\n", objects[i].c_str());
            failed = true;
        }
    }
    for (const Object& m : mods) {
        std::string ko = strip_suffix(m.path, ".o") + ".ko";
        for (const std::string& sym : m.undefined) {
            if (exported.count(sym)) continue;
            std::fprintf(stderr, "%s: modpost: \"%s\" [%s] undefined!\n", warn_unresolved ? "WARNING" : "ERROR",
                         sym.c_str(), ko.c_str());
            failed = failed || !warn_unresolved;
        }
    }
    if (failed) return 1;
    for (const Object& m : mods) {
        std::string modc = strip_suffix(m.path, ".o") + ".mod.c";
        std::ofstream f(modc);
        f << kModC;
        if (!f) {
            std::fprintf(stderr, "ERROR: modpost: cannot write %s\n", modc.c_str());
            return 1;
        }
    }
    // The modules export nothing to each other (emu loads each with its own
    // symbol scope), so their Module.symvers is empty.
    std::ofstream(out).flush();
    return 0;
}
