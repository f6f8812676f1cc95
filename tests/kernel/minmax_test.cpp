// linux/minmax.h's build-time checks, as Debian's 6.1 LTS has them: min() of
// a signed and an unsigned variable does not build ("min(a, u) signedness
// error"), two different pointer types draw GCC's distinct-pointer warning,
// min_t() builds (6.1 include/linux/minmax.h).
#include "tests/support/guest.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace emu::test;
namespace fs = std::filesystem;

namespace {
EmuRun build_module(const std::string& body) {
    fs::path dir = fs::temp_directory_path() / ("emu-minmax-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "Kbuild") << "obj-m := mm.o\n";
    std::ofstream(dir / "mm.c") << "#include <linux/module.h>\n" << body << "\nMODULE_LICENSE(\"GPL\");\n";
    EmuRun r = run_emu("build " + dir.string() + " -o " + (dir / "out").string());
    fs::remove_all(dir);
    return r;
}
}  // namespace

TEST_CASE("minmax: min() of int and unsigned int is a build error; min_t() builds", "[kernel][minmax]") {
    EmuRun bad = build_module("int f(int a, unsigned int u);\nint f(int a, unsigned int u) { return min(a, u); }");
    INFO(bad.out);
    CHECK(bad.status != 0);
    CHECK(bad.out.find("declared with attribute error: min(a, u) signedness error") != std::string::npos);
    EmuRun clamp_bad = build_module("long f(long v, unsigned long hi);\nlong f(long v, unsigned long hi) { return clamp(v, 0, hi); }");
    CHECK(clamp_bad.status != 0);
    CHECK(clamp_bad.out.find("clamp(v, 0, hi) signedness error") != std::string::npos);
    EmuRun ok = build_module(
        "int f(int a, unsigned int u);\nint f(int a, unsigned int u) { return min_t(int, a, u) + min(u, 3) + max(a, -1); }");
    INFO(ok.out);
    CHECK(ok.status == 0);
}

TEST_CASE("minmax: different pointer types warn, as GCC does on 6.1", "[kernel][minmax]") {
    EmuRun r = build_module("int g(int *p, long *q);\nint g(int *p, long *q) { return min(p, q) != 0; }");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("comparison of distinct pointer types lacks a cast") != std::string::npos);
}
