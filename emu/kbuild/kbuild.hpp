#pragma once
// `emu kdir` and `emu build`: emu's kernel build directory, and a front end
// that builds through it exactly as `make -C $(emu kdir) M=DIR modules` does.
//  - modules: GNU make runs the build directory's Makefiles (kernel/kbuild/):
//    the module's Kbuild or Makefile, 6.1's compiler flags against emu's
//    Linux headers, modpost's checks, NAME.ko;
//  - user programs: ordinary C against the system headers, linked with the
//    guest C library shim into an executable plugin.
// Everything is found relative to the emu executable (DIR/../lib/emu), in the
// build tree as when installed, never through a path of the source checkout.
#include <string>
#include <vector>

namespace emu::build {

// emu's own files: <directory of the emu executable>/../lib/emu.
std::string data_dir();
// The kernel build directory; throws UserError if it is missing.
std::string kdir();

struct ModuleBuild {
    std::string dir;     // M=: the module's sources and Kbuild/Makefile
    std::string outdir;  // MO=: objects and NAME.ko ("" = dir)
    int hz = 250;        // CONFIG_HZ
    bool strict = false; // EMU_STRICT=1: what 6.1 no longer has is an error
    bool verbose = false;  // V=1
    bool clean = false;    // the clean target instead of modules
};
// Runs make; returns 0 on success, 1 if the build failed (make's and the
// compiler's messages went to the terminal).
int build_modules(const ModuleBuild& b);
int build_user(const std::vector<std::string>& sources, const std::string& output);
// Module.symvers for the build directory: what this executable exports to modules.
std::string symvers_text();

}  // namespace emu::build
