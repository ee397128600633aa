#include "run_outcome.h"

#include <nlohmann/json.hpp>

#include "utf8.h"

namespace guidecheck {

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
  for (const auto& s : outcome.statements)
    statements.push_back({{"line", s.line}, {"end_line", s.end_line}, {"ran", s.ran},
                          {"stdout", escape_invalid_utf8(s.stdout_text)}});
  auto optional_int = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json j{{"status", to_string(outcome.status)},
                   {"exit_code", optional_int(outcome.exit_code)},
                   {"signal", optional_int(outcome.signal)},
                   {"stdout", escape_invalid_utf8(outcome.stdout_text)},
                   {"stderr", escape_invalid_utf8(outcome.stderr_text)},
                   {"stdout_truncated", outcome.stdout_truncated},
                   {"stderr_truncated", outcome.stderr_truncated},
                   {"duration_s", outcome.duration_s},
                   {"max_rss_kb", outcome.max_rss_kb},
                   {"leftovers_killed", outcome.leftovers_killed},
                   {"statements", statements}};
  if (!outcome.error.empty()) j["error"] = escape_invalid_utf8(outcome.error);
  return j;
}

}  // namespace guidecheck
