#pragma once
// A run's outcome as bytes and back, for the result cache: every field,
// every byte of output exactly (CBOR, with output as binary strings).

#include <optional>
#include <string>
#include <string_view>

#include "run_outcome.h"

namespace guidecheck {

std::string encode_outcome(const RunOutcome& outcome);
/// nullopt for bytes that are not an encoded outcome (a corrupt or
/// truncated cache entry, another format's).
std::optional<RunOutcome> decode_outcome(std::string_view bytes);

}  // namespace guidecheck
