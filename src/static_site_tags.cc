#include "static_site_tags.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "claim_text.h"
#include "fence_info.h"

namespace guidecheck {
namespace {

// The inside of a whole-line template tag: `{% x %}` or `{%- x -%}`
// (Liquid), `{{< x >}}` or `{{% x %}}` (Hugo); nullopt for any other line.
std::optional<std::string_view> tag_body(std::string_view line) {
  line = trim_blanks(line);
  for (auto [open, close] : {std::pair{"{%", "%}"}, std::pair{"{{<", ">}}"}, std::pair{"{{%", "%}}"}}) {
    const std::string_view o(open), c(close);
    if (line.size() < o.size() + c.size() || !line.starts_with(o) || !line.ends_with(c)) continue;
    std::string_view body = line.substr(o.size(), line.size() - o.size() - c.size());
    if (body.starts_with('-')) body.remove_prefix(1);  // Liquid's whitespace control
    if (body.ends_with('-')) body.remove_suffix(1);
    return trim_blanks(body);
  }
  return std::nullopt;
}

// The first word of a tag's body and what follows it.
std::pair<std::string_view, std::string_view> first_word(std::string_view body) {
  const std::size_t end = std::min(body.find_first_of(" \t"), body.size());
  return {body.substr(0, end), trim_blanks(body.substr(end))};
}

// The language a highlight opener names ("python" of `highlight python
// linenos`, of `highlight "python"`); nullopt when the line opens none.
std::optional<std::string> highlight_opener(std::string_view line) {
  const std::optional<std::string_view> body = tag_body(line);
  if (!body) return std::nullopt;
  auto [name, rest] = first_word(*body);
  if (name != "highlight") return std::nullopt;
  std::string_view language = first_word(rest).first;
  if (language.size() >= 2 && (language.front() == '"' || language.front() == '\'') && language.back() == language.front())
    language = language.substr(1, language.size() - 2);
  return std::string(language);
}

bool is_highlight_closer(std::string_view line) {
  const std::optional<std::string_view> body = tag_body(line);
  return body && (*body == "endhighlight" || *body == "/highlight");
}

bool is_raw_tag(std::string_view line) {
  const std::optional<std::string_view> body = tag_body(line);
  return body && (*body == "raw" || *body == "endraw");
}

// dev.to's folding tags, `{% details Click to see the output %}` ...
// `{% enddetails %}` (also `spoiler`, `collapsible`): the summary a reader
// sees when the tag opens, nothing when it closes; nullopt for other lines.
std::optional<std::string> folding_tag_text(std::string_view line) {
  const std::optional<std::string_view> body = tag_body(line);
  if (!body) return std::nullopt;
  auto [name, rest] = first_word(*body);
  for (std::string_view fold : {"details", "spoiler", "collapsible"}) {
    if (name == fold) return std::string(rest);
    if (name.size() == fold.size() + 3 && name.starts_with("end") && name.substr(3) == fold) return std::string();
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> highlight_tags_as_fences(std::vector<std::string> lines) {
  // A fence of the guide's own (CommonMark's: at most three spaces in).
  auto fence_at = [&](std::size_t k) {
    std::optional<Fence> fence = opening_fence(lines[k]);
    return fence && fence->indent <= 3 ? fence : std::nullopt;
  };
  std::optional<Fence> open_fence;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (open_fence) {
      if (closes_fence(lines[k], *open_fence) && lines[k].find_first_not_of(' ') <= 3) open_fence.reset();
      continue;
    }
    if ((open_fence = fence_at(k))) continue;
    if (is_raw_tag(lines[k])) {
      lines[k].clear();
      continue;
    }
    if (std::optional<std::string> folded = folding_tag_text(lines[k])) {
      lines[k] = std::move(*folded);
      continue;
    }
    const std::optional<std::string> language = highlight_opener(lines[k]);
    if (!language) continue;
    std::size_t close = k + 1;
    while (close < lines.size() && !is_highlight_closer(lines[close]) && !highlight_opener(lines[close])) ++close;
    if (close == lines.size() || !is_highlight_closer(lines[close])) continue;
    // A fence longer than any run of backticks the code starts a line with.
    std::size_t ticks = 3;
    for (std::size_t inner = k + 1; inner < close; ++inner) {
      if (is_raw_tag(lines[inner])) lines[inner].clear();
      if (const std::optional<Fence> inner_fence = fence_at(inner); inner_fence && inner_fence->mark == '`')
        ticks = std::max(ticks, inner_fence->length + 1);
    }
    lines[k] = std::string(ticks, '`') + *language;
    lines[close] = std::string(ticks, '`');
    k = close;
  }
  return lines;
}

}  // namespace guidecheck
