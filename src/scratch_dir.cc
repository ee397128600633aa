#include "scratch_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "fd.h"

namespace guidecheck {

namespace fs = std::filesystem;

std::optional<ScratchDir> ScratchDir::create(std::string_view purpose, std::string* err) {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = tmp && *tmp ? tmp : "/tmp";
  std::string templ = fmt::format("{}/guidecheck-{}-XXXXXX", base, purpose);
  // mkdtemp creates the directory 0700 with a name nobody could claim first.
  if (!mkdtemp(templ.data())) {
    *err = fmt::format("TMPDIR={}: cannot create a scratch directory: {}", base, strerror(errno));
    return std::nullopt;
  }
  return ScratchDir(std::move(templ));
}

ScratchDir::ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

ScratchDir& ScratchDir::operator=(ScratchDir&& other) noexcept {
  if (this != &other) {
    ScratchDir old(std::move(*this));
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);  // removes symlinks themselves, never their targets
}

std::optional<std::string> ScratchDir::write_new_file(std::string_view name, std::string_view content,
                                                      std::string* err) const {
  std::string path = path_;
  size_t start = 0;
  for (size_t slash; (slash = name.find('/', start)) != std::string_view::npos; start = slash + 1) {
    path += "/" + std::string(name.substr(start, slash - start));
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
      *err = fmt::format("{}: {}", path, strerror(errno));
      return std::nullopt;
    }
  }
  path += "/" + std::string(name.substr(start));
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd) {
    *err = fmt::format("{}: {}", path, strerror(errno));
    return std::nullopt;
  }
  if (!write_all(fd.get(), content)) {
    *err = fmt::format("{}: {}", path, strerror(errno));
    return std::nullopt;
  }
  return path;
}

}  // namespace guidecheck
