#include "project_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>

#include <filesystem>

namespace guidecheck {

std::optional<ProjectLock> ProjectLock::acquire(const std::string& dir, const std::function<void()>& on_wait,
                                                std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) {
    *err = dir + ": " + strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) return ProjectLock(std::move(fd));
  if (errno != EWOULDBLOCK) {
    *err = dir + ": cannot lock: " + strerror(errno);
    return std::nullopt;
  }
  if (on_wait) on_wait();
  // No SA_RESTART on our SIGINT/SIGTERM handlers: Ctrl-C ends the wait.
  if (::flock(fd.get(), LOCK_EX) != 0) {
    *err = dir + (errno == EINTR ? ": interrupted while waiting for another guidecheck"
                                 : ": cannot lock: " + std::string(strerror(errno)));
    return std::nullopt;
  }
  return ProjectLock(std::move(fd));
}

}  // namespace guidecheck
