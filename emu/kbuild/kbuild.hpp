#pragma once
// `emu build`: builds guest code the way the kernel's build does.
//  - modules: each obj-m named in DIR/Kbuild (or DIR/Makefile), honouring
//    NAME-y / NAME-objs, ccflags-y and EXTRA_CFLAGS, compiled as GNU C11
//    against emu's linux/*.h into OUTDIR/NAME.ko (a shared object with a
//    .modinfo section: name and version magic, like modpost's NAME.mod.c);
//  - user programs: ordinary C against the system headers, linked with the
//    guest C library shim into an executable plugin.
#include <string>
#include <vector>

namespace emu::build {

struct ModuleSpec {
    std::string name;
    std::vector<std::string> sources;  // .c paths
    std::string ccflags;
};

// Parses a Kbuild/Makefile; throws UserError on a file it cannot understand.
std::vector<ModuleSpec> parse_kbuild(const std::string& dir);
// Returns 0 on success; prints the compiler's messages.
int build_modules(const std::string& dir, const std::string& outdir, int hz);
int build_user(const std::vector<std::string>& sources, const std::string& output);

}  // namespace emu::build
