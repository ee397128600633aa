#include "guide_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

class GuideFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("guide_file_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // The error of loading `path`; "" when it loads.
  static std::string load_error(const std::string& path, size_t max_bytes = kMaxGuideBytes) {
    std::string text, err;
    return load_guide_text(path, &text, &err, max_bytes) ? "" : err;
  }

  fs::path dir_;
};

TEST_F(GuideFileTest, AGuideOfTextLoads) {
  std::string path = write("g.md", "# Guide\n\n```python\nprint('é')\n```\n");
  std::string text, err;
  ASSERT_TRUE(load_guide_text(path, &text, &err)) << err;
  EXPECT_EQ(text, "# Guide\n\n```python\nprint('é')\n```\n");
}

TEST_F(GuideFileTest, WhatIsNotARegularFileIsRefusedByKind) {
  EXPECT_EQ(load_error("/dev/zero"), "/dev/zero: a character device, not a guide (a guide is a regular file)");
  EXPECT_EQ(load_error(dir_.string()), dir_.string() + ": a directory, not a guide (a guide is a regular file)");
  std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // Opened without blocking: no writer, yet no hang.
  EXPECT_EQ(load_error(fifo), fifo + ": a FIFO, not a guide (a guide is a regular file)");
  EXPECT_EQ(load_error((dir_ / "missing.md").string()), (dir_ / "missing.md").string() + ": No such file or directory");
}

TEST_F(GuideFileTest, AGuideOverTheBoundIsRefused) {
  std::string path = write("big.md", std::string(2'000'000, 'a'));
  EXPECT_EQ(load_error(path, 1'000'000), path + ": 2.0 MB is over the 1.0 MB a guide may have");
  EXPECT_EQ(load_error(path, 2'000'000), "");
}

TEST_F(GuideFileTest, EmptyAndBlankGuidesAreRefused) {
  EXPECT_EQ(load_error(write("empty.md", "")), (dir_ / "empty.md").string() + ": the guide is empty");
  EXPECT_EQ(load_error(write("blank.md", "\n  \n\t\r\n")), (dir_ / "blank.md").string() + ": the guide is empty");
}

TEST_F(GuideFileTest, BinaryContentIsRefusedButAStrayByteIsNot) {
  std::string utf16 = {'\xff', '\xfe'};
  for (char c : std::string("print(1)\n# a guide in UTF-16\n")) utf16 += std::string{c, '\0'};
  EXPECT_NE(binary_content_reason(utf16), "");
  std::string pseudo_random;
  for (int i = 0; i < 4000; ++i) pseudo_random += static_cast<char>((i * 7919 + 13) % 256);
  EXPECT_NE(binary_content_reason(pseudo_random), "");
  std::string path = write("bin.md", pseudo_random);
  EXPECT_NE(load_error(path).find(": binary, not a guide"), std::string::npos) << load_error(path);

  std::string mostly_text = "Guide\n" + std::string(500, 'a') + "\nprint('a";
  mostly_text += '\0';
  mostly_text += "b')\n\xff\n";
  EXPECT_EQ(binary_content_reason(mostly_text), "");
  // A multi-byte character cut by the 8 KiB window is still text.
  std::string long_accented;
  for (int i = 0; i < 5000; ++i) long_accented += "\xc3\xa9";
  EXPECT_EQ(binary_content_reason(long_accented), "");
}

TEST_F(GuideFileTest, LinesAReaderCannotTakeAsCodeAreNamed) {
  const char raw[] = "ok\nprint('a\0b')\nx = '\xff'\r\nclean\n\x1b[31mred\nform\ffeed\n";
  std::string text(raw, sizeof raw - 1);
  std::vector<std::string> warnings = guide_line_warnings("g.md", text);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0], "g.md:2: a NUL byte at column 9 (Python cannot read code that holds one)");
  EXPECT_EQ(warnings[1], "g.md:3: invalid UTF-8 at column 6 (byte \\xff)");
  EXPECT_EQ(warnings[2], "g.md:5: a control character \\x1b at column 1");
}

TEST_F(GuideFileTest, LineWarningsAreCapped) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "bad \xff\n";
  std::vector<std::string> warnings = guide_line_warnings("g.md", text, 5);
  ASSERT_EQ(warnings.size(), 6u);
  EXPECT_EQ(warnings.back(), "g.md: 45 more lines like these");
}

}  // namespace
}  // namespace guidecheck
