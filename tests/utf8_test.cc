#include "utf8.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace guidecheck {
namespace {

const std::string kReplacement = "\xef\xbf\xbd";  // U+FFFD

std::string hex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
  return out;
}

TEST(Utf8Test, PictographsAreTheFourByteEmojiBlock) {
  EXPECT_EQ(leading_pictograph_length("\xF0\x9F\x98\xB1 [1, 3]"), 4u);  // 😱
  EXPECT_EQ(leading_pictograph_length("\xF0\x9F\x8C\x80"), 4u);         // U+1F300, the first
  EXPECT_EQ(leading_pictograph_length("\xF0\x9F\xAB\xBF"), 4u);         // U+1FAFF, the last
  EXPECT_EQ(leading_pictograph_length("\xF0\x9F\xAC\x80"), 0u);         // U+1FB00, legacy computing
  EXPECT_EQ(leading_pictograph_length("\xE2\x9C\x85"), 0u);             // ✅, a sign, three bytes
  EXPECT_EQ(leading_pictograph_length("\xF0\x9F"), 0u);
  EXPECT_EQ(leading_pictograph_length("ok"), 0u);
}

TEST(Utf8Test, ValidTextIsUnchanged) {
  std::string text = "plain, caf\xc3\xa9, \xe2\x82\xac, \xf0\x9f\x90\x8d, \xef\xbf\xbd";
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_EQ(replace_invalid_utf8(text), text);
  EXPECT_EQ(escape_invalid_utf8(text), text);
  EXPECT_EQ(escape_for_terminal(text), text);
}

TEST(Utf8Test, EachMaximalSubpartBecomesOneReplacementCharacter) {
  const std::string r = kReplacement;
  EXPECT_EQ(replace_invalid_utf8("a\xff" "b"), "a" + r + "b");
  EXPECT_EQ(replace_invalid_utf8("\xff\xfe"), r + r);                  // two bytes that start nothing
  EXPECT_EQ(replace_invalid_utf8("\xc3"), r);                          // truncated at the end
  EXPECT_EQ(replace_invalid_utf8("half \xe2\x82 euro"), "half " + r + " euro");  // truncated: one subpart
  EXPECT_EQ(replace_invalid_utf8("\xf0\x9f\x90"), r);                  // three of four bytes
  EXPECT_EQ(replace_invalid_utf8("\xc0\xaf"), r + r);                  // overlong: C0 starts nothing
  EXPECT_EQ(replace_invalid_utf8("\xe0\x80\xaf"), r + r + r);          // overlong: 80 cannot follow E0
  EXPECT_EQ(replace_invalid_utf8("\xed\xa0\x80"), r + r + r);          // surrogate
  EXPECT_EQ(replace_invalid_utf8("\xf4\x90\x80\x80"), r + r + r + r);  // above U+10FFFF
  EXPECT_EQ(replace_invalid_utf8("\xe2\x82\xe2\x82\xac"), r + "\xe2\x82\xac");  // a new lead byte ends the subpart
  EXPECT_EQ(replace_invalid_utf8(std::string("\x80\0", 2)), r + std::string(1, '\0'));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));
  EXPECT_TRUE(is_valid_utf8(replace_invalid_utf8("\x80\x81\xfe\xf0\x9f")));
}

// Runs `command`, returning its stdout; `status` is its exit status.
std::string run(const std::string& command, int* status) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int raw = pclose(pipe);
  *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

// Every string of up to two bytes, and up to four bytes over the bytes where
// UTF-8's rules change, replaced the way Python's decoder replaces them.
TEST(Utf8Test, ReplacementMatchesPythonDecodeWithReplace) {
  std::vector<std::string> inputs;
  for (int a = 0; a < 256; ++a) {
    inputs.push_back(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) inputs.push_back({static_cast<char>(a), static_cast<char>(b)});
  }
  const unsigned char edges[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
                                 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
  for (unsigned char a : edges)
    for (unsigned char b : edges)
      for (unsigned char c : edges) {
        std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        inputs.push_back(three);
        for (unsigned char d : {0x41, 0x80, 0xbf, 0xc0, 0xe2}) inputs.push_back(three + static_cast<char>(d));
      }
  std::string path =
      (std::filesystem::temp_directory_path() / ("utf8_test_" + std::to_string(getpid()) + ".hex")).string();
  {
    std::ofstream out(path);
    for (const auto& input : inputs) out << hex(input) << "\n";
  }
  int status = 0;
  std::string python = run(
      "/usr/bin/python3 -c 'import sys\n"
      "for line in open(sys.argv[1]):\n"
      "    print(bytes.fromhex(line.strip()).decode(\"utf-8\", \"replace\").encode().hex())' " + path,
      &status);
  std::filesystem::remove(path);
  ASSERT_EQ(status, 0) << python;
  std::string ours;
  for (const auto& input : inputs) ours += hex(replace_invalid_utf8(input)) + "\n";
  ASSERT_EQ(ours.size(), python.size());
  size_t line = 0, start = 0;
  for (size_t mismatches = 0; start < ours.size() && mismatches < 10; ++line) {
    size_t end = ours.find('\n', start);
    if (ours.compare(start, end - start, python, start, end - start) != 0) {
      ADD_FAILURE() << "input " << hex(inputs[line]) << ": ours " << ours.substr(start, end - start) << ", python "
                    << python.substr(start, end - start);
      ++mismatches;
    }
    start = end + 1;
  }
}

TEST(Utf8Test, TerminalFormShowsControlsAndInvalidBytes) {
  EXPECT_EQ(escape_for_terminal("\x1b]0;title\x07\x1b[2J"), "\\x1b]0;title\\x07\\x1b[2J");
  EXPECT_EQ(escape_for_terminal(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_for_terminal("progress\r50%\x7f\x08"), "progress\\x0d50%\\x7f\\x08");
  EXPECT_EQ(escape_for_terminal("line\n\tindented\n"), "line\n\tindented\n");
  // C1 controls are code points (U+009B is CSI); a lone 0x9b byte is not UTF-8.
  EXPECT_EQ(escape_for_terminal("\xc2\x9b" "31m \xc2\x85 \x9b"), "\\u009b31m \\u0085 \\x9b");
  EXPECT_EQ(escape_for_terminal("\xc2\xa0nbsp \xc2\xbf"), "\xc2\xa0nbsp \xc2\xbf");
  EXPECT_EQ(escape_for_terminal("half \xe2\x82 euro \xff"), "half \\xe2\\x82 euro \\xff");
}

TEST(Utf8Test, DisplayFormEscapesInvalidBytes) {
  EXPECT_EQ(escape_invalid_utf8("a\xff" "b"), "a\\xffb");
  EXPECT_EQ(escape_invalid_utf8("\xc3"), "\\xc3");                  // truncated sequence
  EXPECT_EQ(escape_invalid_utf8("\xc0\xaf"), "\\xc0\\xaf");         // overlong
  EXPECT_EQ(escape_invalid_utf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // surrogate
  EXPECT_EQ(escape_invalid_utf8("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // > U+10FFFF
  EXPECT_EQ(escape_invalid_utf8("\x1b[0m"), "\x1b[0m");
  EXPECT_TRUE(is_valid_utf8(escape_invalid_utf8("\x80\x81\xfe")));
}

}  // namespace
}  // namespace guidecheck
