#include "cli.h"

#include "guide_reader.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <random>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "command_check.h"
#include "command_extract.h"
#include "command_merge.h"
#include "command_run.h"
#include "command_update.h"
#include "guide_reader.h"
#include "atomic_file.h"
#include "module_list.h"
#include "report_github.h"
#include "report_formats.h"
#include "preload_routing.h"
#include "report_text.h"
#include "result_cache.h"
#include "project_lock.h"
#include "resource_limits.h"
#include "scheduler.h"
#include "directives.h"
#include "zygote_server.h"

namespace guidecheck {
namespace {

constexpr const char* kDefaultGuide = "guide/top-50-python-interview-questions-2026.txt";


// A --memory-limit value: "512M", "2G", or "0" for none.
constexpr uint64_t kMinMemoryLimit = 16ull << 20;
CLI::Validator size_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        // Python itself needs tens of megabytes: a smaller limit is a typo
        // (0.5 would otherwise round to 0, which means no limit).
        if (value == "0" || parse_size(value).value_or(0) >= kMinMemoryLimit) return "";
        return "expected 0 (no limit) or a size of at least 16M such as 512M or 2G, got '" + value + "'";
      },
      "SIZE");
}

// --writable paths as the sandbox takes them: absolute, symlinks resolved.
void absolute_paths(std::vector<std::string>* paths) {
  for (std::string& path : *paths) path = std::filesystem::weakly_canonical(std::filesystem::absolute(path)).string();
}

// A --timeout value: finite seconds above 0, at most a day (nan, inf and
// 1e300 are typos, not timeouts).
CLI::Validator timeout_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        char* end = nullptr;
        double seconds = std::strtod(value.c_str(), &end);
        if (end != value.c_str() && *end == '\0' && valid_timeout(seconds)) return "";
        return fmt::format("expected seconds above 0 and at most {}, got '{}'", kMaxTimeoutSeconds, value);
      },
      "SECONDS");
}

// An --env value: NAME (passed through from our environment) or NAME=value.
CLI::Validator env_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        return is_env_entry(value) ? "" : "expected NAME or NAME=value, got '" + value + "'";
      },
      "NAME[=VALUE]");
}

void add_zygote_options(CLI::App* command, ZygoteOptions* zygote, bool* no_preload, std::string* preload,
                        SandboxPolicy* sandbox) {
  command->add_flag("!--no-sandbox", zygote->sandbox,
                    "run samples with the caller's environment, file system and network (no sandbox)");
  command->add_option("--env", sandbox->env, "a variable samples see besides the sandbox's allowlist (repeatable)")
      ->allow_extra_args(false)
      ->check(env_validator());
  command->add_option("--writable", sandbox->writable, "a directory or file samples may write too (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingPath);
  command->add_flag("--no-preload", *no_preload,
                    "import nothing ahead of time: every run starts from a pristine interpreter");
  command->add_option("--preload", *preload, "modules to import once before forking (default numpy,pandas,pytest)");
  command->add_option("--hash-seed", zygote->hash_seed, "PYTHONHASHSEED of the runs (default 0: no randomisation)")
      ->check(CLI::Range(0ul, 4294967295ul));
}

void apply_zygote_options(ZygoteOptions* zygote, bool no_preload, const std::string& preload) {
  if (!preload.empty()) zygote->preload = split_module_list(preload);
  if (no_preload) zygote->preload.clear();
}

// Options shared by the commands that run the project's snippets.
struct BatchFlags {
  CheckCommandOptions check;
  ZygoteOptions zygote;
  int jobs = 0;
  bool no_preload = false;
  std::string preload;
  /// The middle zygote's modules, as given ("" for none); unset: the common ones.
  std::optional<std::string> preload_stdlib;
  std::string memory = "4G";
  std::string color = "auto";
  bool no_cache = false;  ///< check, extract and update: run everything now, reuse nothing
  std::string cache_size = "256M";  ///< the result cache's bound ("0": none)
};

void add_batch_options(CLI::App* command, BatchFlags* flags) {
  command->add_option("--snippets", flags->check.project.snippets_dir, "directory of the snippets (one .py each)")
      ->default_val("snippets");
  command->add_option("--expected", flags->check.project.expected_dir, "directory of the approved outputs")
      ->default_val("expected");
  command->add_option("-j,--jobs", flags->jobs, "snippets run at once (default: number of cores, and up to as many more while runs that wait leave cores idle, or one more while short runs are under way)")
      ->check(CLI::Range(1, 1024));
  command->add_option("-k,--filter", flags->check.run.filter, "only snippets whose id matches this RE2 pattern");
  command->add_option("--timeout", flags->check.run.timeout_s, "seconds before a snippet is killed")
      ->check(timeout_validator())->default_val(60);
  command->add_option("--memory-limit", flags->memory, "memory each snippet may add, e.g. 512M (0: none)")
      ->check(size_validator())->default_val("4G");
  command->add_option("--directives", flags->check.directives_path,
                      "directives file (default: <snippets>/guidecheck.toml)");
  command->add_option("--color", flags->color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  add_zygote_options(command, &flags->zygote, &flags->no_preload, &flags->preload, &flags->check.run.sandbox);
  command->add_option("--cache-size", flags->cache_size,
                      "the result cache's bound in .guidecheck/results, e.g. 64M or 2G; least recently used "
                      "entries go beyond it (0: no bound)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value == "0" || parse_size(value).value_or(0) > 0) return "";
            return "expected 0 (no bound) or a size such as 64M or 2G, got '" + value + "'";
          },
          "SIZE"))
      ->default_val("256M");
  command->add_option("--preload-stdlib", flags->preload_stdlib,
                      "standard-library modules imported ahead in a zygote of their own when several samples "
                      "import them (default: " + fmt::format("{}", fmt::join(common_stdlib_modules(), ",")) +
                          "; '' for none)");
}

// The middle zygote's modules: the common ones unless told otherwise.
std::vector<std::string> stdlib_preload(const BatchFlags& flags) {
  if (flags.no_preload) return {};
  return flags.preload_stdlib ? split_module_list(*flags.preload_stdlib) : common_stdlib_modules();
}

// How a command wants its runners.
struct RunnerSetup {
  /// update re-runs everything on the second runner; check only a few
  /// suspects, for which a pristine interpreter that starts in milliseconds
  /// is the better deal.
  bool preload_second = true;
  /// check: outcomes reused from the project's result cache.
  bool cached = false;
};

// Runs `body` with a runner and a second runner (another hash seed). Each
// sends a sample to a zygote with the preloaded modules or to a slim one,
// by its imports; a zygote starts only when a run needs it (an unchanged
// re-check starts none).
template <typename Body>
int with_runner(BatchFlags& flags, Body body, RunnerSetup setup = {}) {
  apply_zygote_options(&flags.zygote, flags.no_preload, flags.preload);
  flags.check.run.memory_limit = flags.memory == "0" ? 0 : *parse_size(flags.memory);
  absolute_paths(&flags.check.run.sandbox.writable);
  int jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  // The second opinion: another hash seed, started only if needed.
  ZygoteOptions second_options = flags.zygote;
  second_options.hash_seed = (std::random_device{}() % 4000000000u) + 1;
  if (!setup.preload_second) second_options.preload.clear();
  // A -j of guidecheck's choosing also fills cores that waiting runs leave idle.
  const int idle_extra = flags.jobs > 0 ? 0 : jobs;
  PreloadRoutingRunner second(second_options, setup.preload_second ? stdlib_preload(flags) : std::vector<std::string>{},
                              jobs, idle_extra);
  PreloadRoutingRunner runner(flags.zygote, stdlib_preload(flags), jobs, idle_extra);
  if (!setup.cached) return body(runner, second);
  const uint64_t cache_bytes = flags.cache_size == "0" ? UINT64_MAX : *parse_size(flags.cache_size);
  CachingRunner cached(runner, {(std::filesystem::path(flags.check.project.cache_dir) / "results").string(), cache_bytes});
  return body(cached, second);
}

// After a signal, the shell's convention: 128 + its number (130 for Ctrl-C,
// 143 for SIGTERM, 129 for SIGHUP, 131 for SIGQUIT).
int finish_interrupted(int code) {
  return ZygoteRunner::interrupted() ? 128 + ZygoteRunner::interrupt_signal().load() : code;
}

// Writers take the project's lock: a second update or extract waits.
std::optional<ProjectLock> lock_project(const ProjectPaths& project) {
  std::string err;
  auto lock = ProjectLock::acquire(project.snippets_dir, [&] {
    spdlog::info("waiting for another guidecheck update or extract on {} to finish", project.snippets_dir);
  }, &err);
  if (!lock) spdlog::error("{}", err);
  return lock;
}

// Reports may hold any byte a sample printed (NUL included): write them whole.
void write_stdout(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// The report in `format_name` goes to `output` when given (the terminal
// still gets the text report), else to stdout. False when it cannot be
// written.
bool emit_report(const Report& report, const std::string& format_name, const std::string& output,
                 const std::string& color) {
  const ReportFormat* format = find_report_format(format_name);
  TextReportStyle style;
  style.color = color == "always" || (color == "auto" && wants_color(stdout));
  bool to_file = !output.empty();
  if (to_file) {
    std::string err;
    if (!write_file_atomically(output, format->render(report), &err)) {
      spdlog::error("{}", err);
      return false;
    }
  }
  write_stdout(to_file || format->name == "text" ? render_text_report(report, style) : format->render(report));
  // GitHub shows these at the guide's lines in the pull request.
  if (const char* gha = std::getenv("GITHUB_ACTIONS"); gha && std::string(gha) == "true" && format->name != "github")
    write_stdout(render_github_annotations(report));
  return true;
}

}  // namespace

int run_cli(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "__zygote") == 0) return zygote_entry({argv + 2, argv + argc});

  CLI::App app{"guidecheck: run a Python guide's code samples and verify what they print"};
  app.set_version_flag("--version", std::string("guidecheck ") + GUIDECHECK_VERSION);
  app.require_subcommand(1);
  // One line, like every other error: "guidecheck: error: --jobs: ...".
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("guidecheck: error: {} (see --help)\n", e.what());
  });
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "log what guidecheck does");
  app.add_flag("-q,--quiet", quiet, "only errors");

  // run
  RunCommandOptions run;
  bool run_no_preload = false;
  std::string run_preload, run_memory = "4G";
  auto* run_cmd = app.add_subcommand("run", "run one Python file in a fresh interpreter, as python3 would");
  run_cmd->add_option("file", run.spec.path, "the Python file")->required();
  run_cmd->add_option("args", run.spec.args, "arguments for the file (sys.argv[1:]); put them after --");
  run_cmd->add_option("--format", run.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  run_cmd->add_option("--timeout", run.spec.timeout_s, "seconds before the run is killed")
      ->check(timeout_validator())->default_val(60);
  run_cmd->add_option("--memory-limit", run_memory, "memory the run may add, e.g. 512M or 2G (0: none)")
      ->check(size_validator());
  run_cmd->add_option("--stdin", run.spec.stdin_path, "file to use as stdin (default /dev/null)")
      ->check(CLI::ExistingFile);
  run_cmd->add_flag("--statements", run.show_statements, "show each top-level statement's output under its line");
  add_zygote_options(run_cmd, &run.zygote, &run_no_preload, &run_preload, &run.spec.sandbox);

  // check
  BatchFlags check;
  auto* check_cmd = app.add_subcommand(
      "check", "verify the guide's samples: snippets/ matches the guide, each runs, its stdout matches expected/");
  check_cmd->add_option("guide", check.check.guide_path,
                        "the guide (default: the one snippets/ was extracted from); another guide is extracted in "
                        "memory and checked without snippets/ or expected/");
  add_batch_options(check_cmd, &check);
  std::vector<std::string> guide_format_list;
  for (const auto& format : guide_formats()) guide_format_list.emplace_back(format.name);
  std::string guide_format_help = "how to read the guide: " + guide_format_names() + " (default: by its extension)";
  check_cmd->add_option("--guide-format", check.check.guide_format, guide_format_help)
      ->check(CLI::IsMember(guide_format_list));
  check_cmd->add_flag("--strict", check.check.strict, "also fail on equivalent and prose claims and on known errata");
  std::string check_format = "text", check_output;
  std::vector<std::string> format_names;
  std::string format_help = "report format:";
  for (const auto& format : report_formats()) {
    format_names.emplace_back(format.name);
    format_help += fmt::format(" {} ({});", format.name, format.what);
  }
  check_cmd->add_option("--format", check_format, format_help)->check(CLI::IsMember(format_names));
  check_cmd->add_option("-o,--output", check_output,
                        "write the report to this file (atomically); the terminal still gets the text report");
  check_cmd->add_option("--errata", check.check.errata_path, "known-errata file (default: <snippets>/errata.toml)");
  check_cmd->add_flag("--no-cache", check.no_cache,
                      "run every sample now (by default an unchanged run is reused from .guidecheck/results)");
  std::string shard_text;
  check_cmd
      ->add_option("--shard", shard_text,
                   "K/N: run the K-th of N shares of the samples, balanced by the durations update "
                   "records in snippets/durations.json (merge their JSON reports with guidecheck merge)")
      ->check([](const std::string& value) {
        std::string err;
        return parse_shard(value, &err) ? std::string() : err.substr(err.find(": ") + 2);
      });

  // merge
  std::vector<std::string> merge_inputs;
  std::string merge_format = "text", merge_output, merge_color = "auto";
  auto* merge_cmd = app.add_subcommand("merge", "one report from the JSON reports of check --shard K/N");
  merge_cmd->add_option("reports", merge_inputs, "the shards' JSON reports (check --shard K/N --format json)")
      ->required()
      ->check(CLI::ExistingFile);
  merge_cmd->add_option("--format", merge_format, format_help)->check(CLI::IsMember(format_names));
  merge_cmd->add_option("-o,--output", merge_output,
                        "write the report to this file (atomically); the terminal still gets the text report");
  merge_cmd->add_option("--color", merge_color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  // update
  BatchFlags update;
  auto* update_cmd = app.add_subcommand("update", "rewrite expected/ from real runs (atomic; unchanged files stay)");
  add_batch_options(update_cmd, &update);
  bool write_guide_too = false;
  update_cmd->add_flag("--write-guide", write_guide_too,
                       "also rewrite the guide's mismatching claims with what the samples print (same runs)");
  bool record_durations = false;
  update_cmd->add_flag("--record-durations", record_durations,
                       "also record how long each sample ran in snippets/durations.json (commit it: check --shard "
                       "balances by it, and a fresh clone starts its longest samples first)");
  update_cmd->add_flag("--no-cache", update.no_cache,
                       "run every sample now (by default a run unchanged since the last check or update is reused "
                       "from .guidecheck/results; the second run, which tests that the output is stable, always runs)");

  // extract
  BatchFlags extract;
  ExtractCommandOptions extract_options;
  auto* extract_cmd = app.add_subcommand("extract", "find the guide's code samples and write them to snippets/");
  extract_cmd->add_option("guide", extract_options.guide_path, "the guide (default: " + std::string(kDefaultGuide) + ")")
      ->default_val(kDefaultGuide);
  extract_cmd->add_option("--guide-format", extract_options.guide_format, guide_format_help)
      ->check(CLI::IsMember(guide_format_list));
  extract_cmd->add_flag("--no-cache", extract.no_cache,
                        "run every candidate layout now (by default an unchanged run is reused from .guidecheck/results)");
  add_batch_options(extract_cmd, &extract);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  spdlog::set_level(verbose ? spdlog::level::debug : quiet ? spdlog::level::err : spdlog::level::info);
  ZygoteRunner::install_interrupt_handlers();

  if (run_cmd->parsed()) {
    apply_zygote_options(&run.zygote, run_no_preload, run_preload);
    run.spec.memory_limit = run_memory == "0" ? 0 : *parse_size(run_memory);
    run.spec.id = run.spec.path;
    absolute_paths(&run.spec.sandbox.writable);
    return finish_interrupted(run_command(run));
  }
  if (check_cmd->parsed()) {
    std::string ignored;
    if (!shard_text.empty()) check.check.shard = *parse_shard(shard_text, &ignored);
    return with_runner(check, [&](Runner& runner, Runner& second) {
      // A progress line on a terminal: rewritten in place, erased at the end.
      bool show_progress = isatty(fileno(stderr));
      CheckProgress progress;
      if (show_progress)
        progress = [](size_t done, size_t total, const std::string& id) {
          std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, id.c_str());
          std::fflush(stderr);
        };
      CheckOutcome outcome = check_snippets(check.check, runner, second, progress);
      if (show_progress) std::fprintf(stderr, "\r\033[K");
      for (const auto& warning : outcome.warnings) spdlog::warn("{}", warning);
      if (outcome.exit_code == 2) {
        spdlog::error("{}", outcome.error);
        return finish_interrupted(2);
      }
      // A block left out is worth a line; unsure layouts only with -v.
      for (const auto& note : outcome.notes)
        if (note.find(": not run: ") != std::string::npos)
          spdlog::info("{}", note);
        else
          spdlog::debug("{}", note);
      for (const auto& error : outcome.errors) spdlog::warn("{}", error);
      if (!outcome.drift.empty()) {
        for (const auto& problem : outcome.drift) std::printf("%s\n", problem.c_str());
        std::printf("snippets/ no longer matches %s: run guidecheck extract, review the snippets, then check again\n",
                    outcome.report.guide.c_str());
        return 1;
      }
      if (!emit_report(outcome.report, check_format, check_output, check.color)) return 2;
      return finish_interrupted(outcome.exit_code);
    }, RunnerSetup{/*preload_second=*/false, /*cached=*/!check.no_cache});
  }
  if (merge_cmd->parsed()) {
    MergeOutcome outcome = merge_reports(merge_inputs);
    if (outcome.exit_code == 2) {
      spdlog::error("{}", outcome.error);
      return 2;
    }
    return emit_report(outcome.report, merge_format, merge_output, merge_color) ? outcome.exit_code : 2;
  }
  if (extract_cmd->parsed()) {
    extract_options.project = extract.check.project;
    return with_runner(extract, [&](Runner& runner, Runner&) {
      extract_options.run = extract.check.run;
      auto lock = lock_project(extract_options.project);
      if (!lock) return finish_interrupted(2);
      ExtractOutcome outcome = extract_command(extract_options, &runner);
      for (const auto& warning : outcome.warnings) spdlog::warn("{}", warning);
      // -q: only errors (what was written is in snippets/ and its manifest).
      if (!quiet)
        for (const auto& message : outcome.messages) std::printf("%s\n", message.c_str());
      if (outcome.exit_code == 2) {
        spdlog::error("{}", outcome.error);
        return finish_interrupted(2);
      }
      if (!quiet)
        std::printf("%d samples: %d written, %d unchanged, %d kept (fixed by hand), %d removed\n", outcome.samples,
                    outcome.written, outcome.unchanged, outcome.kept, outcome.removed);
      return finish_interrupted(outcome.exit_code);
    }, RunnerSetup{/*preload_second=*/true, /*cached=*/!extract.no_cache});
  }
  if (update_cmd->parsed()) {
    return with_runner(update, [&](Runner& runner, Runner& second) {
      auto lock = lock_project(update.check.project);
      if (!lock) return finish_interrupted(2);
      UpdateOutcome outcome = update_expected(UpdateOptions{update.check, write_guide_too, record_durations}, runner, second);
      for (const auto& message : outcome.messages) std::printf("%s\n", message.c_str());
      if (outcome.exit_code == 2) {
        spdlog::error("{}", outcome.error);
        return finish_interrupted(2);
      }
      if (write_guide_too)
        std::printf("claims: %d rewritten, %d still differ from what the samples print\n", outcome.claims_rewritten,
                    outcome.claims_still_wrong);
      if (!quiet && outcome.reused > 0)
        std::printf("%d of %d first runs reused from the result cache\n", outcome.reused, outcome.ran);
      std::printf("%d written, %d unchanged, %d refused, %d removed\n", outcome.written, outcome.unchanged,
                  outcome.refused, outcome.removed);
      return finish_interrupted(outcome.exit_code);
    }, RunnerSetup{/*preload_second=*/true, /*cached=*/!update.no_cache});
  }
  return 2;
}

}  // namespace guidecheck
