#pragma once
// Private scratch space under TMPDIR: created fresh, never reused, removed
// when its owner goes.

#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

/// A directory that only this user can enter (mode 0700), named by mkdtemp
/// under $TMPDIR (default /tmp), so another local user can neither predict
/// it nor plant symlinks in it. Removed, without following symlinks, when
/// the object is destroyed. Move-only.
class ScratchDir {
 public:
  /// Creates `$TMPDIR/guidecheck-PURPOSE-XXXXXX`; std::nullopt with
  /// *err = "TMPDIR=...: cannot create a scratch directory: reason".
  static std::optional<ScratchDir> create(std::string_view purpose, std::string* err);

  ScratchDir(ScratchDir&& other) noexcept;
  ScratchDir& operator=(ScratchDir&& other) noexcept;
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();

  const std::string& path() const { return path_; }

  /// Writes a new file `name` (a plain name, or "sub/name" whose
  /// subdirectories are created 0700) holding `content`. Refuses to
  /// overwrite or to follow a symlink (O_EXCL | O_NOFOLLOW). Returns its
  /// path, or std::nullopt with *err = "path: reason".
  std::optional<std::string> write_new_file(std::string_view name, std::string_view content, std::string* err) const;

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace guidecheck
