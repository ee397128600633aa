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

void split_trailing_tracebacks(Sample& sample) {
  std::vector<Claim> claims;
  for (Claim& claim : sample.claims) {
    const std::size_t header = claim.text.find("\nTraceback (most recent call last):");
    const int lines = 1 + static_cast<int>(std::count(claim.text.begin(), claim.text.end(), '\n'));
    if (claim.form != ClaimForm::kOutputBlock || claim.kind != ClaimKind::kOutput || header == std::string::npos ||
        claim.last_guide_line - claim.guide_line + 1 != lines || claim.shown_as_html || claim.shown_inline || claim.shown_as_table ||
        (claim.tentative_lines > 0 && claim.tentative_lines < lines) || !claim.may_continue.empty()) {
      claims.push_back(std::move(claim));
      continue;
    }
    Claim traceback = claim;
    traceback.text = claim.text.substr(header + 1);
    traceback.guide_line = claim.guide_line + static_cast<int>(std::count(claim.text.begin(), claim.text.begin() + static_cast<long>(header) + 1, '\n'));
    traceback.since_line = claim.anchor_line;
    claim.text.resize(header);
    claim.last_guide_line = traceback.guide_line - 1;
    // A block judged only when it agrees (a weak lead-in): each part so.
    if (claim.tentative_lines > 0) {
      claim.tentative_lines = claim.last_guide_line - claim.guide_line + 1;
      traceback.tentative_lines = traceback.last_guide_line - traceback.guide_line + 1;
    }
    claims.push_back(std::move(claim));
    claims.push_back(std::move(traceback));
  }
  sample.claims = std::move(claims);
}

void add_claim(Sample& sample, Claim claim) {
  sample.last_line = std::max(sample.last_line, claim.last_guide_line);
  sample.claims.push_back(std::move(claim));
}

}  // namespace guidecheck
