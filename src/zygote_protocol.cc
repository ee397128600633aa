#include "zygote_protocol.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <memory>
#include <optional>

#include <cstdint>

namespace guidecheck {
namespace {
constexpr size_t kMaxMessage = 256 * 1024;
constexpr size_t kMaxFds = 3;
}  // namespace

// A message is a tag byte, 'R' (run) or 'K' (kill), then its fields in a
// fixed order: numbers as 8 bytes, little-endian; strings as their length
// and bytes; lists of strings as their count and strings. Both ends are this
// file: a run costs the host and the zygote no JSON tree, whose allocations
// the zygote would pay for in copy-on-write faults.
class WireWriter {
 public:
  explicit WireWriter(char tag) { bytes_.push_back(tag); }
  void number(uint64_t value) {
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
  void text(std::string_view value) {
    number(value.size());
    bytes_.append(value);
  }
  void texts(const std::vector<std::string>& values) {
    number(values.size());
    for (const std::string& value : values) text(value);
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what WireWriter wrote; any read past the end fails, and so does every one after it.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}
  bool number(uint64_t* value) {
    if (data_.size() < 8) return fail();
    *value = 0;
    for (int i = 0; i < 8; ++i) *value |= uint64_t{static_cast<unsigned char>(data_[static_cast<size_t>(i)])} << (8 * i);
    data_.remove_prefix(8);
    return true;
  }
  bool text(std::string* value) {
    uint64_t size = 0;
    if (!number(&size) || size > data_.size()) return fail();
    value->assign(data_.substr(0, size));
    data_.remove_prefix(size);
    return true;
  }
  bool texts(std::vector<std::string>* values) {
    uint64_t count = 0;
    if (!number(&count) || count > data_.size() / 8) return fail();  // each takes 8 bytes at least
    values->resize(count);
    for (std::string& value : *values)
      if (!text(&value)) return false;
    return true;
  }
  bool at_end() const { return ok_ && data_.empty(); }

 private:
  bool fail() {
    ok_ = false;
    data_ = {};
    return false;
  }
  std::string_view data_;
  bool ok_ = true;
};

std::string encode_request(const RunRequest& request) {
  WireWriter out('R');
  out.text(request.path);
  out.texts(request.args);
  out.text(request.marker);
  out.text(to_string(request.mode));
  out.number(request.memory_limit);
  out.text(request.prelude);
  out.number(request.network ? 1 : 0);
  out.texts(request.writable);
  out.texts(request.env);
  return out.take();
}

std::string encode_kill(int pid) {
  WireWriter out('K');
  out.number(static_cast<uint64_t>(pid));
  return out.take();
}

bool decode_message(std::string_view data, RunRequest* request, int* kill_pid, std::string* err) {
  *kill_pid = 0;
  const char tag = data.empty() ? '\0' : data.front();
  WireReader in(data.substr(data.empty() ? 0 : 1));
  if (tag == 'K') {
    uint64_t pid = 0;
    if (in.number(&pid) && in.at_end() && pid > 0 && pid <= INT32_MAX) {
      *kill_pid = static_cast<int>(pid);
      return true;
    }
    *err = "bad kill request";
    return false;
  }
  std::string mode;
  uint64_t network = 0;
  if (tag != 'R' || !in.text(&request->path) || !in.texts(&request->args) || !in.text(&request->marker) ||
      !in.text(&mode) || !in.number(&request->memory_limit) || !in.text(&request->prelude) || !in.number(&network) ||
      !in.texts(&request->writable) || !in.texts(&request->env) || !in.at_end()) {
    *err = "bad run request: not a whole message";
    return false;
  }
  request->network = network != 0;
  std::optional<SnippetMode> known = snippet_mode_named(mode);
  if (!known) {
    *err = "bad run request: unknown mode '" + mode + "'";
    return false;
  }
  request->mode = *known;
  return true;
}

bool send_message(int socket, std::string_view data, const std::vector<int>& fds, std::string* err) {
  struct iovec iov{const_cast<char*>(data.data()), data.size()};
  struct msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxFds)] = {};
  if (!fds.empty()) {
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
    struct cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    memcpy(CMSG_DATA(cmsg), fds.data(), sizeof(int) * fds.size());
  }
  for (;;) {
    if (sendmsg(socket, &msg, MSG_NOSIGNAL) >= 0) return true;
    if (errno == EINTR) continue;
    *err = std::string("sendmsg: ") + strerror(errno);
    return false;
  }
}

bool receive_message(int socket, std::string* data, std::vector<UniqueFd>* fds, std::string* err) {
  // One buffer for the process's life, never zeroed: in the zygote every
  // page written after a fork is a copy-on-write fault, and a message fills
  // only the first page or two of it.
  static thread_local const std::unique_ptr<char[]> buffer(new char[kMaxMessage]);
  struct iovec iov{buffer.get(), kMaxMessage};
  struct msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxFds)] = {};
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  ssize_t n;
  do {
    n = recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  err->clear();
  if (n < 0) {
    *err = std::string("recvmsg: ") + strerror(errno);
    return false;
  }
  fds->clear();
  for (struct cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
    if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
    size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int fd;
      memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
      fds->emplace_back(fd);
    }
  }
  if (n == 0 && fds->empty()) return false;  // peer closed
  if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
    *err = "message truncated";
    return false;
  }
  data->assign(buffer.get(), static_cast<size_t>(n));
  return true;
}

}  // namespace guidecheck
