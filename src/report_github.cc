#include "report_github.h"

#include <fmt/format.h>

#include "report_model.h"
#include "utf8.h"

namespace guidecheck {
namespace {

// Annotations are read in a side panel: a long diff or traceback is cut to
// its first lines; the JUnit and JSON reports keep all of it.
constexpr size_t kMaxDiffLines = 40;
constexpr size_t kMaxStderrLines = 12;

struct Annotation {
  std::string file;
  int line = 0;
  int end_line = 0;
  std::string title;
  std::string message;
  std::string id;  ///< named in the notice when the annotation is cut
};

std::string escape(std::string_view text, bool property) {
  std::string valid = escape_invalid_utf8(text);
  std::string out;
  out.reserve(valid.size() + 16);
  for (char ch : valid) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else if ((c < 0x20 && c != '\t') || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else out += ch;
  }
  return out;
}

std::string with_newline(std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

std::string first_lines(const std::string& text, size_t count) {
  size_t pos = 0;
  for (size_t n = 0; n < count; ++n) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return text;
    ++pos;
  }
  if (pos >= text.size()) return text;
  size_t rest = 1;
  for (size_t i = pos; i + 1 < text.size(); ++i) rest += text[i] == '\n';
  return text.substr(0, pos) + fmt::format("... ({} more lines in the full report)\n", rest);
}

std::string last_lines(const std::string& text, size_t count) {
  size_t pos = text.size();
  if (pos && text[pos - 1] == '\n') --pos;
  for (size_t n = 0; n < count && pos != std::string::npos && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  return text.substr(pos == std::string::npos ? 0 : pos + 1);
}

std::string command(const char* kind, const Annotation& a) {
  std::string properties = "file=" + github_escape_property(a.file);
  if (a.line > 0) properties += fmt::format(",line={}", a.line);
  if (a.end_line > a.line) properties += fmt::format(",endLine={}", a.end_line);
  properties += ",title=" + github_escape_property(a.title);
  std::string message = a.message;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return fmt::format("::{} {}::{}\n", kind, properties, github_escape_message(message));
}

std::string claim_text(const ClaimResult& claim) {
  std::string text = fmt::format("guide line {} claims{}:\n{}but the statement printed:\n{}", claim.guide_line,
                                 claim.kind == ClaimKind::kError ? " the error" : "", with_newline(claim.claimed),
                                 claim.actual.empty() ? "(nothing)\n" : with_newline(claim.actual));
  if (!claim.note.empty()) text += "(the guide adds: " + claim.note + ")\n";
  return text;
}

std::string failed_title(std::string_view status) {
  if (status == "timeout") return "sample timed out";
  if (status == "crashed") return "sample crashed";
  if (status == "error") return "sample could not run";
  return "sample failed";
}

std::string failure_text(const SampleResult& result) {
  std::string text;
  for (const auto& problem : result.problems) text += with_newline(problem);
  if (!result.golden_diff.empty()) text += first_lines(with_newline(result.golden_diff), kMaxDiffLines);
  // A traceback's last lines say why the sample exited non-zero, too.
  if (result.outcome.status != RunStatus::kOk && !result.outcome.stderr_text.empty())
    text += "stderr (last lines):\n" + with_newline(last_lines(result.outcome.stderr_text, kMaxStderrLines));
  return text.empty() ? "the sample failed" : text;
}

// Keeps the first `keep` annotations of `all` as commands; returns the ids of
// the ones cut.
std::vector<std::string> emit(const char* kind, const std::vector<Annotation>& all, size_t keep, std::string* out) {
  std::vector<std::string> cut;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i < keep) *out += command(kind, all[i]);
    else cut.push_back(all[i].id);
  }
  return cut;
}

std::string cut_phrase(const std::vector<std::string>& ids, const char* singular, const char* plural) {
  if (ids.empty()) return "";
  std::string names;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i == 8) {
      names += ", ...";
      break;
    }
    names += (i ? ", " : "") + ids[i];
  }
  return fmt::format("{} more {} ({})", ids.size(), ids.size() == 1 ? singular : plural, names);
}

}  // namespace

std::string github_escape_message(std::string_view text) { return escape(text, false); }

std::string github_escape_property(std::string_view text) { return escape(text, true); }

std::string render_github_annotations(const Report& report, const GithubAnnotationLimits& limits) {
  const std::string& guide = report.guide;
  const std::vector<SampleResult>& results = report.samples;
  std::vector<Annotation> claim_errors, sample_errors, warnings, notices;
  for (const auto& result : results) {
    bool with_guide = !guide.empty() && result.sample.first_line > 0;
    std::string file = with_guide ? guide : result.sample.path;
    for (const auto& claim : result.claims) {
      std::string where = fmt::format("{} line {}", result.sample.id, claim.guide_line);
      if (claim.counts_against) {
        const char* what = claim.kind == ClaimKind::kError ? "error" : "output";
        std::string title = claim.verdict == ClaimVerdict::kMismatch && !claim.known_erratum
                                ? fmt::format("{}: {} differs from the guide", result.sample.id, what)
                                : fmt::format("{}: {} claim (--strict)", result.sample.id,
                                              claim.known_erratum ? "known erratum" : to_string(claim.verdict));
        claim_errors.push_back({file, claim.guide_line, 0, title, claim_text(claim), where});
      } else if (claim.known_erratum) {
        std::string reason = claim.erratum_reason.empty() ? "" : "Reason: " + claim.erratum_reason + "\n";
        warnings.push_back({file, claim.guide_line, 0, result.sample.id + ": known erratum",
                            claim_text(claim) + "Listed in the known errata, so check passes.\n" + reason, where});
      }
    }
    std::string_view status = report_status(result);
    int first = with_guide ? result.sample.first_line : 0;
    int last = with_guide ? result.sample.last_line : 0;
    if (status == "skipped" || status == "not run") {
      notices.push_back({file, first, last, result.sample.id + ": sample " + std::string(status),
                         "not checked: " + skip_reason_of(result), result.sample.id});
    } else if (status != "passed") {
      sample_errors.push_back({file, first, last, result.sample.id + ": " + failed_title(status),
                               failure_text(result), result.sample.id});
    }
  }
  std::vector<Annotation> errors = std::move(claim_errors);
  errors.insert(errors.end(), sample_errors.begin(), sample_errors.end());

  bool any_cut = errors.size() > limits.errors || warnings.size() > limits.warnings || notices.size() > limits.notices;
  // The summary of what was cut is a notice itself: keep room for it.
  size_t notice_room = any_cut && limits.notices > 0 ? limits.notices - 1 : limits.notices;
  std::string out;
  std::vector<std::string> cut_errors = emit("error", errors, limits.errors, &out);
  std::vector<std::string> cut_warnings = emit("warning", warnings, limits.warnings, &out);
  std::vector<std::string> cut_notices = emit("notice", notices, notice_room, &out);
  if (any_cut) {
    std::string message = "GitHub shows a limited number of annotations per step; not shown here:";
    for (const auto& phrase : {cut_phrase(cut_errors, "error", "errors"),
                               cut_phrase(cut_warnings, "warning (known erratum)", "warnings (known errata)"),
                               cut_phrase(cut_notices, "skipped sample", "skipped samples")})
      if (!phrase.empty()) message += "\n" + phrase;
    message += "\nThe JUnit or JSON report and the log list them all.";
    out += "::notice title=" + github_escape_property("guidecheck: annotations cut") +
           "::" + github_escape_message(message) + "\n";
  }
  return out;
}

}  // namespace guidecheck
