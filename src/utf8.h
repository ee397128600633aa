#pragma once
// Making arbitrary bytes safe for reports: valid UTF-8 for JSON and XML,
// visible escapes for a terminal.

#include <string>
#include <string_view>

namespace guidecheck {

/// True when `text` is valid UTF-8. A report that writes `text` with
/// replace_invalid_utf8 also writes its exact bytes exactly when this is false.
bool is_valid_utf8(std::string_view text);

/// The offset of the first byte of `text` that is not part of valid UTF-8;
/// npos when every byte is.
size_t first_invalid_utf8(std::string_view text);

/// How many bytes of `text` are not part of valid UTF-8.
size_t count_invalid_utf8(std::string_view text);

/// `text` as valid UTF-8: every maximal subpart of an ill-formed sequence
/// becomes one U+FFFD, as Python's bytes.decode("utf-8", "replace") and the
/// WHATWG decoder do ("\xe2\x82" is one U+FFFD, "\xff\xfe" two, the
/// surrogate "\xed\xa0\x80" three). Lossy: reports that must keep the bytes
/// write them beside it in base64.
std::string replace_invalid_utf8(std::string_view text);

/// `text` for a terminal, where a sample's output must not move the cursor,
/// retitle the window or hide what follows: every byte that is not valid
/// UTF-8, every C0 control other than newline and tab (NUL, CR, ESC...) and
/// DEL written as the text "\xNN" (the byte), every C1 control (U+0080 to
/// U+009F) as "\u0080" (the code point). A display form: the four
/// characters "\x1b" look the same as an escaped ESC.
std::string escape_for_terminal(std::string_view text);

/// How many bytes the pictograph `text` starts with takes (😱, 👀, 🎉:
/// U+1F300 to U+1FAFF, four bytes in UTF-8); 0 when it starts with none.
size_t leading_pictograph_length(std::string_view text);

/// `text` with every byte that is not valid UTF-8 written as the four
/// characters "\xNN" (controls are left alone). A display form, like
/// escape_for_terminal; reports a program reads use replace_invalid_utf8.
std::string escape_invalid_utf8(std::string_view text);

}  // namespace guidecheck
