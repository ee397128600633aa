#include "preload_routing.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

namespace guidecheck {
namespace {

ZygoteOptions with_preload(ZygoteOptions options, std::vector<std::string> preload) {
  options.preload = std::move(preload);
  return options;
}

// Whether a zygote that imported `preload` holds one of `modules`.
bool holds_any(const std::vector<std::string>& preload, const std::vector<std::string>& modules) {
  return std::any_of(modules.begin(), modules.end(), [&](const std::string& module) {
    return std::any_of(preload.begin(), preload.end(), [&](const std::string& name) {
      return name.compare(0, name.find('.'), module) == 0;  // "unittest.mock" holds "unittest"
    });
  });
}

}  // namespace

std::vector<std::string> modules_wanted(const RunSpec& spec) {
  std::vector<std::string> modules = imported_modules(spec);
  if (spec.mode == SnippetMode::kPytest) modules.push_back("pytest");
  return modules;
}

bool wants_preloaded(const RunSpec& spec, const std::vector<std::string>& preload) {
  return holds_any(preload, modules_wanted(spec));
}

const std::vector<std::string>& common_stdlib_modules() {
  static const std::vector<std::string> kModules = {
      "argparse", "ast",       "asyncio",    "base64",   "calendar",          "concurrent.futures",
      "contextlib", "copy",    "csv",        "dataclasses", "datetime",       "decimal",  "enum",
      "fractions", "functools", "glob",      "hashlib",  "inspect",           "json",     "logging",
      "pathlib",  "pickle",    "pprint",     "queue",    "random",            "re",       "secrets",
      "shutil",   "statistics", "string",    "subprocess", "tempfile",        "textwrap", "threading",
      "traceback", "typing",   "unittest.mock", "uuid"};
  return kModules;
}

std::vector<std::string> worth_preloading(const std::vector<std::vector<std::string>>& wanted,
                                          const std::vector<std::string>& candidates,
                                          const std::vector<std::string>& loaded) {
  std::vector<size_t> importers(candidates.size(), 0);
  std::vector<std::vector<size_t>> imported_by(wanted.size());
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (holds_any(loaded, wanted[i])) continue;
    for (size_t m = 0; m < candidates.size(); ++m)
      if (holds_any({candidates[m]}, wanted[i])) {
        ++importers[m];
        imported_by[i].push_back(m);
      }
  }
  std::vector<std::string> chosen;
  for (size_t m = 0; m < candidates.size(); ++m)
    if (importers[m] >= 2) chosen.push_back(candidates[m]);
  size_t runs = 0;
  for (const auto& modules : imported_by)
    runs += std::any_of(modules.begin(), modules.end(), [&](size_t m) { return importers[m] >= 2; });
  if (runs < kMinRunsForCommonZygote) chosen.clear();
  return chosen;
}

std::vector<std::string> imported_preloads(const std::vector<std::vector<std::string>>& wanted,
                                           const std::vector<std::string>& preload) {
  std::vector<bool> imported(preload.size(), false);
  for (const std::vector<std::string>& modules : wanted)
    for (size_t m = 0; m < preload.size(); ++m) imported[m] = imported[m] || holds_any({preload[m]}, modules);
  std::vector<std::string> chosen;
  for (size_t m = 0; m < preload.size(); ++m)
    if (imported[m]) chosen.push_back(preload[m]);
  return chosen;
}

PreloadRoutingRunner::PreloadRoutingRunner(const ZygoteOptions& loaded, std::vector<std::string> common, int jobs,
                                           int idle_extra)
    : loaded_options_(loaded),
      common_candidates_(std::move(common)),
      jobs_(jobs),
      idle_extra_(idle_extra),
      identity_(zygote_identity(loaded)),
      slim_(std::make_unique<LazyZygoteRunner>(with_preload(loaded, {}), jobs)) {
  if (!common_candidates_.empty())
    identity_ += fmt::format("\ncommon modules={}", fmt::join(common_candidates_, ","));
}

PreloadRoutingRunner::Tier PreloadRoutingRunner::tier_for(const std::vector<std::string>& wanted) const {
  if (loaded_ && holds_any(loaded_modules_, wanted)) return kLoaded;
  if (common_ && holds_any(common_modules_, wanted)) return kCommon;
  return kSlim;
}

LazyZygoteRunner* PreloadRoutingRunner::zygote_of(Tier tier) const {
  return tier == kLoaded ? loaded_.get() : tier == kCommon ? common_.get() : slim_.get();
}

std::vector<PreloadRoutingRunner::Tier> PreloadRoutingRunner::choose_tiers(const std::vector<RunSpec>& specs) {
  // Each run's imports, scanned once for every choice below.
  std::vector<std::vector<std::string>> wanted;
  wanted.reserve(specs.size());
  for (const RunSpec& spec : specs) wanted.push_back(modules_wanted(spec));
  if (!loaded_ && !loaded_options_.preload.empty()) {
    loaded_modules_ = imported_preloads(wanted, loaded_options_.preload);
    if (!loaded_modules_.empty())
      loaded_ = std::make_unique<LazyZygoteRunner>(with_preload(loaded_options_, loaded_modules_), jobs_);
  }
  if (!common_ && !common_candidates_.empty()) {
    common_modules_ = worth_preloading(wanted, common_candidates_, loaded_modules_);
    if (!common_modules_.empty()) {
      spdlog::debug("several runs import {}: a zygote of their own imports them ahead", fmt::join(common_modules_, ", "));
      common_ = std::make_unique<LazyZygoteRunner>(with_preload(loaded_options_, common_modules_), jobs_);
    }
  }
  std::vector<Tier> tiers;
  tiers.reserve(specs.size());
  for (const std::vector<std::string>& modules : wanted) tiers.push_back(tier_for(modules));
  return tiers;
}

void PreloadRoutingRunner::prepare(const std::vector<RunSpec>& specs) {
  bool needed[kTiers] = {false, false, false};
  for (Tier tier : choose_tiers(specs)) needed[tier] = true;
  for (Tier tier : {kSlim, kCommon, kLoaded})
    if (needed[tier]) zygote_of(tier)->start(specs);
}

std::vector<RunOutcome> PreloadRoutingRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  if (specs.empty()) return {};
  const std::vector<Tier> tier_of = choose_tiers(specs);
  bool needed[kTiers] = {false, false, false};
  for (Tier tier : tier_of) needed[tier] = true;
  // Each needed zygote is started (once per runner); slot: its index in `zygotes`.
  std::vector<Zygote*> zygotes;
  size_t slot[kTiers] = {0, 0, 0};
  for (Tier tier : {kSlim, kCommon, kLoaded}) {
    if (!needed[tier] || !zygote_of(tier)->start(specs)) continue;
    slot[tier] = zygotes.size();
    zygotes.push_back(zygote_of(tier)->zygote());
  }
  std::vector<RunOutcome> outcomes(specs.size());
  std::vector<RunSpec> runnable;
  std::vector<size_t> runnable_index;
  for (size_t i = 0; i < specs.size(); ++i) {
    LazyZygoteRunner& lazy = *zygote_of(tier_of[i]);
    if (!lazy.zygote()) {
      outcomes[i].error = lazy.start_error();
      if (progress) progress(i, outcomes[i]);
      continue;
    }
    runnable.push_back(specs[i]);
    runnable_index.push_back(i);
  }
  if (runnable.empty()) return outcomes;
  // All zygotes under one poll loop: the slim runs go on while the loaded
  // zygote is still importing its modules.
  ZygoteRunner runner(zygotes, [&](size_t k) { return slot[tier_of[runnable_index[k]]]; }, jobs_);
  runner.fill_idle_cores(idle_extra_);
  std::vector<RunOutcome> ran = runner.run(runnable, [&](size_t k, const RunOutcome& outcome) {
    if (progress) progress(runnable_index[k], outcome);
  });
  for (size_t k = 0; k < ran.size(); ++k) outcomes[runnable_index[k]] = std::move(ran[k]);
  return outcomes;
}

}  // namespace guidecheck
