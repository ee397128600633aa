#pragma once
// `check --shard K/N`: one machine's deterministic share of the samples,
// balanced by the durations the project records (snippets/durations.json,
// written by `update`): longest first, each to the least loaded shard. Every
// shard computes the whole partition, and its digest goes into the report:
// `guidecheck merge` refuses shards that did not agree on it (shards of
// different commits).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

struct ShardSpec {
  int index = 0;  ///< 1-based; 0: no sharding
  int count = 0;
  bool active() const { return count > 0; }
};

/// "2/3" -> {2, 3}; nullopt with *err ("--shard: expected K/N with 1 <= K
/// <= N <= 1000, got '4/3'").
std::optional<ShardSpec> parse_shard(std::string_view text, std::string* err);

struct ShardSample {
  std::string id;
  double duration_s = 0;  ///< remembered; 0: unknown
};

struct ShardPlan {
  std::vector<bool> mine;  ///< per sample, in the order given: in this shard
  std::string partition;   ///< digest of every sample's shard
};

/// Splits `samples` into `spec.count` shards of nearly equal total duration
/// (unknown durations count as the mean of the known ones, or 1 s; each run
/// adds a fixed cost for its start). The
/// result depends only on the ids, the durations and the count.
ShardPlan plan_shards(const std::vector<ShardSample>& samples, const ShardSpec& spec);

}  // namespace guidecheck
