#include "output_block_claim.h"

#include <algorithm>

namespace guidecheck {

Claim output_block_claim(const Sample& sample, std::span<const std::string> lines, int first_line) {
  Claim claim;
  claim.kind = ClaimKind::kOutput;
  claim.form = ClaimForm::kOutputBlock;
  claim.guide_line = first_line;
  claim.last_guide_line = first_line + static_cast<int>(lines.size()) - 1;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    if (line > 0) claim.text += '\n';
    claim.text += lines[line];
  }
  claim.anchor_line = sample.guide_lines.back();
  for (const Claim& earlier : sample.claims)
    if (earlier.form == ClaimForm::kOutputBlock) claim.since_line = earlier.anchor_line;
  return claim;
}

void add_claim(Sample& sample, Claim claim) {
  sample.last_line = std::max(sample.last_line, claim.last_guide_line);
  sample.claims.push_back(std::move(claim));
}

}  // namespace guidecheck
