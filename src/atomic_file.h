#pragma once
// Whole-file reads and durable, atomic whole-file replacement.

#include <string>
#include <string_view>

namespace guidecheck {

/// Writes `content` to `path` atomically: a temp file in the same directory
/// (created exclusively, O_CLOEXEC, named `.NAME.guidecheck-tmp-XXXXXX`, with
/// the mode of the existing file, or 0644 minus the umask for a new one),
/// write, fsync, rename over `path`, fsync the directory. Readers, and a crash
/// at any moment (even SIGKILL), see either the old or the new content, never
/// a mix. When `path` already holds exactly `content` nothing is written, so
/// its mtime stays as it was. A symlink at `path` is followed: its target is
/// replaced, the link stays. The owner of a replaced file is not preserved.
///
/// Returns false with *err = "path: reason" on failure, leaving `path`
/// untouched and no temp file behind. Two exceptions no API can avoid: a
/// crash between creating the temp file and the rename leaves that one temp
/// file behind, and a failure to fsync the directory is reported after the
/// rename already happened.
bool write_file_atomically(const std::string& path, std::string_view content, std::string* err);

/// Reads a whole file; false with *err = "path: reason" when it cannot.
bool read_file(const std::string& path, std::string* content, std::string* err);

/// The marker in temp file names: `.NAME` + kTempFileMarker + `XXXXXX`.
inline constexpr std::string_view kTempFileMarker = ".guidecheck-tmp-";

}  // namespace guidecheck
