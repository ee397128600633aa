#include "result_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

#include "atomic_file.h"
#include "embedded_python.h"
#include "fd.h"
#include "importable_packages.h"
#include "field_digest.h"
#include "outcome_codec.h"
#include "run_identity.h"
#include "search_path_memo.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// Beside the entries, and never trimmed: it saves starting the interpreter.
constexpr const char* kSearchPathMemo = "search-path";

// A run that may reach outside its sandbox depends on more than its key.
bool may_store_spec(const RunSpec& spec) { return !spec.sandbox.network && spec.sandbox.writable.empty(); }

// Only a run that ended on its own, whole, is worth the same next time.
bool may_store_outcome(const RunOutcome& outcome) {
  return (outcome.status == RunStatus::kOk || outcome.status == RunStatus::kError) && outcome.error.empty() &&
         !outcome.interrupted && !outcome.never_started && !outcome.stdout_truncated && !outcome.stderr_truncated &&
         outcome.leftovers_killed == 0;
}

// The cache needs no durability: a torn entry reads as a miss. So no fsync,
// only a private temporary file renamed into place.
void write_entry(const std::string& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::string temporary = path + ".XXXXXX";
  UniqueFd fd(mkstemp(temporary.data()));
  if (!fd) return;
  bool written = ::write(fd.get(), content.data(), content.size()) == static_cast<ssize_t>(content.size());
  fd.reset();
  if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) ::unlink(temporary.c_str());
}

// What a run can import: the digest over sys.path, as the memo beside the
// entries has it (the host's interpreter reads it when the memo cannot).
std::string importable_packages(const std::string& cache_dir) {
  const std::string host_interpreter = std::string(GUIDECHECK_PYTHON_EXECUTABLE) + " " + python_build();
  return importable_packages_digest(remembered_search_path((fs::path(cache_dir) / kSearchPathMemo).string(),
                                                           host_interpreter, interpreter_search_path_facts));
}

}  // namespace

CachingRunner::CachingRunner(Runner& inner, ResultCacheSettings settings)
    : inner_(inner), settings_(std::move(settings)) {}

CachingRunner::~CachingRunner() { trim_result_cache(settings_.dir, settings_.max_bytes); }

std::string CachingRunner::entry_path(const RunSpec& spec) {
  if (interpreter_.empty())
    interpreter_ = inner_.interpreter_identity() + "\npackages=" + importable_packages(settings_.dir) + "\n";
  std::string key = run_identity(spec, interpreter_) + local_imports_.digest(spec);
  return (fs::path(settings_.dir) / key.substr(0, 2) / key).string();
}

std::vector<RunOutcome> CachingRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  std::vector<RunOutcome> outcomes(specs.size());
  std::vector<std::string> paths(specs.size());
  std::vector<RunSpec> misses;
  std::vector<size_t> miss_index;
  for (size_t i = 0; i < specs.size(); ++i) {
    std::string bytes, err;
    if (may_store_spec(specs[i])) {
      paths[i] = entry_path(specs[i]);
      if (read_file(paths[i], &bytes, &err))
        if (std::optional<RunOutcome> cached = decode_outcome(bytes)) {
          ::utimensat(AT_FDCWD, paths[i].c_str(), nullptr, 0);  // recently used
          outcomes[i] = std::move(*cached);
          outcomes[i].cached = true;
          if (progress) progress(i, outcomes[i]);
          continue;
        }
    }
    misses.push_back(specs[i]);
    miss_index.push_back(i);
  }
  if (misses.empty()) return outcomes;
  std::vector<RunOutcome> ran = inner_.run(misses, [&](size_t k, const RunOutcome& outcome) {
    if (progress) progress(miss_index[k], outcome);
  });
  for (size_t k = 0; k < ran.size(); ++k) {
    size_t i = miss_index[k];
    if (!paths[i].empty() && may_store_outcome(ran[k])) write_entry(paths[i], encode_outcome(ran[k]));
    outcomes[i] = std::move(ran[k]);
  }
  return outcomes;
}

void CachingRunner::prepare(const std::vector<RunSpec>& specs) {
  std::vector<RunSpec> misses;
  for (const RunSpec& spec : specs)
    if (!may_store_spec(spec) || ::access(entry_path(spec).c_str(), F_OK) != 0) misses.push_back(spec);
  if (!misses.empty()) inner_.prepare(misses);
}

void CachingRunner::forget(const RunSpec& spec) {
  if (may_store_spec(spec)) ::unlink(entry_path(spec).c_str());
}

void trim_result_cache(const std::string& dir, uint64_t max_bytes) {
  struct Entry {
    fs::path path;
    uint64_t size;
    fs::file_time_type used;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().filename() == kSearchPathMemo) continue;
    Entry entry{it->path(), it->file_size(ec), it->last_write_time(ec)};
    total += entry.size;
    entries.push_back(std::move(entry));
  }
  if (total <= max_bytes) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  // Down to nine tenths, so that the next checks do not trim again at once.
  for (const Entry& entry : entries) {
    if (total <= max_bytes / 10 * 9) break;
    if (fs::remove(entry.path, ec)) total -= entry.size;
  }
}

}  // namespace guidecheck
