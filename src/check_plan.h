#pragma once
// What `check` and `update` will run: which guide, which snippets, how each
// one runs (directives), and whether snippets/ still matches the guide.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "errata.h"
#include "guide_reader.h"
#include "project.h"
#include "report_model.h"
#include "shard.h"
#include "runner.h"
#include "scratch_dir.h"
#include "snippet_manifest.h"
#include "snippet_selection.h"

namespace guidecheck {

enum class PlanMode {
  kProject,   ///< snippets/ extracted from the guide (manifest), checked for drift
  kSnippets,  ///< snippets/ without a manifest: no guide to compare with
  kInMemory,  ///< another guide: extracted to a scratch directory for this run
};

/// A sample and how it runs: its spec carries the source text, and the
/// directives applied to it.
struct PlannedSample {
  Sample sample;  ///< the stored source, with what the manifest knows of it
  RunSpec spec;
  std::optional<std::string> skip_reason;
};

struct CheckPlan {
  PlanMode mode = PlanMode::kSnippets;
  std::optional<ReportShard> shard;  ///< --shard: which share of the samples this plan holds
  std::string guide_path;    ///< empty in kSnippets mode
  std::string guide_format;  ///< its reader; empty: by extension
  std::vector<PlannedSample> samples;
  /// Differences between snippets/ and the guide (kProject mode).
  std::vector<std::string> drift;
  /// Notes from an in-memory extraction (unsure decisions).
  std::vector<std::string> notes;
  /// Samples of an in-memory extraction that no layout could fix
  /// ("guide.txt:L: cannot recover indentation: ...").
  std::vector<std::string> errors;
  /// What the user must hear about the input: guide lines a reader could
  /// not take as code, a project with no manifest.
  std::vector<std::string> warnings;
  /// Every sample the target has, selected or not (errata name them).
  std::vector<std::string> sample_ids;
  /// Private scratch space of this run: stdin files, another guide's
  /// snippets. Never inside the project, so a read-only checkout works.
  std::optional<ScratchDir> scratch;
};

struct PlanOptions {
  ProjectPaths project;
  RunSettings run;
  std::string guide_path;  ///< empty: the manifest's guide, if any
  std::string guide_format;  ///< --guide-format; empty: the manifest's, or by extension
  std::string directives_path;  ///< empty: <snippets>/guidecheck.toml
  std::string errata_path;      ///< empty: <snippets>/errata.toml
  /// Also fail on equivalent and prose claims and on known errata.
  bool strict = false;
  ShardSpec shard;  ///< --shard K/N; inactive: every selected sample
};

/// The known-errata file: --errata, or <snippets>/errata.toml.
std::string errata_path(const PlanOptions& options);

/// Loads the errata of `plan`'s samples. False with *err when --errata names
/// a file that does not exist, the file is malformed, or an entry names a
/// sample the plan's target does not have ("errata.toml:7: [q99] no such
/// sample").
bool load_plan_errata(const PlanOptions& options, const CheckPlan& plan, Errata* errata, std::string* err);

/// What a plan is about: the project's guide (its snippets, checked for
/// drift), the project's snippets alone, or another guide.
struct PlanTarget {
  PlanMode mode = PlanMode::kSnippets;
  std::string guide_path;    ///< empty in kSnippets mode
  std::string guide_format;  ///< its reader; empty: by extension
  /// snippets/manifest.json as find_plan_target read it (null: there is
  /// none), so that the plan need not read it again.
  std::shared_ptr<const Manifest> manifest;
};

/// Decides the target from --guide and the manifest. False with *err when
/// the manifest exists but cannot be read.
bool find_plan_target(const PlanOptions& options, PlanTarget* target, std::string* err);

/// Builds the plan for `target`. Another guide (kInMemory) comes as its
/// extraction, read by the caller (`another_guide`); otherwise null. False
/// with *err for configuration errors (unreadable guide or directives, bad
/// filter, directives for unknown samples).
bool build_check_plan(const PlanOptions& options, const PlanTarget& target, const Extraction* another_guide,
                      CheckPlan* plan, std::string* err);

}  // namespace guidecheck
