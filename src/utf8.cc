#include "utf8.h"

#include <fmt/format.h>

namespace guidecheck {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// The UTF-8 sequence starting at text[i]: how many bytes it spans and
// whether they form a character. An ill-formed sequence spans its maximal
// subpart, the lead byte and the continuation bytes that could still have
// completed it (Unicode 15.0, section 3.9, "U+FFFD Substitution of Maximal
// Subparts"); a byte that cannot start a sequence spans itself.
struct Sequence {
  size_t length;
  bool valid;
};

Sequence sequence_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return {1, true};
  size_t n;
  unsigned min_second = 0x80, max_second = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) min_second = 0xA0;  // overlong
    if (c == 0xED) max_second = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) min_second = 0x90;  // overlong
    if (c == 0xF4) max_second = 0x8F;  // above U+10FFFF
  } else {
    return {1, false};
  }
  size_t k = 1;
  for (; k < n && i + k < text.size(); ++k) {
    unsigned char b = byte(i + k);
    unsigned low = k == 1 ? min_second : 0x80, high = k == 1 ? max_second : 0xBF;
    if (b < low || b > high) break;
  }
  return {k, k == n};
}

void append_byte_escape(std::string& out, unsigned char c) { out += fmt::format("\\x{:02x}", c); }

}  // namespace

bool is_valid_utf8(std::string_view text) { return first_invalid_utf8(text) == std::string_view::npos; }

size_t first_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    Sequence s = sequence_at(text, i);
    if (!s.valid) return i;
    i += s.length;
  }
  return std::string_view::npos;
}

size_t count_invalid_utf8(std::string_view text) {
  size_t invalid = 0;
  for (size_t i = 0; i < text.size();) {
    Sequence s = sequence_at(text, i);
    if (!s.valid) invalid += s.length;
    i += s.length;
  }
  return invalid;
}

std::string replace_invalid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    Sequence s = sequence_at(text, i);
    if (s.valid) out.append(text.substr(i, s.length));
    else out += kReplacementCharacter;
    i += s.length;
  }
  return out;
}

std::string escape_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    Sequence s = sequence_at(text, i);
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!s.valid) {
      for (size_t k = 0; k < s.length; ++k) append_byte_escape(out, static_cast<unsigned char>(text[i + k]));
    } else if (s.length == 1 && ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)) {
      append_byte_escape(out, c);
    } else if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // U+0080..U+009F, encoded C2 80..C2 9F: terminals may obey them (U+009B is CSI).
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
    } else {
      out.append(text.substr(i, s.length));
    }
    i += s.length;
  }
  return out;
}

std::string escape_invalid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    Sequence s = sequence_at(text, i);
    if (s.valid) {
      out.append(text.substr(i, s.length));
    } else {
      for (size_t k = 0; k < s.length; ++k) append_byte_escape(out, static_cast<unsigned char>(text[i + k]));
    }
    i += s.length;
  }
  return out;
}

size_t leading_pictograph_length(std::string_view text) {
  if (text.size() < 4 || static_cast<unsigned char>(text[0]) != 0xF0 || static_cast<unsigned char>(text[1]) != 0x9F)
    return 0;
  const unsigned third = static_cast<unsigned char>(text[2]);
  return third >= 0x8C && third <= 0xAB ? 4 : 0;  // U+1F300 (F0 9F 8C 80) to U+1FAFF (F0 9F AB BF)
}

}  // namespace guidecheck
