#include "markdown_blocks.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "fence_info.h"
#include "markdown_html.h"
#include "mkdocs_containers.h"
#include "myst_directives.h"
#include "static_site_tags.h"
#include "utf8.h"

namespace guidecheck {
namespace {

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

// What cmark would make of the bytes anyway, done first so that the guide's
// lines and cmark's literals hold the same text.
std::string sanitize(std::string_view text) {
  std::string valid = replace_invalid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

// The guide's lines as cmark counts them: "\r\n", "\r" and "\n" each end one.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '\n' && text[k] != '\r') continue;
    lines.push_back(text.substr(start, k - start));
    if (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n') ++k;
    start = k + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::vector<std::string> split_literal(const char* literal) {
  std::vector<std::string> lines;
  if (!literal) return lines;
  const std::string_view text(literal);
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', start)) {
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (start < text.size()) lines.emplace_back(text.substr(start));
  return lines;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

// True when content line k can be guide line first_line + k: each ends its
// guide line (cmark only removes indentation and container markers).
bool content_fits(const std::vector<std::string_view>& guide, int first_line, const std::vector<std::string>& lines) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const long index = static_cast<long>(first_line) - 1 + static_cast<long>(k);
    if (index < 0 || index >= static_cast<long>(guide.size())) return false;
    const std::string_view content = trim_left(lines[k]);
    const std::string_view raw = guide[static_cast<std::size_t>(index)];
    if (raw.size() < content.size() || raw.substr(raw.size() - content.size()) != content) return false;
  }
  return true;
}

// True when the line opens a fence once block quote and list markers are
// skipped: "> - ```python".
bool opens_fence(std::string_view line) {
  for (bool progress = true; progress;) {
    progress = false;
    const std::string_view rest = trim_left(line);
    if (rest.size() != line.size()) progress = true;
    line = rest;
    if (!line.empty() && line.front() == '>') {
      line.remove_prefix(1);
      progress = true;
    } else if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && is_blank(line[1])) {
      line.remove_prefix(2);
      progress = true;
    } else {
      std::size_t digits = 0;
      while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') ++digits;
      if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
          is_blank(line[digits + 1])) {
        line.remove_prefix(digits + 2);
        progress = true;
      }
    }
  }
  return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
}

// cmark 0.30 does not say whether a code block was fenced, and a fenced
// block's content starts on the line after its start line. An info string
// or an empty block means a fence; otherwise the content itself tells where
// it sits, and only when both places fit does the start line decide.
bool is_fenced(const std::vector<std::string_view>& guide, int start_line, const std::string& info,
               const std::vector<std::string>& lines) {
  if (!info.empty() || lines.empty()) return true;
  const bool fits_fenced = content_fits(guide, start_line + 1, lines);
  const bool fits_indented = content_fits(guide, start_line, lines);
  if (fits_fenced != fits_indented) return fits_fenced;
  const long index = static_cast<long>(start_line) - 1;
  return index >= 0 && index < static_cast<long>(guide.size()) && opens_fence(guide[static_cast<std::size_t>(index)]);
}

// The text of a paragraph or heading, inline markup dropped.
std::string plain_text(cmark_node* block) {
  std::string text;
  IterPtr iter(cmark_iter_new(block));
  if (!iter) return text;
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(node)) text += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        break;
    }
  }
  return text;
}

// A paragraph's lines as text and code spans (markdown_table.h); emphasis
// and links give their text.
std::vector<InlineLine> inline_lines(cmark_node* paragraph) {
  std::vector<InlineLine> lines(1);
  IterPtr iter(cmark_iter_new(paragraph));
  if (!iter) return lines;
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    const char* literal = cmark_node_get_literal(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_HTML_INLINE:
        lines.back().push_back({literal ? literal : "", false});
        break;
      case CMARK_NODE_CODE:
        lines.back().push_back({literal ? literal : "", true});
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        lines.emplace_back();
        break;
      default:
        break;
    }
  }
  return lines;
}

bool is_leaf_block(cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_THEMATIC_BREAK:
      return true;
    default:
      return false;
  }
}

MarkdownBlock code_block(cmark_node* node, const std::vector<std::string_view>& guide) {
  MarkdownBlock block;
  block.kind = MarkdownBlockKind::kCode;
  const char* info = cmark_node_get_fence_info(node);
  block.info = info ? info : "";
  block.lines = split_literal(cmark_node_get_literal(node));
  const int start = cmark_node_get_start_line(node);
  block.line = is_fenced(guide, start, block.info, block.lines) ? start + 1 : start;
  if (is_myst_code_directive(myst_directive(block.info))) {
    const auto options_end = block.lines.begin() + static_cast<long>(directive_option_lines(block.lines));
    block.options.assign(block.lines.begin(), options_end);
    block.lines.erase(block.lines.begin(), options_end);
    block.line += static_cast<int>(block.options.size());
  }
  return block;
}

NodePtr parse(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return NodePtr(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
}

// A block quote of paragraphs only (`> 42`): what some pages show output
// in. Its guide lines without their `>` markers, as a code block of its own;
// nullopt for a quote holding anything else (a list, code: read as usual).
std::optional<MarkdownBlock> quoted_block(cmark_node* quote, const std::vector<std::string_view>& guide) {
  for (cmark_node* child = cmark_node_first_child(quote); child; child = cmark_node_next(child))
    if (cmark_node_get_type(child) != CMARK_NODE_PARAGRAPH) return std::nullopt;
  const int start = cmark_node_get_start_line(quote), end = cmark_node_get_end_line(quote);
  if (start < 1 || end < start || static_cast<std::size_t>(end) > guide.size()) return std::nullopt;
  MarkdownBlock block;
  block.kind = MarkdownBlockKind::kCode;
  block.line = start;
  block.quoted = true;
  for (int line = start; line <= end; ++line) {
    std::string_view text = guide[static_cast<std::size_t>(line - 1)];
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    if (text.starts_with('>')) text.remove_prefix(text.starts_with("> ") ? 2 : 1);  // a lazy line has none
    block.lines.emplace_back(text);
  }
  return block;
}

// A paragraph's only code span, with the plain text around it; nullopt for
// none or several. Its line is the first of the paragraph's lines (from
// `start`, counted in `guide`) that holds it in backticks.
std::optional<MarkdownBlock::OneCodeSpan> one_code_span(cmark_node* paragraph, const std::vector<std::string_view>& guide,
                                                        int start) {
  MarkdownBlock::OneCodeSpan span;
  int spans = 0;
  IterPtr iter(cmark_iter_new(paragraph));
  for (cmark_event_type event; iter && (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    const char* literal = cmark_node_get_literal(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_CODE:
        if (++spans > 1) return std::nullopt;
        span.code = literal ? literal : "";
        break;
      case CMARK_NODE_TEXT:
        (spans == 0 ? span.before : span.after) += literal ? literal : "";
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        (spans == 0 ? span.before : span.after) += ' ';
        break;
      default:
        break;
    }
  }
  if (spans != 1) return std::nullopt;
  const int end = std::min<int>(cmark_node_get_end_line(paragraph), static_cast<int>(guide.size()));
  for (int line = std::max(start, 1); line <= end && span.line == 0; ++line)
    if (guide[static_cast<std::size_t>(line - 1)].find(span.code) != std::string_view::npos) span.line = line;
  if (span.line == 0) span.line = start;
  return span;
}

// The leaf blocks of one parsed level, lines counted from `first_line`.
void collect_leaf_blocks(cmark_node* document, const std::vector<std::string>& lines, int first_line,
                         std::vector<MarkdownBlock>* blocks) {
  const std::vector<std::string_view> guide(lines.begin(), lines.end());
  IterPtr iter(cmark_iter_new(document));
  if (!iter) return;
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_BLOCK_QUOTE) {
      if (std::optional<MarkdownBlock> quote = quoted_block(node, guide)) {
        quote->line += first_line - 1;
        blocks->push_back(std::move(*quote));
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);  // its paragraphs are read
      }
      continue;
    }
    if (!is_leaf_block(type)) continue;
    if (type == CMARK_NODE_HTML_BLOCK) {
      const std::vector<std::string> html = split_literal(cmark_node_get_literal(node));
      const int start = cmark_node_get_start_line(node) + first_line - 1;
      for (MarkdownBlock& part : read_html_block(html, 0, html.size(), start).blocks) blocks->push_back(std::move(part));
      continue;
    }
    MarkdownBlock block;
    if (type == CMARK_NODE_CODE_BLOCK) {
      block = code_block(node, guide);
    } else {
      block.line = cmark_node_get_start_line(node);
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
        block.kind = type == CMARK_NODE_PARAGRAPH ? MarkdownBlockKind::kParagraph : MarkdownBlockKind::kHeading;
        block.text = plain_text(node);
        if (type == CMARK_NODE_PARAGRAPH) {
          block.one_code_span = one_code_span(node, guide, block.line);
          if (block.one_code_span) block.one_code_span->line += first_line - 1;
        }
      }
      if (type == CMARK_NODE_PARAGRAPH) block.table = read_pipe_table(inline_lines(node), block.line + first_line - 1);
      if (cmark_node* item = cmark_node_parent(node); item && cmark_node_get_type(item) == CMARK_NODE_ITEM)
        block.ordered_item = cmark_node_get_list_type(cmark_node_parent(item)) == CMARK_ORDERED_LIST;
    }
    block.line += first_line - 1;
    blocks->push_back(std::move(block));
  }
}

// Each level copies its body, so a guide nesting containers thousands deep
// would take quadratic time; no page nests more than a few.
constexpr int kMaxContainerDepth = 16;

void read_level(std::vector<std::string> lines, int first_line, int depth, std::vector<MarkdownBlock>* blocks);

// HTML blocks of the level whose `<pre>` or fence a blank line cut short:
// read whole from the level's lines, which are then left blank. True when
// it read one: the level is parsed again, or the rest of a cut fence would
// open a code block that runs to the end of the page.
bool read_cut_html_blocks(cmark_node* document, std::vector<std::string>* lines, int first_line,
                          std::vector<MarkdownBlock>* blocks) {
  std::size_t taken = 0;  // lines before it belong to a block already read
  for (cmark_node* child = cmark_node_first_child(document); child; child = cmark_node_next(child)) {
    const int start = cmark_node_get_start_line(child);
    const int end = cmark_node_get_end_line(child);
    if (cmark_node_get_type(child) != CMARK_NODE_HTML_BLOCK || start < 1 || end < start ||
        static_cast<std::size_t>(end) > lines->size() || static_cast<std::size_t>(start - 1) < taken)
      continue;
    HtmlBlockParts parts = read_html_block(*lines, static_cast<std::size_t>(start - 1), static_cast<std::size_t>(end), first_line);
    if (parts.end <= static_cast<std::size_t>(end)) continue;
    for (MarkdownBlock& part : parts.blocks) blocks->push_back(std::move(part));
    for (std::size_t k = static_cast<std::size_t>(start - 1); k < parts.end; ++k) (*lines)[k].clear();
    taken = parts.end;
  }
  return taken > 0;
}

// MyST's admonition fences of the level (````{note}): each body read as a
// level of its own, its options left out, and the fence's lines left blank.
// True when it read one: the level is parsed again.
bool read_directive_containers(cmark_node* document, std::vector<std::string>* lines, int first_line, int depth,
                               std::vector<MarkdownBlock>* blocks) {
  bool read = false;
  for (cmark_node* child = cmark_node_first_child(document); child; child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) != CMARK_NODE_CODE_BLOCK) continue;
    const char* info = cmark_node_get_fence_info(child);  // "" for an indented block
    if (!info || !is_myst_container(myst_directive(info))) continue;
    const int start = cmark_node_get_start_line(child), end = cmark_node_get_end_line(child);
    if (start < 1 || end < start || static_cast<std::size_t>(end) > lines->size()) continue;
    std::vector<std::string> body = split_literal(cmark_node_get_literal(child));
    const std::size_t options = directive_option_lines(body);
    for (std::size_t k = 0; k < options; ++k) body[k].clear();  // the lines keep their numbers
    if (depth + 1 < kMaxContainerDepth) read_level(std::move(body), first_line + start, depth + 1, blocks);
    for (int k = start - 1; k < end; ++k) (*lines)[static_cast<std::size_t>(k)].clear();
    read = true;
  }
  return read;
}

// The container lines[opener] opens, if it opens one: its title a heading on
// the opener's line, its body a level of its own, its lines left blank.
// Returns the index after its body, or 0 when the line opens none.
std::size_t read_container(std::vector<std::string>* lines, std::size_t opener, int first_line, int depth,
                           std::vector<MarkdownBlock>* blocks) {
  std::optional<std::string> title = container_title((*lines)[opener]);
  if (!title) return 0;
  MarkdownBlock heading;
  heading.kind = MarkdownBlockKind::kHeading;
  heading.line = first_line + static_cast<int>(opener);
  heading.text = std::move(*title);
  blocks->push_back(std::move(heading));
  const std::size_t end = container_body_end(*lines, opener);
  std::vector<std::string> body;
  for (std::size_t k = opener + 1; k < end; ++k) body.push_back(without_container_indent((*lines)[k]));
  if (!body.empty()) read_level(std::move(body), first_line + static_cast<int>(opener) + 1, depth + 1, blocks);
  for (std::size_t k = opener; k < end; ++k) (*lines)[k].clear();
  return end;
}

// One level of the page: the guide's lines, or a container's body without
// its indentation, lines[0] being guide line `first_line`. A container
// (mkdocs_containers.h) opens where a paragraph of the level itself starts
// with its opener, so a fence, an indented block or a list item that shows
// one stays what it is. The level is parsed again with its containers'
// lines blank, so no paragraph or fence runs across their edges.
void read_level(std::vector<std::string> lines, int first_line, int depth, std::vector<MarkdownBlock>* blocks) {
  NodePtr document = parse(lines);
  if (!document) return;
  std::vector<std::size_t> paragraph_starts;
  cmark_node* first_child = depth < kMaxContainerDepth ? cmark_node_first_child(document.get()) : nullptr;
  for (cmark_node* child = first_child; child; child = cmark_node_next(child)) {
    const int start = cmark_node_get_start_line(child);
    if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH && start >= 1 && static_cast<std::size_t>(start) <= lines.size())
      paragraph_starts.push_back(static_cast<std::size_t>(start - 1));
  }
  std::size_t taken = 0;  // lines before it belong to containers already read
  for (std::size_t line : paragraph_starts) {
    if (line < taken) continue;
    // The next container may follow with no blank line between: CommonMark
    // saw one paragraph, Python-Markdown sees two containers.
    for (std::size_t end; line < lines.size() && (end = read_container(&lines, line, first_line, depth, blocks)) != 0;)
      line = taken = end;
  }
  if (taken > 0) document = parse(lines);
  if (document && read_directive_containers(document.get(), &lines, first_line, depth, blocks)) document = parse(lines);
  if (document && read_cut_html_blocks(document.get(), &lines, first_line, blocks)) document = parse(lines);
  if (document) collect_leaf_blocks(document.get(), lines, first_line, blocks);
}

}  // namespace

std::vector<MarkdownBlock> read_markdown_blocks(std::string_view text) {
  const std::string clean = sanitize(text);
  const std::vector<std::string_view> guide = split_lines(clean);
  std::vector<MarkdownBlock> blocks;
  read_level(highlight_tags_as_fences(std::vector<std::string>(guide.begin(), guide.end())), 1, 0, &blocks);
  // A container's blocks were read before the lines around it.
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const MarkdownBlock& a, const MarkdownBlock& b) { return a.line < b.line; });
  return blocks;
}

}  // namespace guidecheck
