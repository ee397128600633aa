#include "output_blocks.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

constexpr std::size_t kMaxLabelWords = 12;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<std::string> lowercase_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_letter(c)) {
      word += lower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool is_output_label(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  const bool colon = text.back() == ':';
  const std::vector<std::string> words = lowercase_words(text);
  if (words.empty() || words.size() > kMaxLabelWords) return false;
  // A bare label needs no colon: "Output", "**Result**".
  static constexpr std::array<std::string_view, 8> kBare = {"output", "outputs", "out",    "result",
                                                            "results", "prints", "printed", "console"};
  const bool bare = words.size() == 1 ? std::find(kBare.begin(), kBare.end(), words[0]) != kBare.end()
                                      : words.size() == 2 && words[0] == "expected" &&
                                            (words[1] == "output" || words[1] == "result");
  if (bare) return true;
  // "You should see:", "and you'll get", "you get this".
  const auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  if (words.size() <= 8 && has("you") && (has("see") || has("get"))) return true;
  if (!colon) return false;
  // Whole words: "given the input:" introduces no output.
  static constexpr std::array<std::string_view, 19> kMentions = {
      "output",   "outputs",  "print",     "prints",  "printed",  "printing", "result",
      "results",  "return",   "returns",   "returned", "give",    "gives",    "display",
      "displays", "displayed", "produce",  "produces", "produced"};
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return std::find(kMentions.begin(), kMentions.end(), w) != kMentions.end();
  });
}

bool is_output_block(const FollowingBlock& block, bool sample_may_print) {
  if (block.empty || block.shell_command) return false;
  const bool only_values = block.compiles && block.shows_values_only && !block.calls_guide_function;
  // A lead-in that names no output ("The file now holds:") says less.
  const bool not_code = !block.compiles || block.reads_undefined_name;
  if (block.introduced && !block.labelled)
    return sample_may_print && (block.role == FenceRole::kOutput || (block.role == FenceRole::kUntagged && not_code));
  switch (block.role) {
    case FenceRole::kOutput:
      return true;
    case FenceRole::kUntagged:
      return block.labelled || !block.compiles || ((only_values || not_code) && sample_may_print);
    case FenceRole::kPython:
      return block.labelled && (!block.compiles || only_values);
    case FenceRole::kSession:
    case FenceRole::kOther:
      return false;
  }
  return false;
}

}  // namespace guidecheck
