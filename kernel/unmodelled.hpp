#pragma once
// The symbols the guest headers declare for code emu does not model (see
// kernel/unmodelled.cpp): Module.symvers lists them; insmod refuses them.
#include <string>
#include <vector>

namespace emu::kern {
const std::vector<std::string>& unmodelled_symbols();
}
