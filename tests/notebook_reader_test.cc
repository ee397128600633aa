#include "notebook_reader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

using nlohmann::ordered_json;

ordered_json code_cell(std::vector<std::string> source, ordered_json outputs = ordered_json::array(),
                       ordered_json tags = ordered_json::array()) {
  for (std::size_t k = 0; k + 1 < source.size(); ++k) source[k] += '\n';
  return {{"cell_type", "code"},         {"execution_count", outputs.empty() ? ordered_json() : ordered_json(1)},
          {"metadata", {{"tags", tags}}}, {"outputs", outputs},
          {"source", source}};
}

ordered_json stream(const std::string& name, std::vector<std::string> text) {
  return {{"name", name}, {"output_type", "stream"}, {"text", text}};
}

ordered_json result(const char* type, const std::string& plain) {
  return {{"data", {{"text/plain", {plain}}}}, {"metadata", ordered_json::object()}, {"output_type", type}};
}

// The notebook as Jupyter saves it (indent 1, one string a line).
std::string notebook(std::vector<ordered_json> cells, const std::string& language = "python") {
  ordered_json root = {{"cells", cells},
                       {"metadata", {{"kernelspec", {{"language", language}, {"name", "k"}}}}},
                       {"nbformat", 4},
                       {"nbformat_minor", 5}};
  return root.dump(1);
}

int line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

Extraction read(const std::string& text) {
  ReadOptions options;
  options.filename = "tour.ipynb";
  return read_notebook(text, options);
}

// The whole read step: the reader, then templates and exercises dropped.
Extraction read_step(const std::string& text) {
  ReadOptions options;
  options.filename = "tour.ipynb";
  return read_guide_text(*guide_format_named("notebook"), text, options);
}

TEST(NotebookReaderTest, OutputsAreClaimsAndTheValueStandsAlone) {
  const std::string text = notebook(
      {{{"cell_type", "markdown"}, {"metadata", ordered_json::object()}, {"source", {"# Tour"}}},
       code_cell({"xs = [3, 1, 2]", "print('sorted:')", "display(sorted(xs))", "len(xs)"},
                 {stream("stdout", {"sorted:\n"}), stream("stderr", {"a warning\n"}),
                  result("display_data", "[1, 2, 3]"), result("execute_result", "3")})});
  const Extraction e = read(text);
  ASSERT_EQ(e.samples.size(), 1u) << (e.diagnostics.empty() ? "" : e.diagnostics[0]);
  const Sample& sample = e.samples[0];
  EXPECT_EQ(sample.id, "s01");
  EXPECT_EQ(sample.source, "xs = [3, 1, 2]\nprint('sorted:')\ndisplay(sorted(xs))\nlen(xs)\n");
  EXPECT_EQ(sample.guide_lines.front(), line_of(text, "\"xs = [3, 1, 2]"));
  EXPECT_NE(sample.setup.find("def display("), std::string::npos);
  ASSERT_EQ(sample.claims.size(), 2u);
  const Claim& printed = sample.claims[0];
  EXPECT_EQ(printed.form, ClaimForm::kOutputBlock);
  EXPECT_EQ(printed.text, "sorted:\n[1, 2, 3]");  // stdout and display(), not stderr
  EXPECT_EQ(printed.guide_line, line_of(text, "\"sorted:\\n\""));
  EXPECT_EQ(printed.last_guide_line, line_of(text, "\"[1, 2, 3]\""));
  EXPECT_EQ(printed.since_line, 0);
  // The display's output is a part of its own, for a report on its line.
  ASSERT_EQ(printed.later_parts.size(), 1u);
  EXPECT_EQ(printed.later_parts[0].text_line, 1);
  EXPECT_EQ(printed.later_parts[0].guide_line, line_of(text, "\"[1, 2, 3]\""));
  const Claim& value = sample.claims[1];
  EXPECT_EQ(value.text, "3");
  EXPECT_EQ(value.anchor_line, sample.guide_lines.back());
  EXPECT_EQ(value.since_line, value.anchor_line);  // Out[n]: the value alone
  // Jupyter writes outputs before the source: the sample spans both.
  EXPECT_EQ(sample.first_line, printed.guide_line);
  EXPECT_EQ(sample.last_line, sample.guide_lines.back());
}

TEST(NotebookReaderTest, ATracebackFollowsWhatTheCellPrinted) {
  ordered_json error = {{"ename", "KeyError"}, {"evalue", "'b'"}, {"output_type", "error"},
                        {"traceback", {"\x1b[0;31mKeyError\x1b[0m    Traceback (most recent call last)", "KeyError: 'b'"}}};
  const Extraction e = read(notebook({code_cell({"print('before')", "{}['b']"}, {stream("stdout", {"before\n"}), error})}));
  ASSERT_EQ(e.samples.size(), 1u);
  ASSERT_EQ(e.samples[0].claims.size(), 2u);
  EXPECT_EQ(e.samples[0].claims[0].text, "before");
  const Claim& traceback = e.samples[0].claims[1];
  EXPECT_EQ(traceback.text, "KeyError    Traceback (most recent call last)\nKeyError: 'b'");
  EXPECT_EQ(traceback.since_line, traceback.anchor_line);  // nothing the cell printed
}

TEST(NotebookReaderTest, TrailingCommentsInTheCodeClaimToo) {
  const Extraction e = read(notebook({code_cell({"print(2 + 2)  # 4"})}));
  ASSERT_EQ(e.samples.size(), 1u);
  ASSERT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_EQ(e.samples[0].claims[0].form, ClaimForm::kTrailing);
  EXPECT_EQ(e.samples[0].claims[0].text, "4");
}

TEST(NotebookReaderTest, CellsMarkedOrLeftToFillInDoNotRun) {
  const Extraction e = read_step(notebook({
      code_cell({"print('skipped by tag')"}, {}, {"skip-execution"}),
      code_cell({"# NBVAL_SKIP", "print('skipped by marker')"}),
      code_cell({"answer = ___"}),
      code_cell({"def solve():", "    # YOUR CODE HERE", "    raise NotImplementedError()"}),
      code_cell({"!pip install pandas"}),
      code_cell({"%%bash", "ls"}),
      code_cell({"", "# only a comment"}),
      code_cell({"print('runs')"}, {stream("stdout", {"runs\n"})}),
      code_cell({"# NBVAL_IGNORE_OUTPUT", "print('anything')"}, {stream("stdout", {"whatever\n"})}),
      code_cell({"class Trie:", "    __slots__ = ('children',)"}),
  }));
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_EQ(e.samples[0].source, "print('runs')\n");
  EXPECT_EQ(e.samples[0].claims.size(), 1u);
  EXPECT_TRUE(e.samples[1].claims.empty());  // its output is not judged
  EXPECT_EQ(e.samples[2].source, "class Trie:\n    __slots__ = ('children',)\n");  // dunders are no blanks
  EXPECT_EQ(e.diagnostics.size(), 6u);
  EXPECT_TRUE(std::any_of(e.diagnostics.begin(), e.diagnostics.end(), [](const std::string& d) {
    return d.find("an exercise left to fill in") != std::string::npos;
  }));
}

TEST(NotebookReaderTest, MagicsComeOutAndTheirOutputIsNotJudged) {
  const Extraction e = read(notebook({code_cell({"%matplotlib inline", "print('plot ready')"}, {stream("stdout", {"plot ready\n"})}),
                                      code_cell({"%time total = sum(range(4))", "total"},
                                                {stream("stdout", {"CPU times: user 5 us\n"}), result("execute_result", "6")})}));
  ASSERT_EQ(e.samples.size(), 2u);
  EXPECT_EQ(e.samples[0].source, "pass  # IPython: %matplotlib inline\nprint('plot ready')\n");
  EXPECT_EQ(e.samples[0].claims.size(), 1u);  // %matplotlib prints nothing; its note is no claim
  EXPECT_EQ(e.samples[1].source, "total = sum(range(4))  # IPython: %time\ntotal\n");
  ASSERT_EQ(e.samples[1].claims.size(), 1u);  // the timing is not judged, the value is
  EXPECT_EQ(e.samples[1].claims[0].text, "6");
  EXPECT_FALSE(e.samples[1].notes.empty());
}

TEST(NotebookReaderTest, WrittenFilesAreModulesAndAppendsAddToThem) {
  const Extraction e = read(notebook({code_cell({"%%writefile shapes.py", "def area(w, h):", "    return w * h"},
                                                {stream("stdout", {"Writing shapes.py\n"})}),
                                      code_cell({"%%writefile -a shapes.py", "def square(s):", "    return area(s, s)"}),
                                      code_cell({"import shapes", "shapes.square(3)"}, {result("execute_result", "9")})}));
  ASSERT_EQ(e.samples.size(), 3u);
  EXPECT_EQ(e.samples[0].saved_as, "shapes.py");
  EXPECT_EQ(e.samples[0].source, "def area(w, h):\n    return w * h\n");
  EXPECT_TRUE(e.samples[0].claims.empty());  // "Writing shapes.py" is Jupyter's
  EXPECT_EQ(e.samples[1].saved_as, "shapes.py");
  EXPECT_EQ(e.samples[1].source, "def area(w, h):\n    return w * h\ndef square(s):\n    return area(s, s)\n");
  EXPECT_EQ(e.samples[1].guide_lines.size(), 4u);
}

TEST(NotebookReaderTest, OtherKernelsAndOtherFilesAreSaidSo) {
  const Extraction r = read(notebook({code_cell({"x <- 1"})}, "R"));
  EXPECT_TRUE(r.samples.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "tour.ipynb:1: a notebook in r: no Python cells to check");
  const Extraction broken = read("{\"cells\": [\n");
  EXPECT_TRUE(broken.error.starts_with("tour.ipynb:2: not a Jupyter notebook: ")) << broken.error;
}

}  // namespace
}  // namespace guidecheck
