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

}  // namespace guidecheck
