#pragma once
// Text inside raw HTML as a browser shows it, and back: what a Markdown
// page's `<pre>` or `<summary>` says once its character references and
// inline markup are gone, and how output is written into such a block.

#include <string>
#include <string_view>

namespace guidecheck {

/// `html` with its character references decoded: the named ones pages use
/// (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&nbsp;`, the last as a plain
/// space) and numeric ones (`&#39;`, `&#x27;`). A reference it does not know
/// stays as written.
std::string decode_html_entities(std::string_view html);

/// `html` without the tags of inline markup (`<code class="py">`, `</b>`,
/// `<span>`, `<br>`...). Any other `<...>` stays: a page that writes
/// `<class 'int'>` raw inside `<pre>` means it to be read.
std::string strip_inline_tags(std::string_view html);

/// What a browser shows of one line of `html`: inline tags stripped, then
/// references decoded.
std::string html_shown_text(std::string_view html);

/// `text` written as HTML text: `&`, `<` and `>` as references, so that a
/// browser shows it as it is.
std::string escape_html_text(std::string_view text);

}  // namespace guidecheck
