// Session mode (SnippetMode::kSession) through a real zygote and real forks:
// what python3's interactive prompt would show, statement by statement.
#include "snippet_main.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "claim_verdicts.h"
#include "repl_session.h"
#include "scheduler.h"
#include "zygote_protocol.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

class SessionModeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ZygoteOptions options;
    options.program = GUIDECHECK_BINARY;
    options.preload = {};
    std::string err;
    zygote_ = Zygote::start(options, &err).release();
    ASSERT_NE(zygote_, nullptr) << err;
  }
  static void TearDownTestSuite() { delete zygote_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("guidecheck-session-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunSpec snippet(const std::string& name, const std::string& code, SnippetMode mode = SnippetMode::kSession) {
    std::ofstream(dir_ / name) << code;
    RunSpec spec;
    spec.id = name;
    spec.path = (dir_ / name).string();
    spec.source = code;
    spec.mode = mode;
    spec.timeout_s = 10;
    return spec;
  }

  RunOutcome run(const RunSpec& spec) { return ZygoteRunner(*zygote_, 1).run({spec})[0]; }

  static Zygote* zygote_;
  fs::path dir_;
};

Zygote* SessionModeTest::zygote_ = nullptr;

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST_F(SessionModeTest, EchoesValuesAndGoesOnAfterAnException) {
  RunSpec spec = snippet("s.py",
                         "1 + 1\n"                  // 1
                         "None\n"                   // 2
                         "x = 5\n"                  // 3
                         "x * 2\n"                  // 4
                         "_ + 1\n"                  // 5
                         "1 / 0\n"                  // 6
                         "print('after')\n"         // 7
                         "'text'\n"                 // 8
                         "for i in range(2):\n"     // 9
                         "    i\n");                // 10
  RunOutcome outcome = run(spec);
  EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.stderr_text, "");
  ASSERT_EQ(outcome.statements.size(), 9u);
  for (const auto& s : outcome.statements) EXPECT_TRUE(s.ran) << "line " << s.line;
  EXPECT_EQ(outcome.statements[0].stdout_text, "2\n");
  EXPECT_EQ(outcome.statements[1].stdout_text, "");  // None is not echoed
  EXPECT_EQ(outcome.statements[2].stdout_text, "");  // nor is an assignment
  EXPECT_EQ(outcome.statements[3].stdout_text, "10\n");
  EXPECT_EQ(outcome.statements[4].stdout_text, "11\n");  // `_` is the last echoed value
  const std::string& traceback = outcome.statements[5].stdout_text;
  EXPECT_TRUE(starts_with(traceback, "Traceback (most recent call last):\n")) << traceback;
  EXPECT_NE(traceback.find("File \"" + spec.path + "\", line 6, in <module>"), std::string::npos) << traceback;
  EXPECT_TRUE(ends_with(traceback, "\nZeroDivisionError: division by zero\n")) << traceback;
  EXPECT_EQ(outcome.statements[6].stdout_text, "after\n");
  EXPECT_EQ(outcome.statements[7].stdout_text, "'text'\n");  // a bare string is echoed, not skipped
  EXPECT_EQ(outcome.statements[8].stdout_text, "0\n1\n");    // as the prompt echoes inside a loop
  EXPECT_EQ(outcome.stdout_text, "2\n10\n11\n" + traceback + "after\n'text'\n0\n1\n");
}

TEST_F(SessionModeTest, OutputBeforeAnExceptionStaysWithItsStatement) {
  RunOutcome outcome = run(snippet("p.py",
                                   "import sys\n"
                                   "for x in [2, 0]: print(1 / x)\n"
                                   "print('err', file=sys.stderr); int('z')\n"
                                   "print('last')\n"));
  EXPECT_EQ(outcome.exit_code, 0);
  ASSERT_EQ(outcome.statements.size(), 5u);
  const std::string& loop = outcome.statements[1].stdout_text;
  EXPECT_TRUE(starts_with(loop, "0.5\nTraceback (most recent call last):\n")) << loop;
  EXPECT_TRUE(ends_with(loop, "ZeroDivisionError: division by zero\n")) << loop;
  // Two statements on line 3 share its output.
  EXPECT_TRUE(ends_with(outcome.statements[3].stdout_text,
                        "ValueError: invalid literal for int() with base 10: 'z'\n"))
      << outcome.statements[3].stdout_text;
  EXPECT_EQ(outcome.stderr_text, "err\n");
  EXPECT_EQ(outcome.statements[4].stdout_text, "last\n");
}

TEST_F(SessionModeTest, OutputIsFlushedAfterEveryStatementAsThePromptDoes) {
  const std::string code = "import os\nprint('a')\nos.write(1, b'x\\n')\n";
  RunOutcome session = run(snippet("f.py", code));
  EXPECT_EQ(session.stdout_text, "a\nx\n2\n");  // os.write's result echoed after its bytes
  ASSERT_EQ(session.statements.size(), 3u);
  EXPECT_EQ(session.statements[1].stdout_text, "a\n");
  EXPECT_EQ(session.statements[2].stdout_text, "x\n2\n");
  // A script keeps python3's block buffering: the direct write comes first.
  RunOutcome script = run(snippet("f2.py", code, SnippetMode::kScript));
  EXPECT_EQ(script.stdout_text, "x\na\n");
}

TEST_F(SessionModeTest, SystemExitStillEndsTheSession) {
  RunOutcome outcome = run(snippet("x.py", "print(1)\nimport sys\nsys.exit(3)\nprint(2)\n"));
  EXPECT_EQ(outcome.exit_code, 3);
  EXPECT_EQ(outcome.stdout_text, "1\n");
  ASSERT_EQ(outcome.statements.size(), 4u);
  EXPECT_TRUE(outcome.statements[2].ran);
  EXPECT_FALSE(outcome.statements[3].ran);
}

TEST_F(SessionModeTest, ScriptModeNeitherEchoesNorGoesOn) {
  RunOutcome outcome = run(snippet("plain.py", "1 + 1\nprint('a')\n1 / 0\nprint('b')\n", SnippetMode::kScript));
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.stdout_text, "a\n");
  EXPECT_NE(outcome.stderr_text.find("ZeroDivisionError"), std::string::npos);
}

// The module is parsed once and its tree compiled whole before any statement
// runs: errors only the whole module shows stop it as they stop python3, with
// the source line and caret python3 prints.
TEST_F(SessionModeTest, ErrorsOfTheWholeModuleStopAScriptBeforeItsFirstStatement) {
  struct Case {
    std::string code, line, error;
  };
  for (const Case& c : std::vector<Case>{
           {"print('ran')\nx = 1\nglobal x\n", "    global x\n    ^^^^^^^^\n",
            "SyntaxError: name 'x' is assigned to before global declaration\n"},
           {"print('ran')\nfrom __future__ import annotations\n", "    from __future__ import annotations\n",
            "SyntaxError: from __future__ imports must occur at the beginning of the file\n"},
           {"print('ran')\nreturn 2\n", "    return 2\n    ^^^^^^^^\n", "SyntaxError: 'return' outside function\n"},
           {"print('ran')\nprint(1 +)\n", "    print(1 +)\n", "SyntaxError: invalid syntax\n"},
       }) {
    RunOutcome outcome = run(snippet("whole.py", c.code, SnippetMode::kScript));
    EXPECT_EQ(outcome.exit_code, 1) << c.code;
    EXPECT_EQ(outcome.stdout_text, "") << c.code;
    EXPECT_NE(outcome.stderr_text.find(c.line), std::string::npos) << outcome.stderr_text;
    EXPECT_TRUE(ends_with(outcome.stderr_text, c.error)) << outcome.stderr_text;
    // As python3 shows a syntax error: where it is, with no traceback of
    // the frames that compiled it.
    EXPECT_TRUE(starts_with(outcome.stderr_text, "  File \"")) << outcome.stderr_text;
  }
}

// The zygote rehearses a run's steps before it forks (to warm them once):
// nothing of that reaches a run, which sees what python3 would show it.
TEST_F(SessionModeTest, TheZygotesRehearsalLeavesNothingARunCanSee) {
  RunOutcome outcome = run(snippet("fresh.py",
                                   "import os, sys\n"
                                   "print(sys.argv == [__file__], sys.path[0] == os.path.dirname(__file__))\n"
                                   "print(__loader__.path == __file__, sys.modules['__main__'].__dict__ is globals())\n"
                                   "print([m for m in sys.modules if 'rehears' in m], sys.stdout.encoding)\n"
                                   "print(sys.stdin.read() == '', sys.stderr.line_buffering, sys.stdout.line_buffering)\n",
                                   SnippetMode::kScript));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, "True True\nTrue True\n[] utf-8\nTrue True False\n");
  EXPECT_EQ(outcome.stderr_text, "");
}

// Statements compile from their own lines, or, where lines cannot say
// them (simple statements sharing a line), from the ast: either way a script
// runs as python3 runs the file.
TEST_F(SessionModeTest, AScriptRunsAsTheWholeFileWouldWhicheverWayItCompiles) {
  const std::string body =
      "'''the module's doc'''\n"
      "from __future__ import annotations\n"
      "'''a string later is no doc'''\n"
      "@staticmethod\n"
      "def f(x: Undefined) -> int:\n"
      "    return 1\n"
      "print(__doc__, f.__annotations__)\n"
      "if True: print('a'); print('b')\n";
  for (const std::string& tail : {std::string(), std::string("x = 1; print(x)\n")}) {
    RunOutcome outcome = run(snippet("whole.py", body + tail, SnippetMode::kScript));
    EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
    EXPECT_EQ(outcome.stdout_text,
              "the module's doc {'x': 'Undefined', 'return': 'int'}\na\nb\n" + std::string(tail.empty() ? "" : "1\n"));
    ASSERT_GE(outcome.statements.size(), 6u);
    EXPECT_EQ(outcome.statements[3].line, 4);  // a decorated def starts at its decorator
    EXPECT_EQ(outcome.statements[3].end_line, 6);
    EXPECT_EQ(outcome.statements[5].stdout_text, "a\nb\n");
  }
}

// A session shows an exception as the prompt does (chained causes, notes),
// on stdout, and goes on; the traceback module would print the same.
TEST_F(SessionModeTest, ASessionShowsAnExceptionAsThePromptDoes) {
  RunOutcome outcome = run(snippet("chained.py",
                                   "try:\n"
                                   "    int('x')\n"
                                   "except ValueError as error:\n"
                                   "    late = KeyError('k')\n"
                                   "    late.add_note('a note')\n"
                                   "    raise late from error\n"
                                   "print('after')\n"));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  const std::string& out = outcome.stdout_text;
  EXPECT_TRUE(starts_with(out, "Traceback (most recent call last):\n")) << out;
  EXPECT_NE(out.find("ValueError: invalid literal for int() with base 10: 'x'\n\n"
                     "The above exception was the direct cause of the following exception:\n\n"),
            std::string::npos)
      << out;
  EXPECT_TRUE(ends_with(out, "KeyError: 'k'\na note\nafter\n")) << out;
  EXPECT_EQ(outcome.stderr_text, "");
}

// A compile-time warning is shown once, as python3 shows it.
// Either way a sample compiles (its lines; the ast, for `a; b`).
TEST_F(SessionModeTest, ACompileTimeWarningIsShownOnce) {
  for (const std::string& code : {"x = 1\nprint(x is 1)\n", "x = 1; print(x is 1)\n"}) {
    RunOutcome outcome = run(snippet("warns.py", code, SnippetMode::kScript));
    EXPECT_EQ(outcome.stdout_text, "True\n");
    const std::string warning = "SyntaxWarning: \"is\" with a literal";
    const size_t first = outcome.stderr_text.find(warning);
    ASSERT_NE(first, std::string::npos) << outcome.stderr_text;
    EXPECT_EQ(outcome.stderr_text.find(warning, first + 1), std::string::npos) << outcome.stderr_text;
  }
}

// A run takes the streams the zygote made ahead for fds of its kinds (stdin
// on /dev/null); one whose stdin is a file makes its own. Both are what
// python3 would give it.
TEST_F(SessionModeTest, PreparedStreamsAndARunsOwnAreAlike) {
  const std::string code =
      "import sys\n"
      "print(repr(sys.stdin.read()), sys.stdin.seekable(), sys.stdin.tell(), sys.stdout.seekable())\n"
      "print(sys.stdin.encoding, sys.stdin.errors == sys.stdout.errors, sys.stderr.errors, sys.stdin.buffer.raw.closefd)\n"
      "print(sys.stdout is sys.__stdout__, sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())\n"
      "print('to stderr', file=sys.stderr)\n";
  RunOutcome prepared = run(snippet("prepared.py", code, SnippetMode::kScript));
  std::ofstream(dir_ / "empty.txt") << "";
  RunSpec own_spec = snippet("own.py", code, SnippetMode::kScript);
  own_spec.stdin_path = (dir_ / "empty.txt").string();
  RunOutcome own = run(own_spec);
  const std::string expected = "'' True 0 False\nutf-8 True backslashreplace False\nTrue 0 1 2\n";
  EXPECT_EQ(prepared.stdout_text, expected) << prepared.stderr_text;
  EXPECT_EQ(own.stdout_text, expected) << own.stderr_text;
  EXPECT_EQ(prepared.stderr_text, "to stderr\n");
  EXPECT_EQ(own.stderr_text, "to stderr\n");
  // Each run's marker is its own: a second run with prepared streams
  // reports its output as well as the first.
  RunOutcome again = run(snippet("again.py", "print('second')\n", SnippetMode::kScript));
  EXPECT_EQ(again.stdout_text, "second\n");
}

// The three halves together: a session read from a guide, run as a session,
// its echoes judged.
TEST_F(SessionModeTest, AGuideSessionIsReadRunAndJudged) {
  std::vector<std::string> guide = {
      ">>> items = [3, 1, 2]",                   // 1
      ">>> sorted(items)",                       // 2
      "[1, 2, 3]",                               // 3
      ">>> items.index(7)",                      // 4
      "Traceback (most recent call last):",      // 5
      "  ...",                                   // 6
      "ValueError: 7 is not in list",            // 7
      ">>> {'a': 1}['b']",                       // 8
      "KeyError: 'b'",                           // 9
      ">>> len(items)",                          // 10
      "4",                                       // 11
      ">>> int('x')",                            // 12
      "Traceback (most recent call last):",      // 13
      "ValueError: invalid literal",             // 14
  };
  ReplSession session = read_repl_session(guide, 1);
  ASSERT_EQ(session.claims.size(), 5u);
  RunOutcome outcome = run(snippet("g.py", session.source));
  ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  std::vector<ClaimResult> results = judge_output_claims(session.claims, session.guide_lines, outcome, nullptr);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_EQ(results[0].verdict, ClaimVerdict::kMatch);
  EXPECT_EQ(results[1].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(results[1].rule, "traceback");
  EXPECT_EQ(results[2].verdict, ClaimVerdict::kEquivalent);
  EXPECT_EQ(results[2].rule, "traceback");
  EXPECT_EQ(results[3].verdict, ClaimVerdict::kMismatch);  // len is 3
  EXPECT_EQ(results[3].actual, "3");
  EXPECT_EQ(results[4].verdict, ClaimVerdict::kMismatch);  // the message is not exact
}

TEST(SnippetModeTest, EveryModeCrossesTheWireUnchanged) {
  for (SnippetMode mode : {SnippetMode::kScript, SnippetMode::kPytest, SnippetMode::kSession}) {
    RunRequest request{"/tmp/a.py", {"x"}, "marker", mode, 1024, "p = 1", true, {"/srv/data"}, {"TOKEN"}};
    RunRequest decoded;
    std::string err;
    int kill_pid = -1;
    ASSERT_TRUE(decode_message(encode_request(request), &decoded, &kill_pid, &err)) << err;
    EXPECT_EQ(kill_pid, 0);
    EXPECT_EQ(decoded.mode, mode) << to_string(mode);
    EXPECT_TRUE(decoded.network);
    EXPECT_EQ(decoded.writable, request.writable);
    EXPECT_EQ(decoded.env, request.env);
    EXPECT_EQ(snippet_mode_named(to_string(mode)), mode);
  }
  RunRequest unused;
  int kill_pid = 0;
  std::string err;
  ASSERT_TRUE(decode_message(encode_kill(42), &unused, &kill_pid, &err)) << err;
  EXPECT_EQ(kill_pid, 42);
  EXPECT_EQ(to_string(SnippetMode::kSession), "session");
  EXPECT_EQ(snippet_mode_named("interactive"), std::nullopt);
}

TEST(ZygoteProtocolTest, ARequestComesBackWholeOrNotAtAll) {
  RunRequest request{"/tmp/a b.py", {"x", "", "y"}, std::string("m\0k", 3), SnippetMode::kScript, 1ull << 40,
                     "p = 1\n", false, {}, {"A=1"}};
  const std::string wire = encode_request(request);
  RunRequest decoded;
  std::string err;
  int kill_pid = -1;
  ASSERT_TRUE(decode_message(wire, &decoded, &kill_pid, &err)) << err;
  EXPECT_EQ(decoded.path, request.path);
  EXPECT_EQ(decoded.args, request.args);
  EXPECT_EQ(decoded.marker, request.marker);
  EXPECT_EQ(decoded.memory_limit, request.memory_limit);
  EXPECT_EQ(decoded.prelude, request.prelude);
  EXPECT_FALSE(decoded.network);
  EXPECT_EQ(decoded.env, request.env);
  // Cut anywhere, or with a byte too many, it is refused with a reason.
  for (size_t cut = 0; cut < wire.size(); ++cut) {
    err.clear();
    EXPECT_FALSE(decode_message(wire.substr(0, cut), &decoded, &kill_pid, &err)) << cut;
    EXPECT_FALSE(err.empty());
  }
  EXPECT_FALSE(decode_message(wire + "x", &decoded, &kill_pid, &err));
  EXPECT_FALSE(decode_message(encode_kill(0), &decoded, &kill_pid, &err));
  std::string huge_count = wire.substr(0, 1) + std::string(8, '\xff');
  EXPECT_FALSE(decode_message(huge_count, &decoded, &kill_pid, &err));
}

}  // namespace
}  // namespace guidecheck
