#include "run_outcome.h"

#include <nlohmann/json.hpp>

#include "base64.h"
#include "utf8.h"

namespace guidecheck {
namespace {

// A sample's output as text, and when the text had to replace bytes that are
// not UTF-8, the exact bytes beside it as `<key>_base64`.
void put_output(nlohmann::json& object, const std::string& key, std::string_view bytes) {
  object[key] = replace_invalid_utf8(bytes);
  if (!is_valid_utf8(bytes)) object[key + "_base64"] = base64_encode(bytes);
}

}  // namespace

const char* to_string(RunStatus status) {
  switch (status) {
    case RunStatus::kOk: return "ok";
    case RunStatus::kError: return "error";
    case RunStatus::kTimeout: return "timeout";
    case RunStatus::kCrashed: return "crashed";
  }
  return "error";
}

nlohmann::json to_json(const RunOutcome& outcome) {
  nlohmann::json statements = nlohmann::json::array();
  for (const auto& s : outcome.statements) {
    nlohmann::json statement{{"line", s.line}, {"end_line", s.end_line}, {"ran", s.ran}};
    put_output(statement, "stdout", s.stdout_text);
    statements.push_back(std::move(statement));
  }
  auto optional_int = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json j{{"status", to_string(outcome.status)},
                   {"exit_code", optional_int(outcome.exit_code)},
                   {"signal", optional_int(outcome.signal)},
                   {"stdout_truncated", outcome.stdout_truncated},
                   {"stderr_truncated", outcome.stderr_truncated},
                   {"duration_s", outcome.duration_s},
                   {"cpu_s", outcome.cpu_s},
                   {"max_rss_kb", outcome.max_rss_kb},
                   {"leftovers_killed", outcome.leftovers_killed},
                   {"statements", statements}};
  put_output(j, "stdout", outcome.stdout_text);
  put_output(j, "stderr", outcome.stderr_text);
  if (!outcome.error.empty()) j["error"] = replace_invalid_utf8(outcome.error);
  return j;
}

}  // namespace guidecheck
