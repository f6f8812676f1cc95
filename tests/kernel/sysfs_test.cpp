// kobjects, sysfs and the device model (kernel/kobject.cpp, sysfs.cpp,
// device.cpp) against 6.1 lib/kobject.c, fs/sysfs/ and drivers/base/core.c:
// files read and written through the system calls, reference counts and
// release, dev_printk() prefixes, devm memory freed with the device.
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"

#include "kernel/include/linux/device.h"
#include "kernel/include/linux/kobject.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/sysfs.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

using namespace emu;
using namespace emu::test;

namespace {

std::string read_file(const std::string& path, long* err = nullptr) {
    int fd = kern::sys_open(path, 0);
    if (fd < 0) {
        if (err) *err = fd;
        return {};
    }
    char buf[4096];
    long n = kern::sys_read(fd, buf, sizeof buf);
    kern::sys_close(fd);
    if (err) *err = n < 0 ? n : 0;
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

long write_file(const std::string& path, const std::string& text) {
    int fd = kern::sys_open(path, 1);
    if (fd < 0) return fd;
    long n = kern::sys_write(fd, text.data(), text.size());
    kern::sys_close(fd);
    return n;
}

int g_value = 3;
int g_released = 0;

ssize_t value_show(kobject*, kobj_attribute*, char* buf) { return sysfs_emit(buf, "%d\n", g_value); }
ssize_t value_store(kobject*, kobj_attribute*, const char* buf, size_t count) {
    int ret = kstrtoint(buf, 10, &g_value);
    return ret ? ret : static_cast<ssize_t>(count);
}
ssize_t misaligned_show(kobject*, kobj_attribute*, char* buf) { return sysfs_emit(buf + 1, "x\n"); }

kobj_attribute value_attr = {{"value", 0644}, value_show, value_store};
kobj_attribute misaligned_attr = {{"misaligned", 0444}, misaligned_show, nullptr};

void counted_release(kobject* kobj) {
    ++g_released;
    kfree(kobj);
}
const kobj_type counted_ktype = {counted_release, &kobj_sysfs_ops, nullptr, nullptr, nullptr, nullptr};

}  // namespace

TEST_CASE("sysfs: a kobject under kernel_kobj; show() through sysfs_emit(), store() through the written bytes",
          "[kernel][sysfs]") {
    std::string before, after, misaligned;
    long bad = 0, dup = 0, gone = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        g_value = 3;
        kobject* k = kobject_create_and_add("t_kobj", kernel_kobj);
        (void)sysfs_create_file(k, &value_attr.attr);
        (void)sysfs_create_file(k, &misaligned_attr.attr);
        before = read_file("/sys/kernel/t_kobj/value");
        write_file("/sys/kernel/t_kobj/value", "17\n");
        after = read_file("/sys/kernel/t_kobj/value");
        bad = write_file("/sys/kernel/t_kobj/value", "x\n");
        misaligned = read_file("/sys/kernel/t_kobj/misaligned");
        dup = sysfs_create_file(k, &value_attr.attr);
        kobject_put(k);
        read_file("/sys/kernel/t_kobj/value", &gone);
        return 0;
    });
    INFO(r.console);
    CHECK(before == "3\n");
    CHECK(after == "17\n");
    CHECK(bad == -EINVAL);
    // sysfs_emit() off the page start: WARN and nothing written.
    CHECK(misaligned.empty());
    CHECK(r.plain.find("invalid sysfs_emit: buf:") != std::string::npos);
    CHECK(dup == -EEXIST);
    CHECK(r.plain.find("sysfs: cannot create duplicate filename '/kernel/t_kobj/value'\n") != std::string::npos);
    CHECK(gone == -ENOENT);
}

TEST_CASE("kobject: release() runs at the last kobject_put(); a child holds its parent; duplicate names fail",
          "[kernel][sysfs]") {
    int after_child_put = -1, after_parent_put = -1;
    long dup = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        g_released = 0;
        auto* parent = static_cast<kobject*>(kzalloc(sizeof(kobject), GFP_KERNEL));
        auto* child = static_cast<kobject*>(kzalloc(sizeof(kobject), GFP_KERNEL));
        (void)kobject_init_and_add(parent, &counted_ktype, kernel_kobj, "%s", "t_parent");
        (void)kobject_init_and_add(child, &counted_ktype, parent, "t_%s", "child");
        kobject_put(parent);  // the child still holds it
        after_parent_put = g_released;
        kobject_put(child);   // child, then parent
        after_child_put = g_released;
        kobject* a = kobject_create_and_add("t_same", kernel_kobj);
        kobject* b = kobject_create_and_add("t_same", kernel_kobj);
        dup = b ? 0 : -EEXIST;
        kobject_put(a);
        return 0;
    });
    INFO(r.console);
    CHECK(after_parent_put == 0);
    CHECK(after_child_put == 2);
    CHECK(dup == -EEXIST);
    CHECK(r.plain.find("kobject_add_internal failed for t_same with -EEXIST, don't try to register things with the "
                       "same name in the same directory.\n") != std::string::npos);
    CHECK(r.plain.find("kobject_create_and_add: kobject_add error: -17\n") != std::string::npos);
}

TEST_CASE("device: dev_printk() prefixes, device_create()'s /dev node and dev file, devm memory and release",
          "[kernel][device]") {
    std::string dev_attr;
    bool node = false, node_after = true;
    int actions_before = -1, actions_after = -1;
    auto r = run_guest(default_config(1), [&](Machine&) {
        emu_class* cls = class_create(nullptr, "t_class");
        device* d = device_create(cls, nullptr, MKDEV(240, 3), nullptr, "t_dev%d", 3);
        _dev_info(d, "hello %d\n", 1);
        _dev_err(nullptr, "nobody\n");
        // A device of no class, bus or driver: an empty driver string.
        device plain{};
        device_initialize(&plain);
        (void)dev_set_name(&plain, "plain0");
        _dev_warn(&plain, "alone\n");
        put_device(&plain);  // no release(): 6.1's WARN
        dev_attr = read_file("/sys/class/t_class/t_dev3/dev");
        unsigned mode = 0;
        node = kern::sys_stat_mode("/dev/t_dev3", mode) == 0;
        static int actions;
        actions = 0;
        void* p = devm_kzalloc(d, 100, GFP_KERNEL);
        (void)p;
        (void)devm_add_action(d, [](void* n) { ++*static_cast<int*>(n); }, &actions);
        actions_before = actions;
        device_destroy(cls, MKDEV(240, 3));  // the last reference: devres released
        actions_after = actions;
        node_after = kern::sys_stat_mode("/dev/t_dev3", mode) == 0;
        class_destroy(cls);
        return 0;
    });
    INFO(r.console);
    CHECK(r.plain.find("t_class t_dev3: hello 1\n") != std::string::npos);
    CHECK(r.plain.find("(NULL device *): nobody\n") != std::string::npos);
    CHECK(r.plain.find(" plain0: alone\n") != std::string::npos);
    CHECK(r.plain.find("Device 'plain0' does not have a release() function, it is broken and must be fixed. See "
                       "Documentation/core-api/kobject.rst.\n") != std::string::npos);
    CHECK(dev_attr == "240:3\n");
    CHECK(node);
    CHECK_FALSE(node_after);
    CHECK(actions_before == 0);
    CHECK(actions_after == 1);
}
