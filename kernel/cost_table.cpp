#include "kernel/cost_table.hpp"

#include <fmt/format.h>

namespace emu::kern {

bool CostTable::set(std::string_view name, std::uint64_t cycles) {
#define EMU_COST_SET(field, c, doc) \
    if (name == #field) {           \
        field = cycles;             \
        return true;                \
    }
    EMU_COST_TABLE(EMU_COST_SET)
#undef EMU_COST_SET
    return false;
}

std::string CostTable::describe() {
    std::string out;
#define EMU_COST_DESCRIBE(field, c, doc) out += fmt::format("{:<16} {:>6}  {}\n", #field, c, doc);
    EMU_COST_TABLE(EMU_COST_DESCRIBE)
#undef EMU_COST_DESCRIBE
    return out;
}

}  // namespace emu::kern
