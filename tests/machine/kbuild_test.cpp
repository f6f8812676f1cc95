// The kernel build directory (emu/kbuild, kernel/kbuild): module sources are
// built the way Linux 6.1's kbuild builds external modules, through GNU make
// with the usual student Makefile, and through `emu build` over the same
// rules. Facts checked against Debian's 6.1 kbuild tree
// (linux-headers-6.1.0-*-amd64): modpost's messages, '-' -> '_' in module
// names, obj-$(CONFIG_X), Kbuild before Makefile, subdir-ccflags-y.
#include "tests/support/guest.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

// Last: the guest headers define macros (__init) that clash with the standard library.
#include "kernel/module.hpp"

using namespace emu::test;
namespace fs = std::filesystem;

namespace {

struct Sh {
    int status;
    std::string out;
};

// GCC quotes with ‘’ in a UTF-8 locale and '' otherwise: compare in ASCII.
std::string ascii_quotes(std::string s) {
    for (const char* q : {"\u2018", "\u2019"})
        for (std::size_t at; (at = s.find(q)) != std::string::npos;) s.replace(at, std::string(q).size(), "'");
    return s;
}

// Runs a shell command line as a user at a terminal would (stderr merged).
Sh sh(const std::string& cmd) {
    std::string full = "(" + cmd + ") 2>&1";
    FILE* p = popen(full.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int st = pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, ascii_quotes(out)};
}

std::string emu_kdir() {
    auto r = run_emu("kdir");
    REQUIRE(r.status == 0);
    std::string dir = r.out.substr(0, r.out.find('\n'));
    REQUIRE(fs::exists(dir + "/Makefile"));
    return dir;
}

// A fresh directory holding `files` (name -> text).
std::string make_tree(const std::string& tag, const std::map<std::string, std::string>& files) {
    std::string dir = fs::temp_directory_path().string() + "/emu-kbuild-" + tag + "-" + std::to_string(getpid());
    fs::remove_all(dir);
    for (const auto& [name, text] : files) {
        fs::create_directories(fs::path(dir + "/" + name).parent_path());
        std::ofstream(dir + "/" + name) << text;
    }
    return dir;
}

// The Makefile every tutorial gives, with the KDIR ?= default of a real machine.
const char* kStudentMakefile =
    "ifneq ($(KERNELRELEASE),)\n"
    "obj-m := dash-mod.o\n"
    "dash-mod-y := main.o helper.o\n"
    "ccflags-y := -I$(src)/include\n"
    "else\n"
    "KDIR ?= /lib/modules/$(shell uname -r)/build\n"
    "all:\n"
    "\t$(MAKE) -C $(KDIR) M=$(PWD) modules\n"
    "clean:\n"
    "\t$(MAKE) -C $(KDIR) M=$(PWD) clean\n"
    "endif\n";

const char* kDashMain =
    "#include <linux/module.h>\n"
    "#include <linux/kernel.h>\n"
    "#include <dash.h>\n"
    "static int __init dash_init(void)\n"
    "{\n"
    "\tpr_info(\"%s: helper says %d, modname %s\\n\", DASH_GREETING, dash_helper(), KBUILD_MODNAME);\n"
    "\treturn 0;\n"
    "}\n"
    "static void __exit dash_exit(void)\n"
    "{\n"
    "\tpr_info(\"dash out\\n\");\n"
    "}\n"
    "module_init(dash_init);\n"
    "module_exit(dash_exit);\n"
    "MODULE_LICENSE(\"GPL\");\n";

std::map<std::string, std::string> dash_module() {
    return {{"Makefile", kStudentMakefile},
            {"main.c", kDashMain},
            {"helper.c", "#include <dash.h>\nint dash_helper(void)\n{\n\treturn 42;\n}\n"},
            {"include/dash.h", "#define DASH_GREETING \"hello from dash\"\nint dash_helper(void);\n"}};
}

// Loads dir/NAME.ko in a guest, lists it, removes it by its kbuild name.
EmuRun load_and_remove(const std::string& dir, const std::string& ko, const std::string& rm) {
    std::string script = dir + "/try.sh";
    std::ofstream(script) << "insmod " << ko << "\nlsmod\nrmmod " << rm << "\necho rc=$?\n";
    return run_emu("run --root " + dir + " " + script);
}

}  // namespace

TEST_CASE("the usual student Makefile builds a multi-file module with $(src) includes through make -C $(emu kdir)",
          "[kbuild]") {
    std::string kdir = emu_kdir();
    std::string dir = make_tree("student", dash_module());
    auto b = sh("cd " + dir + " && make KDIR=" + kdir);
    INFO(b.out);
    REQUIRE(b.status == 0);
    // kbuild's steps, in its words.
    CHECK(b.out.find("  CC [M]  " + dir + "/main.o") != std::string::npos);
    CHECK(b.out.find("  LD [M]  " + dir + "/dash-mod.o") != std::string::npos);
    CHECK(b.out.find("  MODPOST " + dir + "/Module.symvers") != std::string::npos);
    CHECK(b.out.find("  LD [M]  " + dir + "/dash-mod.ko") != std::string::npos);
    // The file keeps its dash; the module is named with an underscore.
    REQUIRE(fs::exists(dir + "/dash-mod.ko"));
    auto r = load_and_remove(dir, "dash-mod.ko", "dash_mod");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("hello from dash: helper says 42, modname dash_mod") != std::string::npos);
    CHECK(r.out.find("dash_mod ") != std::string::npos);  // lsmod
    CHECK(r.out.find("dash out") != std::string::npos);
    CHECK(r.out.find("rc=0") != std::string::npos);
    // kmod's rmmod also takes the dashed name.
    auto r2 = load_and_remove(dir, "dash-mod.ko", "dash-mod");
    CHECK(r2.out.find("rc=0") != std::string::npos);

    // Nothing changed: nothing is rebuilt.
    auto again = sh("cd " + dir + " && make KDIR=" + kdir);
    CHECK(again.status == 0);
    CHECK(again.out.find("CC [M]") == std::string::npos);
    // A header changed: the object that includes it is rebuilt.
    sh("sleep 0.01; touch " + dir + "/include/dash.h");
    auto dep = sh("cd " + dir + " && make KDIR=" + kdir);
    CHECK(dep.out.find("CC [M]  " + dir + "/main.o") != std::string::npos);

    // make clean removes what the build wrote, and only that; a rebuild works.
    auto c = sh("cd " + dir + " && make KDIR=" + kdir + " clean");
    INFO(c.out);
    CHECK(c.status == 0);
    for (const char* gone : {"main.o", "helper.o", "dash-mod.o", "dash-mod.ko", "dash-mod.mod.c", "dash-mod.mod.o",
                             ".main.o.cmd", ".main.o.d", "modules.order", "Module.symvers"})
        CHECK_FALSE(fs::exists(dir + "/" + gone));
    for (const char* kept : {"Makefile", "main.c", "helper.c", "include/dash.h"}) CHECK(fs::exists(dir + "/" + kept));
    auto re = sh("cd " + dir + " && make KDIR=" + kdir);
    CHECK(re.status == 0);
    CHECK(fs::exists(dir + "/dash-mod.ko"));
    fs::remove_all(dir);
}

TEST_CASE("emu build DIR -o OUT runs the same rules, leaving the sources' directory untouched", "[kbuild]") {
    std::string dir = make_tree("front", dash_module());
    std::string out = dir + "-out";
    fs::remove_all(out);
    auto b = run_emu("build " + dir + " -o " + out);
    INFO(b.out);
    REQUIRE(b.status == 0);
    CHECK(b.out.find("  LD [M]  " + out + "/dash-mod.ko") != std::string::npos);
    CHECK(fs::exists(out + "/main.o"));
    CHECK_FALSE(fs::exists(dir + "/main.o"));
    auto r = load_and_remove(out, "dash-mod.ko", "dash_mod");
    INFO(r.out);
    CHECK(r.out.find("hello from dash: helper says 42, modname dash_mod") != std::string::npos);
    CHECK(r.out.find("rc=0") != std::string::npos);
    // --hz: the objects are rebuilt for the other HZ (the saved command changed).
    auto hz = run_emu("build " + dir + " -o " + out + " --hz 1000");
    CHECK(hz.status == 0);
    CHECK(hz.out.find("CC [M]  " + out + "/main.o") != std::string::npos);
    std::string err;
    auto info = emu::kern::read_modinfo(out + "/dash-mod.ko", err);
    CHECK(std::find(info.begin(), info.end(), "vermagic=" + emu::kern::vermagic_for_hz(1000)) != info.end());
    CHECK(std::find(info.begin(), info.end(), "name=dash_mod") != info.end());
    // --clean
    CHECK(run_emu("build --clean " + dir + " -o " + out).status == 0);
    CHECK_FALSE(fs::exists(out + "/dash-mod.ko"));
    fs::remove_all(dir);
    fs::remove_all(out);
}

TEST_CASE("modpost stops the build: a missing MODULE_LICENSE() and an undefined symbol, in 6.1's words", "[kbuild]") {
    std::string dir = make_tree(
        "modpost", {{"Kbuild", "obj-m := nolic.o undef.o\n"},
                    {"nolic.c", "#include <linux/module.h>\nstatic int __init n_init(void)\n{\n\treturn 0;\n}\n"
                                "module_init(n_init);\n"},
                    {"undef.c", "#include <linux/module.h>\nvoid frobnicate_kernel(void);\n"
                                "static int __init u_init(void)\n{\n\tfrobnicate_kernel();\n\treturn 0;\n}\n"
                                "module_init(u_init);\nMODULE_LICENSE(\"GPL\");\n"}});
    auto b = sh("make -C " + emu_kdir() + " M=" + dir + " modules");
    INFO(b.out);
    CHECK(b.status != 0);
    std::string lic = "ERROR: modpost: missing MODULE_LICENSE() in " + dir + "/nolic.o\n";
    std::string sym = "ERROR: modpost: \"frobnicate_kernel\" [" + dir + "/undef.ko] undefined!\n";
    CHECK(b.out.find(lic) != std::string::npos);
    CHECK(b.out.find(sym) != std::string::npos);
    CHECK(b.out.find(lic) < b.out.find(sym));  // 6.1 reports every license before any symbol
    CHECK_FALSE(fs::exists(dir + "/nolic.ko"));
    CHECK_FALSE(fs::exists(dir + "/undef.ko"));
    // Through emu build: the same messages, exit status 1.
    auto e = run_emu("build " + dir);
    CHECK(e.status == 1);
    CHECK(e.out.find(sym) != std::string::npos);
    // KBUILD_MODPOST_WARN=1 (6.1's switch) only warns about the symbol; insmod then refuses it.
    std::ofstream(dir + "/Kbuild") << "obj-m := undef.o\n";
    auto w = sh("make -C " + emu_kdir() + " M=" + dir + " KBUILD_MODPOST_WARN=1");
    INFO(w.out);
    CHECK(w.status == 0);
    CHECK(w.out.find("WARNING: modpost: \"frobnicate_kernel\" [" + dir + "/undef.ko] undefined!") != std::string::npos);
    auto r = load_and_remove(dir, "undef.ko", "undef");
    CHECK(r.out.find("undef: Unknown symbol frobnicate_kernel (err -2)") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("Kbuild files are make: obj-$(CONFIG_X), ifeq on .config, CFLAGS_file.o, EXTRA_CFLAGS, Kbuild before Makefile",
          "[kbuild]") {
    std::string kdir = emu_kdir();
    std::string dir = make_tree(
        "config",
        {{"Kbuild", "obj-$(CONFIG_EMU_DEMO) += cfgmod.o\n"
                    "ifeq ($(CONFIG_SMP),y)\nccflags-y += -DSMP_FROM_KCONFIG=1\nendif\n"
                    "CFLAGS_cfgmod.o := -DPER_FILE=7\nEXTRA_CFLAGS += -DOLD_STYLE=3\n"},
         // Kbuild wins: this Makefile's module is never built.
         {"Makefile", "obj-m := ignored.o\nall:\n\t$(MAKE) -C $(KDIR) M=$(PWD)\n"},
         {"ignored.c", "#error the Makefile was read instead of Kbuild\n"},
         {"cfgmod.c", "#include <linux/module.h>\n"
                      "static int __init c_init(void)\n{\n"
                      "\tpr_info(\"smp=%d kconfig=%d file=%d old=%d hz=%d mod=%s\\n\", IS_ENABLED(CONFIG_SMP),\n"
                      "\t\tSMP_FROM_KCONFIG, PER_FILE, OLD_STYLE, CONFIG_HZ, KBUILD_MODNAME);\n\treturn 0;\n}\n"
                      "module_init(c_init);\nMODULE_LICENSE(\"GPL\");\n"}});
    // CONFIG_EMU_DEMO unset: obj- += cfgmod.o names no module.
    auto none = sh("make -C " + kdir + " M=" + dir);
    CHECK(none.status != 0);
    CHECK(none.out.find("builds no module") != std::string::npos);
    auto b = sh("make -C " + kdir + " M=" + dir + " CONFIG_EMU_DEMO=m V=1");
    INFO(b.out);
    REQUIRE(b.status == 0);
    // V=1 shows the commands themselves.
    CHECK(b.out.find("-DKBUILD_MODNAME='\"cfgmod\"'") != std::string::npos);
    CHECK(b.out.find("-nostdinc") != std::string::npos);
    std::ofstream(dir + "/try.sh") << "insmod cfgmod.ko\n";
    auto r = run_emu("run --root " + dir + " " + dir + "/try.sh");
    INFO(r.out);
    CHECK(r.out.find("smp=1 kconfig=1 file=7 old=3 hz=250 mod=cfgmod") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("obj-m += sub/ descends, with subdir-ccflags-y for everything below", "[kbuild]") {
    std::string dir = make_tree(
        "subdir", {{"Kbuild", "obj-m += top.o sub/\nsubdir-ccflags-y := -DFROM_TOP=5\n"},
                   {"top.c", "#include <linux/module.h>\nMODULE_LICENSE(\"GPL\");\n"},
                   {"sub/Kbuild", "obj-m := inner.o\n"},
                   {"sub/inner.c", "#include <linux/module.h>\nstatic int __init i_init(void)\n{\n"
                                   "\tpr_info(\"inner sees %d\\n\", FROM_TOP);\n\treturn 0;\n}\n"
                                   "module_init(i_init);\nMODULE_LICENSE(\"GPL\");\n"}});
    auto b = run_emu("build " + dir);
    INFO(b.out);
    REQUIRE(b.status == 0);
    CHECK(fs::exists(dir + "/top.ko"));
    REQUIRE(fs::exists(dir + "/sub/inner.ko"));
    std::ofstream(dir + "/try.sh") << "insmod sub/inner.ko\n";
    auto r = run_emu("run --root " + dir + " " + dir + "/try.sh");
    CHECK(r.out.find("inner sees 5") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a directory without a module, a missing source, and a bad CONFIG_HZ each stop with a clear message", "[kbuild]") {
    std::string kdir = emu_kdir();
    auto nomake = sh("make -C " + kdir + " M=/nonexistent-emu-module");
    CHECK(nomake.status != 0);
    CHECK(nomake.out.find("/nonexistent-emu-module/Makefile: No such file or directory") != std::string::npos);
    std::string dir = make_tree("missing", {{"Kbuild", "obj-m := gone.o\n"}});
    auto miss = run_emu("build " + dir);
    CHECK(miss.status == 1);
    CHECK(miss.out.find("No rule to make target '" + dir + "/gone.o'") != std::string::npos);
    auto hz = sh("make -C " + kdir + " M=" + dir + " CONFIG_HZ=123");
    CHECK(hz.status != 0);
    CHECK(hz.out.find("CONFIG_HZ=123 is not one of 100, 250, 300, 1000") != std::string::npos);
    auto nom = sh("make -C " + kdir);
    CHECK(nom.status != 0);
    CHECK(nom.out.find("emu builds external modules only") != std::string::npos);
    auto self = make_tree("self", {{"Kbuild", "obj-m := foo.o\nfoo-y := foo.o bar.o\n"}});
    auto s = run_emu("build " + self);
    CHECK(s.status == 1);
    CHECK(s.out.find("module foo is made of foo.o bar.o: a module cannot be one of its own parts") != std::string::npos);
    fs::remove_all(dir);
    fs::remove_all(self);
}

TEST_CASE("emu works from an installed location: cmake --install, then emu kdir and emu build there", "[kbuild]") {
    fs::path build_dir = fs::path(EMU_BINARY).parent_path().parent_path();
    std::string prefix = fs::temp_directory_path().string() + "/emu-install-" + std::to_string(getpid());
    fs::remove_all(prefix);
    auto inst = sh("cmake --install " + build_dir.string() + " --prefix " + prefix + " >/dev/null");
    INFO(inst.out);
    REQUIRE(inst.status == 0);
    auto k = sh(prefix + "/bin/emu kdir");
    CHECK(k.out == prefix + "/lib/emu/kdir\n");
    std::string dir = make_tree("installed", dash_module());
    auto b = sh("cd " + dir + " && make KDIR=" + prefix + "/lib/emu/kdir");
    INFO(b.out);
    CHECK(b.status == 0);
    CHECK(b.out.find(build_dir.string()) == std::string::npos);  // nothing from the build tree
    auto r = sh(prefix + "/bin/emu build --user " + dir + "/prog.c -o " + dir + "/prog 2>&1 || true");
    CHECK(r.out.find("usershim") == std::string::npos);  // the shim is found (prog.c is what is missing)
    fs::remove_all(prefix);
    fs::remove_all(dir);
}

TEST_CASE("spellings 6.1 no longer has build with a warning naming the replacement; --strict fails them as 6.1 does",
          "[kbuild]") {
    // Each construct as books before 5.x teach it.
    std::string dir = make_tree(
        "old", {{"Kbuild", "obj-m := oldcode.o\n"},
                {"oldcode.c",
                 "#include <linux/module.h>\n#include <linux/interrupt.h>\n#include <linux/kthread.h>\n"
                 "#include <linux/completion.h>\n#include <linux/timer.h>\n"
                 "static void tfn(unsigned long data)\n{\n\tpr_info(\"old tasklet %lu\\n\", data);\n}\n"
                 "DECLARE_TASKLET(old_tasklet, tfn, 7);\n"
                 "static struct timer_list old_timer;\nstatic DECLARE_COMPLETION(done);\n"
                 "static int thread(void *d)\n{\n\tcomplete_and_exit(&done, 0);\n}\n"
                 "static int thread2(void *d)\n{\n\tdo_exit(0);\n}\n"
                 "static int __init old_init(void)\n{\n"
                 "\tpr_info(\"state %ld\\n\", (long)current->state);\n"
                 "\tsetup_timer(&old_timer, tfn, 1);\n\ttasklet_schedule(&old_tasklet);\n"
                 "\tkthread_run(thread, NULL, \"old\");\n\twait_for_completion(&done);\n"
                 "\tkthread_run(thread2, NULL, \"old2\");\n\treturn 0;\n}\n"
                 "module_init(old_init);\nMODULE_LICENSE(\"GPL\");\n"}});
    auto b = run_emu("build " + dir);
    b.out = ascii_quotes(b.out);
    INFO(b.out);
    REQUIRE(b.status == 0);
    for (const char* warning :
         {"warning: DECLARE_TASKLET(name, func, data) is the pre-5.9 form; 6.1's takes (name, callback): use "
          "DECLARE_TASKLET(name, callback) with from_tasklet(), or DECLARE_TASKLET_OLD(name, func) (data 0)",
          "'state' is deprecated: not in Linux 6.1: task_struct::state is __state since 5.14: use READ_ONCE(task->__state)",
          "'setup_timer' is deprecated: not in Linux 6.1: setup_timer() was removed in 4.15: use timer_setup(",
          "'complete_and_exit' is deprecated: not in Linux 6.1: complete_and_exit() is kthread_complete_and_exit() since 5.17",
          "'do_exit' is deprecated: not in Linux 6.1: do_exit() is not exported to modules since 5.17"})
        CHECK(b.out.find(warning) != std::string::npos);
    // The module still runs as older kernels ran it.
    std::ofstream(dir + "/try.sh") << "insmod oldcode.ko\nsleep 0.1\n";
    auto r = run_emu("run --root " + dir + " " + dir + "/try.sh");
    CHECK(r.out.find("state 0") != std::string::npos);
    CHECK(r.out.find("old tasklet 7") != std::string::npos);

    // --strict: the same errors as Debian's 6.1 kbuild gives.
    auto s = run_emu("build --strict " + dir);
    s.out = ascii_quotes(s.out);
    INFO(s.out);
    CHECK(s.status == 1);
    CHECK(s.out.find("error: macro \"DECLARE_TASKLET\" passed 3 arguments, but takes just 2") != std::string::npos);
    CHECK(s.out.find("has no member named 'state'") != std::string::npos);
    CHECK(s.out.find("implicit declaration of function 'setup_timer'") != std::string::npos);
    CHECK(s.out.find("implicit declaration of function 'complete_and_exit'") != std::string::npos);
    // do_exit() compiles on 6.1 (kernel.h declares it) and modpost stops it: not exported.
    std::ofstream(dir + "/Kbuild") << "obj-m := exiter.o\n";
    std::ofstream(dir + "/exiter.c") << "#include <linux/module.h>\n#include <linux/kthread.h>\n"
                                        "static int fn(void *d)\n{\n\tdo_exit(0);\n}\n"
                                        "static int __init e_init(void)\n{\n\tkthread_run(fn, NULL, \"e\");\n"
                                        "\treturn 0;\n}\nmodule_init(e_init);\nMODULE_LICENSE(\"GPL\");\n";
    auto e = sh("make -C " + emu_kdir() + " M=" + dir + " EMU_STRICT=1");
    INFO(e.out);
    CHECK(e.status != 0);
    CHECK(e.out.find("ERROR: modpost: \"do_exit\" [" + dir + "/exiter.ko] undefined!") != std::string::npos);
    CHECK(e.out.find("deprecated") == std::string::npos);
    // Without it, the same module builds (with the warning).
    CHECK(sh("make -C " + emu_kdir() + " M=" + dir).status == 0);
    fs::remove_all(dir);
}

TEST_CASE("EXPORT_SYMBOL: one module uses another's function and variable, as 6.1's Module.symvers and insmod allow",
          "[kbuild]") {
    std::string kdir = emu_kdir();
    const std::string provider_c =
        "#include <linux/module.h>\n"
        "int shared_counter = 40;\nEXPORT_SYMBOL(shared_counter);\n"
        "int provider_add(int a, int b)\n{\n\treturn a + b;\n}\nEXPORT_SYMBOL_GPL(provider_add);\n"
        "MODULE_LICENSE(\"GPL\");\n";
    const std::string consumer_c =
        "#include <linux/module.h>\n"
        "extern int shared_counter;\nint provider_add(int a, int b);\n"
        "static int (*add_ptr)(int, int) = provider_add;\n"
        "static int __init consumer_init(void)\n{\n\tshared_counter++;\n"
        "\tpr_info(\"consumer: %d %d %d\\n\", provider_add(2, 3), add_ptr(4, 5), shared_counter);\n\treturn 0;\n}\n"
        "static void __exit consumer_exit(void)\n{\n}\nmodule_init(consumer_init);\nmodule_exit(consumer_exit);\n"
        "MODULE_LICENSE(\"GPL\");\n";
    std::string prov = make_tree("provider", {{"Kbuild", "obj-m := provider.o\n"}, {"provider.c", provider_c}});
    std::string cons = make_tree("consumer", {{"Makefile", "obj-m := consumer.o\nKBUILD_EXTRA_SYMBOLS := " + prov +
                                                               "/Module.symvers\n"},
                                              {"consumer.c", consumer_c}});
    auto p = sh("make -C " + kdir + " M=" + prov);
    INFO(p.out);
    REQUIRE(p.status == 0);
    std::ifstream in(prov + "/Module.symvers");
    std::string symvers((std::istreambuf_iterator<char>(in)), {});
    CHECK(symvers.find("\tshared_counter\t" + prov + "/provider\tEXPORT_SYMBOL\t") != std::string::npos);
    CHECK(symvers.find("\tprovider_add\t" + prov + "/provider\tEXPORT_SYMBOL_GPL\t") != std::string::npos);
    // The consumer's Makefile names the provider's Module.symvers, as 6.1 wants.
    auto c = sh("make -C " + kdir + " M=" + cons);
    INFO(c.out);
    REQUIRE(c.status == 0);
    fs::copy_file(prov + "/provider.ko", cons + "/provider.ko");
    std::ofstream(cons + "/try.sh") << "insmod consumer.ko\ninsmod provider.ko\ninsmod consumer.ko\nlsmod\n"
                                       "rmmod provider\nrmmod consumer\nrmmod provider\necho rc=$?\n";
    auto r = run_emu("run --root " + cons + " " + cons + "/try.sh");
    INFO(r.out);
    CHECK(r.out.find("consumer: Unknown symbol provider_add (err -2)") != std::string::npos);
    CHECK(r.out.find("consumer: Unknown symbol shared_counter (err -2)") != std::string::npos);
    CHECK(r.out.find("consumer: 5 9 41") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("provider +[0-9]+  1 consumer\n")));
    CHECK(r.out.find("rmmod: ERROR: Module provider is in use by: consumer") != std::string::npos);
    CHECK(r.out.find("rc=0") != std::string::npos);

    // Both in one build: modpost takes the symbol from the other module.
    std::string both = make_tree("both", {{"Kbuild", "obj-m := provider.o consumer.o\n"},
                                          {"provider.c", provider_c},
                                          {"consumer.c", consumer_c}});
    CHECK(sh("make -C " + kdir + " M=" + both).status == 0);
    // A GPL-only symbol in a module that is not GPL: 6.1's modpost error.
    std::ofstream(both + "/consumer.c") << std::regex_replace(consumer_c, std::regex("\"GPL\""), "\"Proprietary\"");
    auto g = sh("make -C " + kdir + " M=" + both);
    CHECK(g.status != 0);
    CHECK(g.out.find("ERROR: modpost: GPL-incompatible module " + both + "/consumer.ko uses GPL-only symbol 'provider_add'") !=
          std::string::npos);
    for (const std::string& d : {prov, cons, both}) fs::remove_all(d);
}

TEST_CASE("a module parameter or sysfs file that anyone may write does not build, as on 6.1 (VERIFY_OCTAL_PERMISSIONS)",
          "[kbuild]") {
    std::string dir = make_tree("perm", {{"Kbuild", "obj-m := perm.o\n"},
                                         {"perm.c", "#include <linux/module.h>\nstatic int knob;\n"
                                                    "module_param(knob, int, MODE);\nMODULE_LICENSE(\"GPL\");\n"}});
    for (const char* mode : {"0666", "0606", "0464", "01000"}) {
        auto b = sh("make -C " + emu_kdir() + " M=" + dir + " KCFLAGS=-DMODE=" + mode);
        INFO(mode << "\n" << b.out);
        CHECK(b.status != 0);
        CHECK(b.out.find("negative width in bit-field") != std::string::npos);
    }
    for (const char* mode : {"0644", "0444", "0600", "0"}) {
        auto b = sh("make -C " + emu_kdir() + " M=" + dir + " KCFLAGS=-DMODE=" + mode);
        INFO(mode << "\n" << b.out);
        CHECK(b.status == 0);
    }
    fs::remove_all(dir);
}

TEST_CASE("a charp array parameter longer than a page reads back cut at the page, not past it", "[kbuild]") {
    // 6.1 takes charp values of up to 1024 characters: five of 1000 make 5004 of text.
    std::string dir = make_tree("longparam", {{"Kbuild", "obj-m := longparam.o\n"},
                                              {"longparam.c", "#include <linux/module.h>\nstatic char *names[5];\n"
                                                              "static int n;\nmodule_param_array(names, charp, &n, 0444);\n"
                                                              "MODULE_LICENSE(\"GPL\");\n"}});
    REQUIRE(run_emu("build " + dir).status == 0);
    std::string v[5];
    std::string arg, full;
    for (int i = 0; i < 5; ++i) {
        v[i] = std::string(1000, static_cast<char>('a' + i));
        arg += (i ? "," : "") + v[i];
    }
    std::ofstream(dir + "/try.sh") << "insmod longparam.ko names=" << arg
                                   << "\ncat /sys/module/longparam/parameters/names\necho rc=$?\n";
    auto r = run_emu("run --loglevel 1 --root " + dir + " " + dir + "/try.sh");
    CHECK(r.status == 0);
    CHECK(r.out.find("rc=0") != std::string::npos);
    // A page holds 4095 characters: four whole values and 91 of the fifth, then nothing more.
    std::string expect = v[0] + "," + v[1] + "," + v[2] + "," + v[3] + "," + std::string(91, 'e');
    CHECK(r.out.find(expect) != std::string::npos);
    CHECK(r.out.find(expect + "e") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("flush_workqueue() of a system workqueue is 6.1's build warning; flush_scheduled_work() and the run print "
          "nothing (SEMANTICS §5.5)",
          "[kbuild]") {
    std::string dir = make_tree(
        "wqflush", {{"Kbuild", "obj-m := wqflush.o\n"},
                    {"wqflush.c",
                     "#include <linux/module.h>\n#include <linux/workqueue.h>\n"
                     "static struct workqueue_struct *mine;\n"
                     "static void fn(struct work_struct *w)\n{\n\tpr_info(\"wqflush: work ran\\n\");\n}\n"
                     "static DECLARE_WORK(work, fn);\n"
                     "static int __init wqflush_init(void)\n{\n"
                     "\tmine = alloc_workqueue(\"wqflush\", 0, 0);\n\tif (!mine)\n\t\treturn -ENOMEM;\n"
                     "\tflush_workqueue(mine);\n"
                     "\tschedule_work(&work);\n\tflush_scheduled_work();\n"
                     "\tflush_workqueue(system_wq);\n"
                     "\tpr_info(\"wqflush: flushed\\n\");\n\treturn 0;\n}\n"
                     "static void __exit wqflush_exit(void)\n{\n\tflush_workqueue(system_long_wq);\n"
                     "\tdestroy_workqueue(mine);\n\tpr_info(\"wqflush: out\\n\");\n}\n"
                     "module_init(wqflush_init);\nmodule_exit(wqflush_exit);\nMODULE_LICENSE(\"GPL\");\n"}});
    auto b = run_emu("build " + dir);
    b.out = ascii_quotes(b.out);
    INFO(b.out);
    REQUIRE(b.status == 0);
    // Debian's 6.1 kbuild, for the same file: one warning per flush_workqueue() of
    // system_wq / system_long_wq (lines 17 and 23), none for `mine` or flush_scheduled_work().
    const std::string warning =
        "warning: call to '__warn_flushing_systemwide_wq' declared with attribute warning: Please avoid flushing "
        "system-wide workqueues. [-Wattribute-warning]";
    CHECK(count(b.out, warning) == 2);
    CHECK(count(b.out, "note: in expansion of macro 'flush_workqueue'") == 2);
    CHECK(b.out.find("wqflush.c:17:9: note: in expansion of macro 'flush_workqueue'") != std::string::npos);
    CHECK(b.out.find("wqflush.c:23:9: note: in expansion of macro 'flush_workqueue'") != std::string::npos);
    CHECK(b.out.find("flush_scheduled_work") == std::string::npos);
    std::ofstream(dir + "/try.sh") << "insmod wqflush.ko\nrmmod wqflush\necho rc=$?\n";
    auto r = run_emu("run --root " + dir + " " + dir + "/try.sh");
    INFO(r.out);
    CHECK(r.out.find("wqflush: work ran") != std::string::npos);
    CHECK(r.out.find("wqflush: flushed") != std::string::npos);
    CHECK(r.out.find("wqflush: out") != std::string::npos);
    CHECK(r.out.find("rc=0") != std::string::npos);
    CHECK(r.out.find("WARNING") == std::string::npos);
    CHECK(r.out.find("Flushing") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("emu build with an output path the host refuses: a message and exit 1, never an abort", "[kbuild]") {
    std::string dir = "/tmp/emu-kbuild-test-badout";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/Kbuild") << "obj-m := a.o\n";
    std::ofstream(dir + "/a.c") << "#include <linux/module.h>\nMODULE_LICENSE(\"GPL\");\n";
    for (const std::string& out : {std::string("/dev/null"), "/tmp/" + std::string(300, 'y') + "/o"}) {
        auto r = emu::test::run_emu("build " + dir + " -o " + out);
        INFO(r.out);
        CHECK(r.status == 1);
        CHECK(r.out.find("emu build: -o " + out + ": cannot make the output directory: ") == 0);
    }
}
