#include "fd.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

namespace guidecheck {

void UniqueFd::reset(int fd) {
  // Don't retry close on EINTR: on Linux the descriptor is already gone.
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

bool Pipe::create(Pipe* pipe, std::string* err) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    *err = std::string("pipe: ") + strerror(errno);
    return false;
  }
  pipe->read_end.reset(fds[0]);
  pipe->write_end.reset(fds[1]);
  return true;
}

bool Pipe::create_polled(Pipe* pipe, std::string* err) {
  if (!create(pipe, err)) return false;
  // A new pipe's read end has no status flag to keep.
  if (::fcntl(pipe->read_end.get(), F_SETFL, O_NONBLOCK) == 0) return true;
  *err = std::string("pipe: ") + strerror(errno);
  return false;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

long read_some(int fd, char* buffer, unsigned long size) {
  for (;;) {
    ssize_t n = ::read(fd, buffer, size);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

}  // namespace guidecheck
