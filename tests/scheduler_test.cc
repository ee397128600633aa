// Real zygote, real forks: tiny snippets through the whole run path.
#include "scheduler.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "snippet_selection.h"
#include "snippet_store.h"
#include "zygote_server.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

class SchedulerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ZygoteOptions options;
    options.program = GUIDECHECK_BINARY;
    options.preload = {};  // fast start; preloading is covered end to end
    std::string err;
    zygote_ = Zygote::start(options, &err).release();
    ASSERT_NE(zygote_, nullptr) << err;
  }
  static void TearDownTestSuite() { delete zygote_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("guidecheck-scheduler-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunSpec snippet(const std::string& name, const std::string& code) {
    std::ofstream(dir_ / name) << code;
    RunSpec spec;
    spec.id = name;
    spec.path = (dir_ / name).string();
    spec.timeout_s = 10;
    return spec;
  }

  // A snippet that appends its name to start.log as its first act, so that
  // under -j1 the log lists the runs in the order they started.
  // Writes its name to start.log in the test's directory, which the sandbox
  // lets it write (a `writable` directive).
  RunSpec logging_snippet(const std::string& name, const std::string& rest = "") {
    RunSpec spec = snippet(name, "open(" + python_string((dir_ / "start.log").string()) + ", 'a').write(" +
                                     python_string(name) + " + '\\n')\n" + rest);
    spec.sandbox.writable = {dir_.string()};
    return spec;
  }
  std::vector<std::string> start_log() const {
    std::ifstream in(dir_ / "start.log");
    std::vector<std::string> names;
    for (std::string line; std::getline(in, line);) names.push_back(line);
    return names;
  }
  // A raw Python literal: the temp paths and names here hold no quote.
  static std::string python_string(const std::string& text) { return "r'" + text + "'"; }

  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, int jobs = 2) {
    ZygoteRunner runner(*zygote_, jobs);
    return runner.run(specs);
  }

  static Zygote* zygote_;
  fs::path dir_;
};

Zygote* SchedulerTest::zygote_ = nullptr;

TEST_F(SchedulerTest, AttributesBufferedOutputToTheStatementThatPrinted) {
  auto outcome = run({snippet("a.py",
                              "import os\n"
                              "print('buffered')\n"
                              "os.write(1, b'direct\\n')\n"
                              "for i in range(2):\n"
                              "    print(i)\n")})[0];
  EXPECT_EQ(outcome.status, RunStatus::kOk);
  // Block buffering as under python3: the direct write overtakes the print.
  EXPECT_EQ(outcome.stdout_text, "direct\nbuffered\n0\n1\n");
  ASSERT_EQ(outcome.statements.size(), 4u);
  EXPECT_EQ(outcome.statements[1].line, 2);
  EXPECT_EQ(outcome.statements[1].stdout_text, "buffered\n");
  EXPECT_EQ(outcome.statements[2].stdout_text, "direct\n");
  EXPECT_EQ(outcome.statements[3].line, 4);
  EXPECT_EQ(outcome.statements[3].end_line, 5);
  EXPECT_EQ(outcome.statements[3].stdout_text, "0\n1\n");
}

// What each line of the module code wrote, as "statement:source" -> bytes.
std::map<std::string, std::string> output_by_line(const RunOutcome& outcome) {
  std::map<std::string, std::string> lines;
  for (const auto& piece : outcome.pieces)
    lines[std::to_string(piece.line) + ":" + std::to_string(piece.source_line)] += piece.bytes;
  return lines;
}

TEST_F(SchedulerTest, AttributesOutputToTheInnerLineThatWasRunning) {
  auto outcome = run({snippet("inner.py",
                              "import threading\n"                             // 1
                              "def show(x):\n"                                 // 2
                              "    print(x)\n"                                 // 3
                              "with open(__file__) as f:\n"                    // 4
                              "    print('a')\n"                               // 5
                              "    show('b')\n"                                // 6
                              "for i in range(2):\n"                           // 7
                              "    print(i)\n"                                 // 8
                              "    print(*[j for j in 'xy'])\n"                // 9
                              "if True:\n"                                     // 10
                              "    [show(c) for c in 'cd']\n"                  // 11
                              "t = threading.Thread(target=show, args=('t',))\n"  // 12
                              "t.start(); t.join()\n"                          // 13
                              "show('top')\n")})[0];                           // 14
  EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, "a\nb\n0\nx y\n1\nx y\nc\nd\nt\ntop\n");
  std::map<std::string, std::string> expected = {
      {"4:5", "a\n"},        {"4:6", "b\n"},  // a call from line 6 writes from line 6
      {"7:8", "0\n1\n"},     {"7:9", "x y\nx y\n"},
      {"10:11", "c\nd\n"},   // through a comprehension's frame and show's
      {"13:0", "t\n"},        // a thread has no module frame on its stack
      {"14:14", "top\n"}};
  EXPECT_EQ(output_by_line(outcome), expected);
  // The statements' own output is what it was before inner lines were known.
  ASSERT_EQ(outcome.statements.size(), 9u);
  EXPECT_EQ(outcome.statements[2].stdout_text, "a\nb\n");
  EXPECT_EQ(outcome.statements[3].stdout_text, "0\nx y\n1\nx y\n");
}

TEST_F(SchedulerTest, AttributesEveryWriteOfAStatementToTheLineRunningThen) {
  // The ledger finds the statement's frame at its first write and reads its
  // line from then on: later calls, from other lines or threads, still count.
  auto outcome = run({snippet("calls.py",
                              "import threading\n"                                  // 1
                              "def show(x):\n"                                      // 2
                              "    print(x)\n"                                      // 3
                              "with open(__file__) as f:\n"                         // 4
                              "    show('a')\n"                                     // 5
                              "    t = threading.Thread(target=show, args=('t',))\n"  // 6
                              "    t.start(); t.join()\n"                           // 7
                              "    for c in 'bc': show(c)\n"                        // 8
                              "    print('d'); show('e')\n")})[0];                  // 9
  EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  std::map<std::string, std::string> expected = {
      {"4:5", "a\n"}, {"4:0", "t\n"}, {"4:8", "b\nc\n"}, {"4:9", "d\ne\n"}};
  EXPECT_EQ(output_by_line(outcome), expected);
}

TEST_F(SchedulerTest, LinesTakingTurnsOverManyFramesKeepTheirBytes) {
  // 2 x 3000 short writes from two lines: more segments than fit in one
  // frame's header, so the frames get shorter payloads.
  auto outcome = run({snippet("turns.py",
                              "for i in range(3000):\n"
                              "    print('a', end='')\n"
                              "    print('bb', end='')\n"
                              "print()\n")})[0];
  EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  std::string turns;
  for (int i = 0; i < 3000; ++i) turns += "abb";
  EXPECT_EQ(outcome.stdout_text, turns + "\n");
  std::map<std::string, std::string> lines = output_by_line(outcome);
  EXPECT_EQ(lines["1:2"], std::string(3000, 'a'));
  EXPECT_EQ(lines["1:3"], std::string(6000, 'b'));
  EXPECT_EQ(lines["4:4"], "\n");
}

TEST_F(SchedulerTest, StatementsAfterAnErrorDoNotRun) {
  auto outcome = run({snippet("e.py", "print(1)\nraise ValueError('boom')\nprint(2)\n")})[0];
  EXPECT_EQ(outcome.status, RunStatus::kError);
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.stdout_text, "1\n");
  EXPECT_NE(outcome.stderr_text.find("ValueError: boom"), std::string::npos);
  ASSERT_EQ(outcome.statements.size(), 3u);
  EXPECT_TRUE(outcome.statements[1].ran);
  EXPECT_FALSE(outcome.statements[2].ran);
}

TEST_F(SchedulerTest, ExitCodesFollowPython) {
  auto outcomes = run({snippet("x3.py", "import sys\nsys.exit(3)\n"),
                       snippet("xmsg.py", "import sys\nsys.exit('bye')\n"),
                       snippet("osexit.py", "import os\nprint('lost')\nos._exit(7)\n"),
                       snippet("syntax.py", "print(1)\ndef f(:\n")});
  EXPECT_EQ(outcomes[0].exit_code, 3);
  EXPECT_EQ(outcomes[1].exit_code, 1);
  EXPECT_EQ(outcomes[1].stderr_text, "bye\n");
  EXPECT_EQ(outcomes[2].exit_code, 7);
  EXPECT_EQ(outcomes[2].stdout_text, "");  // buffered output dies with os._exit
  EXPECT_EQ(outcomes[3].exit_code, 1);
  EXPECT_EQ(outcomes[3].stdout_text, "");  // nothing runs before a syntax error
  EXPECT_NE(outcomes[3].stderr_text.find("SyntaxError"), std::string::npos);
}

TEST_F(SchedulerTest, RunsAreIsolatedFromEachOther) {
  std::string probe =
      "import os, json\n"
      "print(sorted(os.listdir('.')), os.environ.get('GC_PROBE'), json.dumps(1), 'leak' in globals())\n"
      "os.environ['GC_PROBE'] = 'set'\n"
      "open('file.txt', 'w').write('x')\n"
      "json.dumps = lambda *a: 'patched'\n"
      "leak = 1\n";
  auto outcomes = run({snippet("p1.py", probe), snippet("p2.py", probe)}, 1);
  EXPECT_EQ(outcomes[0].stdout_text, "[] None 1 False\n");
  EXPECT_EQ(outcomes[1].stdout_text, "[] None 1 False\n");
}

// The zygote is started with LD_BIND_NOW=1 (symbols bound once, not in
// every run) and takes it out again: unsandboxed runs inherit everything
// else, never that.
TEST_F(SchedulerTest, NoRunInheritsTheZygotesBindNow) {
  ASSERT_EQ(std::getenv("LD_BIND_NOW"), nullptr) << "the test needs a caller without LD_BIND_NOW";
  ZygoteOptions options;
  options.program = GUIDECHECK_BINARY;
  options.preload = {};
  options.sandbox = false;
  std::string err;
  std::unique_ptr<Zygote> unsandboxed = Zygote::start(options, &err);
  ASSERT_NE(unsandboxed, nullptr) << err;
  std::vector<RunOutcome> outcomes = ZygoteRunner(*unsandboxed, 1).run(
      {snippet("bind.py", "import os\nprint(os.environ.get('LD_BIND_NOW'), 'PATH' in os.environ)\n")});
  EXPECT_EQ(outcomes[0].stdout_text, "None True\n");
}

// The zygote lists the runs' directories once: a run finds its own
// directory's listing made (python3 would list it at its first import from
// there), and a module beside it is still found, as is one added since.
TEST_F(SchedulerTest, ARunFindsItsDirectoryListedByTheZygote) {
  std::ofstream(dir_ / "neighbour.py") << "NAME = 'neighbour'\n";
  const std::string code =
      "import sys\nprint(sys.path[0] in sys.path_importer_cache)\n"
      "import neighbour\nprint(neighbour.NAME)\nimport late\nprint(late.NAME)\n";
  RunSpec spec = snippet("listed.py", code);
  ZygoteOptions options;
  options.program = GUIDECHECK_BINARY;
  options.preload = {};
  options.import_dirs = script_directories({spec});
  ASSERT_EQ(options.import_dirs, std::vector<std::string>{dir_.string()});
  std::string err;
  std::unique_ptr<Zygote> listing = Zygote::start(options, &err);
  ASSERT_NE(listing, nullptr) << err;
  // Written after the zygote listed the directory (a first run waits for
  // it to be ready): the run sees it anyway, as the listing is made again
  // when the directory has changed since.
  ZygoteRunner(*listing, 1).run({snippet("first.py", "pass\n")});
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream(dir_ / "late.py") << "NAME = 'late'\n";
  std::vector<RunOutcome> listed = ZygoteRunner(*listing, 1).run({spec});
  EXPECT_EQ(listed[0].stdout_text, "True\nneighbour\nlate\n") << listed[0].stderr_text;
  std::vector<RunOutcome> unlisted = run({spec});  // the suite's zygote was given no directory
  EXPECT_EQ(unlisted[0].stdout_text, "False\nneighbour\nlate\n") << unlisted[0].stderr_text;
}

TEST(ScriptDirectoriesTest, EachDirectoryOnceAbsoluteAndAFewAtMost) {
  std::vector<RunSpec> specs;
  for (const char* path : {"/srv/a/x.py", "/srv/a/y.py", "/srv/b/../a/z.py", "rel/w.py"}) {
    RunSpec spec;
    spec.path = path;
    specs.push_back(spec);
  }
  const std::string cwd = fs::current_path().string();
  EXPECT_EQ(script_directories(specs), (std::vector<std::string>{"/srv/a", cwd + "/rel"}));
  specs.clear();
  for (int i = 0; i < 20; ++i) {
    RunSpec spec;
    spec.path = "/srv/d" + std::to_string(i) + "/s.py";
    specs.push_back(spec);
  }
  EXPECT_EQ(script_directories(specs).size(), 8u);
}

// A run that sleeps holds its -j slot while its core idles: with idle
// cores to fill, another run starts beside it; without (a -j the user
// gave), the next waits.
TEST_F(SchedulerTest, IdleCoresLetAnotherRunStartBesideOneThatWaits) {
  const std::string log_path = python_string((dir_ / "start.log").string());
  for (bool fill : {false, true}) {
    std::filesystem::remove(dir_ / "start.log");
    RunSpec sleeper = logging_snippet("sleeper", "import time\ntime.sleep(1)\nopen(" + log_path +
                                                     ", 'a').write('sleeper done\\n')\n");
    sleeper.expected_duration_s = 2;  // starts first
    RunSpec quick = logging_snippet("quick");
    ZygoteRunner runner(*zygote_, 1);
    if (fill) runner.fill_idle_cores(1, [] { return true; });
    auto outcomes = runner.run({sleeper, quick});
    ASSERT_EQ(outcomes[0].status, RunStatus::kOk) << outcomes[0].stderr_text;
    ASSERT_EQ(outcomes[1].status, RunStatus::kOk) << outcomes[1].stderr_text;
    std::vector<std::string> lines = start_log();
    ASSERT_EQ(lines.size(), 3u);
    auto at = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) - lines.begin(); };
    if (fill)  // both start at once, in either order; the quick one ends long before the sleeper
      EXPECT_LT(at("quick"), at("sleeper done")) << "with idle cores to fill";
    else
      EXPECT_EQ(lines, (std::vector<std::string>{"sleeper", "sleeper done", "quick"})) << "with -j1 alone";
  }
}

// A run known to be short mostly waits to be forked and torn down: with a -j
// guidecheck chose, one more starts beside the -j, even with no core idle;
// a run of unknown or longer duration waits for its slot.
TEST_F(SchedulerTest, AShortRunStartsBesideTheJobsWhenGuidecheckChoseThem) {
  const std::string log_path = python_string((dir_ / "start.log").string());
  for (double quick_expected : {0.005, 0.0, 0.5}) {
    std::filesystem::remove(dir_ / "start.log");
    RunSpec sleeper = logging_snippet("sleeper", "import time\ntime.sleep(1)\nopen(" + log_path +
                                                     ", 'a').write('sleeper done\\n')\n");
    sleeper.expected_duration_s = 2;  // starts first
    RunSpec quick = logging_snippet("quick");
    quick.expected_duration_s = quick_expected;
    ZygoteRunner runner(*zygote_, 1);
    runner.fill_idle_cores(1, [] { return false; });
    auto outcomes = runner.run({sleeper, quick});
    ASSERT_EQ(outcomes[1].status, RunStatus::kOk) << outcomes[1].stderr_text;
    std::vector<std::string> lines = start_log();
    ASSERT_EQ(lines.size(), 3u);
    if (quick_expected == 0.005)
      EXPECT_NE(lines.back(), "quick") << "a short run overlaps";
    else
      EXPECT_EQ(lines, (std::vector<std::string>{"sleeper", "sleeper done", "quick"})) << quick_expected;
  }
}

// A run known to wait (its earlier run used little CPU for its time) holds
// no core: with a -j guidecheck chose, it starts beside a computing run
// that fills the -j, and a computing run starts beside a waiting one. A run
// known to compute, or of unknown CPU time, waits for its slot.
TEST_F(SchedulerTest, ARunKnownToWaitStartsBesideTheJobs) {
  const std::string log_path = python_string((dir_ / "start.log").string());
  struct Case {
    double first_cpu, second_cpu;
    bool overlap;
  };
  for (Case c : {Case{2.0, 0.01, true}, Case{0.01, 0.5, true}, Case{2.0, 0.5, false}, Case{2.0, 0.0, false}}) {
    std::filesystem::remove(dir_ / "start.log");
    RunSpec first = logging_snippet("first", "import time\ntime.sleep(1)\nopen(" + log_path +
                                                 ", 'a').write('first done\\n')\n");
    first.expected_duration_s = 2;  // starts first
    first.expected_cpu_s = c.first_cpu;
    RunSpec second = logging_snippet("second");
    second.expected_duration_s = 0.5;
    second.expected_cpu_s = c.second_cpu;
    ZygoteRunner runner(*zygote_, 1);
    runner.fill_idle_cores(1, [] { return false; });
    auto outcomes = runner.run({first, second});
    ASSERT_EQ(outcomes[1].status, RunStatus::kOk) << outcomes[1].stderr_text;
    std::vector<std::string> lines = start_log();
    ASSERT_EQ(lines.size(), 3u);
    if (c.overlap)
      EXPECT_NE(lines.back(), "second") << c.first_cpu << " " << c.second_cpu;
    else
      EXPECT_EQ(lines, (std::vector<std::string>{"first", "first done", "second"})) << c.first_cpu << " " << c.second_cpu;
  }
}

// A run reports the CPU time it used, its waited-for children's included
// (a pool's workers): little for a sleep, most of its time for a loop.
TEST_F(SchedulerTest, ARunReportsTheCpuTimeItUsed) {
  const std::string spin =
      "import os, time\n"
      "def spin():\n"
      "    end = time.process_time() + 0.3\n"
      "    while time.process_time() < end: pass\n";
  auto outcomes = run({snippet("sleeps.py", "import time\ntime.sleep(0.3)\n"), snippet("spins.py", spin + "spin()\n"),
                       snippet("child_spins.py", spin + "pid = os.fork()\n"
                                                        "if pid == 0:\n"
                                                        "    spin()\n"
                                                        "    os._exit(0)\n"
                                                        "os.waitpid(pid, 0)\n")});
  for (const auto& outcome : outcomes) ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  EXPECT_GT(outcomes[0].cpu_s, 0);
  EXPECT_LT(outcomes[0].cpu_s, 0.1);
  EXPECT_GE(outcomes[1].cpu_s, 0.3);
  EXPECT_GE(outcomes[2].cpu_s, 0.3) << "the child's CPU time counts";
}

// Each zygote learns, from its probe run, the pages a run writes (and every
// run writes them ahead): a few hundred for a bare interpreter.
TEST_F(SchedulerTest, TheZygoteLearnsThePagesARunWrites) {
  auto outcomes = run({snippet("ahead.py", "print('ran')\n")});
  ASSERT_EQ(outcomes[0].stdout_text, "ran\n");
  ASSERT_TRUE(zygote_->ready());
  EXPECT_GT(zygote_->write_ahead_pages(), 50u);
  EXPECT_LT(zygote_->write_ahead_pages(), 8192u);  // the bound on each run's extra copying
}

// The probe of a loaded zygote does what samples do with numpy and pandas,
// and must run cleanly wherever they are installed (a probe that fails
// early learns little).
TEST_F(SchedulerTest, TheProbeOfALoadedZygoteRunsCleanly) {
  EXPECT_EQ(write_ahead_probe({}).find("import"), std::string::npos);
  EXPECT_EQ(write_ahead_probe({"pytest"}), write_ahead_probe({}));
  const std::string loaded = write_ahead_probe({"numpy", "pandas", "pytest"});
  ASSERT_NE(loaded.find("import numpy"), std::string::npos);
  ASSERT_NE(loaded.find("import pandas"), std::string::npos);
  auto outcome = run({snippet("probe.py", loaded)})[0];
  EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  EXPECT_NE(outcome.stdout_text.find("Ada"), std::string::npos) << outcome.stdout_text;
  EXPECT_EQ(outcome.stderr_text, "");
}

TEST_F(SchedulerTest, TimeoutKillsTheWholeTree) {
  RunSpec spec = snippet("loop.py",
                         "import subprocess, sys\n"
                         "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)\n"
                         "while True: pass\n");
  spec.timeout_s = 0.5;
  auto outcome = run({spec})[0];
  EXPECT_EQ(outcome.status, RunStatus::kTimeout);
  EXPECT_EQ(outcome.signal, SIGKILL);
  EXPECT_GE(outcome.leftovers_killed, 1);
}

TEST_F(SchedulerTest, AChildThatOutlivesTheSnippetIsKilledBeforeTheReport) {
  auto outcome = run({snippet("bg.py",
                              "import subprocess, sys\n"
                              "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
                              "print('left it running')\n")})[0];
  EXPECT_EQ(outcome.status, RunStatus::kOk);
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(outcome.stdout_text, "left it running\n");
  // At least once: under load the zygote may look again before the killed
  // child is reaped, and every sighting is counted (zygote_server.cc).
  EXPECT_GE(outcome.leftovers_killed, 1);
}

TEST_F(SchedulerTest, StdinComesFromDevNullOrAFile) {
  std::ofstream(dir_ / "input.txt") << "42\n";
  RunSpec with_file = snippet("in.py", "print(int(input()) + 1)\n");
  with_file.stdin_path = (dir_ / "input.txt").string();
  RunSpec without = snippet("in2.py", "print(int(input()) + 1)\n");
  auto outcomes = run({with_file, without});
  EXPECT_EQ(outcomes[0].stdout_text, "43\n");
  EXPECT_EQ(outcomes[1].status, RunStatus::kError);
  EXPECT_NE(outcomes[1].stderr_text.find("EOFError"), std::string::npos);
}

TEST_F(SchedulerTest, OutputOverTheCapIsTruncated) {
  RunSpec spec = snippet("flood.py", "for _ in range(20000): print('x' * 99)\n");
  spec.output_cap = 1000;
  auto outcome = run({spec})[0];
  EXPECT_EQ(outcome.status, RunStatus::kOk);
  EXPECT_TRUE(outcome.stdout_truncated);
  EXPECT_EQ(outcome.stdout_text.size(), 1000u);
}

TEST_F(SchedulerTest, OutcomesComeBackInInputOrderWhateverTheSchedule) {
  RunSpec slow = snippet("slow.py", "import time\ntime.sleep(0.3)\nprint('slow')\n");
  RunSpec fast = snippet("fast.py", "print('fast')\n");
  fast.expected_duration_s = 0.001;
  slow.expected_duration_s = 0.3;
  auto outcomes = run({fast, slow}, 1);
  EXPECT_EQ(outcomes[0].stdout_text, "fast\n");
  EXPECT_EQ(outcomes[1].stdout_text, "slow\n");
}

TEST(StartOrderTest, LongestKnownRunStartsFirst) {
  std::vector<RunSpec> specs(6);
  const double durations[] = {0, 2.0, 0.5, 0, 7.5, 2.0};
  for (size_t i = 0; i < specs.size(); ++i) specs[i].expected_duration_s = durations[i];
  // Known durations longest first (ties in input order), then the unknown
  // ones in input order.
  EXPECT_EQ(start_order(specs), (std::vector<size_t>{4, 1, 5, 2, 0, 3}));
  EXPECT_EQ(start_order({}), std::vector<size_t>{});
  EXPECT_EQ(start_order(std::vector<RunSpec>(3)), (std::vector<size_t>{0, 1, 2}));
}

TEST_F(SchedulerTest, StartsTheLongestKnownRunFirst) {
  std::vector<RunSpec> specs = {logging_snippet("short.py"), logging_snippet("unknown.py"),
                                logging_snippet("longest.py"), logging_snippet("middle.py")};
  specs[0].expected_duration_s = 0.01;
  specs[2].expected_duration_s = 5;
  specs[3].expected_duration_s = 1;
  std::vector<size_t> completed;
  auto outcomes = ZygoteRunner(*zygote_, 1).run(specs, [&](size_t index, const RunOutcome&) {
    completed.push_back(index);
  });
  EXPECT_EQ(start_log(), (std::vector<std::string>{"longest.py", "middle.py", "short.py", "unknown.py"}));
  EXPECT_EQ(completed, (std::vector<size_t>{2, 3, 0, 1}));
  for (const auto& outcome : outcomes) EXPECT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
}

// The whole loop: durations measured by one run are remembered by the store
// (.guidecheck/durations.json), read back for the next run, put into its
// specs by make_run_specs, and make the slow sample start first.
TEST_F(SchedulerTest, RememberedDurationsStartTheSlowestSampleFirstNextTime) {
  fs::create_directories(dir_ / "snippets");
  std::vector<Sample> samples;
  for (const char* id : {"q01", "q02", "q03"}) {
    std::string rest = std::string(id) == "q02" ? "import time\ntime.sleep(0.5)\n" : "";
    RunSpec spec = logging_snippet("snippets/" + std::string(id) + ".py", rest);
    Sample sample;
    sample.id = id;
    sample.path = spec.path;
    samples.push_back(sample);
  }
  SnippetStore store((dir_ / "snippets").string(), (dir_ / "expected").string(), (dir_ / ".guidecheck").string());

  // First run: nothing known yet, the samples start in guide order.
  std::vector<RunSpec> specs = make_run_specs(samples, RunSettings{}, store.load_durations());
  for (RunSpec& spec : specs) spec.sandbox.writable = {dir_.string()};
  std::vector<RunOutcome> first = run(specs, 1);
  EXPECT_EQ(start_log(), (std::vector<std::string>{"snippets/q01.py", "snippets/q02.py", "snippets/q03.py"}));
  std::map<std::string, double> measured;
  for (size_t i = 0; i < samples.size(); ++i) {
    EXPECT_EQ(first[i].status, RunStatus::kOk) << first[i].stderr_text;
    measured[samples[i].id] = first[i].duration_s;
  }
  ASSERT_GT(measured["q02"], measured["q01"]);
  ASSERT_GT(measured["q02"], measured["q03"]);
  store.save_durations(measured);
  fs::remove(dir_ / "start.log");

  // Second run: q02 took longest, so it starts first.
  specs = make_run_specs(samples, RunSettings{}, store.load_durations());
  for (RunSpec& spec : specs) spec.sandbox.writable = {dir_.string()};
  EXPECT_DOUBLE_EQ(specs[1].expected_duration_s, measured["q02"]);
  run(specs, 1);
  std::vector<std::string> started = start_log();
  ASSERT_EQ(started.size(), 3u);
  EXPECT_EQ(started[0], "snippets/q02.py");
}

}  // namespace
}  // namespace guidecheck
