#include "preload_routing.h"

#include <re2/re2.h>

#include <algorithm>

namespace guidecheck {
namespace {

ZygoteOptions without_preload(ZygoteOptions options) {
  options.preload.clear();
  return options;
}

// "a.b as c" -> "a"
std::string top_level(std::string_view name) {
  size_t start = name.find_first_not_of(" \t(");
  if (start == std::string_view::npos) return "";
  name.remove_prefix(start);
  size_t end = name.find_first_of(" \t.),");
  return std::string(name.substr(0, end));
}

}  // namespace

std::vector<std::string> imported_modules(const std::string& source) {
  static const RE2 kFrom(R"(^\s*from\s+([A-Za-z_]\w*))");
  static const RE2 kImport(R"(^\s*import\s+([^#;]+))");
  std::vector<std::string> modules;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    // A statement after ';' counts too: "import os; import numpy as np".
    std::string_view line(source.data() + start, end - start);
    for (size_t piece_start = 0; piece_start <= line.size();) {
      size_t piece_end = line.find(';', piece_start);
      if (piece_end == std::string_view::npos) piece_end = line.size();
      re2::StringPiece piece(line.data() + piece_start, piece_end - piece_start);
      std::string names;
      if (RE2::PartialMatch(piece, kFrom, &names)) {
        modules.push_back(names);
      } else if (RE2::PartialMatch(piece, kImport, &names)) {
        for (size_t from = 0; from <= names.size();) {
          size_t comma = names.find(',', from);
          if (comma == std::string::npos) comma = names.size();
          if (std::string module = top_level(std::string_view(names).substr(from, comma - from)); !module.empty())
            modules.push_back(module);
          from = comma + 1;
        }
      }
      piece_start = piece_end + 1;
    }
    start = end + 1;
  }
  return modules;
}

bool wants_preloaded(const RunSpec& spec, const std::vector<std::string>& preload) {
  auto loaded = [&](const std::string& module) {
    return std::find(preload.begin(), preload.end(), module) != preload.end();
  };
  if (spec.mode == SnippetMode::kPytest && loaded("pytest")) return true;
  for (const std::string* text : {&spec.prelude, &spec.source})
    for (const std::string& module : imported_modules(*text))
      if (loaded(module)) return true;
  return false;
}

PreloadRoutingRunner::PreloadRoutingRunner(const ZygoteOptions& loaded, int jobs, int idle_extra)
    : preload_(loaded.preload),
      jobs_(jobs),
      idle_extra_(idle_extra),
      loaded_(loaded, jobs),
      slim_(without_preload(loaded), jobs) {}

std::vector<RunOutcome> PreloadRoutingRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  if (specs.empty()) return {};
  // 0: slim, 1: loaded; each started only when some run goes there.
  LazyZygoteRunner* lazy[2] = {&slim_, &loaded_};
  std::vector<size_t> zygote_of(specs.size());
  bool needed[2] = {false, false};
  for (size_t i = 0; i < specs.size(); ++i) {
    zygote_of[i] = !preload_.empty() && wants_preloaded(specs[i], preload_) ? 1 : 0;
    needed[zygote_of[i]] = true;
  }
  std::vector<RunOutcome> outcomes(specs.size());
  std::vector<Zygote*> zygotes;
  std::vector<size_t> slot(2, 0);
  std::vector<RunSpec> runnable;
  std::vector<size_t> runnable_index;
  for (size_t which : {0, 1}) {
    if (!needed[which]) continue;
    if (lazy[which]->start()) {
      slot[which] = zygotes.size();
      zygotes.push_back(lazy[which]->zygote());
    }
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!lazy[zygote_of[i]]->zygote()) {
      outcomes[i].error = lazy[zygote_of[i]]->start_error();
      if (progress) progress(i, outcomes[i]);
      continue;
    }
    runnable.push_back(specs[i]);
    runnable_index.push_back(i);
  }
  if (runnable.empty()) return outcomes;
  // Both zygotes under one poll loop: the slim runs go on while the loaded
  // zygote is still importing its modules.
  ZygoteRunner runner(zygotes, [&](size_t k) { return slot[zygote_of[runnable_index[k]]]; }, jobs_);
  runner.fill_idle_cores(idle_extra_);
  std::vector<RunOutcome> ran = runner.run(runnable, [&](size_t k, const RunOutcome& outcome) {
    if (progress) progress(runnable_index[k], outcome);
  });
  for (size_t k = 0; k < ran.size(); ++k) outcomes[runnable_index[k]] = std::move(ran[k]);
  return outcomes;
}

}  // namespace guidecheck
