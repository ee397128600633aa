#include "missing_module.h"

#include <algorithm>

#include "claim_text.h"

namespace guidecheck {
namespace {

// Shorter names one letter apart are as often two real packages (`httpx`
// and `http`, `ujson` and `json`) as a slip.
constexpr std::size_t kMinTypoLength = 6;

constexpr std::string_view kNotFound = "ModuleNotFoundError: No module named ";

}  // namespace

std::optional<std::string> missing_top_level_module(std::string_view stderr_text) {
  std::vector<std::string_view> lines = split_lines(stderr_text);
  while (!lines.empty() && trim_blanks(lines.back()).empty()) lines.pop_back();
  if (lines.empty()) return std::nullopt;
  std::string_view last = trim_blanks(lines.back());
  if (last.substr(0, kNotFound.size()) != kNotFound) return std::nullopt;
  std::string_view quoted = last.substr(kNotFound.size());
  if (quoted.size() < 3 || quoted.front() != '\'' || quoted.back() != '\'') return std::nullopt;
  std::string_view name = quoted.substr(1, quoted.size() - 2);
  const bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (!identifier) return std::nullopt;  // a dotted name: the package is there, its submodule is not
  return std::string(name);
}

std::optional<std::string> misspelt_module(std::string_view name, const std::vector<std::string>& importable) {
  const std::string lower = ascii_lower(name);
  for (const std::string& candidate : importable) {
    if (candidate == name) continue;
    const std::string other = ascii_lower(candidate);
    if (other == lower) return candidate;
    if (lower.size() >= kMinTypoLength && other.size() >= kMinTypoLength && one_edit_apart(lower, other))
      return candidate;
  }
  return std::nullopt;
}

}  // namespace guidecheck
