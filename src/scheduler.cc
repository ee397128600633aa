#include "scheduler.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <vector>
#include <spdlog/spdlog.h>

#include "fd.h"
#include "idle_cores.h"
#include "output_protocol.h"

namespace guidecheck {
namespace {

using Clock = std::chrono::steady_clock;

// A run the zygote never reports on is given up after this long past its
// deadline (it cannot happen unless the zygote itself is killed).
constexpr auto kReportGrace = std::chrono::seconds(10);
// How long a run may wait for the zygote to start it (the zygote may still
// be importing pandas when the first requests arrive).
constexpr auto kStartLimit = std::chrono::seconds(120);
constexpr size_t kStderrCap = 1u << 20;
// Another run starts beyond -j when, over this long, the cores sat idle for
// at least this many cores' worth (see fill_idle_cores).
constexpr auto kIdleWindow = std::chrono::milliseconds(100);
constexpr double kIdleCoresToFill = 0.75;
// A run expected to take no longer than this (by its recorded duration)
// spends much of it being forked and torn down, while its core waits on the
// zygote or on us: one more such run may be under way beside the -j.
constexpr double kShortRunSeconds = 0.02;
// A run whose earlier run used at most this share of its duration in CPU
// time mostly waits (a sleep, a socket, a timer): it holds no core.
constexpr double kWaitingCpuShare = 0.25;

bool mostly_waits(const RunSpec& spec) {
  return spec.expected_cpu_s > 0 && spec.expected_duration_s > kShortRunSeconds &&
         spec.expected_cpu_s <= kWaitingCpuShare * spec.expected_duration_s;
}

struct ActiveRun {
  size_t index;
  Zygote* zygote;  // the one it was submitted to
  UniqueFd stdout_fd;
  UniqueFd stderr_fd;
  std::optional<StdoutDemux> demux;
  std::string stderr_text;
  bool stderr_truncated = false;
  Clock::time_point submitted;
  std::optional<Clock::time_point> started;  // when the snippet pid arrived
  bool timed_out = false;
  std::optional<Clock::time_point> killed_at;
};

// The signals that interrupt a batch: each ends guidecheck with 128 + its number.
constexpr int kInterruptSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void on_interrupt(int signo) {
  ZygoteRunner::interrupt_signal() = signo;
  ZygoteRunner::interrupted() = true;
}

// The zygote kills it: the pid it reported is one of its own namespace.
void kill_snippet(Zygote& zygote, const ActiveRun& run) {
  if (auto pid = run.demux->snippet_pid()) zygote.kill_run(*pid);
}

RunOutcome finish(ActiveRun& run, std::string failure) {
  StdoutDemux& demux = *run.demux;
  demux.finish();
  RunOutcome outcome;
  outcome.stdout_text = demux.text();
  outcome.stdout_truncated = demux.truncated();
  outcome.stderr_text = std::move(run.stderr_text);
  outcome.stderr_truncated = run.stderr_truncated;
  outcome.pieces = demux.pieces();
  // One pass over the pieces: they split wherever the inner line changes, so
  // a loop can make far more of them than there are statements. Statements
  // sharing a line (`a(); b()`) each get its output, as they always have.
  std::unordered_map<int, std::vector<size_t>> statements_at;
  for (const auto& span : demux.statements()) {
    statements_at[span.line].push_back(outcome.statements.size());
    outcome.statements.push_back({span.line, span.end_line, span.ran, {}});
  }
  for (const auto& piece : outcome.pieces)
    if (auto at = statements_at.find(piece.line); at != statements_at.end())
      for (size_t i : at->second) outcome.statements[i].stdout_text += piece.bytes;
  if (const auto& quit = demux.quit_record(); quit && !run.timed_out) {
    outcome.duration_s = static_cast<double>(quit->micros) / 1e6;
    outcome.cpu_s = static_cast<double>(quit->cpu_micros) / 1e6;
    outcome.max_rss_kb = quit->max_rss_kb;
    outcome.exit_code = quit->exit_code;
    outcome.status = quit->exit_code == 0 ? RunStatus::kOk : RunStatus::kError;
  } else if (const auto& exit = demux.exit_record()) {
    outcome.duration_s = static_cast<double>(exit->micros) / 1e6;
    outcome.cpu_s = static_cast<double>(exit->cpu_micros) / 1e6;
    outcome.max_rss_kb = exit->max_rss_kb;
    outcome.leftovers_killed = exit->leftovers_killed;
    int status = exit->wait_status;
    if (WIFEXITED(status)) {
      outcome.exit_code = WEXITSTATUS(status);
      outcome.status = *outcome.exit_code == 0 ? RunStatus::kOk : RunStatus::kError;
    } else if (WIFSIGNALED(status)) {
      outcome.signal = WTERMSIG(status);
      outcome.status = RunStatus::kCrashed;
    }
    if (run.timed_out) outcome.status = RunStatus::kTimeout;
  } else {
    outcome.status = run.timed_out ? RunStatus::kTimeout : RunStatus::kError;
    outcome.duration_s = std::chrono::duration<double>(Clock::now() - run.submitted).count();
    outcome.error = !demux.error().empty() ? demux.error()
                    : !failure.empty()     ? failure
                                           : "the run ended without a report (the zygote died)";
  }
  return outcome;
}

}  // namespace

std::vector<size_t> start_order(const std::vector<RunSpec>& specs) {
  std::vector<size_t> order(specs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return specs[a].expected_duration_s > specs[b].expected_duration_s; });
  return order;
}

std::atomic<bool>& ZygoteRunner::interrupted() {
  static std::atomic<bool> flag{false};
  return flag;
}

std::atomic<int>& ZygoteRunner::interrupt_signal() {
  static std::atomic<int> signo{0};
  return signo;
}

void ZygoteRunner::install_interrupt_handlers() {
  struct sigaction action{};
  action.sa_handler = on_interrupt;
  for (int signo : kInterruptSignals) sigaction(signo, &action, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

std::vector<std::string> script_directories(const std::vector<RunSpec>& specs) {
  constexpr size_t kMaxDirs = 8;  // a guide's snippets/, a few more at most
  std::error_code no_cwd;
  const std::filesystem::path working_dir = std::filesystem::current_path(no_cwd);
  std::vector<std::string> dirs;
  for (const RunSpec& spec : specs) {
    std::string dir = (working_dir / spec.path).lexically_normal().parent_path().string();
    if (std::find(dirs.begin(), dirs.end(), dir) != dirs.end()) continue;
    if (dirs.size() == kMaxDirs) break;
    dirs.push_back(std::move(dir));
  }
  return dirs;
}

bool LazyZygoteRunner::start(const std::vector<RunSpec>& specs) {
  if (!zygote_) {
    options_.import_dirs = script_directories(specs);
    zygote_ = Zygote::start(options_, &start_error_);
  }
  return zygote_ != nullptr;
}

std::vector<RunOutcome> LazyZygoteRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  if (specs.empty()) return {};
  if (!start(specs)) {
    std::vector<RunOutcome> outcomes(specs.size());
    for (auto& outcome : outcomes) outcome.error = start_error_;
    return outcomes;
  }
  return ZygoteRunner(*zygote_, jobs_).run(specs, progress);
}

std::vector<RunOutcome> ZygoteRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  std::vector<RunOutcome> outcomes(specs.size());
  std::vector<size_t> order = start_order(specs);

  std::vector<ActiveRun> active;
  size_t next = 0;
  // What every run shares: the stdin of those without one of their own,
  // and the directory their relative paths start from.
  const UniqueFd dev_null(open("/dev/null", O_RDONLY | O_CLOEXEC));
  const int dev_null_errno = dev_null ? 0 : errno;
  std::error_code no_cwd;  // then relative paths stay relative
  const std::filesystem::path working_dir = std::filesystem::current_path(no_cwd);
  auto zygote_for = [&](size_t index) { return zygotes_[choose_ ? choose_(index) : 0]; };
  auto complete = [&](size_t index, RunOutcome outcome) {
    echo_typed_input(specs[index].typed_input, &outcome);
    outcomes[index] = std::move(outcome);
    if (progress) progress(index, outcomes[index]);
  };

  auto start = [&](size_t index) {
    const RunSpec& spec = specs[index];
    Pipe out, err;
    std::string error;
    UniqueFd own_stdin;
    if (!spec.stdin_path.empty()) {
      // Non-blocking open: a FIFO with no writer must not hang us (the run
      // then reads end of file); the run itself reads it blocking.
      own_stdin.reset(open(spec.stdin_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
      if (!own_stdin) error = fmt::format("{}: cannot open stdin file: {}", spec.stdin_path, strerror(errno));
      if (own_stdin) fcntl(own_stdin.get(), F_SETFL, fcntl(own_stdin.get(), F_GETFL) & ~O_NONBLOCK);
    } else if (!dev_null) {
      error = fmt::format("cannot open /dev/null: {}", strerror(dev_null_errno));
    }
    const int stdin_fd = spec.stdin_path.empty() ? dev_null.get() : own_stdin.get();
    if (error.empty()) Pipe::create_polled(&out, &error) && Pipe::create_polled(&err, &error);
    // python3 (3.9+) makes __main__.__file__ absolute; the run has its own cwd anyway.
    std::string path = (working_dir / spec.path).lexically_normal().string();
    RunRequest request{path,        spec.args,          make_run_marker(),    spec.mode, spec.memory_limit,
                       spec.prelude, spec.sandbox.network, spec.sandbox.writable, spec.sandbox.env};
    Zygote* zygote = zygote_for(index);
    if (error.empty()) zygote->submit(request, stdin_fd, out.write_end.get(), err.write_end.get(), &error);
    if (!error.empty()) {
      RunOutcome outcome;
      outcome.error = error;
      complete(index, std::move(outcome));
      return;
    }
    ActiveRun run{index,        zygote,       std::move(out.read_end), std::move(err.read_end), std::nullopt, {},
                  false,        Clock::now(), std::nullopt,            false,                   std::nullopt};
    run.demux.emplace(request.marker, spec.output_cap);
    spdlog::debug("start {} ({} running)", spec.path, active.size() + 1);
    active.push_back(std::move(run));
  };

  sigset_t blocked, previous;
  sigemptyset(&blocked);
  for (int signo : kInterruptSignals) sigaddset(&blocked, signo);
  sigprocmask(SIG_BLOCK, &blocked, &previous);
  sigset_t wait_mask = previous;
  for (int signo : kInterruptSignals) sigdelset(&wait_mask, signo);

  std::vector<char> buffer(1 << 16);
  // The next run to start: the first in order whose zygote is ready, so that
  // runs waiting for a zygote still importing its modules hold no slot; when
  // nothing runs, the first in order (it waits in its zygote's queue).
  auto take_next = [&]() {
    size_t pick = next;
    if (!active.empty()) {
      while (pick < order.size() && !zygote_for(order[pick])->ready()) ++pick;
      if (pick == order.size()) return false;
    }
    std::rotate(order.begin() + static_cast<long>(next), order.begin() + static_cast<long>(pick),
                order.begin() + static_cast<long>(pick) + 1);
    start(order[next++]);
    return true;
  };
  IdleCores idle_cores;
  auto cores_idle = [&] {
    return cores_idle_ ? cores_idle_() : idle_cores.idle_for(kIdleWindow, kIdleCoresToFill);
  };
  // A slot: one of -j, or one that cores left idle by waiting runs offer.
  auto may_fill_idle = [&] {
    const int running = static_cast<int>(active.size());
    return running >= jobs_ && running < jobs_ + idle_extra_ && next < order.size();
  };
  // Only with a -j guidecheck chose, as the idle slots.
  auto may_overlap_short_run = [&] {
    if (idle_extra_ == 0 || static_cast<int>(active.size()) != jobs_ || next >= order.size()) return false;
    const double expected = specs[order[next]].expected_duration_s;
    return expected > 0 && expected <= kShortRunSeconds;
  };
  // Only with a -j guidecheck chose, as the idle slots: runs known to wait
  // hold no core. One starts beside the -j, and a run that computes starts
  // while waiting runs hold the -j's slots, so that a guide's sleeps overlap
  // its computing whatever the order.
  auto may_start_beside_waiting_runs = [&] {
    if (!may_fill_idle()) return false;
    if (mostly_waits(specs[order[next]])) return true;
    auto computing = std::count_if(active.begin(), active.end(),
                                   [&](const ActiveRun& run) { return !mostly_waits(specs[run.index]); });
    return computing < jobs_;
  };
  auto has_slot = [&] {
    return static_cast<int>(active.size()) < jobs_ || may_overlap_short_run() || may_start_beside_waiting_runs() ||
           (may_fill_idle() && cores_idle());
  };
  while (next < order.size() || !active.empty()) {
    bool stop = interrupted().load();
    while (!stop && next < order.size() && has_slot() && take_next()) {
    }
    if (stop) {
      for (; next < order.size(); ++next) {
        RunOutcome outcome;
        outcome.error = "interrupted before it ran";
        outcome.interrupted = true;
        outcome.never_started = true;
        complete(order[next], std::move(outcome));
      }
    }
    if (active.empty()) continue;

    // Deadlines: kill what overran; give up on runs that never report.
    auto now = Clock::now();
    auto wake = now + (may_fill_idle() ? Clock::duration(kIdleWindow) : std::chrono::seconds(1));
    for (auto& run : active) {
      const RunSpec& spec = specs[run.index];
      if (!run.started && run.demux->snippet_pid()) run.started = now;
      if (run.started && !run.killed_at) {
        auto deadline = *run.started + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(spec.timeout_s));
        if (stop || now >= deadline) {
          run.timed_out = !stop;
          run.killed_at = now;
          kill_snippet(*run.zygote, run);
        } else {
          wake = std::min(wake, deadline);
        }
      }
      if (!run.started && now - run.submitted > kStartLimit) run.killed_at = run.killed_at.value_or(now);
    }

    std::vector<struct pollfd> fds;
    for (Zygote* zygote : zygotes_) fds.push_back({zygote->alive() ? zygote->socket() : -1, POLLIN, 0});
    for (auto& run : active) {
      fds.push_back({run.stdout_fd.get(), POLLIN, 0});
      fds.push_back({run.stderr_fd.get(), POLLIN, 0});
    }
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - now);
    struct timespec timeout{wait.count() / 1000, (wait.count() % 1000) * 1000000};
    if (timeout.tv_sec < 0) timeout = {0, 0};
    int ready = ppoll(fds.data(), fds.size(), &timeout, &wait_mask);
    if (ready < 0 && errno != EINTR) {
      spdlog::error("poll: {}", strerror(errno));
      break;
    }
    const size_t first_run_fd = zygotes_.size();
    for (size_t z = 0; ready > 0 && z < zygotes_.size(); ++z) {
      std::string error;
      if (fds[z].revents && !zygotes_[z]->read_status(&error)) spdlog::error("{}", error);
    }
    for (size_t i = 0; ready > 0 && i < active.size(); ++i) {
      ActiveRun& run = active[i];
      for (int which = 0; which < 2; ++which) {
        if (!fds[first_run_fd + 2 * i + which].revents) continue;
        UniqueFd& fd = which == 0 ? run.stdout_fd : run.stderr_fd;
        // Drain what is there now; EOF closes our end.
        for (;;) {
          long n = read_some(fd.get(), buffer.data(), buffer.size());
          if (n > 0) {
            if (which == 0) {
              run.demux->feed(std::string_view(buffer.data(), static_cast<size_t>(n)));
            } else if (run.stderr_text.size() < kStderrCap) {
              run.stderr_text.append(buffer.data(), std::min<size_t>(static_cast<size_t>(n), kStderrCap - run.stderr_text.size()));
              if (run.stderr_text.size() == kStderrCap) run.stderr_truncated = true;
            } else {
              run.stderr_truncated = true;
            }
            // Less than asked for: nothing more is there now (poll says
            // when there is), so no read to learn of EAGAIN.
            if (static_cast<size_t>(n) < buffer.size()) break;
            continue;
          }
          if (n == 0 || errno != EAGAIN) fd.reset();
          break;
        }
      }
    }

    now = Clock::now();
    for (size_t i = 0; i < active.size();) {
      ActiveRun& run = active[i];
      // Done at EOF of both pipes, or once the snippet said it quit with
      // nothing left behind and its stderr is closed.
      bool eof = !run.stderr_fd && (!run.stdout_fd || run.demux->quit_record());
      // Once interrupted, a run the zygote has not started yet is not waited for.
      bool abandoned = (run.killed_at && now - *run.killed_at > kReportGrace) || (stop && !run.started);
      if (eof || abandoned) {
        RunOutcome outcome = finish(run, abandoned && !eof ? "no report from the zygote after the kill" : "");
        if (stop && !run.timed_out) {
          outcome.error = "interrupted";
          outcome.interrupted = true;
        }
        spdlog::debug("done {} after {:.0f} ms", specs[run.index].path,
                      std::chrono::duration<double, std::milli>(now - run.submitted).count());
        complete(run.index, std::move(outcome));
        active.erase(active.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
  }
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  return outcomes;
}

}  // namespace guidecheck
