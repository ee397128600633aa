#pragma once
// snippets/errata.toml: claims of the guide known to be wrong, reviewed by a
// maintainer, each with a reason. `check` passes with them but lists them in
// every report; `--strict` fails on them.
//
//   [[erratum]]
//   sample = "q43"
//   line = 695                      # the claim's guide line
//   claimed = "0 1 1 2 3 5 8 13 21 34 55 89"
//   reason = "end=' ' leaves the line open: the next print continues it"

#include <string>
#include <vector>

#include "check_result.h"

namespace guidecheck {

struct Erratum {
  std::string sample;
  int guide_line = 0;
  std::string claimed;  ///< must equal the claim's text, or the entry is stale
  std::string reason;
  int file_line = 0;  ///< where the entry starts in the errata file
};

struct Errata {
  std::string path;
  std::vector<Erratum> entries;
};

/// Parses the errata file; a missing file means no errata. Errors name the
/// file and line.
bool load_errata(const std::string& path, Errata* errata, std::string* err);
bool parse_errata(const std::string& text, const std::string& path, Errata* errata, std::string* err);

/// Marks the claims of `result` that an erratum lists (known_erratum and
/// erratum_reason set). Returns the entries for this sample that matched
/// no claim: stale (the guide was fixed or the claim moved).
std::vector<const Erratum*> apply_errata(const Errata& errata, SampleResult* result);

}  // namespace guidecheck
