// Output a scraped guide shows as plain lines after the code, below a line
// such as `Output:` (the page's fences are gone):
//
//   print(m.group(0))
//   Output:
//   Order 66
//   Note that the pattern ...
//
// Part of the guide parser: after classification, the label and the output
// lines are marked so that they stay with the sample (not code, not prose).
// The output ends at a blank line, at a line that is plainly code again (a
// statement no output looks like: `def`, `x = 1`, `print(...)`, a comment,
// a call of a function the code defined or of a method of one of its names:
// `greet("Bob")`, `words.append("kiwi")`), or at prose: a numbered heading,
// or a phrase of four words or more that no string literal of the code
// prints. Reprs such as `Point(x=3, y=4)` or `deque([1])` stay output.
// A numbered list right after the label ("1. Ann: 91") is output the code
// printed once the page is past its first item, unless a line of it is what
// the page's next item would be. A line shaped like an assignment is code
// again, unless the code prints lines that start that way (`score = 93.456`
// after `print(f"{score = }")`) and no other code follows it. Limit: other
// expression statements right after the output read as output.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "claim_markers.h"
#include "claims.h"
#include "item_numbering.h"
#include "line_classifier.h"
#include "output_label.h"
#include "printed_fragments.h"
#include "python_lexer.h"
#include "shown_output_lines.h"

namespace guidecheck {
namespace {

// The code read back from a label for its literals and names: enough for
// any sample, and a bound on the work for a guide full of labels.
constexpr int kMaxCodeLines = 400;

}  // namespace

void mark_shown_output(const std::vector<std::string_view>& lines, std::vector<LineClass>* classes) {
  std::vector<LineClass>& c = *classes;
  const int n = static_cast<int>(lines.size());
  // The highest item number of the headings so far: past the first item, a
  // numbered list that starts at 1 right after a label ("1. Ann: 91") is
  // what the code printed, not the page's next item.
  int highest_item = 0;
  std::string_view heading_mark;  // what stands before the headings' numbers ("Q" of "Q3.")
  auto mark_of = [](std::string_view line) { return line.substr(0, line.find_first_of("0123456789")); };
  for (int i = 0; i < n; ++i) {
    if (c[i] == LineClass::kProse)
      if (const auto heading = match_item_heading(strip_trailing(lines[i]))) {
        highest_item = std::max(highest_item, heading->first);
        heading_mark = mark_of(lines[i]);
      }
    if (c[i] == LineClass::kBlank || c[i] == LineClass::kComment) continue;
    std::optional<std::string_view> value = output_label_value(lines[i]);
    // Outside comments only a label with a colon ("Prints a greeting" is
    // prose), or a label alone on its line ("Output", "Expected output").
    if (value) {
      const std::size_t colon = lines[i].find(':');
      const bool alone = value->empty() && c[i] != LineClass::kComment;
      if (!alone && (colon == std::string_view::npos || lines[i].data() + colon >= value->data())) continue;
    } else if (c[i] == LineClass::kProse && is_output_label(lines[i])) {
      value = std::string_view();  // "Running this prints:", "Sorting gives:"
    } else {
      continue;
    }
    // Only right after code: the code of the sample so far, for its literals.
    // A quiz's choices may stand between the code and its "Answer:".
    int p = i - 1;
    while (p >= 0 && (c[p] == LineClass::kBlank || is_choice_line(lines, static_cast<std::size_t>(p)))) --p;
    if (p < 0 || (!is_code_class(c[p]) && c[p] != LineClass::kComment)) continue;
    std::vector<std::string_view> code;
    for (int k = p; k >= 0 && k > p - kMaxCodeLines && c[k] != LineClass::kProse && c[k] != LineClass::kOutput; --k)
      if (is_code_class(c[k])) code.push_back(lines[k]);
    if (code.empty()) continue;
    std::reverse(code.begin(), code.end());
    const std::vector<std::string> fragments = printed_fragments(code);
    const std::vector<std::string> starts = printed_line_starts(code);
    const CodeNames names = names_of(code);
    // `score = 93.456` after output of `print(f"{score = }")` is more of it,
    // unless code other than its like follows it: then code goes on there.
    auto printed_assignment = [&](int k) {
      if (!reads_as_printed_assignment(lines[k], starts)) return false;
      const int next = k + 1;
      return next == n || lines[next].empty() || !is_code_again(lines[next], c[next], names) ||
             reads_as_printed_assignment(lines[next], starts);
    };
    // "Output: a list of squares" describes; "Output: 42" shows.
    if (!value->empty() && is_prose_again(*value, fragments)) continue;

    int j = i + 1;
    int lead_in = -1;  // "Output" then "When the above code is executed, it produces the following result −"
    if (value->empty()) {
      while (j < n && lines[j].empty()) ++j;
      if (j < n && c[j] == LineClass::kProse && is_output_label(lines[j])) {
        lead_in = j++;
        while (j < n && lines[j].empty()) ++j;
      }
    }
    int last = value->empty() ? -1 : i;
    int printed_list = 0;       // the number of the printed list's last line so far
    std::string_view list_mark;  // what stands before its numbers ("", "Q", "Step ")
    for (; j < n && !lines[j].empty(); ++j) {
      const auto numbered = match_item_heading(strip_trailing(lines[j]));
      const std::string_view mark = mark_of(lines[j]);
      const bool opens_list = numbered && numbered->first == 1 && last < 0 && highest_item >= 1;
      // It goes on in its own style, and never as what the page's next item would be.
      const bool next_item = mark == heading_mark && numbered && numbered->first == highest_item + 1;
      const bool in_list = numbered && (opens_list || (printed_list > 0 && numbered->first == printed_list + 1 &&
                                                       mark == list_mark && !next_item));
      if (opens_list) list_mark = mark;
      printed_list = in_list ? numbered->first : 0;
      // After a label, a phrase built from the code's words is output.
      const bool prose =
          !in_list && is_prose_again(lines[j], fragments) && printed_words_shown(lines[j], fragments) < 2;
      // A frame's source line in a flattened traceback reads as code, yet is output.
      const bool frame_source = last >= 0 && is_traceback_frame(lines[j - 1]);
      const bool code_again = is_code_again(lines[j], c[j], names) && !printed_assignment(j) && !frame_source;
      if (c[j] == LineClass::kSession || output_label_value(lines[j]) || code_again || prose) break;
      last = j;
    }
    if (last < 0) {
      if (value->empty() && c[i] != LineClass::kComment) c[i] = LineClass::kProse;  // "Output:" alone is no code
      continue;
    }
    for (int k = i; k <= last; ++k) c[k] = lines[k].empty() ? LineClass::kOutputLabel : LineClass::kOutput;
    if (value->empty()) c[i] = LineClass::kOutputLabel;
    if (lead_in >= 0) c[lead_in] = LineClass::kOutputLabel;
    for (int k = p + 1; k < i; ++k)
      if (!lines[k].empty()) c[k] = LineClass::kAside;  // the choices
    i = last;
  }
}

}  // namespace guidecheck
