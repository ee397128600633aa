#include "guide_reader.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

#include "asciidoc_reader.h"
#include "continuation.h"
#include "guide_file.h"
#include "markdown_reader.h"
#include "notebook_reader.h"
#include "output_block_claim.h"
#include "percent_script_reader.h"
#include "rst_reader.h"
#include "scraped_text_reader.h"
#include "syntax_template.h"

namespace guidecheck {

const std::vector<GuideFormat>& guide_formats() {
  // One row per reader. The first is the default for unknown extensions:
  // a guide scraped from the web is plain text whatever its name.
  static const std::vector<GuideFormat> formats = {
      {"text", {".txt"}, read_scraped_text},
      // MDX (Docusaurus) is Markdown with JSX; Quarto and R Markdown are
      // Markdown with chunks (chunk_options.h).
      {"markdown", {".md", ".markdown", ".mdown", ".mkd", ".mdx", ".qmd", ".rmd"}, read_markdown_guide},
      {"rst", {".rst", ".rest"}, read_rst_guide},
      {"script", {".py"}, read_percent_script},
      {"asciidoc", {".adoc", ".asciidoc", ".asc"}, read_asciidoc_guide},
      {"notebook", {".ipynb"}, read_notebook, /*claims_rewritable=*/false},
  };
  return formats;
}

const GuideFormat* guide_format_named(std::string_view name) {
  for (const auto& format : guide_formats())
    if (format.name == name) return &format;
  return nullptr;
}

void number_samples(std::vector<Sample>* samples) {
  const std::size_t width = std::max<std::size_t>(2, std::to_string(samples->size()).size());
  for (std::size_t k = 0; k < samples->size(); ++k) (*samples)[k].id = fmt::format("s{:0{}}", k + 1, width);
}

std::string guide_format_names() {
  std::string names;
  for (const auto& format : guide_formats()) names += (names.empty() ? "" : ", ") + std::string(format.name);
  return names;
}

const GuideFormat* guide_format_for(const std::string& path, std::string_view override_name, std::string* err) {
  if (!override_name.empty()) {
    const GuideFormat* format = guide_format_named(override_name);
    if (!format)
      *err = fmt::format("--guide-format: unknown format '{}' (known: {})", override_name, guide_format_names());
    return format;
  }
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& format : guide_formats())
    if (std::find(format.extensions.begin(), format.extensions.end(), extension) != format.extensions.end())
      return &format;
  return &guide_formats().front();
}

namespace {

bool read_with(const std::string& path, std::string_view format_override, const ReadOptions& options,
               Extraction* extraction, std::string* err) {
  const GuideFormat* format = guide_format_for(path, format_override, err);
  if (!format) return false;
  std::string text;
  if (!load_guide_text(path, &text, err)) return false;
  *extraction = read_guide_text(*format, text, options);
  if (!extraction->error.empty()) {
    *err = extraction->error;
    return false;
  }
  std::vector<std::string> line_warnings = guide_line_warnings(path, text);
  extraction->warnings.insert(extraction->warnings.begin(), line_warnings.begin(), line_warnings.end());
  return true;
}

}  // namespace

bool read_guide_file(const std::string& path, std::string_view format_override, Runner* runner,
                     const RunSettings& run, Extraction* extraction, std::string* err) {
  ReadOptions options;
  options.filename = path;
  options.runner = runner;
  options.candidate_timeout_s = std::min(options.candidate_timeout_s, run.timeout_s);
  options.candidate_memory_limit = run.memory_limit;
  return read_with(path, format_override, options, extraction, err);
}

bool read_guide_lines(const std::string& path, std::string_view format_override, Extraction* extraction,
                      std::string* err) {
  ReadOptions options;
  options.filename = path;
  options.lay_out = false;
  return read_with(path, format_override, options, extraction, err);
}

Extraction read_guide_text(const GuideFormat& format, std::string_view text, const ReadOptions& options) {
  Extraction extraction = format.read(text, options);
  extraction.format = format.name;
  for (Sample& sample : extraction.samples) split_trailing_tracebacks(sample);
  std::vector<PythonBlockFacts> facts = drop_syntax_templates(options.filename, &extraction);
  if (options.lay_out) link_continuations(&extraction.samples, facts);
  return extraction;
}

}  // namespace guidecheck
