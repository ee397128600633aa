#include "html_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace guidecheck {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void append_utf8(char32_t code, std::string* out) {
  if (code < 0x80) {
    *out += static_cast<char>(code);
  } else if (code < 0x800) {
    *out += static_cast<char>(0xC0 | (code >> 6));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    *out += static_cast<char>(0xE0 | (code >> 12));
    *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code >> 18));
    *out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// `&#39;` or `&#x27;` at the start of `ref` (after the '&'): the code point
// and the length of the reference, or length 0.
std::pair<char32_t, std::size_t> numeric_reference(std::string_view ref) {
  if (ref.size() < 3 || ref[0] != '#') return {0, 0};
  const bool hex = ref[1] == 'x' || ref[1] == 'X';
  std::size_t k = hex ? 2 : 1;
  std::uint32_t code = 0;
  const std::size_t digits_start = k;
  for (; k < ref.size() && k - digits_start < 7; ++k) {
    const char c = lower(ref[k]);
    int digit = -1;
    if (is_ascii_digit(c)) digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (digit < 0) break;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (k == digits_start || k >= ref.size() || ref[k] != ';') return {0, 0};
  // As browsers do: nothing that is no character.
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  return {static_cast<char32_t>(code), k + 1};
}

// Inline elements a page may wrap output in: dropped, their text kept.
constexpr std::array<std::string_view, 29> kInlineTags = {
    "a",    "abbr", "b",    "bdi",  "bdo",  "big",    "br",     "cite", "code", "del",
    "dfn",  "em",   "font", "i",    "ins",  "kbd",    "mark",   "q",    "s",    "samp",
    "small", "span", "strike", "strong", "sub", "sup", "tt",    "u",    "var"};

// The length of the inline tag `html` starts with ("<code>", "</b>",
// `<span class="x">`), 0 when it starts with none.
std::size_t inline_tag_length(std::string_view html) {
  if (html.size() < 3 || html[0] != '<') return 0;
  std::size_t k = html[1] == '/' ? 2 : 1;
  std::string name;
  while (k < html.size() && (is_ascii_letter(html[k]) || is_ascii_digit(html[k]))) name += lower(html[k++]);
  if (std::find(kInlineTags.begin(), kInlineTags.end(), name) == kInlineTags.end()) return 0;
  if (k >= html.size() || !(html[k] == '>' || html[k] == '/' || html[k] == ' ' || html[k] == '\t')) return 0;
  for (char quote = 0; k < html.size(); ++k) {
    const char c = html[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return 0;
}

}  // namespace

std::string decode_html_entities(std::string_view html) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {{
      {"lt;", "<"}, {"gt;", ">"}, {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"},
      // A page pads output with it; Python printed a space.
      {"nbsp;", " "},
  }};
  std::string out;
  out.reserve(html.size());
  for (std::size_t k = 0; k < html.size();) {
    if (html[k] != '&') {
      out += html[k++];
      continue;
    }
    const std::string_view ref = html.substr(k + 1);
    if (const auto [code, length] = numeric_reference(ref); length > 0) {
      append_utf8(code, &out);
      k += 1 + length;
      continue;
    }
    const auto named = std::find_if(kNamed.begin(), kNamed.end(), [&](const auto& entry) {
      return ref.size() >= entry.first.size() &&
             std::equal(entry.first.begin(), entry.first.end(), ref.begin(),
                        [](char a, char b) { return a == lower(b); });
    });
    if (named == kNamed.end()) {
      out += html[k++];
      continue;
    }
    out += named->second;
    k += 1 + named->first.size();
  }
  return out;
}

std::string strip_inline_tags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t k = 0; k < html.size();) {
    if (const std::size_t tag = inline_tag_length(html.substr(k)); tag > 0) {
      k += tag;
      continue;
    }
    out += html[k++];
  }
  return out;
}

std::string html_shown_text(std::string_view html) { return decode_html_entities(strip_inline_tags(html)); }

std::string escape_html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace guidecheck
