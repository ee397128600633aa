#pragma once
// `guidecheck merge R1.json R2.json ...`: the JSON reports of the shards of
// one check (`check --shard K/N --format json`), as the one report a whole
// run gives, in any report format.

#include <string>
#include <vector>

#include "report_model.h"

namespace guidecheck {

struct MergeOutcome {
  int exit_code = 0;  ///< 0 all passed, 1 some failed, 2 the reports do not fit together
  std::string error;
  Report report;
};

/// Reads the reports at `paths` and merges them. They must be of the same
/// guide, from shards that agreed on the partition, each shard once and
/// none missing, with no sample twice.
MergeOutcome merge_reports(const std::vector<std::string>& paths);

}  // namespace guidecheck
