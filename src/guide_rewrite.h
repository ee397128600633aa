#pragma once
// Rewriting the outputs a guide claims, in place, in the guide's own style.

#include <string>
#include <string_view>
#include <vector>

#include "claims.h"

namespace guidecheck {

/// A claim to correct and what its statement really prints.
struct ClaimEdit {
  Claim claim;
  std::string actual;  ///< lines joined by '\n' (error claims: the exception line)
};

struct GuideRewrite {
  std::string text;                   ///< the new guide
  std::vector<std::string> changed;   ///< "guide.txt:L: '<old>' -> '<new>'"
  std::vector<std::string> refused;   ///< "guide.txt:L: cannot rewrite: <why>"
};

/// Replaces the claimed text of each edit and nothing else: a trailing
/// comment keeps its code, its "# " and its note; a comment block keeps one
/// "# " line per output line; an error claim keeps the commented-out code.
/// Line endings (LF or CRLF) are kept. A one-line trailing claim whose
/// output spans several lines is refused (the guide's style has no place
/// for it), as is a claim whose text is no longer on its line. Output a
/// `<pre>` shows (Claim::shown_as_html) is written with `&`, `<` and `>`
/// escaped on the lines that held it; refused when a tag shares those lines
/// (`<pre>8080</pre>`) or an empty line would end the HTML block.
GuideRewrite rewrite_claims(std::string_view guide, const std::string& guide_name, const std::vector<ClaimEdit>& edits);

}  // namespace guidecheck
