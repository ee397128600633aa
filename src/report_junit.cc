#include "report_junit.h"

#include <filesystem>

#include <fmt/format.h>

#include "report_model.h"
#include "utf8.h"

namespace guidecheck {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// CI systems and xmllint reject huge text nodes (libxml2 stops at 10 MB);
// an output flood keeps its head and tail, the full text is in the JSON report.
constexpr size_t kMaxTextBytes = 64 * 1024;

// A cut point at or before `at` that does not split a UTF-8 sequence.
size_t character_boundary(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string bounded(std::string_view text) {
  if (text.size() <= kMaxTextBytes) return std::string(text);
  size_t head = character_boundary(text, kMaxTextBytes * 3 / 4);
  size_t tail = character_boundary(text, text.size() - kMaxTextBytes / 4);
  return fmt::format("{}\n[... {} bytes cut; the JSON report has them all ...]\n{}", text.substr(0, head),
                     tail - head, text.substr(tail));
}

std::string escape(std::string_view text, bool attribute) {
  // Bytes that are not UTF-8 become U+FFFD first, so the loop below sees UTF-8 only.
  std::string valid = replace_invalid_utf8(text);
  std::string out;
  out.reserve(valid.size() + 16);
  for (size_t i = 0; i < valid.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(valid[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      case '\r': out += "&#13;"; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    if (c < 0x20) {
      // XML 1.0 cannot carry the other C0 controls, not even as character
      // references. Their Control Picture stands in (U+2400 + c: ESC shows
      // as U+241B); rationale: an escape such as the text "\x1b" would look
      // like what any sample printing a bytes repr writes.
      out += "\xE2\x90";
      out += static_cast<char>(0x80 + c);
    } else if (c == 0xEF && i + 2 < valid.size() && static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(valid[i + 2]) & 0xFE) == 0xBE) {
      // U+FFFE and U+FFFF: valid UTF-8, yet not XML characters; they are
      // replaced like bytes that are not UTF-8.
      out += kReplacementCharacter;
      i += 2;
    } else {
      out += valid[i];
    }
  }
  return out;
}

std::string last_lines(const std::string& text, size_t count) {
  size_t pos = text.size();
  if (pos && text[pos - 1] == '\n') --pos;
  for (size_t n = 0; n < count && pos != std::string::npos && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  return text.substr(pos == std::string::npos ? 0 : pos + 1);
}

std::string with_newline(std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

std::string indented(const std::string& text) {
  std::string out = "  ";
  for (char c : with_newline(text)) {
    out += c;
    if (c == '\n') out += "  ";
  }
  out.resize(out.size() - 2);
  return out;
}

std::string claim_mismatch_text(const ClaimResult& claim) {
  return fmt::format("guide line {} claims{}:\n{}the statement printed:\n{}", claim.guide_line,
                     claim.kind == ClaimKind::kError ? " the error" : "", indented(claim.claimed),
                     claim.actual.empty() ? "  (nothing)\n" : indented(claim.actual));
}

// One line for the message attribute: what a test viewer shows in its list.
std::string failure_message(const SampleResult& result) {
  if (!result.problems.empty()) return result.problems.front();
  for (const auto& claim : result.claims)
    if (claim.counts_against) return fmt::format("guide line {}: the output differs from the claim", claim.guide_line);
  return "failed";
}

std::string failure_body(const SampleResult& result) {
  std::string body;
  for (const auto& problem : result.problems) body += with_newline(problem);
  for (const auto& claim : result.claims)
    if (claim.counts_against) body += "\n" + claim_mismatch_text(claim);
  if (!result.golden_diff.empty()) body += "\n" + with_newline(result.golden_diff);
  // A traceback's last lines say why the sample exited non-zero, too.
  if (result.outcome.status != RunStatus::kOk && !result.outcome.stderr_text.empty())
    body += "\nstderr (last lines):\n" + with_newline(last_lines(result.outcome.stderr_text, 20));
  return body;
}

std::string attribute(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, xml_escape(value));
}

std::string property(std::string_view name, std::string_view value) {
  return "<property" + attribute("name", name) + attribute("value", value) + "/>";
}

std::string erratum_text(const SampleResult& snippet, const ClaimResult& claim) {
  return fmt::format("{} guide line {}: claims '{}', prints '{}'{}", snippet.sample.id, claim.guide_line, claim.claimed,
                     claim.actual, claim.erratum_reason.empty() ? "" : ": " + claim.erratum_reason);
}

std::string testcase(const std::string& guide, const std::string& classname, const SampleResult& result) {
  bool with_guide = !guide.empty() && result.sample.first_line > 0;
  std::string out = "  <testcase" + attribute("classname", classname) + attribute("name", result.sample.id) +
                    attribute("file", with_guide ? guide : result.sample.path);
  if (with_guide) out += attribute("line", std::to_string(result.sample.first_line));
  out += attribute("time", fmt::format("{:.3f}", result.outcome.duration_s)) + ">\n";

  std::vector<std::string> properties;
  for (const auto& note : result.notes) properties.push_back(property("note", note));
  for (const auto& claim : result.claims)
    if (claim.known_erratum) properties.push_back(property("known-erratum", erratum_text(result, claim)));
  if (!properties.empty()) {
    out += "    <properties>\n";
    for (const auto& p : properties) out += "      " + p + "\n";
    out += "    </properties>\n";
  }

  std::string_view status = report_status(result);
  if (status == "skipped" || status == "not run") {
    out += "    <skipped" + attribute("message", skip_reason_of(result)) + "/>\n";
  } else if (status != "passed") {
    bool error = is_error_status(status);
    const char* tag = error ? "error" : "failure";
    out += fmt::format("    <{}{}{}>", tag, attribute("message", bounded(failure_message(result))), attribute("type", status));
    out += xml_escape_text(bounded(failure_body(result))) + fmt::format("</{}>\n", tag);
  }
  if (status != "skipped") {
    if (!result.outcome.stdout_text.empty())
      out += "    <system-out>" + xml_escape_text(bounded(result.outcome.stdout_text)) + "</system-out>\n";
    if (!result.outcome.stderr_text.empty())
      out += "    <system-err>" + xml_escape_text(bounded(result.outcome.stderr_text)) + "</system-err>\n";
  }
  return out + "  </testcase>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) { return escape(text, true); }

std::string xml_escape_text(std::string_view text) { return escape(text, false); }

std::string render_junit_report(const Report& report) {
  const std::string& guide = report.guide;
  const std::vector<SampleResult>& results = report.samples;
  const ReportCounts& counts = report.counts;
  double time = 0;
  for (const auto& result : results) time += result.outcome.duration_s;
  std::string classname = guide.empty() ? "guidecheck" : std::filesystem::path(guide).filename().string();

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuite" + attribute("name", "guidecheck") + attribute("tests", std::to_string(results.size())) +
         attribute("failures", std::to_string(counts.failed - counts.errors)) +
         attribute("errors", std::to_string(counts.errors)) + attribute("skipped", std::to_string(counts.skipped)) +
         attribute("time", fmt::format("{:.3f}", time));
  if (!guide.empty()) out += attribute("file", guide);
  out += ">\n";
  std::vector<ErratumRef> errata = known_errata(results);
  if (!guide.empty() || !errata.empty()) {
    out += "  <properties>\n";
    if (!guide.empty()) out += "    " + property("guide", guide) + "\n";
    for (const auto& [snippet, claim] : errata)
      out += "    " + property("known-erratum", erratum_text(*snippet, *claim)) + "\n";
    out += "  </properties>\n";
  }
  for (const auto& result : results) out += testcase(guide, classname, result);
  out += "</testsuite>\n";
  return out;
}

}  // namespace guidecheck
