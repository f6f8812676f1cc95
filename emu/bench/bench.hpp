#pragma once
// `emu bench`: the engine's hot paths measured against bare host baselines in
// the same process and run (issue: performance). Every workload checks its
// own work, so a fast wrong answer cannot pass.
#include <string>

namespace emu::bench {

struct Options {
    bool quick = false;       // few iterations: a smoke test, figures not judged
    std::string json_path;    // where to write the results (empty: nowhere)
    std::string only;         // comma-separated workload ids (empty: all)
    std::string labs;         // directory with the built lab modules (default: next to the executable)
};

// Returns 0 when every self-check held (and, unless quick, every figure was met).
int run(const Options& opts);

}  // namespace emu::bench
