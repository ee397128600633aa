#pragma once
// Owned file descriptors and pipes.

#include <string>
#include <string_view>
#include <utility>

namespace guidecheck {

/// Move-only owner of a file descriptor; closes it on destruction.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  explicit operator bool() const { return valid(); }
  /// Gives up ownership without closing.
  int release() { return std::exchange(fd_, -1); }
  /// Closes the current descriptor (if any) and owns `fd` instead.
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

/// Both ends of a pipe, created with O_CLOEXEC.
struct Pipe {
  UniqueFd read_end;
  UniqueFd write_end;
  /// Creates a pipe; on failure sets *err and returns false.
  static bool create(Pipe* pipe, std::string* err);
  /// The same, its read end non-blocking (a poll loop's), its write end not
  /// (what a child writes to).
  static bool create_polled(Pipe* pipe, std::string* err);
};

/// Writes all of `data`, retrying on EINTR and short writes.
bool write_all(int fd, std::string_view data);
/// read(2) retried on EINTR; returns what read returns.
long read_some(int fd, char* buffer, unsigned long size);

}  // namespace guidecheck
