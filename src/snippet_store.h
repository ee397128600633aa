#pragma once
// snippets/ and expected/ on disk: which snippets exist, their approved
// outputs, and the durations remembered for scheduling (the machine's own,
// and those the project records).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sample.h"

namespace guidecheck {

/// Natural order of sample ids, the order samples are listed in: runs of
/// digits compare as numbers, everything else byte by byte, and an id that
/// is a prefix of another comes first, so q2 < q10 < q100 and
/// q10 < q10-2 < q11 (guide order for the samples of numbered items). Ids
/// that differ only in leading zeros (q02, q2) fall back to byte order, so
/// the order is total.
bool id_less(std::string_view a, std::string_view b);

class SnippetStore {
 public:
  SnippetStore(std::string snippets_dir, std::string expected_dir, std::string cache_dir);

  /// The snippets (snippets/*.py) in id_less order, as samples that know
  /// only their id, path and source (the manifest knows the rest). False
  /// with *err when the directory cannot be read.
  bool list(std::vector<Sample>* snippets, std::string* err) const;

  std::string expected_path(const std::string& id) const;
  /// The approved stdout of a snippet; nullopt when it has none yet, or
  /// when its file cannot be read (a directory, no permission): then
  /// *unreadable, when given, says why.
  std::optional<std::string> read_expected(const std::string& id, std::string* unreadable = nullptr) const;
  /// Replaces the approved stdout atomically; unchanged content is not
  /// rewritten. *changed tells whether the file changed.
  bool write_expected(const std::string& id, const std::string& content, bool* changed, std::string* err) const;
  /// Ids with an expected/<id>.out but no snippet, in id_less order.
  std::vector<std::string> stale_expected(const std::vector<Sample>& snippets) const;
  bool remove_expected(const std::string& id, std::string* err) const;
  /// Removes temp files an interrupted atomic write left in expected/;
  /// returns how many.
  int remove_stale_temp_files() const;

  /// What earlier runs on this machine took, by id: their durations, for
  /// longest-first scheduling, and their CPU time (only where it was
  /// measured), to tell a run that mostly waits from one that computes.
  struct RunTimes {
    std::map<std::string, double> seconds;
    std::map<std::string, double> cpu_seconds;
  };
  RunTimes load_run_times() const;
  /// load_run_times()'s durations alone.
  std::map<std::string, double> load_durations() const;
  /// Merges `durations` and `cpu_seconds` into the remembered ones. Best
  /// effort: a cache.
  void save_durations(const std::map<std::string, double>& durations,
                      const std::map<std::string, double>& cpu_seconds = {}) const;

  /// snippets/durations.json, the durations `update` records for the
  /// project (see recorded_durations.h).
  std::string recorded_durations_path() const;
  /// Empty when there is no such file; nullopt with *err ("snippets/
  /// durations.json:3: ...") when it cannot be read or parsed.
  std::optional<std::map<std::string, double>> load_recorded_durations(std::string* err) const;
  /// Replaces the file atomically; unchanged content is not rewritten.
  bool save_recorded_durations(const std::map<std::string, double>& durations, bool* changed,
                               std::string* err) const;

  const std::string& snippets_dir() const { return snippets_dir_; }
  const std::string& expected_dir() const { return expected_dir_; }

 private:
  std::string snippets_dir_;
  std::string expected_dir_;
  std::string cache_dir_;
};

}  // namespace guidecheck
