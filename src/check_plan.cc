#include "check_plan.h"

#include <unistd.h>

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

CheckPlan::~CheckPlan() {
  if (scratch_dir.empty()) return;
  std::error_code ec;
  fs::remove_all(scratch_dir, ec);
}

namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Applies the directives of one snippet to its run.
bool apply_directives(const SnippetDirectives& d, bool pytest_file, const std::string& stdin_dir,
                      PlannedSnippet* snippet, std::string* err) {
  if (d.timeout_s) snippet->spec.timeout_s = *d.timeout_s;
  snippet->spec.prelude = d.prelude;
  if (d.pytest.value_or(pytest_file)) snippet->spec.mode = SnippetMode::kPytest;
  if (d.stdin_text) {
    std::error_code ec;
    fs::create_directories(stdin_dir, ec);
    std::string path = (fs::path(stdin_dir) / (snippet->id + ".stdin")).string();
    if (!write_file_atomically(path, *d.stdin_text, err)) return false;
    snippet->spec.stdin_path = path;
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

bool build_check_plan(const PlanOptions& options, Runner* runner, CheckPlan* plan, std::string* err) {
  const ProjectPaths& project = options.project;
  Manifest manifest;
  bool has_manifest = false;
  if (!load_manifest(manifest_path(project.snippets_dir), &manifest, &has_manifest, err)) return false;

  std::string guide = options.guide_path;
  if (has_manifest && (guide.empty() || same_file(guide, manifest.guide))) {
    plan->mode = PlanMode::kProject;
    plan->guide_path = manifest.guide;
  } else if (!guide.empty()) {
    plan->mode = PlanMode::kInMemory;
    plan->guide_path = guide;
  } else {
    plan->mode = PlanMode::kSnippets;
  }

  std::vector<SnippetFile> files;
  std::string text;
  if (plan->mode != PlanMode::kSnippets && !read_file(plan->guide_path, &text, err)) return false;

  if (plan->mode == PlanMode::kInMemory) {
    // Another guide: extract it into a scratch directory and check that.
    plan->scratch_dir = (fs::temp_directory_path() / fmt::format("guidecheck-guide-{}", getpid())).string();
    ExtractOptions extract;
    extract.filename = plan->guide_path;
    extract.runner = runner;
    extract.scratch_dir = plan->scratch_dir + "/candidates";
    Extraction extraction = extract_guide(text, extract);
    plan->notes = extraction.diagnostics;
    std::error_code ec;
    fs::create_directories(plan->scratch_dir + "/snippets", ec);
    for (const auto& snippet : extraction.snippets) {
      for (const auto& note : snippet.notes) plan->notes.push_back(note);
      if (!snippet.error.empty()) plan->errors.push_back(snippet.error);
      std::string path = plan->scratch_dir + "/snippets/" + snippet.id + ".py";
      if (!write_file_atomically(path, snippet.source, err)) return false;
      files.push_back({snippet.id, path});
      manifest.snippets.push_back({snippet.id, snippet.item, snippet.first_line, snippet.last_line,
                                   snippet.guide_lines, content_hash(snippet.source), snippet.pytest_file,
                                   snippet.claims, snippet.notes});
    }
  } else {
    if (!project.store().list(&files, err)) return false;
    if (plan->mode == PlanMode::kProject)
      plan->drift = find_drift(parse_guide(text, plan->guide_path), plan->guide_path, project.snippets_dir, manifest);
  }

  std::vector<SnippetFile> selected;
  if (!select_snippets(files, options.run.filter, &selected, err)) return false;

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

  std::map<std::string, double> durations = project.store().load_durations();
  std::vector<RunSpec> specs = make_run_specs(selected, options.run, durations);
  std::string stdin_dir = (fs::path(project.cache_dir) / "stdin").string();
  for (size_t i = 0; i < selected.size(); ++i) {
    PlannedSnippet snippet;
    snippet.id = selected[i].id;
    snippet.path = selected[i].path;
    snippet.spec = specs[i];
    read_file(snippet.path, &snippet.source, err);
    err->clear();
    bool pytest_file = false;
    if (const ManifestEntry* entry = manifest.find(snippet.id)) {
      snippet.first_line = entry->first_line;
      snippet.last_line = entry->last_line;
      snippet.guide_lines = entry->guide_lines;
      snippet.claims = entry->claims;
      pytest_file = entry->pytest_file;
    }
    if (!apply_directives(directives.of(snippet.id), pytest_file, stdin_dir, &snippet, err)) return false;
    plan->snippets.push_back(std::move(snippet));
  }
  return true;
}

}  // namespace guidecheck
