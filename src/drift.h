#pragma once
// Does snippets/ still correspond to the guide?

#include <string>
#include <vector>

#include "guide_parser.h"
#include "snippet_manifest.h"

namespace guidecheck {

/// Compares the samples the parser finds in the guide with the snippet
/// files: same ids, and each file's lines equal to the guide's lines once
/// leading whitespace is ignored (so indentation fixed by hand is fine).
/// Returns one message per difference, each naming the guide lines and
/// telling the maintainer to run `guidecheck extract`; empty when in sync.
std::vector<std::string> find_drift(const ParsedGuide& guide, const std::string& guide_name,
                                    const std::string& snippets_dir, const Manifest& manifest);

}  // namespace guidecheck
