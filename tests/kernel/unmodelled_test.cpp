// What the guest headers declare for hardware emu does not model
// (kernel/unmodelled.cpp): modpost's Module.symvers lists each name, as 6.1
// exports them, and the kernel defines none, so insmod refuses a module that
// calls one with "Unknown symbol NAME" (tests/abi/hwdecl loads such modules).
#include "kernel/module.hpp"
#include "kernel/unmodelled.hpp"

#include <catch2/catch.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <set>

using namespace emu::kern;

TEST_CASE("unmodelled symbols: listed for modpost, defined by no kernel file (insmod: Unknown symbol)",
          "[kernel][unmodelled]") {
    const auto& names = unmodelled_symbols();
    REQUIRE(names.size() > 100);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    for (const char* n : {"gpio_request", "__platform_driver_register", "alloc_netdev_mqs", "input_register_device",
                          "register_kprobe", "ioremap", "vc_cons", "page_offset_base"})
        CHECK(std::count(names.begin(), names.end(), n) == 1);
    // 6.1 does not export these to modules: modpost must stop them, as 6.1's does.
    for (const char* n : {"kallsyms_lookup_name", "sys_close", "cpus_write_lock"})
        CHECK(std::count(names.begin(), names.end(), n) == 0);
    // The executable defines none of them (the test binary exports the kernel as emu does).
    Dl_info self{};
    dladdr(reinterpret_cast<void*>(&unmodelled_symbols), &self);
    for (const std::string& n : names) {
        void* addr = dlsym(RTLD_DEFAULT, n.c_str());
        Dl_info where{};
        bool in_kernel = addr && dladdr(addr, &where) && where.dli_fbase == self.dli_fbase;
        INFO(n);
        CHECK_FALSE(in_kernel);
    }
    std::vector<std::string> exported = exported_symbols();
    CHECK(std::count(exported.begin(), exported.end(), "gpio_request") == 1);
    CHECK(std::count(exported.begin(), exported.end(), "kallsyms_lookup_name") == 0);
}
