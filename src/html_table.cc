#include "html_table.h"

#include <algorithm>

#include "claim_text.h"
#include "html_text.h"

namespace guidecheck {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The name of the tag `html` holds at `at` ('<' there), lowercased, and
// whether it closes: "tr", true for `</tr>`.
std::pair<std::string, bool> tag_at(std::string_view html, std::size_t at) {
  std::size_t k = at + 1;
  const bool closing = k < html.size() && html[k] == '/';
  if (closing) ++k;
  std::string name;
  while (k < html.size() && ((html[k] >= 'a' && html[k] <= 'z') || (html[k] >= 'A' && html[k] <= 'Z')))
    name += lower(html[k++]);
  return {name, closing};
}

// Blanks and line breaks as one space, none at either end.
std::string collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool is_dataframe_table_tag(std::string_view tag) {
  const std::string lowered = ascii_lower(tag);
  if (!lowered.starts_with("<table") || lowered.size() == 6 || lowered.find_first_of(" \t\n>/", 6) != 6) return false;
  const std::size_t cls = lowered.find("class=");
  return cls != std::string::npos && lowered.find("dataframe", cls) != std::string::npos;
}

std::vector<std::string> html_table_rows(std::string_view html) {
  std::vector<std::string> rows;
  std::vector<std::string> cells;
  std::string cell;
  bool in_row = false, in_cell = false;
  auto end_cell = [&] {
    if (in_cell) cells.push_back(collapsed(html_shown_text(cell)));
    cell.clear();
    in_cell = false;
  };
  auto end_row = [&] {
    end_cell();
    std::string line;
    for (const std::string& text : cells) {
      if (text.empty()) continue;
      if (!line.empty()) line += "  ";
      line += text;
    }
    if (in_row && !line.empty()) rows.push_back(std::move(line));
    cells.clear();
    in_row = false;
  };
  for (std::size_t k = 0; k < html.size();) {
    if (html[k] != '<') {
      if (in_cell) cell += html[k];
      ++k;
      continue;
    }
    const std::size_t close = html.find('>', k);
    if (close == std::string_view::npos) break;
    const auto [name, closing] = tag_at(html, k);
    if (name == "tr") {
      end_row();
      in_row = !closing;
    } else if (name == "td" || name == "th") {
      end_cell();
      in_cell = !closing;
    } else if (in_cell) {
      cell.append(html.substr(k, close + 1 - k));  // inline markup inside a cell
    }
    if (name == "table" && closing) break;
    k = close + 1;
  }
  end_row();
  return rows;
}

}  // namespace guidecheck
