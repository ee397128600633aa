#pragma once
// A JSON report (report_json.h) read back into a Report: what `guidecheck
// merge` renders again, in any format, as if one run had made it.

#include <string>
#include <string_view>

#include "report_model.h"

namespace guidecheck {

/// Parses the JSON report `text`. False with *err ("path: why") when it is
/// not one: invalid JSON, a missing field, an unknown status or verdict.
bool read_json_report(std::string_view text, const std::string& path, Report* report, std::string* err);

}  // namespace guidecheck
