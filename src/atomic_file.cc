#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <string_view>

#include "fd.h"

namespace guidecheck {
namespace {

std::string failure(const std::string& path, std::string_view what, int error) {
  std::string message = path + ": ";
  if (!what.empty()) message += std::string(what) + ": ";
  return message + strerror(error);
}

// The process umask, read without changing it: umask(2) can only be read by
// setting it, which races with other threads creating files.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(strtoul(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

// Reads all of `fd`; false with errno set on a read error.
bool read_all(int fd, std::string* content) {
  content->clear();
  char buffer[65536];
  for (;;) {
    long n = read_some(fd, buffer, sizeof buffer);
    if (n < 0) return false;
    if (n == 0) return true;
    content->append(buffer, static_cast<size_t>(n));
  }
}

// True when the open regular file `fd` of `size` bytes holds exactly `content`.
bool has_content(int fd, off_t size, std::string_view content) {
  if (static_cast<size_t>(size) != content.size()) return false;
  std::string existing;
  return read_all(fd, &existing) && existing == content;
}

}  // namespace

bool read_file(const std::string& path, std::string* content, std::string* err) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    *err = failure(path, "", errno);
    return false;
  }
  struct stat st;
  if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) {
    *err = failure(path, "", EISDIR);
    return false;
  }
  if (!read_all(fd.get(), content)) {
    *err = failure(path, "", errno);
    return false;
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view content, std::string* err) {
  // Replace the target of a symlink, not the link itself.
  std::string target = path;
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) {
      *err = failure(path, "cannot resolve symlink", errno);
      return false;
    }
    target = resolved;
    free(resolved);
  }

  mode_t mode = 0644 & ~current_umask();
  UniqueFd existing(::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (existing && ::fstat(existing.get(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      *err = failure(path, "", EISDIR);
      return false;
    }
    mode = st.st_mode & 07777;
    if (S_ISREG(st.st_mode) && has_content(existing.get(), st.st_size, content)) return true;
  } else if (!existing && errno != ENOENT) {
    // Unreadable but maybe replaceable (that depends on the directory): keep
    // its mode if we can see it, and write without comparing.
    if (::stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
  }
  existing.reset();

  size_t slash = target.rfind('/');
  std::string directory = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  // Keep the temp name within NAME_MAX (255) even for long file names.
  std::string temp = directory + "/." + name.substr(0, 200) + std::string(kTempFileMarker) + "XXXXXX";

  UniqueFd fd(::mkostemp(temp.data(), O_CLOEXEC));
  if (!fd) {
    *err = failure(path, "cannot create temporary file", errno);
    return false;
  }
  auto fail = [&](std::string_view what, int error) {
    fd.reset();
    ::unlink(temp.c_str());
    *err = failure(path, what, error);
    return false;
  };
  if (::fchmod(fd.get(), mode) != 0) return fail("cannot set mode", errno);
  if (!write_all(fd.get(), content)) return fail("cannot write", errno);
  if (::fsync(fd.get()) != 0) return fail("cannot sync", errno);
  // close can report deferred write errors (NFS, quotas): check it.
  if (::close(fd.release()) != 0) return fail("cannot write", errno);
  if (::rename(temp.c_str(), target.c_str()) != 0) return fail("cannot replace", errno);

  // Make the rename itself durable. Some file systems cannot sync a
  // directory (EINVAL); the rename is then as durable as they allow.
  UniqueFd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir || (::fsync(dir.get()) != 0 && errno != EINVAL)) {
    *err = failure(path, "cannot sync directory", errno);
    return false;
  }
  return true;
}

}  // namespace guidecheck
