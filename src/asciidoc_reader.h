#pragma once
// The AsciiDoc reader, for guides written as books are (Asciidoctor):
//
//   [source,python]            .Output
//   ----                       ....
//   print(len("abc"))  <1>     3
//   ----                       ....
//   <1> a callout
//
// A listing tagged python is a sample (`pycon`: a session), its callouts
// (`<1>` at a line's end) no part of the code; the literal block (`....`)
// or text listing that follows it, after at most a title, a lead-in, the
// callout list or an admonition paragraph, is its output. Example, sidebar
// and admonition blocks (`====`, `****`, `[TIP]`) are looked through;
// `include::` listings and passthrough blocks are not run.

#include <string_view>

#include "guide_reader.h"

namespace guidecheck {

/// The samples of an AsciiDoc guide (ids s01, s02... in order).
Extraction read_asciidoc_guide(std::string_view text, const ReadOptions& options);

}  // namespace guidecheck
