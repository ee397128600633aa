#include "missing_module.h"

#include <algorithm>

#include "claim_text.h"

namespace guidecheck {
namespace {

// Shorter names one letter apart are as often two real packages (`httpx`
// and `http`, `ujson` and `json`) as a slip.
constexpr std::size_t kMinTypoLength = 6;

constexpr std::string_view kNotFound = "ModuleNotFoundError: No module named ";

bool is_module_name(std::string_view name) {
  return name.size() >= 2 && std::all_of(name.begin(), name.end(), [](char c) {
           return c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

std::string_view last_line(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  while (!lines.empty() && trim_blanks(lines.back()).empty()) lines.pop_back();
  return lines.empty() ? std::string_view() : trim_blanks(lines.back());
}

}  // namespace

std::optional<std::string> missing_optional_dependency(std::string_view stderr_text,
                                                       const std::vector<std::string>& importable) {
  constexpr std::string_view kImportError = "ImportError: ";
  const std::string_view last = last_line(stderr_text);
  if (!last.starts_with(kImportError)) return std::nullopt;
  const std::string_view message = last.substr(kImportError.size());
  const std::string lower = ascii_lower(message);
  if (lower.starts_with("cannot import name")) return std::nullopt;
  const bool asks = lower.find("required") != std::string::npos || lower.find("requires") != std::string::npos ||
                    lower.find("install") != std::string::npos || lower.find("dependency") != std::string::npos ||
                    lower.find("missing") != std::string::npos;
  if (!asks) return std::nullopt;
  // The names it may be asking for: quoted ones, the word after "install",
  // and the first word when the message says it is needed ("x is required").
  std::vector<std::string_view> names;
  for (std::size_t open = message.find_first_of("'\""); open != std::string_view::npos;
       open = message.find_first_of("'\"", open + 1)) {
    const std::size_t close = message.find(message[open], open + 1);
    if (close == std::string_view::npos) break;
    names.push_back(message.substr(open + 1, close - open - 1));
    open = close;
  }
  if (const std::size_t install = lower.find("install "); install != std::string::npos) {
    const std::string_view rest = message.substr(install + 8);
    names.push_back(rest.substr(0, rest.find_first_of(" .,;")));
  }
  const std::size_t space = message.find(' ');
  if (space != std::string_view::npos && (message.substr(space).starts_with(" is ") ||
                                          message.substr(space).starts_with(" must ")))
    names.push_back(message.substr(0, space));
  for (std::string_view name : names) {
    if (!is_module_name(name)) continue;
    const std::string module = ascii_lower(name);
    if (std::find(importable.begin(), importable.end(), module) == importable.end()) return module;
  }
  return std::nullopt;
}

std::optional<std::string> missing_top_level_module(std::string_view stderr_text) {
  const std::string_view last = last_line(stderr_text);
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
