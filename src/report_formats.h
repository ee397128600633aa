#pragma once
// The report formats of `check --format`: each renders the one model
// (report_model.h). A new format is one renderer file plus one row in
// report_formats.cc.

#include <string>
#include <string_view>
#include <vector>

#include "report_model.h"

namespace guidecheck {

struct ReportFormat {
  std::string_view name;  ///< what --format takes
  std::string_view what;  ///< one line for --help
  std::string (*render)(const Report& report);
};

/// Every format, in the order --help lists them.
const std::vector<ReportFormat>& report_formats();

/// The format called `name`; null when there is none.
const ReportFormat* find_report_format(std::string_view name);

}  // namespace guidecheck
