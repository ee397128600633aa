#include "continuation.h"

#include <algorithm>

#include <fmt/format.h>

#include "imported_modules.h"
#include "python_literal.h"
#include "python_block_facts.h"
#include "sample_continuations.h"

namespace guidecheck {
namespace {

// The names each sample's commented-out statements read (`# total(1, "a")`
// over the TypeError it raises): the variant that runs one needs them too,
// and a sample may be nothing but such a claim.
std::vector<std::vector<std::string>> error_statement_needs(const std::vector<Sample>& samples) {
  std::vector<std::string> statements;
  std::vector<std::size_t> owner;
  for (std::size_t i = 0; i < samples.size(); ++i)
    for (const Claim& claim : samples[i].claims)
      if (claim.kind == ClaimKind::kError && !claim.statement.empty()) {
        statements.push_back(claim.statement);
        owner.push_back(i);
      }
  std::vector<std::vector<std::string>> needs(samples.size());
  if (statements.empty()) return needs;
  const std::vector<PythonBlockFacts> facts = python_block_facts(statements);
  for (std::size_t k = 0; k < facts.size() && k < owner.size(); ++k)
    if (facts[k].compiles) needs[owner[k]].insert(needs[owner[k]].end(), facts[k].needs.begin(), facts[k].needs.end());
  return needs;
}

}  // namespace

void link_continuations(std::vector<Sample>* samples) {
  std::vector<std::string> sources;
  for (const auto& sample : *samples) sources.push_back(sample.source);
  link_continuations(samples, python_block_facts(sources));
}

void link_continuations(std::vector<Sample>* samples, const std::vector<PythonBlockFacts>& facts) {
  const std::vector<std::vector<std::string>> statement_needs = error_statement_needs(*samples);
  SampleContinuations continuations;
  size_t first = 0;  // the first sample of the current namespace
  for (size_t i = 0; i < samples->size(); ++i) {
    Sample& sample = (*samples)[i];
    sample.continues.clear();
    if (sample.fresh_namespace) {
      continuations = SampleContinuations();
      first = i;
    }
    // A sample that does not compile binds and needs nothing; nor does a
    // script run again (the same source, with arguments or input of its
    // own: Sample::setup), which starts afresh as the program does.
    const bool run_again = !sample.setup.empty() && std::any_of(samples->begin() + static_cast<long>(first), samples->begin() + static_cast<long>(i),
                                       [&](const Sample& earlier) { return earlier.source == sample.source; });
    const PythonBlockFacts& f = facts[i];
    std::vector<std::string> needs = f.needs;
    for (const std::string& name : statement_needs[i])
      if (std::find(f.binds.begin(), f.binds.end(), name) == f.binds.end()) needs.push_back(name);
    for (size_t earlier : f.compiles && !run_again ? continuations.add(f.binds, needs, f.changes) : continuations.add({}, {}))
      sample.continues.push_back((*samples)[first + earlier].id);
  }
}

void mark_namespace_starts(const std::vector<std::size_t>& starts, std::vector<Sample>* samples) {
  for (std::size_t start : starts)
    if (start < samples->size()) (*samples)[start].fresh_namespace = true;
}

std::string continuation_prelude(const std::vector<const Sample*>& earlier) {
  if (earlier.empty()) return "";
  // Names with a guidecheck prefix, deleted at the end: the sample sees
  // only what the earlier blocks defined.
  // A script stops at its first exception; a session goes on after one, as
  // the interpreter's prompt does, so each of its statements runs on its own.
  std::string code =
      "import ast as _guidecheck_ast, contextlib as _guidecheck_contextlib, io as _guidecheck_io\n"
      "def _guidecheck_continue(_guidecheck_source, _guidecheck_name, _guidecheck_session):\n"
      "    _guidecheck_sink = _guidecheck_io.StringIO()\n"
      "    with _guidecheck_contextlib.redirect_stdout(_guidecheck_sink), "
      "_guidecheck_contextlib.redirect_stderr(_guidecheck_sink):\n"
      "        try:\n"
      "            _guidecheck_body = [_guidecheck_ast.Module([_guidecheck_statement], []) for _guidecheck_statement in "
      "_guidecheck_ast.parse(_guidecheck_source).body] if _guidecheck_session else [_guidecheck_source]\n"
      "        except BaseException:\n"
      "            return\n"
      "        for _guidecheck_code in _guidecheck_body:\n"
      "            try:\n"
      "                exec(compile(_guidecheck_code, _guidecheck_name, 'exec'), globals())\n"
      "            except BaseException:\n"
      "                pass\n";
  for (const Sample* sample : earlier)
    code += fmt::format("_guidecheck_continue({}, {}, {})\n", python_bytes_literal(sample->source),
                        python_bytes_literal("<" + sample->id + ">") + ".decode()",
                        sample->style == SampleStyle::kSession ? "True" : "False");
  code += "del _guidecheck_continue, _guidecheck_ast, _guidecheck_contextlib, _guidecheck_io\n";
  return code;
}

std::string saved_module_prelude(const std::vector<const Sample*>& saved) {
  if (saved.empty()) return "";
  // A finder in front of sys.meta_path serves each module from its source,
  // with the name a file beside the sample would give it; its import, and
  // what it prints then, happen where the sample imports it.
  std::string code =
      "import importlib.abc as _guidecheck_abc, importlib.util as _guidecheck_util, sys as _guidecheck_sys\n"
      "class _GuidecheckSavedModules(_guidecheck_abc.MetaPathFinder, _guidecheck_abc.Loader):\n"
      "    def __init__(self, sources):\n"
      "        self.sources = sources\n"
      "    def find_spec(self, name, path=None, target=None, spec_from_loader=_guidecheck_util.spec_from_loader):\n"
      "        if name not in self.sources:\n"
      "            return None\n"
      "        return spec_from_loader(name, self, origin=name + '.py')\n"
      "    def create_module(self, spec):\n"
      "        return None\n"
      "    def exec_module(self, module):\n"
      "        module.__file__ = module.__name__ + '.py'\n"
      "        exec(compile(self.sources[module.__name__], module.__file__, 'exec'), module.__dict__)\n"
      "_guidecheck_sys.meta_path.insert(0, _GuidecheckSavedModules({";
  for (const Sample* sample : saved) {
    const std::string module = sample->saved_as.substr(0, sample->saved_as.size() - 3);
    code += fmt::format("{}.decode(): {}.decode(), ", python_bytes_literal(module), python_bytes_literal(sample->source));
  }
  code += "}))\ndel _GuidecheckSavedModules, _guidecheck_abc, _guidecheck_util, _guidecheck_sys\n";
  return code;
}

SavedModules::SavedModules(const std::vector<Sample>& all) : all_(all) {
  for (size_t i = 0; i < all.size(); ++i) {
    position_.emplace(all[i].id, i);
    if (all[i].saved_as.ends_with(".py")) saved_.push_back(i);
  }
}

std::vector<const Sample*> SavedModules::imported_by(const Sample& sample) const {
  std::vector<const Sample*> saved;
  if (saved_.empty()) return saved;
  // What it imports, and what the samples it continues import: they run first.
  std::vector<std::string> modules = imported_modules(sample.source);
  for (const std::string& id : sample.continues)
    if (auto at = position_.find(id); at != position_.end())
      for (std::string& module : imported_modules(all_[at->second].source)) modules.push_back(std::move(module));
  // A page shows the file before it imports it.
  const auto self = position_.find(sample.id);
  const size_t end = self == position_.end() ? all_.size() : self->second;
  for (size_t index : saved_) {
    if (index >= end) break;
    const Sample& other = all_[index];
    const std::string module = other.saved_as.substr(0, other.saved_as.size() - 3);
    if (std::find(modules.begin(), modules.end(), module) == modules.end()) continue;
    // The latest version of the file the page shows wins.
    std::erase_if(saved, [&](const Sample* earlier) { return earlier->saved_as == other.saved_as; });
    saved.push_back(&other);
  }
  return saved;
}

}  // namespace guidecheck
