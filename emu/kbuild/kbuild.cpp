#include "emu/kbuild/kbuild.hpp"

#include "emu/sim/panic.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

// Last: the guest headers define words (__init, ...) that the standard library uses.
#include "kernel/module.hpp"

namespace fs = std::filesystem;

namespace emu::build {

namespace {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

int run(const std::string& cmd) {
    std::string full = cmd + " 2>&1";
    FILE* p = popen(full.c_str(), "r");
    if (!p) return 1;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) std::fwrite(buf, 1, n, stderr);
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string include_dir() { return std::string(EMU_SOURCE_DIR) + "/kernel/include"; }

// The compiler's own headers (stdarg.h, stddef.h): with -nostdinc, as Linux's
// build does, they are all a module gets besides the kernel's, so a header
// emu lacks fails to compile instead of resolving to the host's /usr/include.
std::string compiler_include_dir() {
    std::string out;
    if (FILE* p = popen("cc -print-file-name=include 2>/dev/null", "r")) {
        char buf[4096];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

}  // namespace

std::vector<ModuleSpec> parse_kbuild(const std::string& dir) {
    fs::path d(dir);
    fs::path file = fs::exists(d / "Kbuild") ? d / "Kbuild" : d / "Makefile";
    std::ifstream in(file);
    if (!in) throw UserError(fmt::format("emu build: {} has no Kbuild or Makefile", dir), 1);
    std::map<std::string, std::vector<std::string>> objs;  // NAME-y / NAME-objs
    std::vector<std::string> obj_m, subdirs;
    std::string ccflags;
    std::string line, joined;
    static const std::regex assign(R"(^\s*([A-Za-z0-9_.$()-]+)\s*(\+=|:=|\?=|=)\s*(.*)$)");
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\\') {
            joined += line.substr(0, line.size() - 1) + " ";
            continue;
        }
        joined += line;
        std::string l = joined.substr(0, joined.find('#'));
        joined.clear();
        std::smatch m;
        if (!std::regex_match(l, m, assign)) continue;  // rules, conditionals: the wrapper part of a Makefile
        std::string var = m[1], value = m[3];
        if (var == "obj-m" || var == "obj-y") {
            for (const std::string& w : words(value)) {
                if (w.size() > 1 && w.back() == '/') subdirs.push_back(w.substr(0, w.size() - 1));
                else if (w.size() > 2 && w.substr(w.size() - 2) == ".o") obj_m.push_back(w.substr(0, w.size() - 2));
            }
        } else if (var == "ccflags-y" || var == "EXTRA_CFLAGS" || var == "ccflags-m") {
            ccflags += " " + value;
        } else {
            static const std::regex composite(R"(^(.+)-(objs|y|m)$)");
            std::smatch c;
            if (std::regex_match(var, c, composite))
                for (const std::string& w : words(value)) objs[c[1]].push_back(w);
        }
    }
    std::vector<ModuleSpec> out;
    for (const std::string& name : obj_m) {
        ModuleSpec spec;
        spec.name = name;
        spec.ccflags = ccflags;
        std::vector<std::string> parts = objs.count(name) ? objs[name] : std::vector<std::string>{name + ".o"};
        for (const std::string& o : parts) {
            std::string c = (d / (o.substr(0, o.size() - 2) + ".c")).string();
            if (!fs::exists(c)) throw UserError(fmt::format("emu build: {}: no source {} for {}", file.string(), c, o), 1);
            spec.sources.push_back(c);
        }
        out.push_back(spec);
    }
    for (const std::string& sub : subdirs)
        for (ModuleSpec& s : parse_kbuild((d / sub).string())) out.push_back(s);
    if (out.empty()) throw UserError(fmt::format("emu build: {} names no obj-m module", file.string()), 1);
    return out;
}

int build_modules(const std::string& dir, const std::string& outdir, int hz) {
    std::vector<ModuleSpec> specs = parse_kbuild(dir);
    fs::create_directories(outdir);
    std::string inc = include_dir();
    std::string cc_inc = compiler_include_dir();
    std::string stdinc = cc_inc.empty() || cc_inc == "include" ? "" : "-nostdinc -isystem " + quote(cc_inc);
    for (const ModuleSpec& m : specs) {
        fs::path objdir = fs::path(outdir) / (".tmp_" + m.name);
        fs::create_directories(objdir);
        std::string cflags = fmt::format(
            // No inlining of ordinary functions: call traces name every guest function, as on Linux.
            "-std=gnu11 -O2 -g -fPIC -ffreestanding -fno-strict-aliasing -fno-common -fno-omit-frame-pointer "
            "-mno-omit-leaf-frame-pointer -fno-optimize-sibling-calls -fno-inline-small-functions -fno-inline-functions-called-once "
            "-fconserve-stack -Wall -Wundef -Werror=implicit-function-declaration -Werror=implicit-int "
            "-Werror=return-type -Wno-format-security -D__KERNEL__ -DMODULE -DCONFIG_HZ={} "
            "-DKBUILD_MODNAME='\"{}\"' {} -I {} {}",
            hz, m.name, stdinc, quote(inc), m.ccflags + " " + (std::getenv("EMU_EXTRA_CCFLAGS") ? std::getenv("EMU_EXTRA_CCFLAGS") : ""));
        std::string objs;
        for (const std::string& src : m.sources) {
            std::string obj = (objdir / (fs::path(src).stem().string() + ".o")).string();
            std::string flags = cflags + " -I " + quote(fs::path(src).parent_path().string());
            if (run(fmt::format("cc {} -c {} -o {}", flags, quote(src), quote(obj))) != 0) {
                std::fprintf(stderr, "emu build: compiling %s failed\n", src.c_str());
                return 1;
            }
            objs += ' ';
            objs += quote(obj);
        }
        // NAME.mod.c, as modpost writes it: the module's name and version magic.
        std::string modc = (objdir / (m.name + ".mod.c")).string();
        std::ofstream(modc) << "#include <linux/module.h>\n"
                            << "struct module __this_module = { .name = \"" << m.name << "\" };\n"
                            << "MODULE_INFO(vermagic, \"" << kern::vermagic_for_hz(hz) << "\");\n"
                            << "MODULE_INFO(name, \"" << m.name << "\");\n";
        std::string modo = (objdir / (m.name + ".mod.o")).string();
        if (run(fmt::format("cc {} -c {} -o {}", cflags, quote(modc), quote(modo))) != 0) return 1;
        std::string ko = (fs::path(outdir) / (m.name + ".ko")).string();
        if (run(fmt::format("cc -shared -nostdlib -Wl,-z,noexecstack -o {}{} {}", quote(ko), objs, quote(modo))) != 0) {
            std::fprintf(stderr, "emu build: linking %s failed\n", ko.c_str());
            return 1;
        }
        std::printf("  LD [M]  %s\n", ko.c_str());
    }
    return 0;
}

int build_user(const std::vector<std::string>& sources, const std::string& output) {
    std::string shim = std::string(EMU_SOURCE_DIR) + "/emu/user/usershim.c";
    std::string srcs;
    for (const std::string& s : sources) {
        if (!fs::exists(s)) throw UserError(fmt::format("emu build: {}: No such file or directory", s), 1);
        srcs += ' ';
        srcs += quote(s);
    }
    std::string cmd = fmt::format(
        "cc -std=gnu11 -O2 -g -fPIC -shared -fno-omit-frame-pointer -fno-builtin-printf -fno-builtin-puts "
        "-fno-builtin-putchar -Wall -Wl,-Bsymbolic -Wl,-z,noexecstack -o {}{} {}",
        quote(output), srcs, quote(shim));
    if (run(cmd) != 0) {
        std::fprintf(stderr, "emu build: building %s failed\n", output.c_str());
        return 1;
    }
    return 0;
}

}  // namespace emu::build
