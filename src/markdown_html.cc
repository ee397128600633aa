#include "markdown_html.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "claim_text.h"
#include "fence_info.h"
#include "html_table.h"
#include "html_text.h"

namespace guidecheck {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }


std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_blank_text(std::string_view s) { return trim(s).empty(); }

// Every tag gone: a summary may hold `<b>`, `<h4>` or `<img>`.
std::string strip_all_tags(std::string_view html) {
  std::string out;
  for (std::size_t k = 0; k < html.size(); ++k) {
    const bool tag = html[k] == '<' && k + 1 < html.size() && (is_letter(html[k + 1]) || html[k + 1] == '/');
    const std::size_t close = tag ? html.find('>', k) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += html[k];
      continue;
    }
    out += ' ';
    k = close;
  }
  return out;
}

// Runs of white space as one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    if (is_blank(c) || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// The language a `<pre>` or `<code>` tag names: `lang="python"`,
// `class="language-text"`, `class="lang-py"`; "" when none.
std::string tag_language(std::string_view tag) {
  const std::string lowered = ascii_lower(tag);
  for (std::string_view key : {"language-", "lang-", "lang=\"", "lang='", "lang="}) {
    const std::size_t at = lowered.find(key);
    if (at == std::string::npos) continue;
    std::size_t end = at + key.size();
    while (end < lowered.size() && is_name_char(lowered[end])) ++end;
    if (end > at + key.size()) return lowered.substr(at + key.size(), end - at - key.size());
  }
  return "";
}

// Case-insensitive find of an ASCII `needle` in `text` from `from`.
std::size_t find_nocase(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (std::size_t k = from; k + needle.size() <= text.size(); ++k) {
    bool same = true;
    for (std::size_t j = 0; j < needle.size() && same; ++j) same = lower(text[k + j]) == needle[j];
    if (same) return k;
  }
  return std::string_view::npos;
}

class HtmlBlockReader {
 public:
  HtmlBlockReader(const std::vector<std::string>& lines, std::size_t first, std::size_t block_end, int first_line)
      : lines_(lines), line_(first), limit_(std::min(block_end, lines.size())), first_line_(first_line) {}

  HtmlBlockParts read() {
    while (line_ < limit_) {
      const std::string& text = lines_[line_];
      if (col_ == 0) {
        if (const std::optional<Fence> fence = opening_fence(text)) {
          read_fence(*fence);
          continue;
        }
      }
      while (col_ < text.size() && is_blank(text[col_])) ++col_;
      if (col_ >= text.size()) {
        next_line();
        continue;
      }
      if (text[col_] != '<') {
        other_here();
        const std::size_t next_tag = text.find('<', col_);
        col_ = next_tag == std::string::npos ? text.size() : next_tag;
        continue;
      }
      const std::string_view at = std::string_view(text).substr(col_);
      const auto [name, closing] = tag_name(at);
      if (const std::optional<std::string_view> end = opaque_end(at, name, closing)) {
        // A comment or a script hides what it holds: a fence in it is none.
        // A style shows nothing, and ends nothing; a blank line in it (as
        // in nbconvert's) cut the HTML block short, so it reads on.
        if (at.starts_with("<!--")) {
          read_comment();
          continue;
        }
        if (name != "style") other_here();
        skip_past(*end, name == "style" || name == "script");
      } else if (name == "details" && !closing) {
        skip_tag();  // a wrapper: what matters is its summary
      } else if (name == "div" && !closing && wraps_dataframe()) {
        skip_tag();  // nbconvert's wrapper of a DataFrame's table
      } else if (name == "summary" && !closing) {
        read_summary();
      } else if (is_tab_markup(name)) {
        read_tab(closing);
      } else if (name == "pre" && !closing) {
        read_pre();
      } else if (name == "table" && !closing) {
        read_table();
      } else {
        other_here();
        skip_tag();
      }
    }
    parts_.end = line_;
    return std::move(parts_);
  }

 private:
  static std::pair<std::string, bool> tag_name(std::string_view at) {
    std::size_t k = 1;
    const bool closing = k < at.size() && at[k] == '/';
    if (closing) ++k;
    std::string name;
    while (k < at.size() && is_name_char(at[k])) name += lower(at[k++]);
    // `<pre>`, `<pre class=...>`, `<pre` at the line's end; not `<prefix>`.
    if (k < at.size() && !(at[k] == '>' || at[k] == '/' || is_blank(at[k]))) name.clear();
    return {name, closing};
  }

  // Where the markup `at` opens ends when it hides what it holds: `<!--`
  // comments, `<![CDATA[`, `<?` and the raw text of `<script>`, `<style>`
  // and `<textarea>`.
  static std::optional<std::string_view> opaque_end(std::string_view at, const std::string& name, bool closing) {
    if (at.starts_with("<!--")) return "-->";
    if (at.starts_with("<![CDATA[")) return "]]>";
    if (at.starts_with("<?")) return "?>";
    if (closing) return std::nullopt;
    if (name == "script") return "</script>";
    if (name == "style") return "</style>";
    if (name == "textarea") return "</textarea>";
    return std::nullopt;
  }

  // Past the first `end` (lowercase) from the current place, within the
  // block, or beyond it when `spill` and one follows there; to the block's
  // end when none follows.
  void skip_past(std::string_view end, bool spill = false) {
    const std::size_t start_line = line_, start_col = col_;
    const std::size_t limit = spill ? lines_.size() : limit_;
    for (std::size_t from = col_ + 1; line_ < limit; next_line(), from = 0) {
      const std::size_t found = find_nocase(lines_[line_], end, std::min(from, lines_[line_].size()));
      if (found != std::string_view::npos) {
        col_ = found + end.size();
        if (line_ >= limit_) ran_on_to_here();
        return;
      }
    }
    if (spill) {  // nothing closes it: as without spilling
      line_ = start_line;
      col_ = start_col;
      skip_past(end, false);
    }
  }

  // A comment as a block of its own: its text, for the markers of
  // doc-testing tools. One that nothing closes runs to the block's end.
  void read_comment() {
    const std::size_t start_line = line_, start_col = col_ + 4;
    skip_past("-->");
    const bool closed = line_ < limit_;
    const std::size_t last_line = closed ? line_ : limit_ - 1;
    std::string text;
    for (std::size_t k = start_line; k <= last_line; ++k) {
      const std::string& line = lines_[k];
      const std::size_t from = k == start_line ? std::min(start_col, line.size()) : 0;
      const std::size_t to = closed && k == last_line ? col_ - 3 : line.size();
      if (k > start_line) text += '\n';
      if (to > from) text.append(line, from, to - from);
    }
    MarkdownBlock comment;
    comment.line = guide_line(start_line);
    comment.comment = std::move(text);
    parts_.blocks.push_back(std::move(comment));
  }

  int guide_line(std::size_t index) const { return first_line_ + static_cast<int>(index); }

  void next_line() {
    ++line_;
    col_ = 0;
  }

  // A part that ran past the block's end: the rest of the line it ends on
  // is read too, the lines after it are CommonMark's again.
  void ran_on_to_here() { limit_ = std::max(limit_, line_ + (col_ > 0 ? 1 : 0)); }

  // Anything the reader does not take ends what came before, as the whole
  // HTML block did before it was read: one kOther block per run of it.
  void other_here() {
    if (!parts_.blocks.empty() && parts_.blocks.back().kind == MarkdownBlockKind::kOther) return;
    MarkdownBlock other;
    other.line = guide_line(line_);
    parts_.blocks.push_back(std::move(other));
  }

  // Past the '>' of the tag at the current place (attributes may span
  // lines); its text, for the attributes.
  std::string skip_tag() {
    std::string tag;
    for (char quote = 0; line_ < limit_; next_line()) {
      const std::string& text = lines_[line_];
      for (; col_ < text.size(); ++col_) {
        const char c = text[col_];
        tag += c;
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>' && tag.size() > 1) {
          ++col_;
          return tag;
        }
      }
      tag += ' ';
    }
    return tag;
  }

  // Text from the current place up to `close` (a lowercase closing tag),
  // one piece per line; the place moves past the tag. Reads on past the
  // block's end when `spill` (to the last line when nothing closes it:
  // `closed` says).
  std::vector<std::string> text_until(std::string_view close, bool spill, bool* closed) {
    std::vector<std::string> pieces;
    const std::size_t limit = spill ? lines_.size() : limit_;
    *closed = false;
    for (; line_ < limit; next_line()) {
      const std::string& text = lines_[line_];
      const std::size_t at = find_nocase(text, close, col_);
      if (at == std::string::npos) {
        pieces.push_back(text.substr(std::min(col_, text.size())));
        continue;
      }
      pieces.push_back(text.substr(col_, at - col_));
      const std::size_t end = text.find('>', at);  // a closing tag ends on its line
      col_ = end == std::string::npos ? text.size() : end + 1;
      *closed = true;
      return pieces;
    }
    return pieces;
  }

  // Tabs of documentation sites' components (Docusaurus' `<Tabs>` and
  // `<TabItem label="Output">`, Starlight's and Nextra's `<Tab>`): the tab
  // is a wrapper, its label a title (it labels output when it names it:
  // the code in one tab, what it prints in the next).
  static bool is_tab_markup(const std::string& name) {
    return name == "tabs" || name == "tabitem" || name == "tab" || name == "tabitems";
  }

  void read_tab(bool closing) {
    const std::size_t at = line_;
    const std::string tag = skip_tag();
    if (closing) return;
    std::string label;
    for (const char* attribute : {"label=", "title=", "value="}) {
      const std::size_t found = tag.find(attribute);
      if (found == std::string::npos) continue;
      const std::size_t open = found + std::string_view(attribute).size();
      if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) continue;
      const std::size_t close = tag.find(tag[open], open + 1);
      if (close == std::string::npos) continue;
      label = tag.substr(open + 1, close - open - 1);
      break;
    }
    if (label.empty()) return;
    MarkdownBlock heading;
    heading.kind = MarkdownBlockKind::kHeading;
    heading.line = guide_line(at);
    heading.text = collapse_spaces(decode_html_entities(label));
    parts_.blocks.push_back(std::move(heading));
  }

  void read_summary() {
    const std::size_t at = line_;
    skip_tag();
    const std::size_t text_line = line_;
    const std::size_t text_col = col_;
    bool closed = false;
    std::string text;
    for (const std::string& piece : text_until("</summary", false, &closed)) text += piece + ' ';
    if (!closed) {  // unclosed: the title is the rest of its line, the lines after are read as ever
      line_ = text_line;
      col_ = text_col;
      text = line_ < limit_ ? lines_[line_].substr(std::min(col_, lines_[line_].size())) : "";
      next_line();
    }
    MarkdownBlock heading;
    heading.kind = MarkdownBlockKind::kHeading;
    heading.line = guide_line(at);
    heading.text = collapse_spaces(decode_html_entities(strip_all_tags(text)));
    parts_.blocks.push_back(std::move(heading));
  }

  // A `<pre>`'s text as shown. The line break right after the opening tag
  // is no content (HTML drops it), and neither is a line holding only the
  // tags around the text (`<pre><code>`, `</code></pre>`).
  void read_pre() {
    std::string tags = skip_tag();
    const std::size_t first = line_;
    const std::size_t first_col = col_;
    bool closed = false;
    std::vector<std::string> pieces = text_until("</pre", true, &closed);
    if (!closed) {  // no `</pre>` anywhere: the block's end ends it, as it did before
      line_ = first;
      col_ = first_col;
      pieces = text_until("</pre", false, &closed);
    }
    ran_on_to_here();
    // `<pre><code class="language-text">`: the code tag may name the language.
    const auto text = std::find_if(pieces.begin(), pieces.end(), [](const std::string& p) { return !is_blank_text(p); });
    if (text != pieces.end() && find_nocase(*text, "<code", 0) == text->find_first_not_of(" \t"))
      tags += text->substr(0, text->find('>'));
    MarkdownBlock block;
    block.kind = MarkdownBlockKind::kCode;
    block.info = tag_language(tags);
    block.in_html = true;
    block.html_text = true;
    for (const std::string& piece : pieces) block.lines.push_back(html_shown_text(piece));
    std::size_t skipped = 0;
    if (!block.lines.empty() && is_blank_text(block.lines.front()) && (block.lines.size() > 1 || closed)) {
      block.lines.erase(block.lines.begin());
      skipped = 1;
    }
    if (closed && !block.lines.empty() && is_blank_text(block.lines.back())) block.lines.pop_back();
    block.line = guide_line(first + skipped);
    parts_.blocks.push_back(std::move(block));
  }

  // Whether the tag after the `<div` here is nbconvert's `<style scoped>`
  // or a DataFrame's table: the div only wraps it.
  bool wraps_dataframe() const {
    std::size_t line = line_;
    std::size_t col = lines_[line_].find('>', col_);
    for (col = col == std::string::npos ? lines_[line].size() : col + 1; line < lines_.size(); ++line, col = 0) {
      const std::string& text = lines_[line];
      while (col < text.size() && is_blank(text[col])) ++col;
      if (col >= text.size()) continue;
      const std::string_view at = std::string_view(text).substr(col);
      return find_nocase(at, "<style scoped", 0) == 0 ||
             (find_nocase(at, "<table", 0) == 0 && is_dataframe_table_tag(at.substr(0, at.find('>') + 1)));
    }
    return false;
  }

  // A table pandas wrote for a DataFrame (html_table.h): a code block of
  // its rows as text, read on past a blank line to its `</table>`. Any
  // other table is the page's own: its tags pass, its text is other.
  void read_table() {
    const std::size_t first = line_;
    const std::string tag = skip_tag();
    if (!is_dataframe_table_tag(tag)) {
      other_here();
      return;
    }
    bool closed = false;
    std::string html = tag;
    for (const std::string& piece : text_until("</table", true, &closed)) html += piece + '\n';
    ran_on_to_here();
    MarkdownBlock block;
    block.kind = MarkdownBlockKind::kCode;
    block.in_html = true;
    block.html_text = true;
    block.html_table = true;
    block.lines = html_table_rows(html);
    block.line = guide_line(first);
    parts_.blocks.push_back(std::move(block));
  }

  // A fence written inside the HTML: the lines up to its closing fence
  // (or the last line), without the fence's own indentation.
  void read_fence(const Fence& fence) {
    MarkdownBlock block;
    block.kind = MarkdownBlockKind::kCode;
    block.info = fence.info;
    block.in_html = true;
    block.line = guide_line(line_ + 1);
    // Read on past the block's end only to a closing fence: an unclosed
    // one would take the rest of the page.
    std::size_t close = line_ + 1;
    while (close < lines_.size() && !closes_fence(lines_[close], fence)) ++close;
    const std::size_t end = close < lines_.size() ? close : std::max(limit_, line_ + 1);
    for (next_line(); line_ < end; next_line()) {
      const std::string& text = lines_[line_];
      std::size_t indent = 0;
      while (indent < fence.indent && indent < text.size() && text[indent] == ' ') ++indent;
      block.lines.push_back(text.substr(indent));
    }
    if (close < lines_.size()) next_line();  // past the closing fence
    ran_on_to_here();
    parts_.blocks.push_back(std::move(block));
  }

  const std::vector<std::string>& lines_;
  std::size_t line_;
  std::size_t col_ = 0;
  std::size_t limit_;  // the block's end, or the end of the line a part that ran past it ends on
  int first_line_;
  HtmlBlockParts parts_;
};

}  // namespace

HtmlBlockParts read_html_block(const std::vector<std::string>& lines, std::size_t first, std::size_t block_end,
                               int first_line) {
  return HtmlBlockReader(lines, first, block_end, first_line).read();
}

}  // namespace guidecheck
