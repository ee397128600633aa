#include "zygote.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "embedded_python.h"
#include "module_list.h"

namespace guidecheck {

extern "C" char** environ;

namespace fs = std::filesystem;

namespace {

// What python3 runs to load the module (argv[1]) and hand it the zygote's
// arguments. The runs must not see it in sys.modules, nor the '' that -c
// puts first on sys.path: their path starts with their own directory, as
// under `python3 file.py`. A module python3 cannot load (another Python
// version, a damaged file) gives way to guidecheck itself (argv[2]).
constexpr const char* kLoadModule = R"(import _imp, sys
if sys.path and sys.path[0] == '': del sys.path[0]
try:
    zygote = _imp.create_dynamic(type('spec', (), {'name': 'guidecheck_zygote', 'origin': sys.argv[1]})())
except Exception as error:
    import os
    print(f"guidecheck: warning: python3 cannot load {sys.argv[1]} ({error}); samples run in guidecheck's own"
          " interpreter, which runs Python code slower", file=sys.stderr, flush=True)
    os.execv(sys.argv[2], ['guidecheck', '__zygote'] + sys.argv[3:])
sys.modules.pop('guidecheck_zygote', None)
zygote.serve(sys.argv[3:])
)";

// The zygote's environment: ours, and every symbol bound at start (lazily
// bound, each forked run would resolve, and copy the pages of, the symbols
// it calls all over again; the zygote takes the variable out again, so no
// sample inherits it). A python3 zygote gets no PYTHON* variable but the
// hash seed: it must start as the embedded interpreter does, which ignores
// them (embedded_python.h).
std::vector<std::string> zygote_environment(const ZygoteOptions& options, bool python3, bool* unset_bind_now) {
  std::vector<std::string> entries;
  for (char** e = environ; *e; ++e)
    if (!python3 || std::strncmp(*e, "PYTHON", 6) != 0) entries.emplace_back(*e);
  if (python3) entries.push_back("PYTHONHASHSEED=" + std::to_string(options.hash_seed));
  *unset_bind_now = !std::getenv("LD_BIND_NOW");
  if (*unset_bind_now) entries.push_back("LD_BIND_NOW=1");
  return entries;
}

// sys.executable of the runs, which also loads the zygote module.
std::string python_executable(const ZygoteOptions& options) {
  return options.executable.empty() ? GUIDECHECK_PYTHON_EXECUTABLE : options.executable;
}

}  // namespace

std::string zygote_module_beside(const std::string& program) {
  std::error_code ec;
  const fs::path dir = fs::canonical(program, ec).parent_path();
  if (ec) return "";
  for (const fs::path& candidate : {dir / kZygoteModuleName, dir.parent_path() / "lib" / "guidecheck" / kZygoteModuleName})
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  return "";
}

std::string zygote_module(const ZygoteOptions& options) {
  return options.module.value_or(zygote_module_beside(options.program));
}

std::unique_ptr<Zygote> Zygote::start(const ZygoteOptions& options, std::string* err) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
    *err = std::string("socketpair: ") + strerror(errno);
    return nullptr;
  }
  UniqueFd ours(pair[0]), theirs(pair[1]);

  const std::string python = python_executable(options);
  std::error_code ec;
  const std::string program = fs::canonical(options.program, ec).string();  // not python3's /proc/self/exe
  const std::string module = access(python.c_str(), X_OK) == 0 && !ec ? zygote_module(options) : "";
  std::vector<std::string> args;
  if (module.empty())
    args = {"guidecheck", "__zygote"};
  else
    args = {python, "-B", "-c", kLoadModule, module, program};
  spdlog::debug("zygote: {}", module.empty() ? "guidecheck itself (no zygote module beside it, or no " + python + ")"
                                             : python + " with " + module);
  for (const std::string& arg : {std::string("--socket-fd"), std::string("3"), std::string("--hash-seed"),
                                 std::to_string(options.hash_seed), std::string("--preload"),
                                 join_module_list(options.preload)})
    args.push_back(arg);
  if (!options.executable.empty()) {
    args.push_back("--executable");
    args.push_back(options.executable);
  }
  if (!options.sandbox) args.push_back("--no-sandbox");
  for (const std::string& dir : options.import_dirs) {
    args.push_back("--import-dir");
    args.push_back(dir);
  }
  bool unset_bind_now = false;
  std::vector<std::string> env_entries = zygote_environment(options, !module.empty(), &unset_bind_now);
  if (unset_bind_now) args.push_back("--unset-bind-now");
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& entry : env_entries) envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, theirs.get(), 3);
  pid_t pid = 0;
  const std::string& path = module.empty() ? options.program : python;
  int rc = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    *err = "cannot start the zygote (" + path + "): " + strerror(rc);
    return nullptr;
  }
  return std::unique_ptr<Zygote>(new Zygote(std::move(ours), pid, options));
}

Zygote::~Zygote() {
  // Closing the socket tells the zygote to end its runs and exit.
  socket_.reset();
  int status;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

bool Zygote::submit(const RunRequest& request, int stdin_fd, int stdout_fd, int stderr_fd, std::string* err) {
  if (!alive_) {
    *err = "the zygote is not running";
    return false;
  }
  return send_message(socket_.get(), encode_request(request), {stdin_fd, stdout_fd, stderr_fd}, err);
}

void Zygote::kill_run(int pid) {
  std::string err;
  if (alive_) send_message(socket_.get(), encode_kill(pid), {}, &err);
}

bool Zygote::read_status(std::string* err) {
  std::string data;
  std::vector<UniqueFd> fds;
  if (!receive_message(socket_.get(), &data, &fds, err)) {
    alive_ = false;
    if (err->empty()) *err = "the zygote exited";
    return false;
  }
  auto message = nlohmann::json::parse(data, nullptr, false);
  if (message.is_discarded()) return true;
  std::string type = message.value("type", "");
  if (type == "error") {
    *err = message.value("message", "the zygote failed");
    alive_ = false;
    return false;
  }
  if (type == "ready") {
    ready_ = true;
    for (const auto& failure : message.value("preload_failures", std::vector<std::string>{}))
      spdlog::warn("cannot preload {}; snippets will import it themselves", failure);
    for (const auto& printed : message.value("preload_printed", std::vector<std::string>{}))
      spdlog::warn("not preloading {}: it prints when imported; samples import it themselves", printed);
    int threads = message.value("threads", 1);
    if (threads > 1)
      spdlog::warn("the zygote runs {} threads after preloading; forked snippets may deadlock", threads);
    static bool said_once = false;  // a command may start a second zygote
    if (!said_once) {
      if (std::string off = message.value("sandbox_off", std::string()); !off.empty())
        spdlog::warn("samples run without a sandbox: {}", off);
      if (std::string off = message.value("process_bound_off", std::string()); !off.empty())
        spdlog::warn("samples' processes are not bounded (root is exempt from RLIMIT_NPROC): {}", off);
      said_once = true;
    }
    write_ahead_pages_ = message.value("write_ahead_pages", size_t{0});
    spdlog::debug("zygote {} ready (Python {}, hash seed {}; each run writes {} pages ahead)", message.value("pid", 0),
                  message.value("python", std::string()), message.value("hash_seed", 0ul), write_ahead_pages_);
  }
  return true;
}

std::string zygote_identity(const ZygoteOptions& options) {
  // The runs' interpreter: the executable itself with the module (as it is
  // now: a reinstalled python3 is another one, as ccache takes a compiler),
  // else ours.
  const std::string executable = python_executable(options);
  std::string runs_in = "guidecheck";
  struct stat st{};
  if (!zygote_module(options).empty() && stat(executable.c_str(), &st) == 0)
    runs_in = fmt::format("executable of {} bytes changed at {}.{:09}", st.st_size, st.st_mtim.tv_sec,
                          st.st_mtim.tv_nsec);
  return fmt::format("executable={}\npython={}\nruns_in={}\npreload={}\nhash_seed={}\nsandbox={}\nguidecheck={}\n",
                     executable, python_build(), runs_in, join_module_list(options.preload), options.hash_seed,
                     options.sandbox, GUIDECHECK_VERSION);
}

}  // namespace guidecheck
