#pragma once
// An output block shown after a sample's code (a fence or literal block, a
// listing's output, what a transcript printed): one claim on everything the
// sample printed since its previous output block. Every reader that meets
// one builds the claim here.

#include <span>
#include <string>

#include "sample.h"

namespace guidecheck {

/// `lines`, shown from guide line `first_line` on, as an output block on
/// `sample`: it claims what the sample printed since its previous output
/// block (from its start when it has none). `lines` is not empty.
Claim output_block_claim(const Sample& sample, std::span<const std::string> lines, int first_line);

/// Adds `claim` to `sample`, whose span then reaches the claim's last line.
void add_claim(Sample& sample, Claim claim);

/// Splits each output block of `sample` that shows printed lines and then
/// the traceback the code stopped with (`Traceback (most recent call
/// last):` on a later line) into two claims: what it printed, and the
/// traceback, which claims nothing printed (its since_line is its anchor).
/// A stale traceback is then reported at its own lines, apart from the
/// printed lines. Blocks whose lines are not the guide's one for one (HTML,
/// inline text, uncertain edges) stay whole; a block judged only when it
/// agrees (every line tentative) gives two such parts.
void split_trailing_tracebacks(Sample& sample);

}  // namespace guidecheck
