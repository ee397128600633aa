#include "search_path_memo.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "atomic_file.h"

namespace fs = std::filesystem;

namespace guidecheck {
namespace {

constexpr std::string_view kHeader = "guidecheck search path memo 1";

// site.py reads these from the environment even when Python ignores its
// own PYTHON* variables.
constexpr const char* kSiteEnvironment[] = {"HOME", "PYTHONUSERBASE"};

// A change this close to the question may share its timestamp with a
// later one (file times advance by the kernel's clock tick, a few ms): such
// a memo could not tell them apart, so it is not written.
constexpr int64_t kRacyWindowNs = 50'000'000;

int64_t nanoseconds(const timespec& t) { return int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; }

// Identity and last change of a file or directory, or "-" when absent. The
// change time catches a file rewritten in place to the same size.
std::string file_state(const std::string& path, int64_t* changed_ns = nullptr) {
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) return "-";
  if (changed_ns) *changed_ns = std::max(nanoseconds(st.st_mtim), nanoseconds(st.st_ctim));
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(nanoseconds(st.st_mtim)) + ":" + std::to_string(nanoseconds(st.st_ctim));
}

int64_t now_ns() {
  timespec t{};
  clock_gettime(CLOCK_REALTIME, &t);
  return nanoseconds(t);
}

std::vector<std::string> watched_paths(const SearchPathFacts& facts) {
  std::vector<std::string> paths = facts.inputs;
  paths.insert(paths.end(), facts.search_path.begin(), facts.search_path.end());
  for (const std::string& dir : facts.site_dirs) {
    paths.push_back(dir);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".pth") paths.push_back(it->path().string());
  }
  paths.erase(std::remove(paths.begin(), paths.end(), std::string()), paths.end());
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

std::string environment_line(const char* name) {
  std::string line = "env ";
  line += name;
  if (const char* value = std::getenv(name)) line.append("=").append(value);
  return line;
}

// The memo's text, or "" when something that decided sys.path changed too
// close to `asked_ns` (when the interpreter was asked) to be trusted.
std::string memo_text(const std::string& interpreter, const SearchPathFacts& facts, int64_t asked_ns) {
  std::string text = std::string(kHeader) + "\ninterpreter " + interpreter + "\n";
  for (const char* name : kSiteEnvironment) text += environment_line(name) + "\n";
  for (const std::string& path : watched_paths(facts)) {
    int64_t changed_ns = 0;
    text += "watch " + file_state(path, &changed_ns) + " " + path + "\n";
    if (changed_ns > asked_ns - kRacyWindowNs) return "";
  }
  for (const std::string& entry : facts.search_path) text += "entry " + entry + "\n";
  return text;
}

// The memo's sys.path when every line still holds; nullopt otherwise.
std::optional<std::vector<std::string>> still_true(const std::string& text, const std::string& interpreter) {
  std::istringstream lines(text);
  std::string line;
  if (!std::getline(lines, line) || line != kHeader) return std::nullopt;
  if (!std::getline(lines, line) || line != "interpreter " + interpreter) return std::nullopt;
  for (const char* name : kSiteEnvironment)
    if (!std::getline(lines, line) || line != environment_line(name)) return std::nullopt;
  std::vector<std::string> search_path;
  while (std::getline(lines, line)) {
    if (line.rfind("entry ", 0) == 0) {
      search_path.push_back(line.substr(6));
    } else if (line.rfind("watch ", 0) == 0 && search_path.empty()) {
      size_t space = line.find(' ', 6);
      if (space == std::string::npos) return std::nullopt;
      if (file_state(line.substr(space + 1)) != line.substr(6, space - 6)) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (search_path.empty()) return std::nullopt;
  return search_path;
}

bool has_newline(const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(), [](const std::string& p) { return p.find('\n') != p.npos; });
}

}  // namespace

std::vector<std::string> remembered_search_path(const std::string& memo_path, const std::string& interpreter,
                                                const std::function<SearchPathFacts()>& ask) {
  std::string text, err;
  if (read_file(memo_path, &text, &err))
    if (std::optional<std::vector<std::string>> search_path = still_true(text, interpreter))
      return *search_path;
  const int64_t asked_ns = now_ns();
  SearchPathFacts facts = ask();
  // A path with a newline cannot be written one per line: ask every time.
  if (!facts.whole || facts.search_path.empty() || has_newline(facts.search_path) || has_newline(facts.site_dirs) ||
      has_newline(facts.inputs) || interpreter.find('\n') != std::string::npos)
    return facts.search_path;
  if (std::string memo = memo_text(interpreter, facts, asked_ns); !memo.empty()) {
    std::error_code ec;
    fs::create_directories(fs::path(memo_path).parent_path(), ec);
    write_file_atomically(memo_path, memo, &err);
  }
  return facts.search_path;
}

}  // namespace guidecheck
