// Function names in call traces (kernel/stacktrace.cpp): what Linux's %pS
// prints is the bare function name; a compiler's cold part is "func.cold"
// (SEMANTICS: splats name functions as "func+0xoff/0xsize [module]").
#include "kernel/stacktrace.hpp"

#include <catch2/catch.hpp>

using emu::kern::bare_function_name;

TEST_CASE("a C symbol is its own name, even one that looks like a mangled type", "[kernel][stacktrace]") {
    CHECK(bare_function_name("msleeping_timer") == "msleeping_timer");
    CHECK(bare_function_name("i") == "i");
}

TEST_CASE("a C++ symbol loses its namespaces and parameters", "[kernel][stacktrace]") {
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_113call_timer_fnERNS0_6KernelEP10timer_list") ==
          "call_timer_fn");
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_123mod_timer_pending_timerILi0EEEiRNS0_6KernelEP10timer_listm") ==
          "mod_timer_pending_timer<0>");
}

TEST_CASE("a GCC clone drops its suffix, but a cold part is func.cold as in Linux traces", "[kernel][stacktrace]") {
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_127kick_dyntick_cpu_and_returnERNS0_6KernelERNS0_9TimerBaseEi"
                             ".isra.0") == "kick_dyntick_cpu_and_return");
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_113call_timer_fnERNS0_6KernelEP10timer_list.cold") ==
          "call_timer_fn.cold");
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_113call_timer_fnERNS0_6KernelEP10timer_list.isra.0.cold") ==
          "call_timer_fn.cold");
    CHECK(bare_function_name("_ZN3emu4kern12_GLOBAL__N_113call_timer_fnERNS0_6KernelEP10timer_list.cold.12") ==
          "call_timer_fn.cold");
}
