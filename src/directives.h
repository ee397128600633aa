#pragma once
// snippets/guidecheck.toml: what a maintainer says about samples that cannot
// run as written. Hand-edited; `extract` never rewrites it.
//
//   [q42]
//   stdin = "7\n"                       # text the sample reads
//   prelude = "def fetch_data(): ..."   # runs first, defines missing names
//   timeout = 10                        # seconds
//   requires = ["pandas>=2.1"]          # unmet: skipped with the reason
//   pytest = true                       # run it through pytest
//   skip = "needs a database"           # never run, with the reason
//   continues = "q12"                   # runs after q12 (a list, or false: alone)
//   network = true                      # the host's network (sandbox)
//   writable = ["data/out"]             # may write there too (sandbox)
//   env = ["API_URL", "MODE=test"]      # variables beyond the sandbox's allowlist

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guidecheck {

struct Requirement {
  std::string package;  ///< distribution name, e.g. "pandas"
  std::string op;       ///< ">=", ">", "<=", "<", "==", "!="
  std::string version;  ///< e.g. "2.1"
  std::string text;     ///< as written, for messages
};

struct SnippetDirectives {
  std::optional<std::string> stdin_text;
  std::string prelude;
  std::optional<double> timeout_s;
  std::vector<Requirement> requirements;
  std::optional<bool> pytest;  ///< nullopt: auto-detect
  std::optional<std::string> skip;
  /// Overrides the samples it continues (continuation.h); an empty list:
  /// it runs alone. nullopt: as the reader found.
  std::optional<std::vector<std::string>> continues;
  bool network = false;
  /// As written: absolute, or relative to the directory `check` runs in.
  std::vector<std::string> writable;
  std::vector<std::string> env;  ///< "NAME" (passed through) or "NAME=value"
  int line = 0;  ///< where the [id] table starts, for messages
};

/// The longest timeout a run may have (a day): beyond it a number is a typo.
constexpr double kMaxTimeoutSeconds = 86400;
/// Finite, above 0 and at most kMaxTimeoutSeconds.
bool valid_timeout(double seconds);

struct Directives {
  std::string path;
  std::map<std::string, SnippetDirectives> by_id;

  /// The directives of `id` (empty ones when it has none).
  const SnippetDirectives& of(const std::string& id) const;
};

/// Parses the directives file. A missing file is no error (no directives).
/// Unknown keys, bad values and TOML syntax errors fail with
/// "path:line: reason".
bool load_directives(const std::string& path, Directives* directives, std::string* err);
/// Same, from text (for tests and in-memory guides).
bool parse_directives(const std::string& text, const std::string& path, Directives* directives, std::string* err);

/// Parses "pandas>=2.1"; false when it is not of that shape.
bool parse_requirement(const std::string& text, Requirement* requirement);
/// -1, 0 or 1 comparing dotted versions numerically ("1.5.3" < "2.1";
/// a non-numeric tail such as "rc1" compares as text).
int compare_versions(const std::string& a, const std::string& b);
/// Empty when `installed` (nullopt: not installed) satisfies the requirement,
/// else the reason, e.g. "requires pandas>=2.1, found 1.5.3".
std::string unmet_reason(const Requirement& requirement, const std::optional<std::string>& installed);

}  // namespace guidecheck
