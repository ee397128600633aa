#pragma once
// The containers MkDocs pages nest Markdown in, which CommonMark does not
// know: admonitions (`!!! note`, `!!! warning "Title"`), collapsible details
// (`??? tip`, `???+ example`) and content tabs (`=== "Tab title"`), from
// Python-Markdown's admonition and pymdownx's details and tabbed extensions.
//
//   !!! note "Keys become strings"
//       ```pycon
//       >>> json.loads('{"1": 1}')
//       ```
//
// The body is every following line indented by four columns, or blank,
// until a non-blank line indented less. CommonMark reads it as an indented
// code block; read as Markdown with that indentation removed, it holds the
// page's own fences. Containers nest.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// The title of the container `line` opens, nullopt when it opens none. The
/// opener starts the line: `!!!`, `???` or `???+` then type words and an
/// optional quoted title, or `===` (also `===+`, `===!`) then a quoted
/// title. The title is the quoted one when given (`!!! warning "Sets"`
/// gives "Sets", `=== "zip"` gives "zip"), else the first type word
/// (`!!! note` gives "note").
std::optional<std::string> container_title(std::string_view line);

/// One past the last body line of the container opened by lines[opener]:
/// the lines after it that are blank or indented by at least four columns
/// (a tab reaching the next multiple of four), trailing blank lines left out.
/// `opener + 1` when the container has no body.
std::size_t container_body_end(const std::vector<std::string>& lines, std::size_t opener);

/// A body line with the container's indentation removed: up to four
/// columns of spaces and tabs.
std::string without_container_indent(std::string_view line);

}  // namespace guidecheck
