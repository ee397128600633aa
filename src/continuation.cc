#include "continuation.h"

#include <fmt/format.h>

#include "python_block_facts.h"
#include "sample_continuations.h"

namespace guidecheck {
namespace {

// A Python string literal holding `text` exactly: every byte as \xNN
// outside printable ASCII, so no quoting rule of the source can break it.
std::string python_bytes_literal(const std::string& text) {
  std::string out = "b'";
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  return out + "'";
}

}  // namespace

void link_continuations(std::vector<Sample>* samples) {
  std::vector<std::string> sources;
  for (const auto& sample : *samples) sources.push_back(sample.source);
  link_continuations(samples, python_block_facts(sources));
}

void link_continuations(std::vector<Sample>* samples, const std::vector<PythonBlockFacts>& facts) {
  SampleContinuations continuations;
  for (size_t i = 0; i < samples->size(); ++i) {
    Sample& sample = (*samples)[i];
    sample.continues.clear();
    // A sample that does not compile binds and needs nothing.
    const PythonBlockFacts& f = facts[i];
    for (size_t earlier : f.compiles ? continuations.add(f.binds, f.needs, f.changes) : continuations.add({}, {}))
      sample.continues.push_back((*samples)[earlier].id);
  }
}

std::string continuation_prelude(const std::vector<const Sample*>& earlier) {
  if (earlier.empty()) return "";
  // Names with a guidecheck prefix, deleted at the end: the sample sees
  // only what the earlier blocks defined.
  std::string code =
      "import contextlib as _guidecheck_contextlib, io as _guidecheck_io\n"
      "def _guidecheck_continue(_guidecheck_source, _guidecheck_name):\n"
      "    _guidecheck_sink = _guidecheck_io.StringIO()\n"
      "    with _guidecheck_contextlib.redirect_stdout(_guidecheck_sink), "
      "_guidecheck_contextlib.redirect_stderr(_guidecheck_sink):\n"
      "        try:\n"
      "            exec(compile(_guidecheck_source, _guidecheck_name, 'exec'), globals())\n"
      "        except BaseException:\n"
      "            pass\n";
  for (const Sample* sample : earlier)
    code += fmt::format("_guidecheck_continue({}, {})\n", python_bytes_literal(sample->source),
                        python_bytes_literal("<" + sample->id + ">") + ".decode()");
  code += "del _guidecheck_continue, _guidecheck_contextlib, _guidecheck_io\n";
  return code;
}

}  // namespace guidecheck
