#include "atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "fd.h"
#include "temp_dir.h"

namespace guidecheck {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  TempDir temp_{"atomic_file_test"};
  const std::string dir_ = temp_.str();

  std::string file(const std::string& name) const { return dir_ + "/" + name; }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string read(const std::string& path) const {
    std::string content, err;
    EXPECT_TRUE(read_file(path, &content, &err)) << err;
    return content;
  }

};

struct stat stat_of(const std::string& path) {
  struct stat st{};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st;
}

TEST_F(AtomicFileTest, CreatesAndReplacesContent) {
  std::string path = file("out.txt"), err;
  ASSERT_TRUE(write_file_atomically(path, "first\n", &err)) << err;
  EXPECT_EQ(read(path), "first\n");
  ASSERT_TRUE(write_file_atomically(path, "second, longer\n", &err)) << err;
  EXPECT_EQ(read(path), "second, longer\n");
  ASSERT_TRUE(write_file_atomically(path, "", &err)) << err;
  EXPECT_EQ(read(path), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"out.txt"});
}

TEST_F(AtomicFileTest, KeepsArbitraryBytes) {
  std::string path = file("bytes"), err;
  std::string content("a\0b\r\n\xff\xfe", 7);
  ASSERT_TRUE(write_file_atomically(path, content, &err)) << err;
  EXPECT_EQ(read(path), content);
}

TEST_F(AtomicFileTest, PreservesModeOfReplacedFile) {
  std::string path = file("script.sh"), err;
  ASSERT_TRUE(write_file_atomically(path, "old\n", &err)) << err;
  for (mode_t mode : {0600, 0755, 0640}) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    ASSERT_TRUE(write_file_atomically(path, "new " + std::to_string(mode), &err)) << err;
    EXPECT_EQ(stat_of(path).st_mode & 07777, mode);
  }
}

TEST_F(AtomicFileTest, NewFileGets0644MinusUmask) {
  std::string err;
  mode_t saved = ::umask(022);
  EXPECT_TRUE(write_file_atomically(file("a"), "x", &err)) << err;
  ::umask(077);
  EXPECT_TRUE(write_file_atomically(file("b"), "x", &err)) << err;
  ::umask(saved);
  EXPECT_EQ(stat_of(file("a")).st_mode & 07777, 0644u);
  EXPECT_EQ(stat_of(file("b")).st_mode & 07777, 0600u);
}

TEST_F(AtomicFileTest, UnchangedContentLeavesFileAlone) {
  std::string path = file("golden.out"), err;
  ASSERT_TRUE(write_file_atomically(path, "same\n", &err)) << err;
  // Backdate the file, so any rewrite would show as a newer mtime.
  struct timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  struct stat before = stat_of(path);

  ASSERT_TRUE(write_file_atomically(path, "same\n", &err)) << err;
  struct stat after = stat_of(path);
  EXPECT_EQ(after.st_mtim.tv_sec, 1000000000);
  EXPECT_EQ(after.st_ino, before.st_ino);

  // A different content of the same length is written.
  ASSERT_TRUE(write_file_atomically(path, "diff\n", &err)) << err;
  EXPECT_EQ(read(path), "diff\n");
  EXPECT_NE(stat_of(path).st_mtim.tv_sec, 1000000000);
}

TEST_F(AtomicFileTest, ReplacesSymlinkTargetAndKeepsLink) {
  std::string target = file("real.txt"), link = file("link.txt"), err;
  ASSERT_TRUE(write_file_atomically(target, "old\n", &err)) << err;
  ASSERT_EQ(::symlink("real.txt", link.c_str()), 0);
  ASSERT_TRUE(write_file_atomically(link, "new\n", &err)) << err;
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(read(target), "new\n");
  EXPECT_EQ(entries(), (std::vector<std::string>{"link.txt", "real.txt"}));
}

TEST_F(AtomicFileTest, MissingDirectoryFailsWithPathFirst) {
  std::string path = file("missing/out.txt"), err;
  EXPECT_FALSE(write_file_atomically(path, "x", &err));
  EXPECT_EQ(err, path + ": cannot create temporary file: " + strerror(ENOENT));
  EXPECT_TRUE(entries().empty());
}

TEST_F(AtomicFileTest, DirectoryAtPathIsRefused) {
  std::string path = file("sub"), err;
  ASSERT_EQ(::mkdir(path.c_str(), 0755), 0);
  EXPECT_FALSE(write_file_atomically(path, "x", &err));
  EXPECT_EQ(err, path + ": " + strerror(EISDIR));
  EXPECT_EQ(entries(), std::vector<std::string>{"sub"});
}

TEST_F(AtomicFileTest, FailedWriteLeavesOldFileAndNoTempFile) {
  std::string path = file("golden.out"), err;
  ASSERT_TRUE(write_file_atomically(path, "old content\n", &err)) << err;
  // A child with a 4 KiB file size limit fails half-way through writing the
  // temp file (EFBIG), after the temp file exists.
  Pipe pipe;
  ASSERT_TRUE(Pipe::create(&pipe, &err)) << err;
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    std::string child_err;
    bool ok = write_file_atomically(path, std::string(1 << 20, 'x'), &child_err);
    write_all(pipe.write_end.get(), ok ? "unexpected success" : child_err);
    _exit(0);
  }
  pipe.write_end.reset();
  std::string reported;
  char buffer[512];
  for (long n; (n = read_some(pipe.read_end.get(), buffer, sizeof buffer)) > 0;) reported.append(buffer, n);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_EQ(reported, path + ": cannot write: " + strerror(EFBIG));
  EXPECT_EQ(read(path), "old content\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"golden.out"});
}

TEST_F(AtomicFileTest, ReadFileReportsMissingFileAndDirectory) {
  std::string content, err;
  EXPECT_FALSE(read_file(file("nope"), &content, &err));
  EXPECT_EQ(err, file("nope") + ": " + strerror(ENOENT));
  EXPECT_FALSE(read_file(dir_, &content, &err));
  EXPECT_EQ(err, dir_ + ": " + strerror(EISDIR));
}

bool has_entry_starting_with(const std::vector<std::string>& names, const std::string& prefix) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

// A child rewrites a 2 MiB file in a loop, alternating two contents of the
// same size, and is SIGKILLed at random moments (every other round as soon
// as its temp file is visible, i.e. most likely mid-write). Asserted after
// every kill: the file is exactly one of the two contents; besides it the
// directory holds at most one entry, and that is a temp file of ours (the
// one the child was writing, removed before the next round). While the
// child runs, the parent's reads also see only whole contents.
//
// A kill that lands before the child's first write or between two writes
// proves nothing, so the test goes on until enough kills landed mid-write
// (a temp file was left behind), within generous bounds of rounds and time
// for a busy machine, and fails if they did not. (On an idle machine about
// two kills in three land mid-write.)
TEST_F(AtomicFileTest, SurvivesSigkillAtAnyMoment) {
  const std::string path = file("golden.out");
  const std::string temp_prefix = ".golden.out" + std::string(kTempFileMarker);
  const std::string a(2 << 20, 'a');
  const std::string b(2 << 20, 'b');
  constexpr int kMinRounds = 50;
  constexpr int kMaxRounds = 400;
  constexpr int kWantedMidWrite = 20;
  const auto give_up_all = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::string err;
  ASSERT_TRUE(write_file_atomically(path, a, &err)) << err;

  std::mt19937 rng(42);
  int killed_mid_write = 0;
  int round = 0;
  for (; round < kMaxRounds && (round < kMinRounds || killed_mid_write < kWantedMidWrite) &&
         std::chrono::steady_clock::now() < give_up_all;
       ++round) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      std::string child_err;
      for (int i = 0; i < 100000; ++i) {
        if (!write_file_atomically(path, i % 2 ? a : b, &child_err)) _exit(1);
      }
      _exit(0);
    }
    if (round % 2 == 0) {
      int reads = static_cast<int>(rng() % 4);
      for (int r = 0; r < reads; ++r) {
        std::string seen = read(path);
        EXPECT_TRUE(seen == a || seen == b) << "reader saw " << seen.size() << " bytes, mixed or partial";
      }
      usleep(static_cast<useconds_t>(rng() % 20000));
    } else {
      // Wait until the child's temp file exists (bounded: a starved child
      // is killed anyway, and that round simply does not count).
      auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      while (!has_entry_starting_with(entries(), temp_prefix) && std::chrono::steady_clock::now() < give_up) {
      }
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child stopped by itself, status " << status;

    std::string content = read(path);
    ASSERT_TRUE(content == a || content == b) << "round " << round << ": " << content.size() << " bytes";
    std::vector<std::string> others;
    for (const std::string& name : entries()) {
      if (name != "golden.out") others.push_back(name);
    }
    ASSERT_LE(others.size(), 1u) << "round " << round;
    if (!others.empty()) {
      EXPECT_EQ(others[0].rfind(temp_prefix, 0), 0u) << others[0];
      EXPECT_EQ(others[0].size(), temp_prefix.size() + 6) << others[0];
      ++killed_mid_write;
      std::filesystem::remove(file(others[0]));
    }
  }
  RecordProperty("rounds", round);
  RecordProperty("killed_mid_write", killed_mid_write);
  EXPECT_GE(killed_mid_write, kWantedMidWrite)
      << "only " << killed_mid_write << " of " << round
      << " kills landed while a temp file existed; the others prove nothing about a crash mid-write";
}

}  // namespace
}  // namespace guidecheck
