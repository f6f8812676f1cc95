// modpost, as the kernel build directory runs it (scripts/mod/modpost): after
// a module's objects are built, check each module as Linux 6.1's modpost does
// and write its NAME.mod.c.
//
//   modpost [-w] [-s] [-i Module.symvers]... -o OUT/Module.symvers MODULE.o...
//
// Errors, in 6.1's words and order (every license first, then every symbol):
//   ERROR: modpost: missing MODULE_LICENSE() in DIR/NAME.o
//   ERROR: modpost: "SYMBOL" [DIR/NAME.ko] undefined!
// A symbol is defined when a -i file lists it (the kernel's Module.symvers:
// what emu exports to modules; KBUILD_EXTRA_SYMBOLS: other modules' exports)
// or a module of the same build exports it (EXPORT_SYMBOL: a local symbol
// __ksymtab_SYM). Such a module-to-module symbol becomes an import of NAME.mod.c,
// which insmod resolves from the exporting module; this build's exports are
// written to the output Module.symvers. Also 6.1's:
//   ERROR: modpost: GPL-incompatible module NAME.ko uses GPL-only symbol 'SYM'
//   ERROR: modpost: 'SYM' exported twice. Previous export was in DIR/OTHER.ko -w (make KBUILD_MODPOST_WARN=1) makes an
// undefined symbol a warning, as in 6.1: the module builds, and insmod then
// refuses it with "Unknown symbol". -s (make EMU_STRICT=1): a symbol only
// older kernels exported (namespace EMU_NOT_IN_6_1, e.g. do_exit) is
// undefined, as on 6.1. Exit status 1 on any error, 2 on bad usage.
#include <elf.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <algorithm>
#include <map>
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
    std::vector<std::string> undefined;   // symbols it needs from the kernel or other modules
    std::vector<std::pair<std::string, bool>> exports;  // EXPORT_SYMBOL(_GPL): name, GPL-only
};

// Where an exported symbol comes from (a line of Module.symvers).
struct Export {
    std::string module;  // "vmlinux", or the exporting module's path without ".ko"
    bool gpl_only = false;
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
    // Every section inside the file and every string table ending in NUL.
    for (int i = 0; i < eh->e_shnum; ++i) {
        const Elf64_Shdr& s = sh[i];
        if (s.sh_type == SHT_NOBITS) continue;
        if (s.sh_offset > o.bytes.size() || s.sh_size > o.bytes.size() - s.sh_offset) return "section outside the file";
        if (s.sh_type == SHT_STRTAB && (s.sh_size == 0 || o.bytes[s.sh_offset + s.sh_size - 1] != '\0'))
            return "bad string table";
    }
    const Elf64_Shdr& names = sh[eh->e_shstrndx];
    if (names.sh_type != SHT_STRTAB) return "bad section name table";
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
        if (strtab.sh_type != SHT_STRTAB) return "bad symbol table";
        for (std::size_t k = 1; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
            const Elf64_Sym& sym = syms[k];
            if (!sym.st_name) continue;
            if (sym.st_name >= strtab.sh_size) return "bad symbol name";
            std::string n = o.bytes.data() + strtab.sh_offset + sym.st_name;
            // EXPORT_SYMBOL(x): the record __ksymtab_x, in .emu_ksymtab or .emu_ksymtab_gpl.
            if (n.rfind("__ksymtab_", 0) == 0 && sym.st_shndx != SHN_UNDEF && sym.st_shndx < eh->e_shnum) {
                std::string sec = o.bytes.data() + names.sh_offset + sh[sym.st_shndx].sh_name;
                if (sec == ".emu_ksymtab" || sec == ".emu_ksymtab_gpl")
                    o.exports.emplace_back(n.substr(10), sec == ".emu_ksymtab_gpl");
                continue;
            }
            if (sym.st_shndx != SHN_UNDEF || ELF64_ST_BIND(sym.st_info) != STB_GLOBAL) continue;
            // The linker's own (position-independent code names the GOT), and
            // THIS_MODULE, which NAME.mod.c defines.
            if (n == "_GLOBAL_OFFSET_TABLE_" || n == "__this_module") continue;
            o.undefined.push_back(n);
        }
    }
    return "";
}

// Module.symvers lines: CRC, symbol, module, export type, namespace (tab-separated).
bool read_symvers(const std::string& path, bool strict, std::map<std::string, Export>& out) {
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
        out[sym] = Export{module, type == "EXPORT_SYMBOL_GPL"};
    }
    return true;
}

std::string strip_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0
               ? s.substr(0, s.size() - suffix.size())
               : s;
}

// 6.1's license_is_gpl_compatible().
bool gpl_compatible(const std::string& license) {
    for (const char* l : {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"})
        if (license == l) return true;
    return false;
}

// NAME.mod.c: compiled with -DKBUILD_MODNAME, it names the module and
// records the version magic and what it depends on, as 6.1's does. A symbol
// taken from another module gets a weak placeholder here, so that the host's
// dynamic linker accepts the module; insmod then points every reference to
// it at the exporting module's symbol (the names are in .emu_imports).
std::string mod_c(const std::vector<std::string>& imports, const std::set<std::string>& depends) {
    std::string out =
        "#include <linux/module.h>\n"
        "#include <linux/vermagic.h>\n"
        "\n"
        "MODULE_INFO(vermagic, VERMAGIC_STRING);\n"
        "MODULE_INFO(name, KBUILD_MODNAME);\n"
        "\n"
        "struct module __this_module = {\n"
        "\t.name = KBUILD_MODNAME,\n"
        "};\n";
    std::string deps;
    for (const std::string& d : depends) deps += (deps.empty() ? "" : ",") + d;
    out += "\nMODULE_INFO(depends, \"" + deps + "\");\n";
    if (imports.empty()) return out;
    out += "\nasm(\".pushsection .data.emu_imports,\\\"aw\\\"\\n\"\n";
    for (const std::string& sym : imports) out += "    \".weak " + sym + "\\n" + sym + ": .quad 0\\n\"\n";
    out += "    \".popsection\\n\");\n";
    out += "static const char __emu_imports[] __attribute__((__section__(\".emu_imports\"), __used__)) =\n";
    for (const std::string& sym : imports) out += "\t\"" + sym + "\\0\"\n";
    out += "\t;\n";
    return out;
}

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
    std::map<std::string, Export> exported;
    for (const std::string& f : symvers) {
        if (!read_symvers(f, strict, exported)) {
            std::fprintf(stderr, "ERROR: modpost: cannot read %s: %s\n", f.c_str(), std::strerror(errno));
            return 1;
        }
    }
    bool failed = false;
    std::vector<Object> mods(objects.size());
    std::vector<std::string> licenses(objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
        mods[i].path = objects[i];
        if (std::string why = read_object(mods[i]); !why.empty()) {
            std::fprintf(stderr, "ERROR: modpost: %s: %s\n", objects[i].c_str(), why.c_str());
            return 1;
        }
        bool licensed = false;
        for (const std::string& kv : mods[i].modinfo)
            if (kv.rfind("license=", 0) == 0) licensed = true, licenses[i] = kv.substr(8);
        if (!licensed) {
            std::fprintf(stderr, "ERROR: modpost: missing MODULE_LICENSE() in %s\n", objects[i].c_str());
            failed = true;
        }
    }
    // This build's exports join the ones read.
    for (const Object& m : mods) {
        std::string self = strip_suffix(m.path, ".o");
        for (const auto& [sym, gpl] : m.exports) {
            auto it = exported.find(sym);
            if (it != exported.end() && it->second.module != self) {
                std::fprintf(stderr, "ERROR: modpost: '%s' exported twice. Previous export was in %s%s\n", sym.c_str(),
                             it->second.module.c_str(), it->second.module == "vmlinux" ? "" : ".ko");
                failed = true;
                continue;
            }
            exported[sym] = Export{self, gpl};
        }
    }
    std::vector<std::vector<std::string>> imports(mods.size());
    std::vector<std::set<std::string>> depends(mods.size());
    for (std::size_t i = 0; i < mods.size(); ++i) {
        const Object& m = mods[i];
        std::string self = strip_suffix(m.path, ".o");
        std::string ko = self + ".ko";
        for (const std::string& sym : m.undefined) {
            auto it = exported.find(sym);
            if (it == exported.end()) {
                std::fprintf(stderr, "%s: modpost: \"%s\" [%s] undefined!\n", warn_unresolved ? "WARNING" : "ERROR",
                             sym.c_str(), ko.c_str());
                failed = failed || !warn_unresolved;
                continue;
            }
            if (it->second.gpl_only && !licenses[i].empty() && !gpl_compatible(licenses[i])) {
                std::fprintf(stderr, "ERROR: modpost: GPL-incompatible module %s uses GPL-only symbol '%s'\n",
                             ko.c_str(), sym.c_str());
                failed = true;
            }
            if (it->second.module == "vmlinux" || it->second.module == self) continue;
            imports[i].push_back(sym);
            std::string dep = it->second.module.substr(it->second.module.rfind('/') + 1);
            std::replace(dep.begin(), dep.end(), '-', '_');
            depends[i].insert(dep);
        }
    }
    if (failed) return 1;
    for (std::size_t i = 0; i < mods.size(); ++i) {
        std::string modc = strip_suffix(mods[i].path, ".o") + ".mod.c";
        std::ofstream f(modc);
        f << mod_c(imports[i], depends[i]);
        if (!f) {
            std::fprintf(stderr, "ERROR: modpost: cannot write %s\n", modc.c_str());
            return 1;
        }
    }
    // What this build's modules export, for modules built later (KBUILD_EXTRA_SYMBOLS).
    std::ofstream symout(out);
    for (const Object& m : mods)
        for (const auto& [sym, gpl] : m.exports)
            symout << "0x00000000\t" << sym << "\t" << strip_suffix(m.path, ".o") << "\t"
                   << (gpl ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL") << "\t\n";
    return 0;
}
