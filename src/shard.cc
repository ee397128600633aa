#include "shard.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <numeric>

#include "field_digest.h"

namespace guidecheck {

std::optional<ShardSpec> parse_shard(std::string_view text, std::string* err) {
  ShardSpec spec;
  size_t slash = text.find('/');
  auto number = [](std::string_view digits, int* value) {
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *value);
    return ec == std::errc() && end == digits.data() + digits.size() && !digits.empty();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), &spec.index) ||
      !number(text.substr(slash + 1), &spec.count) || spec.index < 1 || spec.index > spec.count ||
      spec.count > 1000) {
    *err = fmt::format("--shard: expected K/N with 1 <= K <= N <= 1000, got '{}'", text);
    return std::nullopt;
  }
  return spec;
}

ShardPlan plan_shards(const std::vector<ShardSample>& samples, const ShardSpec& spec) {
  double known = 0;
  int known_count = 0;
  for (const auto& sample : samples)
    if (sample.duration_s > 0) {
      known += sample.duration_s;
      ++known_count;
    }
  const double unknown = known_count ? known / known_count : 1.0;
  // A run costs its start too: a shard of a hundred "0.001 s" samples is
  // not lighter than one of a single 0.05 s sample.
  constexpr double kRunStartSeconds = 0.005;
  auto weight = [&](const ShardSample& s) { return (s.duration_s > 0 ? s.duration_s : unknown) + kRunStartSeconds; };
  std::vector<size_t> order(samples.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    double wa = weight(samples[a]), wb = weight(samples[b]);
    return wa != wb ? wa > wb : samples[a].id < samples[b].id;
  });
  std::vector<double> load(static_cast<size_t>(spec.count), 0.0);
  std::vector<int> shard_of(samples.size(), 0);
  for (size_t i : order) {
    size_t lightest = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    load[lightest] += weight(samples[i]);
    shard_of[i] = static_cast<int>(lightest) + 1;
  }
  ShardPlan plan;
  FieldDigest digest;
  digest.add(std::to_string(spec.count));
  for (size_t i = 0; i < samples.size(); ++i) {
    plan.mine.push_back(shard_of[i] == spec.index);
    digest.add(samples[i].id).add(std::to_string(shard_of[i]));
  }
  plan.partition = digest.hex();
  return plan;
}

}  // namespace guidecheck
