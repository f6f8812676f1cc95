// Module parameters (kernel/params.c): the param_ops_* that module_param()
// pastes its type into, parse_args() over the argument string insmod passes,
// and the files of /sys/module/NAME/parameters/, whose reads and writes run
// the same get/set operations under kernel_param_lock(). Messages and errno
// values are 6.1's.
#include "kernel/params.hpp"

#include "kernel/bug.hpp"
#include "kernel/module.hpp"
#include "kernel/printk.hpp"

#include "kernel/include/linux/bug.h"
#include "kernel/include/linux/err.h"
#include "kernel/include/linux/kstrtox.h"
#include "kernel/include/linux/moduleparam.h"
#include "kernel/include/linux/slab.h"

#include <algorithm>
#include <vector>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace emu::kern {

namespace {

constexpr int kPage = 4096;              // PAGE_SIZE: what a get operation may fill
constexpr std::size_t kMaxCharp = 1024;  // param_set_charp()'s limit

ModuleRegistry& registry() { return *this_kernel().modules; }

// KPARAM_MUTEX(): the module's own lock, the kernel's for a parameter without one.
mutex* kparam_mutex(struct module* mod) {
    if (mod && mod->emu_private) return &static_cast<LoadedModule*>(mod->emu_private)->param_lock;
    return &registry().param_lock;
}

void check_kparam_locked(struct module* mod) { BUG_ON(!mutex_is_locked(kparam_mutex(mod))); }

// scnprintf() into a get operation's page: the length stored, never more than fits.
__attribute__((format(printf, 2, 3))) int page_printf(char* buf, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = std::vsnprintf(buf, kPage, fmt, ap);
    va_end(ap);
    return n < 0 ? 0 : std::min(n, kPage - 1);
}

// param_set_charp()'s strings: allocated with kmalloc() and remembered, so
// that only those are freed (the initial value is usually a literal).
char* kmalloc_parameter(std::size_t size) {
    auto* p = static_cast<char*>(kmalloc(size, GFP_KERNEL));
    if (p) registry().kmalloced_params.push_back(p);
    return p;
}

void maybe_kfree_parameter(void* param) {
    auto& list = registry().kmalloced_params;
    auto it = std::find(list.begin(), list.end(), param);
    if (it == list.end()) return;
    list.erase(it);
    kfree(param);
}

char dash2underscore(char c) { return c == '-' ? '_' : c; }

// The kernel's isspace(): ASCII white space and the Latin-1 no-break space.
bool is_space(char c) {
    auto u = static_cast<unsigned char>(c);
    return u == ' ' || (u >= '\t' && u <= '\r') || u == 0xa0;
}

char* skip_spaces(char* s) {
    while (is_space(*s)) ++s;
    return s;
}

// lib/cmdline.c next_arg(): splits "name", "name=value" or "name=\"a b\""
// off the front of args (NUL-terminating it in place) and returns the rest.
char* next_arg(char* args, char** param, char** val) {
    unsigned i, equals = 0;
    bool in_quote = false, quoted = false;
    if (*args == '"') {
        ++args;
        in_quote = quoted = true;
    }
    for (i = 0; args[i]; ++i) {
        if (is_space(args[i]) && !in_quote) break;
        if (equals == 0 && args[i] == '=') equals = i;
        if (args[i] == '"') in_quote = !in_quote;
    }
    *param = args;
    if (!equals) {
        *val = nullptr;
    } else {
        args[equals] = '\0';
        *val = args + equals + 1;
        if (**val == '"') {  // the value's quotes are not part of it
            ++*val;
            if (args[i - 1] == '"') args[i - 1] = '\0';
        }
    }
    if (quoted && i > 0 && args[i - 1] == '"') args[i - 1] = '\0';
    if (args[i]) {
        args[i] = '\0';
        args += i + 1;
    } else {
        args += i;
    }
    return skip_spaces(args);
}

}  // namespace

bool param_check_unsafe(const kernel_param* kp) {
    if (kp->flags & KERNEL_PARAM_FL_UNSAFE) {
        Kernel& k = this_kernel();
        printk_emit(k, LOGLEVEL_NOTICE, "Setting dangerous option %s - tainting kernel\n", kp->name);
        add_taint(k, TAINT_USER);
    }
    return true;  // no lockdown: hardware parameters are settable
}

namespace {

int parse_one(char* param, char* val, const char* doing, const kernel_param* params, unsigned num,
              s16 min_level, s16 max_level, void* arg, int (*handle_unknown)(char*, char*, const char*, void*)) {
    for (unsigned i = 0; i < num; ++i) {
        if (!parameq(param, params[i].name)) continue;
        if (params[i].level < min_level || params[i].level > max_level) return 0;
        // "name" without '=' only for operations that take no value (bool).
        if (!val && !(params[i].ops->flags & KERNEL_PARAM_OPS_FL_NOARG)) return -EINVAL;
        kernel_param_lock(params[i].mod);
        int err = param_check_unsafe(&params[i]) ? params[i].ops->set(val, &params[i]) : -EPERM;
        kernel_param_unlock(params[i].mod);
        return err;
    }
    if (handle_unknown) return handle_unknown(param, val, doing, arg);
    return -ENOENT;
}

// load_module()'s unknown_module_param_cb(): async_probe is the loader's own;
// anything else is reported and skipped. (dyndbg is not modelled: emu has no
// dynamic debug, so it is an unknown parameter here.)
int unknown_module_param_cb(char* param, char* val, const char* modname, void*) {
    if (std::strcmp(param, "async_probe") == 0) return 0;
    (void)val;
    printk_emit(this_kernel(), LOGLEVEL_WARNING, "%s: unknown parameter '%s' ignored\n", modname, param);
    return 0;
}

// The comma-separated values of an array parameter, each through the
// element type's set operation; *num counts those stored.
int param_array(struct module* mod, const char* name, const char* val, unsigned min, unsigned max, void* elem,
                int elemsize, int (*set)(const char*, const kernel_param*), s8 level, unsigned* num) {
    // A descriptor for one element, named after the array for the element's errors.
    kernel_param kp{name, nullptr, nullptr, 0, level, 0, {elem}};
    char save;
    *num = 0;
    do {
        if (*num == max) {
            printk_emit(this_kernel(), LOGLEVEL_ERR, "%s: can only take %i arguments\n", name, max);
            return -EINVAL;
        }
        std::size_t len = std::strcspn(val, ",");
        save = val[len];
        const_cast<char*>(val)[len] = '\0';  // as 6.1, the string is cut in place
        check_kparam_locked(mod);
        int ret = set(val, &kp);
        if (ret != 0) return ret;
        kp.arg = static_cast<char*>(kp.arg) + elemsize;
        val += len + 1;
        ++*num;
    } while (save == ',');
    if (*num < min) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "%s: needs at least %i arguments\n", name, min);
        return -EINVAL;
    }
    return 0;
}

int param_array_set(const char* val, const kernel_param* kp) {
    const kparam_array* arr = kp->arr;
    unsigned temp_num;
    return param_array(kp->mod, kp->name, val, 1, arr->max, arr->elem, static_cast<int>(arr->elemsize),
                       arr->ops->set, kp->level, arr->num ? arr->num : &temp_num);
}

// Each element's text with its newline turned into a comma, the last one's dropped.
int param_array_get(char* buffer, const kernel_param* kp) {
    const kparam_array* arr = kp->arr;
    kernel_param p{kp->name, kp->mod, kp->ops, kp->perm, kp->level, kp->flags, {kp->arg}};
    int off = 0;
    unsigned n = arr->num ? *arr->num : arr->max;
    // Each element's get may fill a whole page (6.1 passes buffer + off and
    // overruns its page with long strings); here it writes into a page of its
    // own and only what still fits in the caller's page is kept.
    std::vector<char> element(static_cast<std::size_t>(kPage));
    for (unsigned i = 0; i < n; ++i) {
        if (i) buffer[off - 1] = ',';
        p.arg = static_cast<char*>(arr->elem) + static_cast<std::size_t>(arr->elemsize) * i;
        check_kparam_locked(p.mod);
        int ret = arr->ops->get(element.data(), &p);
        if (ret < 0) return ret;
        ret = std::min(ret, kPage - 1 - off);
        std::memcpy(buffer + off, element.data(), static_cast<std::size_t>(ret));
        off += ret;
    }
    buffer[off] = '\0';
    return off;
}

void param_array_free(void* arg) {
    auto* arr = static_cast<const kparam_array*>(arg);
    if (!arr->ops->free) return;
    unsigned n = arr->num ? *arr->num : arr->max;
    for (unsigned i = 0; i < n; ++i) arr->ops->free(static_cast<char*>(arr->elem) + static_cast<std::size_t>(arr->elemsize) * i);
}

}  // namespace

// ---------------------------------------------------------------- the loader's side

int module_parse_args(Kernel& k, LoadedModule& m) {
    std::vector<char> args(m.args.begin(), m.args.end());
    args.push_back('\0');
    char* after_dashes = parse_args(m.name.c_str(), args.data(), m.kp, m.num_kp, -32768, 32767, m.mod,
                                    unknown_module_param_cb);
    if (IS_ERR(after_dashes)) return static_cast<int>(PTR_ERR(after_dashes));
    if (after_dashes)
        printk_emit(k, LOGLEVEL_WARNING, "%s: parameters '%s' after `--' ignored\n", m.name.c_str(), after_dashes);
    return 0;
}

void module_destroy_params(LoadedModule& m) { ::module_destroy_params(m.kp, m.num_kp); }

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

void kernel_param_lock(struct module* mod) { mutex_lock(kparam_mutex(mod)); }
void kernel_param_unlock(struct module* mod) { mutex_unlock(kparam_mutex(mod)); }

bool parameqn(const char* a, const char* b, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (dash2underscore(a[i]) != dash2underscore(b[i])) return false;
    return true;
}

bool parameq(const char* a, const char* b) { return parameqn(a, b, std::strlen(a) + 1); }

// "foo=bar,bar2 baz=fuz wiz": each name=value set in turn; an error is
// reported and parsing goes on; the last error is returned as ERR_PTR, else
// what follows a "--" (or NULL).
char* parse_args(const char* doing, char* args, const struct kernel_param* params, unsigned num, s16 min_level,
                 s16 max_level, void* arg, int (*unknown)(char* param, char* val, const char* doing, void* arg)) {
    Kernel& k = this_kernel();
    char *param, *val, *err = nullptr;
    args = skip_spaces(args);
    while (*args) {
        args = next_arg(args, &param, &val);
        if (!val && std::strcmp(param, "--") == 0) return err ? err : args;
        int ret = parse_one(param, val, doing, params, num, min_level, max_level, arg, unknown);
        switch (ret) {
        case 0:
            continue;
        case -ENOENT:
            printk_emit(k, LOGLEVEL_ERR, "%s: Unknown parameter `%s'\n", doing, param);
            break;
        case -ENOSPC:
            printk_emit(k, LOGLEVEL_ERR, "%s: `%s' too large for parameter `%s'\n", doing, val ? val : "", param);
            break;
        default:
            printk_emit(k, LOGLEVEL_ERR, "%s: `%s' invalid for parameter `%s'\n", doing, val ? val : "", param);
            break;
        }
        err = static_cast<char*>(ERR_PTR(ret));
    }
    return err;
}

void module_destroy_params(const struct kernel_param* params, unsigned int num) {
    for (unsigned i = 0; i < num; ++i)
        if (params[i].ops->free) params[i].ops->free(params[i].arg);
}

// STANDARD_PARAM_DEF: set parses with kstrto*() in base 0, get prints the value and a newline.
#define EMU_STANDARD_PARAM(name, type, format, strtolfn) \
    int param_set_##name(const char* val, const struct kernel_param* kp) { \
        return strtolfn(val, 0, static_cast<type*>(kp->arg)); \
    } \
    int param_get_##name(char* buffer, const struct kernel_param* kp) { \
        return page_printf(buffer, format "\n", *static_cast<type*>(kp->arg)); \
    } \
    const struct kernel_param_ops param_ops_##name = {0, param_set_##name, param_get_##name, nullptr};

EMU_STANDARD_PARAM(byte, unsigned char, "%hhu", kstrtou8)
EMU_STANDARD_PARAM(short, short, "%hi", kstrtos16)
EMU_STANDARD_PARAM(ushort, unsigned short, "%hu", kstrtou16)
EMU_STANDARD_PARAM(int, int, "%i", kstrtoint)
EMU_STANDARD_PARAM(uint, unsigned int, "%u", kstrtouint)
EMU_STANDARD_PARAM(long, long, "%li", kstrtol)
EMU_STANDARD_PARAM(ulong, unsigned long, "%lu", kstrtoul)
EMU_STANDARD_PARAM(ullong, unsigned long long, "%llu", kstrtoull)
#undef EMU_STANDARD_PARAM

// hexint: "%#08x", whose "0x" the kernel's vsnprintf() writes for 0 too
// (the C library's does not): the prefix and at least six digits.
int param_set_hexint(const char* val, const struct kernel_param* kp) {
    return kstrtouint(val, 0, static_cast<unsigned int*>(kp->arg));
}
int param_get_hexint(char* buffer, const struct kernel_param* kp) {
    return page_printf(buffer, "0x%06x\n", *static_cast<unsigned int*>(kp->arg));
}
const struct kernel_param_ops param_ops_hexint = {0, param_set_hexint, param_get_hexint, nullptr};

int param_set_uint_minmax(const char* val, const struct kernel_param* kp, unsigned int min, unsigned int max) {
    if (!val) return -EINVAL;
    unsigned int num;
    int ret = kstrtouint(val, 0, &num);
    if (ret) return ret;
    if (num < min || num > max) return -EINVAL;
    *static_cast<unsigned int*>(kp->arg) = num;
    return 0;
}

int param_set_charp(const char* val, const struct kernel_param* kp) {
    if (std::strlen(val) > kMaxCharp) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "%s: string parameter too long\n", kp->name);
        return -ENOSPC;
    }
    auto** slot = static_cast<char**>(kp->arg);
    maybe_kfree_parameter(*slot);
    *slot = kmalloc_parameter(std::strlen(val) + 1);
    if (!*slot) return -ENOMEM;
    std::strcpy(*slot, val);
    return 0;
}

int param_get_charp(char* buffer, const struct kernel_param* kp) {
    const char* s = *static_cast<char**>(kp->arg);
    return page_printf(buffer, "%s\n", s ? s : "(null)");
}

void param_free_charp(void* arg) { maybe_kfree_parameter(*static_cast<char**>(arg)); }

const struct kernel_param_ops param_ops_charp = {0, param_set_charp, param_get_charp, param_free_charp};

// "name" alone means true; otherwise kstrtobool() (y/Y/1/t/T/on, n/N/0/f/F/off).
int param_set_bool(const char* val, const struct kernel_param* kp) {
    if (!val) val = "1";
    return kstrtobool(val, static_cast<bool*>(kp->arg));
}

int param_get_bool(char* buffer, const struct kernel_param* kp) {
    return std::sprintf(buffer, "%c\n", *static_cast<bool*>(kp->arg) ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bool, param_get_bool, nullptr};

// Once set, it cannot be cleared (-EROFS).
int param_set_bool_enable_only(const char* val, const struct kernel_param* kp) {
    bool new_value;
    bool orig_value = *static_cast<bool*>(kp->arg);
    kernel_param dummy{kp->name, kp->mod, kp->ops, kp->perm, kp->level, kp->flags, {&new_value}};
    int err = param_set_bool(val, &dummy);
    if (err) return err;
    if (!new_value && orig_value) return -EROFS;
    if (new_value) err = param_set_bool(val, kp);
    return err;
}

const struct kernel_param_ops param_ops_bool_enable_only = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bool_enable_only,
                                                            param_get_bool, nullptr};

// invbool takes a value: "name" alone is refused (its operations lack FL_NOARG).
int param_set_invbool(const char* val, const struct kernel_param* kp) {
    bool boolval;
    kernel_param dummy{kp->name, kp->mod, kp->ops, kp->perm, kp->level, kp->flags, {&boolval}};
    int ret = param_set_bool(val, &dummy);
    if (ret == 0) *static_cast<bool*>(kp->arg) = !boolval;
    return ret;
}

int param_get_invbool(char* buffer, const struct kernel_param* kp) {
    return std::sprintf(buffer, "%c\n", *static_cast<bool*>(kp->arg) ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {0, param_set_invbool, param_get_invbool, nullptr};

// A bool's spellings stored in an int.
int param_set_bint(const char* val, const struct kernel_param* kp) {
    bool v;
    kernel_param boolkp{kp->name, kp->mod, kp->ops, kp->perm, kp->level, kp->flags, {&v}};
    int ret = param_set_bool(val, &boolkp);
    if (ret == 0) *static_cast<int*>(kp->arg) = v;
    return ret;
}

const struct kernel_param_ops param_ops_bint = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bint, param_get_int, nullptr};

const struct kernel_param_ops param_array_ops = {0, param_array_set, param_array_get, param_array_free};

int param_set_copystring(const char* val, const struct kernel_param* kp) {
    const kparam_string* kps = kp->str;
    if (std::strlen(val) + 1 > kps->maxlen) {
        printk_emit(this_kernel(), LOGLEVEL_ERR, "%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
        return -ENOSPC;
    }
    std::strcpy(kps->string, val);
    return 0;
}

int param_get_string(char* buffer, const struct kernel_param* kp) { return page_printf(buffer, "%s\n", kp->str->string); }

const struct kernel_param_ops param_ops_string = {0, param_set_copystring, param_get_string, nullptr};

}  // extern "C"
