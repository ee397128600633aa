#include "process_bound.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <utility>

#include "fd.h"
#include <sstream>

namespace guidecheck {
namespace {

bool write_text(const std::string& path, std::string_view text, std::string* err) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  if (!fd || ::write(fd.get(), text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    *err = fmt::format("{}: {}", path, std::strerror(errno));
    return false;
  }
  return true;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
  return parts;
}

// The directory of this process's cgroup in the hierarchy that has the pids
// controller, and whether that hierarchy is v2; "" when there is none.
std::string own_pids_cgroup(bool* unified) {
  // /proc/self/cgroup: "8:pids:/path" (v1) or "0::/path" (v2).
  std::string v1_path, v2_path;
  bool has_v1 = false, has_v2 = false;
  std::ifstream cgroups("/proc/self/cgroup");
  for (std::string line; std::getline(cgroups, line);) {
    std::vector<std::string> fields = split(line, ':');
    if (fields.size() < 3) continue;
    std::string path = line.substr(fields[0].size() + fields[1].size() + 2);
    if (fields[0] == "0" && fields[1].empty()) {
      has_v2 = true;
      v2_path = path;
    }
    for (const std::string& controller : split(fields[1], ','))
      if (controller == "pids") {
        has_v1 = true;
        v1_path = path;
      }
  }
  // /proc/self/mountinfo: "... root mountpoint ... - fstype source options".
  std::ifstream mounts("/proc/self/mountinfo");
  for (std::string line; std::getline(mounts, line);) {
    size_t dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::vector<std::string> before = split(line.substr(0, dash), ' ');
    std::vector<std::string> after = split(line.substr(dash + 3), ' ');
    if (before.size() < 5 || after.size() < 3) continue;
    const std::string& root = before[3];
    const std::string& mount_point = before[4];
    bool v1_pids = false;
    for (const std::string& option : split(after[2], ',')) v1_pids = v1_pids || option == "pids";
    std::string path;
    if (has_v1 && after[0] == "cgroup" && v1_pids) {
      path = v1_path;
      *unified = false;
    } else if (!has_v1 && has_v2 && after[0] == "cgroup2") {
      path = v2_path;
      *unified = true;
    } else {
      continue;
    }
    // The mount shows the hierarchy from `root` down (a container sees its own part).
    if (root != "/" && path.rfind(root, 0) == 0) path = path.substr(root.size());
    return mount_point + (path == "/" ? "" : path);
  }
  return "";
}

// Removes the empty groups of zygotes that were killed before they could:
// a live zygote is in its own group, which is therefore never empty.
void remove_abandoned_groups(const std::string& parent) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(parent, ec))
    if (entry.path().filename().string().rfind("guidecheck-", 0) == 0) ::rmdir(entry.path().c_str());
}

}  // namespace

std::optional<ProcessBound> ProcessBound::enter(std::string* why_not) {
  bool unified = false;
  std::string parent = own_pids_cgroup(&unified);
  if (parent.empty()) {
    *why_not = "no pids cgroup is mounted";
    return std::nullopt;
  }
  // v2 enables a controller for the groups below a group, not in it.
  if (unified && !write_text(parent + "/cgroup.subtree_control", "+pids", why_not)) return std::nullopt;
  remove_abandoned_groups(parent);
  // Inside the sandbox's PID namespace every zygote is pid 1: a random name.
  std::random_device random;
  std::string group = fmt::format("{}/guidecheck-{:08x}{:08x}", parent, random(), random());
  if (::mkdir(group.c_str(), 0700) != 0) {
    *why_not = fmt::format("{}: {}", group, std::strerror(errno));
    return std::nullopt;
  }
  ProcessBound bound(parent, group);
  if (!bound.allow_runs(0, 0, why_not) || !write_text(group + "/cgroup.procs", "0", why_not)) {
    bound.group_.clear();
    ::rmdir(group.c_str());
    return std::nullopt;
  }
  return bound;
}

ProcessBound::ProcessBound(ProcessBound&& other) noexcept
    : parent_(std::move(other.parent_)), group_(std::exchange(other.group_, "")) {}

ProcessBound& ProcessBound::operator=(ProcessBound&& other) noexcept {
  std::swap(parent_, other.parent_);
  std::swap(group_, other.group_);
  return *this;
}

ProcessBound::~ProcessBound() {
  if (group_.empty()) return;
  std::string ignored;
  write_text(parent_ + "/cgroup.procs", "0", &ignored);
  ::rmdir(group_.c_str());
}

bool ProcessBound::allow_runs(int live_runs, uint64_t per_run, std::string* err) {
  return write_text(group_ + "/pids.max", std::to_string(1 + static_cast<uint64_t>(live_runs) * per_run), err);
}

}  // namespace guidecheck
