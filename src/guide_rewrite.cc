#include "guide_rewrite.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>

#include "claim_markers.h"
#include "html_text.h"

namespace guidecheck {
namespace {

struct Line {
  std::string text;
  std::string ending;  // "\n", "\r\n" or "" for a last line without one
};

std::vector<Line> split(std::string_view guide) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < guide.size()) {
    size_t end = guide.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back({std::string(guide.substr(start)), ""});
      break;
    }
    std::string_view text = guide.substr(start, end - start);
    bool cr = !text.empty() && text.back() == '\r';
    if (cr) text.remove_suffix(1);
    lines.push_back({std::string(text), cr ? "\r\n" : "\n"});
    start = end + 1;
  }
  return lines;
}

// Trailing spaces of output lines are noise in a comment.
std::vector<std::string> output_lines(const std::string& actual) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= actual.size()) {
    size_t end = actual.find('\n', start);
    std::string line = actual.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_claim(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    out.push_back(text.substr(start, end - start));
  out.push_back(text.substr(start));
  return out;
}

// Output a `<pre>` shows (Claim::shown_as_html): its new lines, escaped, or
// nullopt and why not. Only lines that hold the claimed text and no tag are
// replaced, so no `<pre>`, `</pre>` or `<code>` is lost; the prefix a
// container gives them (indentation, a quote's "> ") is kept.
std::optional<std::vector<std::string>> html_output_lines(const std::vector<Line>& lines, const Claim& claim,
                                                          const std::vector<std::string>& actual, std::string* why) {
  const std::vector<std::string> claimed = split_claim(claim.text);
  if (claim.last_guide_line - claim.guide_line + 1 != static_cast<int>(claimed.size()) ||
      claim.last_guide_line > static_cast<int>(lines.size())) {
    *why = "the claimed lines are no longer there";
    return std::nullopt;
  }
  std::string prefix;
  for (size_t k = 0; k < claimed.size(); ++k) {
    const std::string& raw = lines[static_cast<size_t>(claim.guide_line - 1) + k].text;
    if (raw.find('<') != std::string::npos) {
      *why = "the output shares its lines with HTML tags (`<pre>8080</pre>`, `<code>`); rewrite it by hand";
      return std::nullopt;
    }
    const std::string shown = decode_html_entities(raw);
    const size_t at = shown.size() - std::min(shown.size(), claimed[k].size());
    const std::string before = shown.substr(0, at);
    if (shown.compare(at, std::string::npos, claimed[k]) != 0 || !raw.starts_with(before) ||
        before.find_first_not_of(" \t>") != std::string::npos) {
      *why = "the claimed text is no longer on these lines";
      return std::nullopt;
    }
    if (k == 0) prefix = before;
  }
  // A blank line ends an HTML block in Markdown: the lines after it would
  // be read as Markdown, not shown as output.
  const bool adds_blank = std::any_of(actual.begin(), actual.end(), [](const std::string& l) { return l.empty(); }) &&
                          std::none_of(claimed.begin(), claimed.end(), [](const std::string& l) { return l.empty(); });
  if (adds_blank) {
    *why = "the output has an empty line, which would end the HTML block in Markdown; rewrite it by hand";
    return std::nullopt;
  }
  std::vector<std::string> block;
  for (const std::string& output : actual)
    block.push_back(output.empty() ? prefix.substr(0, prefix.find_last_not_of(' ') + 1) : prefix + escape_html_text(output));
  return block;
}

// `row` with its part [from, to) replaced by `text` where that part holds
// exactly `claimed`, blanks around it aside; nullopt otherwise.
std::optional<std::string> replaced_if_claimed(const std::string& row, size_t from, size_t to,
                                               const std::string& claimed, const std::string& text) {
  const std::string_view part = std::string_view(row).substr(from, to - from);
  const size_t first = part.find_first_not_of(' ');
  const size_t last = part.find_last_not_of(' ');
  if (first == std::string_view::npos || part.substr(first, last - first + 1) != claimed) return std::nullopt;
  return row.substr(0, from + first) + text + row.substr(from + last + 1);
}

// The line with the text it shows inline (Claim::shown_inline: a code
// span in a sentence or a table cell, or a table cell's plain text) holding
// the output instead, or nullopt and why not: it holds one line, a
// backquote would end a span, and in a table row a pipe would end the cell.
std::optional<std::string> inline_text_rewritten(const std::string& row, const Claim& claim,
                                                 const std::vector<std::string>& actual, std::string* why) {
  if (actual.size() != 1) {
    *why = fmt::format("the output spans {} lines; text shown inline holds one", actual.size());
    return std::nullopt;
  }
  const bool table_row = row.find_first_not_of(" \t") != std::string::npos && row[row.find_first_not_of(" \t")] == '|';
  if (actual[0].empty() || actual[0].find_first_of(table_row ? "`|" : "`") != std::string::npos) {
    *why = table_row ? "the output is empty or holds a backquote or a pipe, which a table cell cannot show; "
                       "rewrite it by hand"
                     : "the output is empty or holds a backquote, which a code span cannot show; rewrite it by hand";
    return std::nullopt;
  }
  // The last span of the line that holds exactly the claim: a table's output column follows the call's.
  for (size_t end = row.size(); end > 0;) {
    const size_t close = row.rfind('`', end - 1);
    const size_t open = close == std::string::npos || close == 0 ? std::string::npos : row.rfind('`', close - 1);
    if (open == std::string::npos) break;
    if (auto rewritten = replaced_if_claimed(row, open + 1, close, claim.text, actual[0])) return rewritten;
    end = open;
  }
  // A table cell of plain text that is the claim.
  for (size_t bar = table_row ? row.find('|') : std::string::npos, next; bar != std::string::npos; bar = next) {
    if ((next = row.find('|', bar + 1)) == std::string::npos) break;
    if (auto rewritten = replaced_if_claimed(row, bar + 1, next, claim.text, actual[0])) return rewritten;
  }
  *why = "the claimed text is no longer on this line";
  return std::nullopt;
}

}  // namespace

GuideRewrite rewrite_claims(std::string_view guide, const std::string& guide_name, const std::vector<ClaimEdit>& edits) {
  GuideRewrite result;
  std::vector<Line> lines = split(guide);
  // Replacement lines per original line index (1-based); blocks may grow or shrink.
  std::map<int, std::vector<std::string>> replaced;
  std::map<int, bool> dropped;
  for (const auto& edit : edits) {
    const Claim& claim = edit.claim;
    int line = claim.guide_line;
    auto refuse = [&](const std::string& why) {
      result.refused.push_back(fmt::format("{}:{}: cannot rewrite: {}", guide_name, line, why));
    };
    if (line < 1 || line > static_cast<int>(lines.size())) {
      refuse("no such line");
      continue;
    }
    std::vector<std::string> actual = output_lines(edit.actual);
    if (claim.shown_as_table) {
      refuse("the output is drawn as a table; redraw it by hand");
      continue;
    }
    if (claim.shown_inline) {
      std::string why;
      if (std::optional<std::string> row = inline_text_rewritten(lines[static_cast<size_t>(line - 1)].text, claim, actual, &why)) {
        result.changed.push_back(fmt::format("{}:{}: '{}' -> '{}'", guide_name, line, claim.text, actual[0]));
        replaced[line] = {std::move(*row)};
      } else {
        refuse(why);
      }
      continue;
    }
    if (claim.form == ClaimForm::kTrailing || claim.kind == ClaimKind::kError) {
      if (actual.size() != 1) {
        refuse(fmt::format("the output spans {} lines; a trailing comment holds one", actual.size()));
        continue;
      }
      std::string& text = lines[static_cast<size_t>(line - 1)].text;
      size_t at = text.rfind(claim.text);
      if (at == std::string::npos || text.rfind('#', at) == std::string::npos) {
        refuse("the claimed text is no longer on this line");
        continue;
      }
      std::string updated = text.substr(0, at) + actual[0] + text.substr(at + claim.text.size());
      result.changed.push_back(fmt::format("{}:{}: '{}' -> '{}'", guide_name, line, claim.text, actual[0]));
      replaced[line] = {updated};
      continue;
    }
    int last = std::min(claim.last_guide_line, static_cast<int>(lines.size()));
    if (claim.shown_as_html) {
      std::string why;
      std::optional<std::vector<std::string>> block = html_output_lines(lines, claim, actual, &why);
      if (!block) {
        refuse(why);
        continue;
      }
      result.changed.push_back(fmt::format("{}:{}-{}: output block rewritten as HTML ({} line(s))", guide_name, line,
                                           last, block->size()));
      replaced[line] = std::move(*block);
      for (int l = line + 1; l <= last; ++l) dropped[l] = true;
      continue;
    }
    std::string prefix = "# ";
    std::string first_prefix;  // the first line's, when it differs
    bool comment = false;      // for the message: a comment block or plain lines
    bool echo = false;         // a REPL echo: an empty line is <BLANKLINE>, or it would end the echo
    const std::string& first_text = lines[static_cast<size_t>(line - 1)].text;
    const size_t start = first_text.find_first_not_of(" \t");
    const std::string first_claimed = claim.text.substr(0, claim.text.find('\n'));
    // Output shown as it is (a Markdown block printing "#1") is no comment.
    const bool shown_as_is = claim.form == ClaimForm::kOutputBlock && !first_claimed.empty() &&
                             start != std::string::npos && first_text.compare(start, first_claimed.size(), first_claimed) == 0;
    if (size_t hash = first_text.find('#'); hash != std::string::npos && hash == start && !shown_as_is) {
      comment = true;
      std::optional<MarkedOutput> marked = marked_output(std::string_view(first_text).substr(hash + 1));
      if (marked && marked->marker->placement == MarkerPlacement::kFirstLine) {
        // A label stays on the first line; the lines after it line up under its value.
        first_prefix = first_text.substr(0, static_cast<size_t>(marked->text.data() - first_text.data()));
        prefix = first_text.substr(0, hash + 1) + std::string(first_prefix.size() - hash - 1, ' ');
      } else {
        // A marked block (`#> 42`) stays marked: every line gets the marker.
        prefix = marked ? first_text.substr(0, hash + 1) + std::string(marked->marker->written_prefix)
                        : first_text.substr(0, first_text.find_first_not_of("# ", hash));
      }
    } else if (claim.form == ClaimForm::kOutputBlock) {
      // Output shown as plain lines: no comment marker; a label before the
      // first value (`Output: 42`) stays. The lines keep the block's own
      // indentation (a list item's, an admonition's), not the first output
      // line's: the claimed text holds that one.
      const size_t at = first_claimed.empty() ? std::string::npos : first_text.rfind(first_claimed);
      prefix = first_text.substr(0, start == std::string::npos ? first_text.size() : start);
      if (at != std::string::npos) {
        first_prefix = first_text.substr(0, at);
        if (at < prefix.size()) prefix = first_prefix;
      }
    } else {
      // A REPL echo: the output lines themselves, at the echo's indentation;
      // IPython's `Out[3]: ` stays before the first.
      echo = true;
      prefix = first_text.substr(0, start == std::string::npos ? first_text.size() : start);
      if (start != std::string::npos && first_text.compare(start, 4, "Out[") == 0) {
        const size_t close = first_text.find("]: ", start);
        if (close != std::string::npos) first_prefix = first_text.substr(0, close + 3);
      }
    }
    if (first_prefix.empty()) first_prefix = prefix;
    std::vector<std::string> block;
    for (const auto& output : actual) {
      const std::string& p = block.empty() ? first_prefix : prefix;
      if (output.empty() && echo)
        block.push_back(p + "<BLANKLINE>");
      else
        block.push_back(output.empty() ? p.substr(0, p.find_last_not_of(' ') + 1) : p + output);
    }
    replaced[line] = block;
    for (int l = line + 1; l <= last; ++l) dropped[l] = true;
    result.changed.push_back(fmt::format("{}:{}-{}: {} rewritten ({} line(s))", guide_name, line, last,
                                         comment ? "comment block" : "output block", block.size()));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    int number = static_cast<int>(i) + 1;
    if (dropped.count(number)) continue;
    auto it = replaced.find(number);
    if (it == replaced.end()) {
      result.text += lines[i].text + lines[i].ending;
      continue;
    }
    const std::string& ending = lines[i].ending.empty() ? std::string("\n") : lines[i].ending;
    for (size_t k = 0; k < it->second.size(); ++k)
      result.text += it->second[k] + (k + 1 == it->second.size() ? lines[i].ending : ending);
  }
  return result;
}

}  // namespace guidecheck
