// The kernel's string functions (kernel/string.cpp), as 6.1's lib/string.c
// and mm/util.c define them (6.1 include/linux/string.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/err.h"
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/string.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace emu;
using namespace emu::test;

TEST_CASE("strscpy: the length copied, or -E2BIG with the part that fitted; strscpy_pad zeroes the rest",
          "[kernel][string]") {
    char buf[8];
    CHECK(strscpy(buf, "hello", sizeof buf) == 5);
    CHECK(std::string(buf) == "hello");
    CHECK(strscpy(buf, "1234567", sizeof buf) == 7);
    CHECK(strscpy(buf, "12345678", sizeof buf) == -E2BIG);
    CHECK(std::string(buf) == "1234567");
    CHECK(strscpy(buf, "x", 0) == -E2BIG);
    std::memset(buf, 'z', sizeof buf);
    CHECK(strscpy_pad(buf, "ab", sizeof buf) == 2);
    CHECK(std::memcmp(buf, "ab\0\0\0\0\0\0", 8) == 0);
}

TEST_CASE("strlcpy/strlcat return the length they tried to make", "[kernel][string]") {
    char buf[6];
    CHECK(strlcpy(buf, "abcdefgh", sizeof buf) == 8);
    CHECK(std::string(buf) == "abcde");
    strlcpy(buf, "ab", sizeof buf);
    CHECK(strlcat(buf, "cdefg", sizeof buf) == 7);
    CHECK(std::string(buf) == "abcde");
}

TEST_CASE("strim/skip_spaces/strreplace/str_has_prefix/memchr_inv/strnchr/strnstr", "[kernel][string]") {
    char s[] = "  \t padded value \n ";
    char* t = strim(s);
    CHECK(std::string(t) == "padded value");
    CHECK(std::string(skip_spaces("\n\t x")) == "x");
    char path[] = "a/b/c";
    char* end = strreplace(path, '/', '_');
    CHECK(std::string(path) == "a_b_c");
    CHECK(end == path + 5);
    CHECK(str_has_prefix("module_param", "module_") == 7);
    CHECK(str_has_prefix("module", "module_") == 0);
    unsigned char zeros[16] = {};
    CHECK(memchr_inv(zeros, 0, sizeof zeros) == nullptr);
    zeros[9] = 3;
    CHECK(memchr_inv(zeros, 0, sizeof zeros) == zeros + 9);
    CHECK(strnchr("abcdef", 3, 'd') == nullptr);
    CHECK(strnstr("hello world", "wor", 8) == nullptr);  // "wor" ends at byte 9
    const char* hw = "hello world";
    CHECK(strnstr(hw, "wor", 9) == hw + 6);
    char scan[] = "abc";
    CHECK(memscan(scan, 'z', 3) == scan + 3);
}

TEST_CASE("sysfs_streq ignores one trailing newline; match_string and sysfs_match_string give the index or -EINVAL",
          "[kernel][string]") {
    CHECK(sysfs_streq("on", "on\n"));
    CHECK(sysfs_streq("on\n", "on"));
    CHECK(sysfs_streq("on", "on"));
    CHECK(!sysfs_streq("on", "on\n\n"));
    CHECK(!sysfs_streq("on", "o"));
    const char* const modes[] = {"off", "low", "high", nullptr, "hidden"};
    CHECK(match_string(modes, 5, "high") == 2);
    CHECK(match_string(modes, 5, "high\n") == -EINVAL);
    CHECK(match_string(modes, 5, "hidden") == -EINVAL);  // stops at the NULL entry
    CHECK(__sysfs_match_string(modes, 5, "low\n") == 1);
}

TEST_CASE("kstrdup & co allocate from the machine's kmalloc; kstrdup_const keeps kernel literals",
          "[kernel][string]") {
    std::string dup, ndup, mem, nul;
    bool null_in_null_out = false, literal_kept = false, module_copy = false;
    auto r = run_guest(default_config(1), [&](Machine&) {
        char* a = kstrdup("hello", GFP_KERNEL);
        dup = a;
        char* b = kstrndup("truncate me", 8, GFP_KERNEL);
        ndup = b;
        char* c = static_cast<char*>(kmemdup("xyz", 4, GFP_KERNEL));
        mem = c;
        char* d = kmemdup_nul("abcdef", 3, GFP_KERNEL);
        nul = d;
        null_in_null_out = kstrdup(nullptr, GFP_KERNEL) == nullptr;
        // A literal of the kernel image is returned as is, a heap string copied.
        static const char kLiteral[] = "kernel literal";
        const char* k1 = kstrdup_const(kLiteral, GFP_KERNEL);
        literal_kept = k1 == kLiteral;
        const char* k2 = kstrdup_const(a, GFP_KERNEL);
        module_copy = k2 != a && std::string(k2) == "hello";
        kfree_const(k1);
        kfree_const(k2);
        kfree(a);
        kfree(b);
        kfree(c);
        kfree(d);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(dup == "hello");
    CHECK(ndup == "truncate");
    CHECK(mem == "xyz");
    CHECK(nul == "abc");
    CHECK(null_in_null_out);
    CHECK(literal_kept);
    CHECK(module_copy);
    CHECK(r.console.find("WARNING") == std::string::npos);
    CHECK(r.console.find("BUG") == std::string::npos);
}

TEST_CASE("memdup_user/memdup_user_nul/strndup_user: ERR_PTR(-EFAULT) and -EINVAL as 6.1's", "[kernel][string]") {
    std::string copy, with_nul, dup_str;
    long bad = 0, too_long = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static const char user[] = "user bytes";
        void* p = memdup_user(user, 4);
        copy.assign(static_cast<char*>(p), 4);
        kfree(p);
        char* q = static_cast<char*>(memdup_user_nul(user, 4));
        with_nul = q;
        kfree(q);
        char* s = strndup_user(user, 64);
        dup_str = s;
        kfree(s);
        bad = PTR_ERR(memdup_user(reinterpret_cast<const void*>(16), 4));  // below the first page
        too_long = PTR_ERR(strndup_user(user, 4));
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(copy == "user");
    CHECK(with_nul == "user");
    CHECK(dup_str == "user bytes");
    CHECK(bad == -EFAULT);
    CHECK(too_long == -EINVAL);
}

TEST_CASE("argv_split cuts at white space; argv_free frees it all", "[kernel][string]") {
    int argc = -1;
    std::vector<std::string> args;
    auto r = run_guest(default_config(1), [&](Machine&) {
        char** argv = argv_split(GFP_KERNEL, "  insmod  mod.ko\tx=1 \n", &argc);
        for (int i = 0; argv[i]; ++i) args.emplace_back(argv[i]);
        argv_free(argv);
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(argc == 3);
    CHECK(args == std::vector<std::string>{"insmod", "mod.ko", "x=1"});
}
