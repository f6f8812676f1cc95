// init_uts_ns (6.1 init/version.c): the machine's names as uname(2) and
// utsname() give them. Constant for every machine of the process, so one
// object serves all (modules only read it).
#include "kernel/include/generated/utsrelease.h"
#include "kernel/include/linux/utsname.h"

extern "C" {
struct uts_namespace init_uts_ns = {
    {"Linux", "(none)", UTS_RELEASE, "#1 SMP PREEMPT_DYNAMIC", "x86_64", "(none)"},
    nullptr,
    nullptr,
};
}
