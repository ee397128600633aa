#pragma once
// Does snippets/ still correspond to the guide?

#include <string>
#include <vector>

#include "sample.h"
#include "snippet_manifest.h"

namespace guidecheck {

/// Reads the guide at `guide_path` again (with the manifest's reader,
/// running nothing) and compares its samples with the stored ones: same
/// ids, and each file's lines equal to the guide's once leading whitespace
/// is ignored (so indentation fixed by hand is fine). *problems gets one
/// message per difference, each naming the guide lines and telling the
/// maintainer to run `guidecheck extract`; empty when in sync. False with
/// *err when the guide cannot be read.
///
/// `memo_path` (may be empty) remembers the last inputs found in sync: when
/// the guide's bytes, the manifest and every stored snippet are the same
/// again, the guide is not read again (a re-check of a large guide then
/// costs a hash of its bytes, not a parse).
bool find_drift(const std::string& guide_path, const Manifest& manifest, const std::vector<Sample>& stored,
                const std::string& memo_path, std::vector<std::string>* problems, std::string* err);

}  // namespace guidecheck
