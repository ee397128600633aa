#include "code_line_numbers.h"

#include <array>
#include <optional>

#include "claim_markers.h"
#include "output_label.h"

namespace guidecheck {
namespace {

constexpr std::size_t kMaxDigits = 4;

struct Numbered {
  int number = 0;
  std::size_t width = 0;  // the digits and the one blank after them
};

std::optional<Numbered> numbered(std::string_view line) {
  std::size_t digits = 0;
  int number = 0;
  while (digits < line.size() && digits < kMaxDigits && line[digits] >= '0' && line[digits] <= '9')
    number = number * 10 + (line[digits++] - '0');
  if (digits == 0 || (digits == 1 && line[0] == '0')) return std::nullopt;
  if (digits == line.size()) return Numbered{number, digits};  // a blank line of the box
  if (line[digits] != ' ' && line[digits] != '\t') return std::nullopt;
  return Numbered{number, digits + 1};
}

// Reads as a line of Python: a statement keyword opens it, or it assigns,
// calls or opens a block.
bool reads_as_code(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kOpeners = {
      "import ", "from ", "def ", "class ", "for ", "while ", "if ", "elif ", "else:", "return", "print(", "with ",
      "try:", "except"};
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  text.remove_prefix(start);
  for (std::string_view opener : kOpeners)
    if (text.starts_with(opener)) return true;
  const std::size_t equals = text.find(" = ");
  return equals != std::string_view::npos || (text.find('(') != std::string_view::npos && text.back() == ')') ||
         text.back() == ':';
}

bool is_label_line(std::string_view line) {
  return output_label_value(line).has_value() || is_output_label(line);
}

}  // namespace

std::vector<std::size_t> code_line_number_widths(const std::vector<std::string_view>& lines) {
  std::vector<std::size_t> widths(lines.size(), 0);
  for (std::size_t i = 0; i < lines.size();) {
    const std::optional<Numbered> first = numbered(lines[i]);
    if (!first || first->number != 1) {
      ++i;
      continue;
    }
    std::size_t end = i;
    int code = 0, words = 0;
    for (int expected = 1; end < lines.size(); ++end, ++expected) {
      const std::optional<Numbered> line = numbered(lines[end]);
      if (!line || line->number != expected) break;
      const std::string_view text = lines[end].substr(line->width);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
      (reads_as_code(text) ? code : words) += 1;
    }
    const bool after_label = i > 0 && is_label_line(lines[i - 1]);
    if (code > 0 && code >= words && !after_label)
      for (std::size_t k = i; k < end; ++k) widths[k] = numbered(lines[k])->width;
    i = end;
  }
  return widths;
}

}  // namespace guidecheck
