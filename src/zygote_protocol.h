#pragma once
// Messages between the host and its zygote over a SOCK_SEQPACKET socket.
// A run request travels with three descriptors (stdin, stdout and stderr of
// the run) as SCM_RIGHTS; everything about the run's outcome then comes back
// on its stdout pipe (output_protocol.h), not on this socket.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fd.h"
#include "snippet_main.h"

namespace guidecheck {

struct RunRequest {
  std::string path;
  std::vector<std::string> args;
  std::string marker;
  SnippetMode mode = SnippetMode::kScript;
  uint64_t memory_limit = 0;  ///< bytes the snippet may add; 0: unlimited
  std::string prelude;        ///< Python run in __main__ before the snippet
  bool network = false;       ///< sandbox: the host's network
  std::vector<std::string> writable;  ///< sandbox: absolute paths it may write
  std::vector<std::string> env;       ///< sandbox: "NAME" or "NAME=value" beyond the allowlist
};

/// The host asks the zygote to kill a run it started (the pid it reported,
/// as the zygote sees it: inside the sandbox's PID namespace).
std::string encode_kill(int pid);
/// A message is either a run request or a kill; *kill_pid > 0 for a kill.
bool decode_message(std::string_view data, RunRequest* request, int* kill_pid, std::string* err);

std::string encode_request(const RunRequest& request);

/// Sends one message with up to 3 descriptors attached.
bool send_message(int socket, std::string_view data, const std::vector<int>& fds, std::string* err);
/// Receives one message and its descriptors (made O_CLOEXEC). Returns false
/// at end of stream (with *err empty) or on error (with *err set).
bool receive_message(int socket, std::string* data, std::vector<UniqueFd>* fds, std::string* err);

}  // namespace guidecheck
