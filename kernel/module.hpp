#pragma once
// The module loader (kernel/module/main.c): guest modules are shared objects
// built by `emu build`, loaded with local symbol scope after their ELF file
// is checked the way Linux checks a .ko (format, version magic, unknown
// symbols), with Linux's messages and errno values.
#include "kernel/kernel.hpp"
#include "kernel/include/linux/module.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace emu::kern {

struct KernfsNode;

struct LoadedModule {
    std::string name;
    std::string path;          // the .ko as given
    void* handle = nullptr;
    int (*init)(void) = nullptr;
    void (*exit)(void) = nullptr;
    struct module* mod = nullptr;
    std::uintptr_t base = 0, text_lo = 0, text_hi = 0;
    // The host mapping, the end of its header segment and its other segments
    // (text, rodata, data: made inaccessible when the module is freed).
    std::uintptr_t map_lo = 0, map_hi = 0, headers_hi = 0;
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> core;
    int refcount = 0;
    bool live = false;
    bool going = false;     // exit running or init failed (MODULE_STATE_GOING)
    bool unformed = false;  // being freed (MODULE_STATE_UNFORMED): print_modules skips it
    // Parameters (kernel/params.cpp): the "__param" section, the insmod
    // arguments, and the lock set/get run under (mod->param_lock).
    const kernel_param* kp = nullptr;
    unsigned num_kp = 0;
    std::string args;
    mutex param_lock{};
    std::vector<std::string> modinfo;  // the .modinfo strings (version, srcversion for sysfs)
    KernfsNode* sysfs_dir = nullptr;   // /sys/module/NAME while it exists
    // The modules whose exports this one uses: each holds a reference on them
    // until this one is freed (6.1's module_use: lsmod's "Used by" names).
    std::vector<LoadedModule*> uses;

    LoadedModule() { __mutex_init(&param_lock, "&mod->param_lock", nullptr); }
    LoadedModule(const LoadedModule&) = delete;  // the mutex's list points into it
    LoadedModule& operator=(const LoadedModule&) = delete;
};

// A symbol a loaded module exports (EXPORT_SYMBOL), for the modules loaded after it.
struct ModuleExport {
    std::uintptr_t addr = 0;
    LoadedModule* owner = nullptr;
};

struct ModuleRegistry {
    std::map<std::string, ModuleExport> exports;  // by name
    std::vector<std::unique_ptr<LoadedModule>> loaded;  // load order
    std::vector<std::unique_ptr<LoadedModule>> gone;    // unloaded: their mappings stay reserved, inaccessible
    std::string last_unloaded;
    bool oot_tainted = false;
    // kernel/params.cpp: the lock of parameters without a module, and the
    // strings param_set_charp() allocated (freed only if on this list).
    mutex param_lock{};
    std::vector<void*> kmalloced_params;

    ModuleRegistry() { __mutex_init(&param_lock, "param_lock", nullptr); }
    ModuleRegistry(const ModuleRegistry&) = delete;
    ModuleRegistry& operator=(const ModuleRegistry&) = delete;
};

// The string a module's vermagic must equal.
std::string vermagic(const Kernel& k);
std::string vermagic_for_hz(int hz);
// insmod: loads and runs init in the caller's context; returns 0 or -errno.
// Where a module or user program gets its private copy before dlopen(), so
// that one loaded again gets fresh static data: $TMPDIR/emu-<kind>-<pid>-XXXXXX/<n>-<file>
// (TMPDIR unset: /tmp; the directory made by mkdtemp()), numbered per process
// (another machine may still have an earlier copy mapped). The directory goes
// when the process exits normally.
std::string private_copy_path(const char* kind, const std::string& file);
// Removes this process's copy directories now: for an exit that skips static
// destructors (_exit() after the host watchdog's report).
void remove_private_copies();
int load_module(const std::string& path, const std::vector<std::string>& params, std::string& name_out);
// delete_module(): -ENOENT if not loaded, -EBUSY if in use, not live or without an exit function.
int unload_module(const std::string& name);
// The "Used by" count (/sys/module/NAME/refcnt), or -ENOENT.
int module_refcount(Kernel& k, const std::string& name);
// The loaded modules that use NAME's exports, "a,b" (kmod's "in use by: ..."); "" if none.
std::string module_holders(Kernel& k, const std::string& name);
std::string lsmod_text(Kernel& k);
// The symbols modules may use, sorted: the kernel build directory's Module.symvers.
std::vector<std::string> exported_symbols();
// modinfo FILE: the key=value strings of its .modinfo section ("" if not a module).
std::vector<std::string> read_modinfo(const std::string& path, std::string& error);

}  // namespace emu::kern

