#pragma once
// When a block a guide shows right after a sample is that sample's output:
// the rule that tells output from more code when the block is not tagged as
// either. The labels that introduce output ("Output:", "This prints") are
// output_label.h's.

#include <string_view>

#include "fence_info.h"

namespace guidecheck {

/// What is known of a code block shown right after a sample (only blank
/// lines, or one output label, between them).
struct FollowingBlock {
  FenceRole role = FenceRole::kOther;
  bool labelled = false;          ///< an output label (output_label.h) stands between them
  bool introduced = false;        ///< a paragraph ending in ':' (no label) stands between them
  bool empty = false;             ///< no content line, or only blank ones
  bool shell_command = false;     ///< its first line is a shell command (`$ python app.py`)
  bool compiles = false;          ///< as Python
  bool shows_values_only = false; ///< PythonBlockFacts::shows_values_only
  bool calls_guide_function = false;  ///< calls a function a sample up to here defines
  /// Reads a name no sample up to here defines (`collected ['x', 'y']`
  /// parses as a subscript): it could only fail as code.
  bool reads_undefined_name = false;
};

/// True when the block is the sample's output:
/// - never when empty or when it starts with a shell command (a transcript
///   of another program);
/// - an output-tagged block (text, output, console...) always, but after a
///   paragraph that only leads into it ("Two lines come out of it:") when
///   the sample plausibly prints;
/// - an untagged block when labelled, when it does not compile as Python,
///   or when it compiles but only shows values (`[1, 2, 3]`, `Hello`, no call
///   of a function the guide defined) or reads a name nothing defines, and
///   the sample plausibly prints; after a lead-in paragraph, only when it
///   does not compile, only shows values or reads such a name, and the
///   sample plausibly prints;
/// - a Python-tagged block only when labelled and it is not code (does not
///   compile, or only shows values): guides that highlight output as Python.
bool is_output_block(const FollowingBlock& block, bool sample_may_print);

}  // namespace guidecheck
