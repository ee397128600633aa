#include "outcome_codec.h"

#include <nlohmann/json.hpp>

namespace guidecheck {
namespace {

using json = nlohmann::json;

// Bumped whenever the fields change: older entries then read as misses.
constexpr int kFormat = 1;

json bytes(const std::string& text) { return json::binary(std::vector<uint8_t>(text.begin(), text.end())); }

std::string text_of(const json& value) {
  const auto& binary = value.get_binary();
  return std::string(binary.begin(), binary.end());
}

json optional_int(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

std::optional<int> int_or_none(const json& value) {
  return value.is_null() ? std::nullopt : std::optional<int>(value.get<int>());
}

}  // namespace

std::string encode_outcome(const RunOutcome& o) {
  json statements = json::array();
  for (const auto& s : o.statements) statements.push_back({s.line, s.end_line, s.ran, bytes(s.stdout_text)});
  json pieces = json::array();
  for (const auto& p : o.pieces) pieces.push_back({p.line, bytes(p.bytes), p.source_line});
  json record = {{"format", kFormat},
                 {"status", static_cast<int>(o.status)},
                 {"exit_code", optional_int(o.exit_code)},
                 {"signal", optional_int(o.signal)},
                 {"stdout", bytes(o.stdout_text)},
                 {"stderr", bytes(o.stderr_text)},
                 {"stdout_truncated", o.stdout_truncated},
                 {"stderr_truncated", o.stderr_truncated},
                 {"duration_s", o.duration_s},
                 {"cpu_s", o.cpu_s},
                 {"max_rss_kb", o.max_rss_kb},
                 {"leftovers_killed", o.leftovers_killed},
                 {"error", bytes(o.error)},
                 {"statements", statements},
                 {"pieces", pieces}};
  std::vector<uint8_t> cbor = json::to_cbor(record);
  return std::string(cbor.begin(), cbor.end());
}

std::optional<RunOutcome> decode_outcome(std::string_view bytes_in) {
  try {
    json record = json::from_cbor(bytes_in.begin(), bytes_in.end());
    if (record.at("format").get<int>() != kFormat) return std::nullopt;
    RunOutcome o;
    int status = record.at("status").get<int>();
    if (status < 0 || status > static_cast<int>(RunStatus::kCrashed)) return std::nullopt;
    o.status = static_cast<RunStatus>(status);
    o.exit_code = int_or_none(record.at("exit_code"));
    o.signal = int_or_none(record.at("signal"));
    o.stdout_text = text_of(record.at("stdout"));
    o.stderr_text = text_of(record.at("stderr"));
    o.stdout_truncated = record.at("stdout_truncated").get<bool>();
    o.stderr_truncated = record.at("stderr_truncated").get<bool>();
    o.duration_s = record.at("duration_s").get<double>();
    o.cpu_s = record.value("cpu_s", 0.0);  // absent in entries written before it was kept
    o.max_rss_kb = record.at("max_rss_kb").get<long>();
    o.leftovers_killed = record.at("leftovers_killed").get<int>();
    o.error = text_of(record.at("error"));
    for (const auto& s : record.at("statements"))
      o.statements.push_back({s.at(0).get<int>(), s.at(1).get<int>(), s.at(2).get<bool>(), text_of(s.at(3))});
    for (const auto& p : record.at("pieces"))
      o.pieces.push_back({p.at(0).get<int>(), text_of(p.at(1)), p.at(2).get<int>()});
    return o;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace guidecheck
