#pragma once
// A guide's numbered items ("12. Explain inheritance and MRO.") and the ids
// of its code samples ("q12", "q12-2", "s01"). Part of the guide parser.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic_sink.h"
#include "guide_parser.h"
#include "line_classifier.h"

namespace guidecheck {

/// A numbered heading: "12. Explain inheritance", "Q3) What is...",
/// "Question 7: ..." give 12, 3, 7 and the title after the number.
std::optional<std::pair<int, std::string_view>> match_item_heading(std::string_view s);

/// The items of a guide: numbered headings among its prose lines (`lines`
/// without leading whitespace, classes from classify_lines), kept when their
/// numbers rise through the guide. The heaviest increasing sequence wins (a
/// question mark and answers between headings weigh), so a numbered list
/// inside an answer ("1. Install", "2. Run") does not reset the numbering.
std::vector<GuideItem> find_items(const std::vector<std::string_view>& lines, const std::vector<LineClass>& classes,
                                  DiagnosticSink* diagnostics);

/// Gives every run its item (the last item heading before it) and its id:
/// "q12" for the only run of item 12, "q12-2" for its second, "s01" for runs
/// before the first item. Says when one prose line splits an item's sample.
void assign_run_ids(const std::vector<GuideItem>& items, std::vector<CodeRun>* runs, DiagnosticSink* diagnostics);

}  // namespace guidecheck
