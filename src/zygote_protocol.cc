#include "zygote_protocol.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

namespace guidecheck {
namespace {
constexpr size_t kMaxMessage = 256 * 1024;
constexpr size_t kMaxFds = 3;
}  // namespace

std::string encode_request(const RunRequest& request) {
  nlohmann::json j{{"path", request.path},
                   {"args", request.args},
                   {"marker", nlohmann::json::binary_t(std::vector<uint8_t>(request.marker.begin(), request.marker.end()))},
                   {"mode", std::string(to_string(request.mode))},
                   {"memory_limit", request.memory_limit},
                   {"prelude", request.prelude},
                   {"network", request.network},
                   {"writable", request.writable},
                   {"env", request.env}};
  auto bytes = nlohmann::json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

std::string encode_kill(int pid) {
  auto bytes = nlohmann::json::to_cbor(nlohmann::json{{"kill", pid}});
  return std::string(bytes.begin(), bytes.end());
}

bool decode_message(std::string_view data, RunRequest* request, int* kill_pid, std::string* err) {
  *kill_pid = 0;
  try {
    auto j = nlohmann::json::from_cbor(data.begin(), data.end());
    if (j.contains("kill")) {
      *kill_pid = j.at("kill").get<int>();
      if (*kill_pid > 0) return true;
      *err = "bad kill request";
      return false;
    }
    request->path = j.at("path").get<std::string>();
    request->args = j.at("args").get<std::vector<std::string>>();
    const auto& marker = j.at("marker").get_binary();
    request->marker.assign(marker.begin(), marker.end());
    const std::string mode = j.at("mode").get<std::string>();
    std::optional<SnippetMode> known = snippet_mode_named(mode);
    if (!known) {
      *err = "bad run request: unknown mode '" + mode + "'";
      return false;
    }
    request->mode = *known;
    request->memory_limit = j.at("memory_limit").get<uint64_t>();
    request->prelude = j.at("prelude").get<std::string>();
    request->network = j.at("network").get<bool>();
    request->writable = j.at("writable").get<std::vector<std::string>>();
    request->env = j.at("env").get<std::vector<std::string>>();
    return true;
  } catch (const std::exception& e) {
    *err = std::string("bad run request: ") + e.what();
    return false;
  }
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
