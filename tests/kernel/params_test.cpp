// Module parameters (kernel/params.cpp) against 6.1 include/linux/moduleparam.h
// and kernel/params.c: parse_args() over an insmod-style string, each
// param_ops_* set/get, arrays, strings, and the errors 6.1 reports.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/moduleparam.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {

kernel_param make(const char* name, const kernel_param_ops* ops, void* arg) {
    return kernel_param{name, nullptr, ops, 0644, -1, 0, {arg}};
}

// parse_args() on a copy of `args`; the error (0 or -errno) as load_module() sees it.
long parse(const std::string& args, const std::vector<kernel_param>& params) {
    std::vector<char> buf(args.begin(), args.end());
    buf.push_back('\0');
    char* ret = parse_args("test", buf.data(), params.data(), static_cast<unsigned>(params.size()), -32768, 32767,
                           nullptr, nullptr);
    return IS_ERR(ret) ? PTR_ERR(ret) : 0;
}

}  // namespace

TEST_CASE("params: every standard type parses with kstrto*() in base 0 and prints as 6.1's param_get_*()",
          "[kernel][params]") {
    std::string got;
    long err = -1;
    bool inv_stored = true;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int i = 0;
        unsigned u = 0, hex = 0;
        long l = 0;
        unsigned long ul = 0;
        short s = 0;
        unsigned short us = 0;
        unsigned char b = 0;
        unsigned long long ull = 0;
        bool flag = false, inv = false;
        char* cp = nullptr;
        std::vector<kernel_param> ps = {
            make("i", &param_ops_int, &i),       make("u", &param_ops_uint, &u),     make("l", &param_ops_long, &l),
            make("ul", &param_ops_ulong, &ul),   make("s", &param_ops_short, &s),    make("us", &param_ops_ushort, &us),
            make("b", &param_ops_byte, &b),      make("ull", &param_ops_ullong, &ull), make("hex", &param_ops_hexint, &hex),
            make("flag", &param_ops_bool, &flag), make("inv", &param_ops_invbool, &inv), make("cp", &param_ops_charp, &cp),
        };
        err = parse("i=-12 u=0x10 l=-077 ul=18446744073709551615 s=-32768 us=65535 b=255 ull=1 hex=255 flag inv=y "
                    "cp=hello\n",
                    ps);
        char page[4096];
        for (const kernel_param& p : ps) {
            int n = p.ops->get(page, &p);
            got += std::string(p.name) + "=" + std::string(page, static_cast<std::size_t>(n));
        }
        inv_stored = inv;
        hex = 0;  // the kernel's "%#08x" keeps "0x" for 0
        int n = param_ops_hexint.get(page, &ps[8]);
        got += std::string(page, static_cast<std::size_t>(n));
        return 0;
    });
    INFO(r.console);
    CHECK(err == 0);
    CHECK(got ==
          "i=-12\nu=16\nl=-63\nul=18446744073709551615\ns=-32768\nus=65535\nb=255\null=1\nhex=0x0000ff\n"
          "flag=Y\ninv=Y\ncp=hello\n0x000000\n");  // invbool stores the inverse and shows what was given
    CHECK_FALSE(inv_stored);
}

TEST_CASE("params: 6.1's messages for a bad value, a too-long string, an unknown name, and parsing goes on",
          "[kernel][params]") {
    long bad = 0, range = 0, unknown = 0, noval = 0, nospace = 0;
    int i = 7;
    unsigned char b = 1;
    auto r = run_guest(default_config(1), [&](Machine&) {
        char label[4] = "ab";
        kparam_string ks{sizeof label, label};
        bool inv = false;
        std::vector<kernel_param> ps = {make("i", &param_ops_int, &i), make("b", &param_ops_byte, &b),
                                        make("inv", &param_ops_invbool, &inv)};
        kernel_param str{"label", nullptr, &param_ops_string, 0644, -1, 0, {nullptr}};
        str.str = &ks;
        ps.push_back(str);
        bad = parse("i=12x b=3", ps);   // the error is reported, b is still set
        range = parse("b=256", ps);     // kstrtou8: -ERANGE
        unknown = parse("nosuch=1", ps);
        noval = parse("inv", ps);       // invbool needs a value
        nospace = parse("label=abcd", ps);
        return 0;
    });
    INFO(r.console);
    CHECK(bad == -EINVAL);
    CHECK(b == 3);
    CHECK(i == 7);
    CHECK(r.plain.find("test: `12x' invalid for parameter `i'\n") != std::string::npos);
    CHECK(range == -ERANGE);
    CHECK(r.plain.find("test: `256' invalid for parameter `b'\n") != std::string::npos);
    CHECK(unknown == -ENOENT);
    CHECK(r.plain.find("test: Unknown parameter `nosuch'\n") != std::string::npos);
    CHECK(noval == -EINVAL);
    CHECK(r.plain.find("test: `' invalid for parameter `inv'\n") != std::string::npos);
    CHECK(nospace == -ENOSPC);
    CHECK(r.plain.find("label: string doesn't fit in 3 chars.\ntest: `abcd' too large for parameter `label'\n") !=
          std::string::npos);
}

TEST_CASE("params: arrays take comma-separated values, count them, and refuse more than they hold",
          "[kernel][params]") {
    std::string shown, after_error;
    unsigned num = 0, num_after = 0;
    long err = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        int arr[3] = {};
        kparam_array ka{3, sizeof(int), &num, &param_ops_int, arr};
        kernel_param p{"arr", nullptr, &param_array_ops, 0644, -1, 0, {nullptr}};
        p.arr = &ka;
        std::vector<kernel_param> ps = {p};
        parse("arr=4,5", ps);
        char page[4096];
        kernel_param_lock(nullptr);
        int n = param_array_ops.get(page, &ps[0]);
        kernel_param_unlock(nullptr);
        shown.assign(page, static_cast<std::size_t>(n));
        err = parse("arr=1,2,3,4", ps);
        num_after = num;
        kernel_param_lock(nullptr);
        n = param_array_ops.get(page, &ps[0]);
        kernel_param_unlock(nullptr);
        after_error.assign(page, static_cast<std::size_t>(n));
        return 0;
    });
    INFO(r.console);
    CHECK(shown == "4,5\n");
    CHECK(err == -EINVAL);
    CHECK(num_after == 3);
    CHECK(after_error == "1,2,3\n");
    // param_array() cut the value at its first comma before the error was printed.
    CHECK(r.plain.find("arr: can only take 3 arguments\ntest: `1' invalid for parameter `arr'\n") != std::string::npos);
}

TEST_CASE("params: next_arg() keeps quoted spaces, strips the quotes; '-' matches '_'; '--' ends the list",
          "[kernel][params]") {
    std::string name, rest;
    int max_items = 0;
    bool parsed_after = false;
    auto r = run_guest(default_config(1), [&](Machine&) {
        char* cp = nullptr;
        int after = 0;
        std::vector<kernel_param> ps = {make("name", &param_ops_charp, &cp), make("max_items", &param_ops_int, &max_items),
                                        make("after", &param_ops_int, &after)};
        std::string args = "  name=\"hello world\"   max-items=3 -- after=1";
        std::vector<char> buf(args.begin(), args.end());
        buf.push_back('\0');
        char* ret = parse_args("test", buf.data(), ps.data(), 3, -32768, 32767, nullptr, nullptr);
        if (ret && !IS_ERR(ret)) rest = ret;
        name = cp ? cp : "";
        parsed_after = after != 0;
        return 0;
    });
    INFO(r.console);
    CHECK(name == "hello world");
    CHECK(max_items == 3);
    CHECK(rest == "after=1");
    CHECK_FALSE(parsed_after);
}

TEST_CASE("params: bool accepts 6.1's kstrtobool() spellings and a bare name, refuses others",
          "[kernel][params]") {
    std::vector<int> results;
    auto r = run_guest(default_config(1), [&](Machine&) {
        for (const char* v : {"y", "Y", "1", "on", "n", "N", "0", "off", "yes", "nope", "x", ""}) {
            bool b = false;
            kernel_param p = make("b", &param_ops_bool, &b);
            int ret = param_set_bool(v, &p);
            results.push_back(ret ? ret : (b ? 1 : 0));
        }
        bool b = false;
        kernel_param p = make("b", &param_ops_bool, &b);
        results.push_back(param_set_bool(nullptr, &p) == 0 && b);
        return 0;
    });
    INFO(r.console);
    CHECK(results == std::vector<int>{1, 1, 1, 1, 0, 0, 0, 0, 1, 0, -EINVAL, -EINVAL, 1});
}
