#include "snippet_store.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "recorded_durations.h"

namespace guidecheck {

namespace fs = std::filesystem;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool id_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      // Compare digit runs by value without parsing them (no overflow):
      // skip leading zeros, then the longer run is the larger number, and
      // runs of equal length compare as text.
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      size_t a_end = i, b_end = j;
      while (a_end < a.size() && is_digit(a[a_end])) ++a_end;
      while (b_end < b.size() && is_digit(b[b_end])) ++b_end;
      std::string_view a_run = a.substr(i, a_end - i), b_run = b.substr(j, b_end - j);
      if (a_run.size() != b_run.size()) return a_run.size() < b_run.size();
      if (a_run != b_run) return a_run < b_run;
      i = a_end;
      j = b_end;
      continue;
    }
    // A digit against another byte: every byte is either below '0' or above
    // '9', so comparing the bytes orders a number against it consistently.
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if (i < a.size() || j < b.size()) return j < b.size();
  return a < b;
}

SnippetStore::SnippetStore(std::string snippets_dir, std::string expected_dir, std::string cache_dir)
    : snippets_dir_(std::move(snippets_dir)), expected_dir_(std::move(expected_dir)), cache_dir_(std::move(cache_dir)) {}

bool SnippetStore::list(std::vector<Sample>* snippets, std::string* err) const {
  snippets->clear();
  std::error_code ec;
  fs::directory_iterator it(snippets_dir_, ec);
  if (ec) {
    *err = snippets_dir_ + ": cannot read the snippets directory: " + ec.message();
    return false;
  }
  for (const auto& entry : it) {
    const fs::path& path = entry.path();
    if (path.extension() != ".py" || !entry.is_regular_file(ec)) continue;
    std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;
    Sample sample;
    sample.id = path.stem().string();
    sample.path = path.string();
    std::string unreadable;  // then it runs as python3 would: and fails there, with the reason
    read_file(sample.path, &sample.source, &unreadable);
    snippets->push_back(std::move(sample));
  }
  std::sort(snippets->begin(), snippets->end(), [](const auto& a, const auto& b) { return id_less(a.id, b.id); });
  return true;
}

std::string SnippetStore::expected_path(const std::string& id) const {
  return (fs::path(expected_dir_) / (id + ".out")).string();
}

std::optional<std::string> SnippetStore::read_expected(const std::string& id, std::string* unreadable) const {
  std::string content, err;
  if (read_file(expected_path(id), &content, &err)) return content;
  std::error_code ec;
  if (unreadable && fs::symlink_status(expected_path(id), ec).type() != fs::file_type::not_found) *unreadable = err;
  return std::nullopt;
}

bool SnippetStore::write_expected(const std::string& id, const std::string& content, bool* changed,
                                  std::string* err) const {
  std::optional<std::string> old = read_expected(id);
  *changed = !old || *old != content;
  if (!*changed) return true;
  std::error_code ec;
  fs::create_directories(expected_dir_, ec);
  return write_file_atomically(expected_path(id), content, err);
}

std::vector<std::string> SnippetStore::stale_expected(const std::vector<Sample>& snippets) const {
  std::vector<std::string> stale;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(expected_dir_, ec)) {
    if (entry.path().extension() != ".out") continue;
    std::string id = entry.path().stem().string();
    bool known = std::any_of(snippets.begin(), snippets.end(), [&](const auto& s) { return s.id == id; });
    if (!known) stale.push_back(id);
  }
  std::sort(stale.begin(), stale.end(), id_less);
  return stale;
}

bool SnippetStore::remove_expected(const std::string& id, std::string* err) const {
  std::error_code ec;
  fs::remove(expected_path(id), ec);
  if (ec) *err = expected_path(id) + ": " + ec.message();
  return !ec;
}

int SnippetStore::remove_stale_temp_files() const {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(expected_dir_, ec)) {
    if (entry.path().filename().string().find(kTempFileMarker) == std::string::npos) continue;
    if (fs::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

namespace {

// .guidecheck/durations.json: {"q01": {"seconds": 0.5, "cpu_seconds": 0.02}}.
// An entry that is a bare number (seconds) is from before CPU time was kept.
std::string run_times_path(const std::string& cache_dir) { return (fs::path(cache_dir) / "durations.json").string(); }

nlohmann::json parse_run_times(const std::string& content) {
  auto json = nlohmann::json::parse(content, nullptr, false);
  return json.is_object() ? json : nlohmann::json::object();
}

nlohmann::json read_run_times(const std::string& cache_dir) {
  std::string content, err;
  if (!read_file(run_times_path(cache_dir), &content, &err)) return nlohmann::json::object();
  return parse_run_times(content);
}

std::map<std::string, double> run_time_field(const nlohmann::json& times, const char* field) {
  std::map<std::string, double> values;
  for (const auto& [id, entry] : times.items()) {
    const bool bare_seconds = entry.is_number() && std::string_view(field) == "seconds";
    if (bare_seconds) values[id] = entry.get<double>();
    if (entry.is_object() && entry.contains(field) && entry[field].is_number() && entry[field].get<double>() >= 0)
      values[id] = entry[field].get<double>();
  }
  return values;
}

}  // namespace

SnippetStore::RunTimes SnippetStore::load_run_times() const {
  const nlohmann::json times = read_run_times(cache_dir_);
  return {run_time_field(times, "seconds"), run_time_field(times, "cpu_seconds")};
}

std::map<std::string, double> SnippetStore::load_durations() const { return load_run_times().seconds; }

void SnippetStore::save_durations(const std::map<std::string, double>& durations,
                                  const std::map<std::string, double>& cpu_seconds) const {
  const std::string path = run_times_path(cache_dir_);
  std::string old_text, err;
  const bool had = read_file(path, &old_text, &err);
  nlohmann::json times = had ? parse_run_times(old_text) : nlohmann::json::object();
  for (const auto& [id, seconds] : durations) {
    nlohmann::json entry = {{"seconds", seconds}};
    if (auto cpu = cpu_seconds.find(id); cpu != cpu_seconds.end()) entry["cpu_seconds"] = cpu->second;
    times[id] = entry;
  }
  const std::string text = times.dump(1) + "\n";
  if (had && text == old_text) return;  // the result cache answered every run: nothing new to keep
  std::error_code ec;
  fs::create_directories(cache_dir_, ec);
  write_file_atomically(path, text, &err);
}

std::string SnippetStore::recorded_durations_path() const {
  return (fs::path(snippets_dir_) / "durations.json").string();
}

std::optional<std::map<std::string, double>> SnippetStore::load_recorded_durations(std::string* err) const {
  const std::string path = recorded_durations_path();
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::map<std::string, double>{};
  std::string content, why;
  if (!read_file(path, &content, &why)) {
    *err = path + ": " + why;
    return std::nullopt;
  }
  std::optional<Durations> durations = parse_recorded_durations(content, &why);
  if (!durations) *err = path + ":" + why;
  return durations;
}

bool SnippetStore::save_recorded_durations(const std::map<std::string, double>& durations, bool* changed,
                                           std::string* err) const {
  const std::string path = recorded_durations_path(), text = format_recorded_durations(durations);
  std::string old, ignored;
  *changed = !read_file(path, &old, &ignored) || old != text;
  return !*changed || write_file_atomically(path, text, err);
}

}  // namespace guidecheck
