#pragma once
// Code that shows the shape of a call rather than a program: a syntax
// template such as `map(function, iterable)` or `np.linspace(start, stop)`.
// Bare expressions that read names no earlier sample binds cannot run, and
// running them would only report the guide as broken.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guide_reader.h"
#include "python_block_facts.h"
#include "sample_continuations.h"

namespace guidecheck {

/// The name that makes a block a syntax template: the block is bare
/// expressions only, and reads `name`, which no earlier sample binds
/// (`before` holds the earlier samples). nullopt for code, and whenever a
/// star import (here or earlier) may have bound anything.
std::optional<std::string> syntax_template_name(const PythonBlockFacts& facts, const SampleContinuations& before,
                                                bool star_import_before);

/// `__`, `___`, `____`: the blank of an exercise, no name a program means.
bool is_blank_name(std::string_view name);

/// Removes the samples of `extraction` that are syntax templates,
/// signatures (PythonBlockFacts::signature, claiming nothing), exercises
/// (reading a blank no sample before binds, or binding or naming an
/// attribute `___`), fragments (code left out as `...`, reading a name no
/// sample before binds) or templates that cannot compile for their
/// `<parts to fill in>`, each with a diagnostic
/// "guide:L: not run: ... (a syntax template)". A sample that
/// claims an error, or a REPL session, is meant to be seen failing: kept.
/// Returns the facts of the samples kept (one parse serves what follows),
/// where a sample needs no name its setup (Sample::setup) binds.
std::vector<PythonBlockFacts> drop_syntax_templates(std::string_view filename, Extraction* extraction);

}  // namespace guidecheck
