#pragma once
// snippets/durations.json: how long each sample ran when `update
// --record-durations` last ran it. Unlike the machine's own .guidecheck/durations.json, it travels with
// the project (commit it): every CI shard of a checkout splits the samples by
// the same figures, and a fresh clone starts its longest samples first.
// A figure is rewritten only when the sample's time moved by more than a
// factor of two, so the file changes when a sample does, not with the
// machine's noise.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guidecheck {

using Durations = std::map<std::string, double>;  ///< seconds by sample id

/// `seconds` to two significant digits, and at least 10 ms: the precision
/// that balancing needs, and no more digits to churn.
double rounded_duration(double seconds);

/// The recorded durations after `measured` ones: a sample's figure is
/// replaced when it has none or the new one is more than twice or less than
/// half of it; samples not in `sample_ids` are dropped.
Durations revise_recorded_durations(const Durations& recorded, const Durations& measured,
                                    const std::vector<std::string>& sample_ids);

/// Parses the file's text; nullopt with *err ("3: ...", a line first) when it is not
/// a JSON object of non-negative numbers.
std::optional<Durations> parse_recorded_durations(const std::string& text, std::string* err);

/// The file's text: one sample per line, in id order.
std::string format_recorded_durations(const Durations& durations);

}  // namespace guidecheck
