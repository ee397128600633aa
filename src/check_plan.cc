#include "check_plan.h"


#include <algorithm>
#include <map>
#include <filesystem>
#include <fmt/format.h>

#include "atomic_file.h"
#include "directives.h"
#include "drift.h"
#include "embedded_python.h"
#include "extraction.h"
#include "snippet_manifest.h"

namespace guidecheck {

namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Applies the directives of one snippet to its run.
bool apply_directives(const SnippetDirectives& d, bool pytest_file, const ScratchDir& scratch,
                      PlannedSnippet* snippet, std::string* err) {
  if (d.timeout_s) snippet->spec.timeout_s = *d.timeout_s;
  snippet->spec.prelude = d.prelude;
  if (d.pytest.value_or(pytest_file)) snippet->spec.mode = SnippetMode::kPytest;
  if (d.stdin_text) {
    std::optional<std::string> path = scratch.write_new_file("stdin/" + snippet->id, *d.stdin_text, err);
    if (!path) return false;
    snippet->spec.stdin_path = *path;
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

}  // namespace

std::string errata_path(const PlanOptions& options) {
  return options.errata_path.empty() ? (fs::path(options.project.snippets_dir) / "errata.toml").string()
                                     : options.errata_path;
}

bool find_plan_target(const PlanOptions& options, PlanTarget* target, std::string* err) {
  Manifest manifest;
  bool has_manifest = false;
  if (!load_manifest(manifest_path(options.project.snippets_dir), &manifest, &has_manifest, err)) return false;
  const std::string& guide = options.guide_path;
  if (has_manifest && (guide.empty() || same_file(guide, manifest.guide))) {
    *target = {PlanMode::kProject, manifest.guide};
  } else if (!guide.empty()) {
    *target = {PlanMode::kInMemory, guide};
  } else {
    *target = {PlanMode::kSnippets, ""};
  }
  return true;
}

bool build_check_plan(const PlanOptions& options, const PlanTarget& target, const Extraction* another_guide,
                      CheckPlan* plan, std::string* err) {
  const ProjectPaths& project = options.project;
  plan->mode = target.mode;
  plan->guide_path = target.guide_path;
  plan->scratch = ScratchDir::create("check", err);
  if (!plan->scratch) return false;

  Manifest manifest;
  std::vector<SnippetFile> files;
  if (plan->mode == PlanMode::kInMemory) {
    // Another guide, read by the caller: its samples go to the scratch
    // directory, judged on their own claims only (the project's manifest is
    // not theirs).
    if (!another_guide) {
      *err = plan->guide_path + ": another guide needs its samples read first";
      return false;
    }
    plan->notes = another_guide->diagnostics;
    for (const auto& snippet : another_guide->snippets) {
      for (const auto& note : snippet.notes) plan->notes.push_back(note);
      if (!snippet.error.empty()) plan->errors.push_back(snippet.error);
      std::optional<std::string> path = plan->scratch->write_new_file("snippets/" + snippet.id + ".py", snippet.source, err);
      if (!path) return false;
      files.push_back({snippet.id, *path});
      manifest.snippets.push_back(manifest_entry(snippet, content_hash(snippet.source)));
    }
  } else {
    bool has_manifest = false;
    if (!load_manifest(manifest_path(project.snippets_dir), &manifest, &has_manifest, err)) return false;
    if (!project.store().list(&files, err)) return false;
    std::string text;
    if (plan->mode == PlanMode::kProject) {
      if (!read_file(plan->guide_path, &text, err)) return false;
      plan->drift = find_drift(parse_guide(text, plan->guide_path), plan->guide_path, project.snippets_dir, manifest);
    }
  }

  std::vector<SnippetFile> selected;
  if (!select_snippets(files, options.run.filter, &selected, err)) return false;
  // Guide order where the manifest knows it (samples before item 1 first).
  std::map<std::string, size_t> position;
  for (size_t k = 0; k < manifest.snippets.size(); ++k) position.emplace(manifest.snippets[k].id, k);
  auto guide_index = [&](const SnippetFile& f) {
    auto it = position.find(f.id);
    return it == position.end() ? manifest.snippets.size() : it->second;
  };
  std::stable_sort(selected.begin(), selected.end(),
                   [&](const SnippetFile& a, const SnippetFile& b) { return guide_index(a) < guide_index(b); });

  Directives directives;
  if (plan->mode != PlanMode::kInMemory || !options.directives_path.empty()) {
    std::string path = options.directives_path.empty()
                           ? (fs::path(project.snippets_dir) / "guidecheck.toml").string()
                           : options.directives_path;
    if (!load_directives(path, &directives, err)) return false;
    for (const auto& entry : directives.by_id) {
      const std::string& id = entry.first;
      bool known = std::any_of(files.begin(), files.end(), [&](const SnippetFile& f) { return f.id == id; });
      if (!known) {
        *err = fmt::format("{}:{}: [{}] no such sample", directives.path, entry.second.line, id);
        return false;
      }
    }
  }

  std::map<std::string, double> durations;
  if (plan->mode != PlanMode::kInMemory) durations = project.store().load_durations();
  std::vector<RunSpec> specs = make_run_specs(selected, options.run, durations);
  for (size_t i = 0; i < selected.size(); ++i) {
    PlannedSnippet snippet;
    snippet.id = selected[i].id;
    snippet.path = selected[i].path;
    snippet.spec = specs[i];
    read_file(snippet.path, &snippet.source, err);
    err->clear();
    snippet.spec.source = snippet.source;
    bool pytest_file = false;
    if (const ManifestEntry* entry = manifest.find(snippet.id)) {
      snippet.first_line = entry->first_line;
      snippet.last_line = entry->last_line;
      snippet.guide_lines = entry->guide_lines;
      snippet.claims = entry->claims;
      pytest_file = entry->pytest_file;
    }
    if (!apply_directives(directives.of(snippet.id), pytest_file, *plan->scratch, &snippet, err)) return false;
    plan->snippets.push_back(std::move(snippet));
  }
  return true;
}

}  // namespace guidecheck
