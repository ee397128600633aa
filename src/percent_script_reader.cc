#include "percent_script_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "claims.h"
#include "guide_parser.h"
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
  for (const Cell& cell : cells) {
    if (cell.prose) continue;
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
  }
  number_samples(&extraction.samples);
  return extraction;
}

}  // namespace guidecheck
