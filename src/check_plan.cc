#include "check_plan.h"


#include <algorithm>
#include <map>
#include <filesystem>
#include <fmt/format.h>

#include "atomic_file.h"
#include "continuation.h"
#include "directives.h"
#include "drift.h"
#include "embedded_python.h"
#include "snippet_manifest.h"
#include "typed_input.h"

namespace guidecheck {

namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Applies the directives of one snippet to its run.
bool apply_directives(const SnippetDirectives& d, const std::string& directives_path, bool pytest_file,
                      const ScratchDir& scratch, PlannedSample* snippet, std::string* err) {
  if (d.timeout_s) snippet->spec.timeout_s = *d.timeout_s;
  snippet->spec.prelude = d.prelude;
  if (d.pytest.value_or(pytest_file)) snippet->spec.mode = SnippetMode::kPytest;
  if (d.stdin_text) {
    std::optional<std::string> path = scratch.write_new_file("stdin/" + snippet->sample.id, *d.stdin_text, err);
    if (!path) return false;
    snippet->spec.stdin_path = *path;
  } else if (std::vector<TypedAnswer> typed = typed_answers(snippet->sample); !typed.empty()) {
    // What the guide's transcript shows typed at the prompts (typed_input.h).
    std::optional<std::string> path = scratch.write_new_file("stdin/" + snippet->sample.id, typed_stdin(typed), err);
    if (!path) return false;
    snippet->spec.stdin_path = *path;
    snippet->spec.typed_input = std::move(typed);
  }
  snippet->spec.sandbox.network = snippet->spec.sandbox.network || d.network;
  snippet->spec.sandbox.env.insert(snippet->spec.sandbox.env.end(), d.env.begin(), d.env.end());
  for (const std::string& path : d.writable) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path), ec);
    if (ec || !fs::exists(absolute, ec)) {
      *err = fmt::format("{}:{}: [{}] writable: '{}' does not exist", directives_path, d.line, snippet->sample.id,
                         path);
      return false;
    }
    snippet->spec.sandbox.writable.push_back(absolute.string());
  }
  if (d.skip) {
    snippet->skip_reason = *d.skip;
    return true;
  }
  for (const auto& requirement : d.requirements) {
    std::string reason = unmet_reason(requirement, installed_version(requirement.package));
    if (!reason.empty()) {
      snippet->skip_reason = reason;
      break;
    }
  }
  return true;
}

// A file an option names must exist: the default ones may be missing.
bool named_file_exists(std::string_view option, const std::string& path, std::string* err) {
  std::error_code ec;
  if (path.empty() || fs::exists(path, ec)) return true;
  *err = fmt::format("{}: {}: No such file or directory", option, path);
  return false;
}

// Keeps this shard's share of `selected` (guide order kept).
void keep_shard(const ShardSpec& spec, const std::map<std::string, double>& durations, std::vector<Sample>* selected,
                CheckPlan* plan) {
  std::vector<ShardSample> all;
  for (const auto& sample : *selected) {
    auto it = durations.find(sample.id);
    all.push_back({sample.id, it == durations.end() ? 0.0 : it->second});
  }
  ShardPlan shards = plan_shards(all, spec);
  std::vector<Sample> mine;
  for (size_t i = 0; i < selected->size(); ++i)
    if (shards.mine[i]) mine.push_back(std::move((*selected)[i]));
  plan->shard = ReportShard{spec.index, spec.count, static_cast<int>(selected->size()), shards.partition};
  *selected = std::move(mine);
}

}  // namespace

std::string errata_path(const PlanOptions& options) {
  return options.errata_path.empty() ? (fs::path(options.project.snippets_dir) / "errata.toml").string()
                                     : options.errata_path;
}

bool load_plan_errata(const PlanOptions& options, const CheckPlan& plan, Errata* errata, std::string* err) {
  if (!named_file_exists("--errata", options.errata_path, err) || !load_errata(errata_path(options), errata, err))
    return false;
  for (const Erratum& erratum : errata->entries) {
    if (std::find(plan.sample_ids.begin(), plan.sample_ids.end(), erratum.sample) != plan.sample_ids.end()) continue;
    *err = fmt::format("{}:{}: [{}] no such sample", errata->path, erratum.file_line, erratum.sample);
    return false;
  }
  return true;
}

bool find_plan_target(const PlanOptions& options, PlanTarget* target, std::string* err) {
  auto manifest = std::make_shared<Manifest>();
  bool has_manifest = false;
  if (!load_manifest(manifest_path(options.project.snippets_dir), manifest.get(), &has_manifest, err)) return false;
  const std::string& guide = options.guide_path;
  if (has_manifest && (guide.empty() || same_file(guide, manifest->guide))) {
    *target = {PlanMode::kProject, manifest->guide,
               options.guide_format.empty() ? manifest->format : options.guide_format, nullptr};
  } else if (!guide.empty()) {
    *target = {PlanMode::kInMemory, guide, options.guide_format, nullptr};
  } else {
    *target = {PlanMode::kSnippets, "", "", nullptr};
  }
  if (has_manifest) target->manifest = std::move(manifest);
  return true;
}

bool build_check_plan(const PlanOptions& options, const PlanTarget& target, const Extraction* another_guide,
                      CheckPlan* plan, std::string* err) {
  const ProjectPaths& project = options.project;
  plan->mode = target.mode;
  plan->guide_path = target.guide_path;
  plan->guide_format = target.guide_format;
  plan->scratch = ScratchDir::create("check", err);
  if (!plan->scratch) return false;

  Manifest own_manifest;  // another guide's, or one read here
  const Manifest* manifest = &own_manifest;
  std::vector<Sample> files;
  if (plan->mode == PlanMode::kInMemory) {
    // Another guide, read by the caller: its samples go to the scratch
    // directory, judged on their own claims only (the project's manifest is
    // not theirs).
    if (!another_guide) {
      *err = plan->guide_path + ": another guide needs its samples read first";
      return false;
    }
    if (another_guide->samples.empty()) {
      *err = fmt::format("{}: no code samples found (read as {}; --guide-format picks another reader)",
                         plan->guide_path, another_guide->format);
      return false;
    }
    plan->notes = another_guide->diagnostics;
    plan->warnings = another_guide->warnings;
    for (const auto& sample : another_guide->samples) {
      for (const auto& note : sample.notes) plan->notes.push_back(note);
      if (!sample.error.empty()) plan->errors.push_back(sample.error);
      std::optional<std::string> path = plan->scratch->write_new_file("snippets/" + sample.id + ".py", sample.source, err);
      if (!path) return false;
      Sample stored = sample;
      stored.path = *path;
      files.push_back(stored);
      own_manifest.samples.push_back(std::move(stored));
    }
  } else {
    bool has_manifest = target.manifest != nullptr;
    if (has_manifest)
      manifest = target.manifest.get();
    else if (!load_manifest(manifest_path(project.snippets_dir), &own_manifest, &has_manifest, err))
      return false;
    if (!project.store().list(&files, err)) return false;
    if (files.empty()) {
      *err = fmt::format("{}: no samples to check (guidecheck extract GUIDE writes them)", project.snippets_dir);
      return false;
    }
    if (!has_manifest)
      plan->warnings.push_back(fmt::format(
          "{}: no manifest.json: samples are compared with {} only, with no drift or claim checks (guidecheck "
          "extract GUIDE writes it)",
          project.snippets_dir, project.expected_dir));
    if (plan->mode == PlanMode::kProject &&
        !find_drift(plan->guide_path, *manifest, files, (fs::path(project.cache_dir) / "drift-in-sync").string(),
                    &plan->drift, err))
      return false;
  }

  std::vector<Sample> selected;
  if (!select_snippets(files, options.run.filter, &selected, err)) return false;
  if (selected.empty()) {
    *err = fmt::format("--filter: '{}' matches no sample id (there {} {}, such as {})", options.run.filter,
                       files.size() == 1 ? "is" : "are", files.size(), files.front().id);
    return false;
  }
  for (const auto& file : files) plan->sample_ids.push_back(file.id);
  // Guide order where the manifest knows it (samples before item 1 first).
  std::map<std::string, size_t> position;
  for (size_t k = 0; k < manifest->samples.size(); ++k) position.emplace(manifest->samples[k].id, k);
  auto guide_index = [&](const Sample& f) {
    auto it = position.find(f.id);
    return it == position.end() ? manifest->samples.size() : it->second;
  };
  std::stable_sort(selected.begin(), selected.end(),
                   [&](const Sample& a, const Sample& b) { return guide_index(a) < guide_index(b); });

  Directives directives;
  if (plan->mode != PlanMode::kInMemory || !options.directives_path.empty()) {
    std::string path = options.directives_path.empty()
                           ? (fs::path(project.snippets_dir) / "guidecheck.toml").string()
                           : options.directives_path;
    if (!named_file_exists("--directives", options.directives_path, err) || !load_directives(path, &directives, err))
      return false;
    for (const auto& entry : directives.by_id) {
      const std::string& id = entry.first;
      bool known = std::any_of(files.begin(), files.end(), [&](const Sample& f) { return f.id == id; });
      if (!known) {
        *err = fmt::format("{}:{}: [{}] no such sample", directives.path, entry.second.line, id);
        return false;
      }
      for (const auto& earlier : entry.second.continues.value_or(std::vector<std::string>{})) {
        bool exists = std::any_of(files.begin(), files.end(), [&](const Sample& f) { return f.id == earlier; });
        if (!exists || earlier == id) {
          *err = fmt::format("{}:{}: [{}] continues: {} '{}'", directives.path, entry.second.line, id,
                             exists ? "a sample cannot continue itself:" : "no such sample", earlier);
          return false;
        }
      }
    }
  }

  std::map<std::string, double> durations, cpu_seconds;
  if (plan->mode != PlanMode::kInMemory) {
    std::optional<std::map<std::string, double>> recorded = project.store().load_recorded_durations(err);
    if (!recorded) {
      *err += " (delete it: guidecheck update records it again)";
      return false;
    }
    // A shard splits by the project's record alone: it is the same on every
    // machine that checks the commit out, the machine's own figures are not.
    // Otherwise this machine's figures come first, for scheduling.
    SnippetStore::RunTimes remembered = project.store().load_run_times();
    if (!options.shard.active()) durations = std::move(remembered.seconds);
    durations.merge(*recorded);
    cpu_seconds = std::move(remembered.cpu_seconds);
  }
  if (options.shard.active()) keep_shard(options.shard, durations, &selected, plan);
  std::vector<RunSpec> specs = make_run_specs(selected, options.run, durations, cpu_seconds);
  // Every sample's stored source with the file name the page saves it as.
  for (Sample& file : files)
    if (const Sample* known = manifest->find(file.id); known && file.saved_as.empty()) file.saved_as = known->saved_as;
  const SavedModules saved_modules(files);
  for (size_t i = 0; i < selected.size(); ++i) {
    PlannedSample planned;
    planned.spec = specs[i];
    // The stored source (a hand fix included) with what the reader knew.
    planned.sample = selected[i];
    if (const Sample* known = manifest->find(planned.sample.id)) {
      Sample& sample = planned.sample;
      std::string path = sample.path, source = sample.source;
      sample = *known;
      sample.path = path;
      sample.source = source;
    }
    if (planned.sample.style == SampleStyle::kSession) planned.spec.mode = SnippetMode::kSession;
    if (!apply_directives(directives.of(planned.sample.id), directives.path, planned.sample.pytest_file, *plan->scratch, &planned, err))
      return false;
    if (const auto& forced = directives.of(planned.sample.id).continues) planned.sample.continues = *forced;
    // The page's hidden setup (a testsetup) runs first, then the samples it
    // continues, each silently.
    Sample setup;
    setup.id = planned.sample.id + "-setup";
    setup.source = planned.sample.setup;
    std::vector<const Sample*> earlier;
    if (!setup.source.empty()) earlier.push_back(&setup);
    for (const auto& id : planned.sample.continues)
      for (const auto& file : files)
        if (file.id == id) earlier.push_back(&file);
    // Samples the page saves as a file this one imports (`from word_count import ...`).
    planned.spec.prelude = saved_module_prelude(saved_modules.imported_by(planned.sample)) +
                           continuation_prelude(earlier) + planned.spec.prelude;
    plan->samples.push_back(std::move(planned));
  }
  return true;
}

}  // namespace guidecheck
