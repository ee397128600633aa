#include "percent_script_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "claims.h"
#include "guide_parser.h"
#include "output_block_claim.h"
#include "output_label.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

// `# %%`, `#%%`, `# %% Title`, `# %% [markdown]`: a cell marker, at column 0.
bool is_cell_marker(std::string_view line) {
  if (!line.starts_with('#')) return false;
  line.remove_prefix(1);
  while (line.starts_with(' ')) line.remove_prefix(1);
  return line.starts_with("%%");
}

bool is_prose_cell(std::string_view marker) {
  return marker.find("[markdown]") != std::string_view::npos || marker.find("[md]") != std::string_view::npos;
}

bool holds_code(const std::vector<std::string_view>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](std::string_view line) {
    const std::string_view text = strip_leading(line);
    return !text.empty() && !text.starts_with('#');
  });
}

// A markdown cell's line without its comment marker: "# text" gives "text".
std::string_view uncommented(std::string_view line) {
  if (line.starts_with('#')) line.remove_prefix(1);
  if (line.starts_with(' ')) line.remove_prefix(1);
  return line;
}

// A markdown cell right after a code cell that shows the code's output:
// "Output:" then a block indented by four spaces (or fenced), in comments.
// Its lines and the guide line of the first; nothing when it shows none.
std::pair<std::vector<std::string>, int> output_shown(const std::vector<std::string_view>& lines, std::size_t first,
                                                      std::size_t end) {
  std::size_t k = first;
  while (k < end && strip_leading(uncommented(lines[k])).empty()) ++k;
  if (k == end || !is_output_label(strip_leading(uncommented(lines[k])))) return {};
  for (++k; k < end && strip_leading(uncommented(lines[k])).empty(); ++k) {
  }
  std::vector<std::string> shown;
  const int first_line = static_cast<int>(k) + 1;
  if (k < end && strip_leading(uncommented(lines[k])).starts_with("```")) {
    for (++k; k < end && !strip_leading(uncommented(lines[k])).starts_with("```"); ++k)
      shown.emplace_back(uncommented(lines[k]));
    return {shown, first_line + 1};
  }
  for (; k < end; ++k) {
    const std::string_view text = uncommented(lines[k]);
    if (strip_leading(text).empty()) {
      shown.emplace_back();
      continue;
    }
    if (!text.starts_with("    ")) break;
    shown.emplace_back(text.substr(4));
  }
  while (!shown.empty() && shown.back().empty()) shown.pop_back();
  return {shown, first_line};
}

}  // namespace

Extraction read_percent_script(std::string_view text, const ReadOptions& /*options*/) {
  Extraction extraction;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  // Cells: [first, end) of `lines`; the lines before the first marker are one too.
  struct Cell {
    std::size_t first, end;
    bool prose;
  };
  std::vector<Cell> cells;
  std::size_t first = 0;
  bool prose = false;
  for (std::size_t k = 0; k <= lines.size(); ++k) {
    if (k < lines.size() && !is_cell_marker(lines[k])) continue;
    if (k > first) cells.push_back({first, k, prose});
    if (k < lines.size()) prose = is_prose_cell(lines[k]);
    first = k + 1;
  }
  bool code_before = false;  // the cell before this one is a sample
  for (const Cell& cell : cells) {
    if (cell.prose) {
      if (code_before) {
        auto [shown, first_line] = output_shown(lines, cell.first, cell.end);
        if (!shown.empty()) add_claim(extraction.samples.back(), output_block_claim(extraction.samples.back(), shown, first_line));
      }
      code_before = false;
      continue;
    }
    code_before = false;
    std::size_t begin = cell.first, end = cell.end;
    while (begin < end && strip_leading(lines[begin]).empty()) ++begin;
    while (end > begin && strip_leading(lines[end - 1]).empty()) --end;
    const std::vector<std::string_view> code(lines.begin() + static_cast<long>(begin),
                                             lines.begin() + static_cast<long>(end));
    if (!holds_code(code)) continue;
    Sample sample;
    CodeRun run;
    for (std::size_t k = begin; k < end; ++k) {
      sample.source.append(lines[k]).push_back('\n');
      sample.guide_lines.push_back(static_cast<int>(k) + 1);
      run.lines.emplace_back(strip_leading(lines[k]));
    }
    sample.first_line = run.first_line = sample.guide_lines.front();
    sample.last_line = run.last_line = sample.guide_lines.back();
    run.guide_lines = sample.guide_lines;
    sample.claims = find_claims(run);
    extraction.samples.push_back(std::move(sample));
    code_before = true;
  }
  number_samples(&extraction.samples);
  return extraction;
}

}  // namespace guidecheck
