#include "report_junit.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "sample_results.h"

namespace guidecheck {
namespace {

// The renderer over a report of these results, counted as check counts them.
std::string junit_report_of(const std::string& guide, const std::vector<SampleResult>& results) {
  return render_junit_report(make_report(guide, results));
}

SampleResult ran(const std::string& id, int first, int last) {
  SampleResult result = ran_result(id, first, last);
  result.outcome.duration_s = 0.5;
  return result;
}

SampleResult failed(const std::string& id, RunStatus status, const std::string& problem) {
  SampleResult result = ran(id, 20, 25);
  result.verdict = SnippetVerdict::kFailed;
  result.outcome.status = status;
  result.problems.push_back(problem);
  return result;
}

SampleResult skipped(const std::string& id, const std::string& reason) { return skipped_for(id, 40, 41, reason); }

std::string run(const std::string& command, int* status) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  int raw = pclose(pipe);
  *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

// A report written to a temporary file, read back by libxml2's xmllint.
class Xml {
 public:
  explicit Xml(const std::string& text)
      : path_((std::filesystem::temp_directory_path() / ("report_junit_test_" + std::to_string(getpid()) + ".xml"))
                  .string()) {
    std::ofstream out(path_, std::ios::binary);
    out << text;
  }
  ~Xml() { std::filesystem::remove(path_); }

  /// xmllint's complaints; empty when the file is well-formed XML 1.0.
  std::string errors() const {
    int status = 0;
    std::string output = run("/usr/bin/xmllint --noout " + path_, &status);
    return status == 0 ? output : "exit " + std::to_string(status) + ": " + output;
  }
  /// The string value of an XPath expression, as libxml2 parses the file.
  std::string value(const std::string& xpath) const {
    int status = 0;
    std::string output = run("/usr/bin/xmllint --xpath \"string(" + xpath + ")\" " + path_, &status);
    if (status != 0) return "(xmllint exit " + std::to_string(status) + ": " + output + ")";
    // xmllint ends what it prints with a newline of its own.
    if (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
  }

 private:
  std::string path_;
};

// What forbidden characters become: U+FFFD, and the Control Pictures of ESC and NUL.
const std::string kReplacement = "\xef\xbf\xbd";
const std::string kEscPicture = "\xe2\x90\x9b";
const std::string kNulPicture = "\xe2\x90\x80";

TEST(ReportJunitTest, EscapesMarkupAndForbiddenCharacters) {
  EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  EXPECT_EQ(xml_escape("\x1b[31mred"), kEscPicture + "[31mred");
  EXPECT_EQ(xml_escape(std::string("nul\0end", 7)), "nul" + kNulPicture + "end");
  EXPECT_EQ(xml_escape("\x01\x08\x1f"), "\xe2\x90\x81\xe2\x90\x88\xe2\x90\x9f");
  EXPECT_EQ(xml_escape("bad \xff\xfe byte, half \xe2\x82 euro"),
            "bad " + kReplacement + kReplacement + " byte, half " + kReplacement + " euro");
  EXPECT_EQ(xml_escape("\xef\xbf\xbe \xef\xbf\xbf \xef\xbf\xbd"), kReplacement + " " + kReplacement + " " + kReplacement);
  EXPECT_EQ(xml_escape("tab\tline\ncr\r"), "tab&#9;line&#10;cr&#13;");
  EXPECT_EQ(xml_escape_text("tab\tline\ncr\r"), "tab\tline\ncr&#13;");
  EXPECT_EQ(xml_escape_text("]]>"), "]]&gt;");
  EXPECT_EQ(xml_escape("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d"), "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d");
}

TEST(ReportJunitTest, ReplacedCharactersDifferFromTextThatNamesThem) {
  // A sample printing a bytes repr writes these very characters: they stay text.
  EXPECT_EQ(xml_escape("b'\\x1b[0m\\x00\\xff'"), "b&apos;\\x1b[0m\\x00\\xff&apos;");
  EXPECT_NE(xml_escape("\\x1b"), xml_escape("\x1b"));
  EXPECT_NE(xml_escape("\\x00"), xml_escape(std::string(1, '\0')));
  EXPECT_NE(xml_escape("\\xff"), xml_escape("\xff"));
}

TEST(ReportJunitTest, CountsFailuresAndErrorsApart) {
  SampleResult could_not_run = failed("q5", RunStatus::kError, "could not run: cannot fork");
  could_not_run.outcome.error = "cannot fork";
  std::vector<SampleResult> results{ran("q1", 1, 3),
                                     failed("q2", RunStatus::kError, "exited with 1"),
                                     failed("q3", RunStatus::kTimeout, "timed out after 2s"),
                                     failed("q4", RunStatus::kCrashed, "crashed with signal 11 (SIGSEGV)"),
                                     could_not_run,
                                     skipped("q6", "reads input()")};
  Xml xml(junit_report_of("guide/top.txt", results));
  ASSERT_EQ(xml.errors(), "");
  EXPECT_EQ(xml.value("/testsuite/@name"), "guidecheck");
  EXPECT_EQ(xml.value("/testsuite/@tests"), "6");
  EXPECT_EQ(xml.value("/testsuite/@failures"), "1");
  EXPECT_EQ(xml.value("/testsuite/@errors"), "3");
  EXPECT_EQ(xml.value("/testsuite/@skipped"), "1");
  EXPECT_EQ(xml.value("/testsuite/@time"), "2.500");
  EXPECT_EQ(xml.value("count(//testcase)"), "6");
  EXPECT_EQ(xml.value("//testcase[@name='q2']/failure/@message"), "exited with 1");
  EXPECT_EQ(xml.value("count(//testcase[@name='q2']/error)"), "0");
  EXPECT_EQ(xml.value("//testcase[@name='q3']/error/@type"), "timeout");
  EXPECT_EQ(xml.value("//testcase[@name='q3']/error/@message"), "timed out after 2s");
  EXPECT_EQ(xml.value("//testcase[@name='q4']/error/@type"), "crashed");
  EXPECT_EQ(xml.value("//testcase[@name='q5']/error/@type"), "error");
  EXPECT_EQ(xml.value("//testcase[@name='q6']/skipped/@message"), "reads input()");
  EXPECT_EQ(xml.value("count(//testcase[@name='q1']/*[self::failure or self::error or self::skipped])"), "0");
}

TEST(ReportJunitTest, TestcasePointsAtTheGuideLine) {
  Xml xml(junit_report_of("guide/top-50.txt", {ran("q12", 118, 125)}));
  ASSERT_EQ(xml.errors(), "");
  EXPECT_EQ(xml.value("//testcase/@classname"), "top-50.txt");
  EXPECT_EQ(xml.value("//testcase/@name"), "q12");
  EXPECT_EQ(xml.value("//testcase/@file"), "guide/top-50.txt");
  EXPECT_EQ(xml.value("//testcase/@line"), "118");
  EXPECT_EQ(xml.value("//testcase/@time"), "0.500");
  EXPECT_EQ(xml.value("//testcase/system-out"), "q12\n");
}

TEST(ReportJunitTest, WithoutAGuideTheSnippetFileIsTheLocation) {
  Xml xml(junit_report_of("", {ran("hello", 0, 0)}));
  ASSERT_EQ(xml.errors(), "");
  EXPECT_EQ(xml.value("//testcase/@file"), "snippets/hello.py");
  EXPECT_EQ(xml.value("count(//testcase/@line)"), "0");
}

TEST(ReportJunitTest, FailureCarriesProblemsClaimsAndDiff) {
  SampleResult result = failed("q12", RunStatus::kOk, "stdout differs from expected/q12.out");
  result.golden_diff = "--- expected/q12.out\n+++ actual stdout of q12\n@@ -1 +1 @@\n-[99, 2, 3]\n+[1, 2, 3]\n";
  result.claims.push_back({118, ClaimKind::kOutput, "[99, 2, 3]", "", "[1, 2, 3]", ClaimVerdict::kMismatch, "", false, "", true});
  result.claims.push_back({119, ClaimKind::kOutput, "3", "", "3", ClaimVerdict::kMatch, "", false, ""});
  result.claims.push_back({121, ClaimKind::kOutput, "~56 bytes", "", "49", ClaimVerdict::kMismatch, "", true,
                           "size depends on the build"});
  Xml xml(junit_report_of("guide.txt", {result}));
  ASSERT_EQ(xml.errors(), "");
  EXPECT_EQ(xml.value("//failure/@message"), "stdout differs from expected/q12.out");
  std::string body = xml.value("//failure");
  EXPECT_NE(body.find("stdout differs from expected/q12.out\n"), std::string::npos) << body;
  EXPECT_NE(body.find("guide line 118 claims:\n  [99, 2, 3]\nthe statement printed:\n  [1, 2, 3]\n"), std::string::npos)
      << body;
  EXPECT_NE(body.find(result.golden_diff), std::string::npos) << body;
  // The known erratum does not count against the snippet: it is listed, not failed.
  EXPECT_EQ(body.find("guide line 121"), std::string::npos) << body;
  EXPECT_EQ(body.find("guide line 119"), std::string::npos) << body;
  EXPECT_EQ(xml.value("//testcase/properties/property[@name='known-erratum']/@value"),
            "q12 guide line 121: claims '~56 bytes', prints '49': size depends on the build");
  EXPECT_EQ(xml.value("/testsuite/properties/property[@name='known-erratum']/@value"),
            "q12 guide line 121: claims '~56 bytes', prints '49': size depends on the build");
}

TEST(ReportJunitTest, ErrorCarriesTheTailOfStderr) {
  SampleResult result = failed("q30", RunStatus::kCrashed, "crashed with signal 11 (SIGSEGV)");
  for (int i = 1; i <= 30; ++i) result.outcome.stderr_text += "frame " + std::to_string(i) + "\n";
  Xml xml(junit_report_of("guide.txt", {result}));
  ASSERT_EQ(xml.errors(), "");
  std::string body = xml.value("//error");
  EXPECT_NE(body.find("frame 30\n"), std::string::npos) << body;
  EXPECT_NE(body.find("frame 11\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("frame 10\n"), std::string::npos) << body;
  // The whole stderr is still there, beside.
  EXPECT_EQ(xml.value("//system-err"), result.outcome.stderr_text);
}

TEST(ReportJunitTest, HostileTextStaysWellFormedXml) {
  const std::string ansi = "\x1b[31mError\x1b[0m";
  const std::string nul = std::string("a\0b", 3);
  SampleResult result = failed("q<&>\"'", RunStatus::kOk, "first \"problem\" & <more> " + ansi + "\nsecond line\r");
  result.outcome.stdout_text = ansi + " ]]> " + nul + " \xff\xfe \xef\xbf\xbf \x7f\x01\x08\x0b\x0c\n";
  result.outcome.stderr_text = "<![CDATA[ ]]> \x1b[0m";
  result.golden_diff = "-" + ansi + "\n+plain ]]>\n";
  result.notes.push_back("note with 'quotes' and \x1b[1mbold\x1b[0m");
  result.claims.push_back({7, ClaimKind::kError, "ValueError: \x1b[31m", "", "\xc3", ClaimVerdict::kMismatch, "", false,
                           "", true});
  SampleResult skip = skipped("q2", "needs \x1b[1m<input>\x1b[0m & \"stdin\"");
  Xml xml(junit_report_of("guide & \"friends\" <1>.txt", {result, skip}));

  ASSERT_EQ(xml.errors(), "");
  EXPECT_EQ(xml.value("//testcase[1]/@name"), "q<&>\"'");
  EXPECT_EQ(xml.value("//testcase[1]/@classname"), "guide & \"friends\" <1>.txt");
  const std::string esc = kEscPicture, r = kReplacement;
  // Newlines and carriage returns in attributes survive attribute-value normalisation.
  EXPECT_EQ(xml.value("//failure/@message"),
            "first \"problem\" & <more> " + esc + "[31mError" + esc + "[0m\nsecond line\r");
  EXPECT_EQ(xml.value("//testcase[1]/system-out"), esc + "[31mError" + esc + "[0m ]]> a" + kNulPicture + "b " + r + r +
                                                       " " + r + " \x7f\xe2\x90\x81\xe2\x90\x88\xe2\x90\x8b\xe2\x90\x8c\n");
  EXPECT_EQ(xml.value("//testcase[1]/system-err"), "<![CDATA[ ]]> " + esc + "[0m");
  EXPECT_EQ(xml.value("//testcase[2]/skipped/@message"), "needs " + esc + "[1m<input>" + esc + "[0m & \"stdin\"");
  std::string body = xml.value("//failure");
  EXPECT_NE(body.find("-" + esc + "[31mError" + esc + "[0m\n+plain ]]>\n"), std::string::npos) << body;
  EXPECT_NE(body.find("guide line 7 claims the error:\n  ValueError: " + esc + "[31m\nthe statement printed:\n  " + r +
                      "\n"),
            std::string::npos)
      << body;
}

// An output flood (17 MB once) must not make a text node xmllint rejects:
// the head and tail are kept, with how much was cut between them.
TEST(ReportJunitTest, AFloodOfOutputIsBoundedWithItsHeadAndTail) {
  SampleResult result = failed("q1", RunStatus::kError, "exit 1");
  result.outcome.stdout_text = "first line\n" + std::string(12'000'000, 'x') + "\xc3\xa9\nlast line\n";
  result.outcome.stderr_text = std::string(200'000, 'e');
  result.golden_diff = "+" + std::string(5'000'000, 'd') + "\n";
  std::string report = junit_report_of("guide.md", {result});
  EXPECT_LT(report.size(), 400'000u);
  Xml xml(report);
  ASSERT_EQ(xml.errors(), "");
  std::string out = xml.value("//system-out");
  EXPECT_EQ(out.rfind("first line\nxxx", 0), 0u);
  EXPECT_NE(out.find("bytes cut; the JSON report has them all"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 13), "\xc3\xa9\nlast line\n");
  EXPECT_LT(xml.value("//system-err").size(), 70'000u);
  EXPECT_LT(xml.value("//failure").size(), 70'000u);
}

}  // namespace
}  // namespace guidecheck
