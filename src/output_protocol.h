#pragma once
// The in-band protocol on a run's stdout pipe.
//
// A run's fd 1 carries the snippet's bytes plus framed records, each starting
// with a per-run marker (NUL ESC "GC" + random nonce) that a snippet cannot
// emit by accident. Records:
//   T<l1>-<e1>,<l2>-<e2>...\n  the top-level statements (first-last line)
//   S<line>\n                  statement <line> starts; direct fd writes that
//                              follow belong to it (line 0: outside any)
//   P<n>;<line>:<k>[:<src>],...\n<n bytes>  bytes flushed by Python's stdout
//                              buffer: k bytes each from statement <line>,
//                              written while line <src> of the module code
//                              ran (0 or absent: unknown)
//   C<pid>\n                   the snippet process' pid (from the zygote)
//   E<message>\n               the zygote could not run it
//   Q<exit code>,<micros>,<maxrss_kb>\n  the snippet process is exiting and
//                              has no descendant left: the run is over
//                              (the host need not wait for the kernel to
//                              tear the process down)
//   X<wstatus>,<micros>,<maxrss_kb>,<killed>\n  final record from the zygote
//                              once the process is reaped and its
//                              leftovers are dead
// Python's buffered bytes are attributed to the statement that called
// write(), not the one running when the buffer flushed; fd-level writes
// (os.write, subprocesses) to the statement running when they arrive, with
// no source line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Fresh random marker for one run.
std::string make_run_marker();

/// One stretch of stdout written while one statement ran.
struct OutputPiece {
  int line = 0;  ///< first line of the top-level statement; 0 outside any
  std::string bytes;
  /// The line of the module code that was running (inside the statement; a
  /// call from line L writes from L); 0 unknown: a thread, a direct fd write.
  int source_line = 0;
};

/// A top-level statement of the snippet, in source order.
struct StatementSpan {
  int line = 0;
  int end_line = 0;
  bool ran = false;
};

/// What the snippet process says as it exits with nothing left behind.
struct QuitRecord {
  int exit_code = 0;
  long long micros = 0;
  long max_rss_kb = 0;
  long long cpu_micros = 0;  ///< its own and its waited-for children's
};

/// What the zygote reports when the run is over.
struct ExitRecord {
  int wait_status = 0;
  long long micros = 0;
  long max_rss_kb = 0;
  int leftovers_killed = 0;
  long long cpu_micros = 0;  ///< the run's and its waited-for children's
};

/// Host side: splits a run's stdout stream into the snippet's bytes, their
/// attribution and the protocol records. Memory stays bounded by `cap`.
class StdoutDemux {
 public:
  StdoutDemux(std::string marker, size_t cap);

  /// Consumes the next bytes read from the pipe (any split is fine).
  void feed(std::string_view data);
  /// End of stream: whatever is still held back is snippet output.
  void finish();

  const std::string& text() const { return text_; }
  const std::vector<OutputPiece>& pieces() const { return pieces_; }
  const std::vector<StatementSpan>& statements() const { return statements_; }
  bool truncated() const { return truncated_; }
  std::optional<int> snippet_pid() const { return snippet_pid_; }
  const std::optional<ExitRecord>& exit_record() const { return exit_; }
  const std::optional<QuitRecord>& quit_record() const { return quit_; }
  const std::string& error() const { return error_; }

 private:
  void emit(int line, int source_line, std::string_view bytes);
  bool handle_record(std::string_view header);
  void mark_ran(int line);

  std::string marker_;
  size_t cap_;
  std::string pending_;
  size_t payload_left_ = 0;
  struct Segment {
    int line = 0;
    int source_line = 0;
    size_t left = 0;  // bytes of the payload still to come
  };
  std::vector<Segment> payload_segments_;
  int current_line_ = 0;
  std::string text_;
  std::vector<OutputPiece> pieces_;
  std::vector<StatementSpan> statements_;
  bool truncated_ = false;
  std::optional<int> snippet_pid_;
  std::optional<ExitRecord> exit_;
  std::optional<QuitRecord> quit_;
  std::string error_;
};

}  // namespace guidecheck
