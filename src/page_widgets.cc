#include "page_widgets.h"

#include <algorithm>
#include <array>
#include <string>

#include "claim_text.h"

namespace guidecheck {

bool is_page_widget(std::string_view line) {
  static constexpr std::array<std::string_view, 26> kWidgets = {
      "run code",         "run the code",   "run example",     "try it yourself \xC2\xBB",  // »
      "try it yourself",  "try it yourself!", "try it now",    "show answer",
      "hide answer",      "show solution",  "hide solution",   "copy code",
      "copy to clipboard", "copied!",       "run \xE2\x96\xB6", "\xE2\x96\xB6 run",        // ▶
      "open in colab",    "edit and run",   "open compiler",   "print page",
      // A page's navigation and its ad slots: "❮ Previous Next ❯".
      "previous page",    "next page",      "advertisement",   "advertisements",
      "\xE2\x9D\xAE previous next \xE2\x9D\xAF", "\xE2\x9D\xAE previous"};
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  const std::size_t end = line.find_last_not_of(" \t\r");
  const std::string lowered = ascii_lower(line.substr(start, end - start + 1));
  return std::find(kWidgets.begin(), kWidgets.end(), lowered) != kWidgets.end();
}

}  // namespace guidecheck
