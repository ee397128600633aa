#pragma once
// Tests on the lines that follow a scraped sample's code: is a line
// printed output, code again, or the page's prose again? Shared by the
// guide parser's passes that mark output (labelled, unlabelled) and REPL
// sessions.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "line_classifier.h"

namespace guidecheck {

bool is_code_class(LineClass c);

/// The names the code before the output binds (`def f`, `x = ...`) and uses.
struct CodeNames {
  std::unordered_set<std::string> bound;
  std::unordered_set<std::string> used;
};

CodeNames names_of(const std::vector<std::string_view>& code);

/// A line that is code again: a statement that printed output never looks
/// like (`def`, `x = 1`, `print(...)`, a comment, a call of a function the
/// code defined or of a method of one of its names).
bool is_code_again(std::string_view line, LineClass c, const CodeNames& names);

/// A line shaped like an assignment (`score = 93.456`, `a, b = 1, 2`) that
/// begins, up to and including its `=`, as a line the code prints does
/// (`starts`, printed_line_starts: `print("score =", x)`,
/// `print(f"{score = }")`): output that reads like code.
bool reads_as_printed_assignment(std::string_view line, const std::vector<std::string>& starts);

std::size_t word_count(std::string_view s);

/// A numbered section's heading: "7.3 Counting and describing", "2.1.4
/// Pivot tables" (a section number with a dot, then a title of two words
/// or more, capitalised, letters only).
bool is_section_heading(std::string_view line);

/// Plain prose: a numbered heading (an item's or a section's), or a phrase of four words or more, or
/// of four words ending in ':' (it leads into the next block), or a
/// sentence of ten words or more even if it names code; unless a string
/// literal of the code prints it (`fragments`, printed_fragments.h).
bool is_prose_again(std::string_view line, const std::vector<std::string>& fragments);

/// "Time Complexity: O(n)", "Auxiliary Space: O(1)": the analysis a
/// tutorial site (GeeksforGeeks) puts right under an example's output, in
/// big-O notation; page text, never output.
bool is_complexity_note(std::string_view line);

/// The line of a traceback that names the exception: `ValueError: bad x`,
/// `StopIteration`, `json.decoder.JSONDecodeError: ...`.
bool names_exception(std::string_view line);

/// Words alone, not values: "pandas DataFrames", "What about sets?",
/// "city temp rain", "That is all." (letters, spaces and a little punctuation; not True,
/// False or None). A heading looks like this, and so does some output.
bool is_phrase_of_words(std::string_view line);

/// A traceback's frame line: `File "main.py", line 2, in <module>`. The
/// line after it shows that frame's source, which reads as code.
bool is_traceback_frame(std::string_view line);

/// lines[k] is one of a quiz's choices: "A) {1: 'yes'}", "(b) TypeError",
/// "C. 3", with a choice of the letter before or after it on the line
/// beside it. What the page asks the reader to pick from, not output.
bool is_choice_line(const std::vector<std::string_view>& lines, std::size_t k);

}  // namespace guidecheck
