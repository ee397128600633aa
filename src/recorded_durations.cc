#include "recorded_durations.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "snippet_store.h"

namespace guidecheck {
namespace {

// Below this a run's start outweighs its own time, and the figure would
// only follow the machine's noise.
constexpr double kMinSeconds = 0.01;
constexpr double kChurnFactor = 2.0;

int line_of_offset(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

double rounded_duration(double seconds) {
  if (!(seconds > kMinSeconds)) return kMinSeconds;
  const double scale = std::pow(10.0, 1 - static_cast<int>(std::floor(std::log10(seconds))));
  return std::round(seconds * scale) / scale;
}

Durations revise_recorded_durations(const Durations& recorded, const Durations& measured,
                                    const std::vector<std::string>& sample_ids) {
  Durations revised;
  for (const std::string& id : sample_ids) {
    auto old = recorded.find(id);
    auto now = measured.find(id);
    if (now == measured.end()) {
      if (old != recorded.end()) revised[id] = old->second;
      continue;
    }
    const double fresh = rounded_duration(now->second);
    const bool keep = old != recorded.end() && old->second > 0 && fresh <= old->second * kChurnFactor &&
                      fresh >= old->second / kChurnFactor;
    revised[id] = keep ? old->second : fresh;
  }
  return revised;
}

std::optional<Durations> parse_recorded_durations(const std::string& text, std::string* err) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    *err = fmt::format("{}: not JSON", line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0));
    return std::nullopt;
  }
  if (!json.is_object()) {
    *err = "1: expected an object of seconds by sample id";
    return std::nullopt;
  }
  Durations durations;
  for (const auto& [id, seconds] : json.items()) {
    if (!seconds.is_number() || seconds.get<double>() < 0) {
      const size_t at = text.find("\"" + id + "\"");
      *err = fmt::format("{}: {}: expected seconds, got {}", line_of_offset(text, at == std::string::npos ? 0 : at),
                         id, seconds.dump());
      return std::nullopt;
    }
    durations[id] = seconds.get<double>();
  }
  return durations;
}

std::string format_recorded_durations(const Durations& durations) {
  std::vector<std::string> ids;
  for (const auto& [id, seconds] : durations) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) { return id_less(a, b); });
  std::string text = "{";
  for (size_t i = 0; i < ids.size(); ++i)
    text += fmt::format("{}\n {}: {}", i ? "," : "", nlohmann::json(ids[i]).dump(), durations.at(ids[i]));
  return text + (ids.empty() ? "}\n" : "\n}\n");
}

}  // namespace guidecheck
