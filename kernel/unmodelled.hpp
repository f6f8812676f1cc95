#pragma once
// The symbols the guest headers declare for code emu does not model (see
// kernel/unmodelled.cpp): Module.symvers lists them; insmod refuses them.
#include <string>
#include <vector>

namespace emu::kern {
const std::vector<std::string>& unmodelled_symbols();
// The other way round: what emu defines and exports for older code, but 6.1
// does not export to modules (checked against Debian's 6.1 Module.symvers).
// Module.symvers marks them so that modpost's strict mode refuses them.
bool exported_but_not_by_6_1(const std::string& name);
}
