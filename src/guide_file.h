#pragma once
// The guide as a file, before any reader sees it. A guide is a regular file
// of text, not empty and under a size bound: anything else is refused with
// one line that names it. Lines a reader cannot take as code (a NUL byte,
// invalid UTF-8, other control characters) are named, never dropped in
// silence.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Larger files are refused: the biggest real guides are a few megabytes.
constexpr std::size_t kMaxGuideBytes = std::size_t{32} << 20;

/// Reads the guide at `path` into *text. False with *err ("path: why") when
/// it is not a regular file (a directory, /dev/zero, a FIFO), is over
/// `max_bytes`, is empty, or is binary rather than text.
bool load_guide_text(const std::string& path, std::string* text, std::string* err,
                     std::size_t max_bytes = kMaxGuideBytes);

/// Why `text` is binary rather than a guide ("" when it is text): NUL bytes,
/// controls or invalid UTF-8 make up over a tenth of its first 8 KiB.
std::string binary_content_reason(std::string_view text);

/// "guide.md:12: ..." for each line with a NUL byte, another control
/// character or invalid UTF-8; at most `cap` lines, then one that counts
/// the rest.
std::vector<std::string> guide_line_warnings(std::string_view filename, std::string_view text, std::size_t cap = 20);

}  // namespace guidecheck
