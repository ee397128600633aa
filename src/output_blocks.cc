#include "output_blocks.h"

namespace guidecheck {

bool is_output_block(const FollowingBlock& block, bool sample_may_print) {
  if (block.empty || block.shell_command) return false;
  const bool only_values = block.compiles && block.shows_values_only && !block.calls_guide_function;
  // A lead-in that names no output ("The file now holds:") says less.
  const bool not_code = !block.compiles || block.reads_undefined_name;
  // Values too (`('basil',)`): the claim is judged only when it agrees, or
  // when it is the printed lines but for a word (claim_resemblance.h).
  if (block.introduced && !block.labelled)
    return sample_may_print &&
           (block.role == FenceRole::kOutput || (block.role == FenceRole::kUntagged && (not_code || only_values)));
  switch (block.role) {
    case FenceRole::kOutput:
      return true;
    case FenceRole::kUntagged:
      return block.labelled || !block.compiles || ((only_values || not_code) && sample_may_print);
    case FenceRole::kPython:
      return block.labelled && (!block.compiles || only_values);
    case FenceRole::kSession:
    case FenceRole::kOther:
      return false;
  }
  return false;
}

}  // namespace guidecheck
