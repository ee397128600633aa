#include "snippet_manifest.h"

#include <xxhash.h>

#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "atomic_file.h"

namespace guidecheck {

using nlohmann::json;

const Sample* Manifest::find(const std::string& id) const {
  auto rebuild = [&] {
    index_of_id.clear();
    for (size_t k = 0; k < samples.size(); ++k) index_of_id.emplace(samples[k].id, k);
    indexed_count = samples.size();
  };
  if (indexed_count != samples.size()) rebuild();
  if (auto it = index_of_id.find(id);
      it != index_of_id.end() && it->second < samples.size() && samples[it->second].id == id)
    return &samples[it->second];
  // Not indexed, or the index is stale (an id changed in place): a scan settles it.
  for (size_t k = 0; k < samples.size(); ++k)
    if (samples[k].id == id) {
      rebuild();
      return &samples[k];
    }
  return nullptr;
}

std::string content_hash(std::string_view text) {
  return fmt::format("{:016x}", XXH64(text.data(), text.size(), 0));
}

std::string manifest_path(const std::string& snippets_dir) {
  return (std::filesystem::path(snippets_dir) / "manifest.json").string();
}

namespace {

json claim_to_json(const Claim& claim) {
  json j = {{"guide_line", claim.guide_line},   {"last_guide_line", claim.last_guide_line},
            {"kind", to_string(claim.kind)},    {"form", to_string(claim.form)},
            {"text", claim.text},               {"note", claim.note},
            {"anchor_line", claim.anchor_line}, {"statement", claim.statement},
            {"looks_like_prose", claim.looks_like_prose}};
  if (claim.since_line) j["since_line"] = claim.since_line;
  if (claim.tentative_lines) j["tentative_lines"] = claim.tentative_lines;
  if (!claim.may_continue.empty()) j["may_continue"] = claim.may_continue;
  if (claim.normalize_whitespace) j["normalize_whitespace"] = true;
  if (claim.ignore_exception_detail) j["ignore_exception_detail"] = true;
  if (claim.shown_as_table) j["shown_as_table"] = true;
  if (claim.shown_as_html) j["shown_as_html"] = true;
  if (claim.whole_run) j["whole_run"] = true;
  if (claim.shown_inline) j["shown_inline"] = true;
  return j;
}

Claim claim_from_json(const json& j) {
  Claim claim;
  claim.guide_line = j.at("guide_line").get<int>();
  claim.last_guide_line = j.at("last_guide_line").get<int>();
  claim.kind = j.at("kind").get<std::string>() == "error" ? ClaimKind::kError : ClaimKind::kOutput;
  std::string form = j.at("form").get<std::string>();
  claim.form = form == "output-block" ? ClaimForm::kOutputBlock : form == "block" ? ClaimForm::kBlock : ClaimForm::kTrailing;
  claim.text = j.at("text").get<std::string>();
  claim.note = j.at("note").get<std::string>();
  claim.anchor_line = j.at("anchor_line").get<int>();
  claim.statement = j.at("statement").get<std::string>();
  claim.since_line = j.value("since_line", 0);
  claim.looks_like_prose = j.at("looks_like_prose").get<bool>();
  claim.tentative_lines = j.value("tentative_lines", 0);
  claim.may_continue = j.value("may_continue", std::vector<std::string>());
  claim.normalize_whitespace = j.value("normalize_whitespace", false);
  claim.ignore_exception_detail = j.value("ignore_exception_detail", false);
  claim.shown_as_table = j.value("shown_as_table", false);
  claim.shown_as_html = j.value("shown_as_html", false);
  claim.whole_run = j.value("whole_run", false);
  claim.shown_inline = j.value("shown_inline", false);
  return claim;
}

}  // namespace

bool load_manifest(const std::string& path, Manifest* manifest, bool* exists, std::string* err) {
  *manifest = Manifest{};
  std::string text;
  *exists = std::filesystem::exists(path);
  if (!*exists) return true;
  if (!read_file(path, &text, err)) return false;
  try {
    json j = json::parse(text);
    manifest->guide = j.at("guide").get<std::string>();
    manifest->format = j.value("format", std::string());
    for (const auto& s : j.at("snippets")) {
      Sample sample;
      sample.id = s.at("id").get<std::string>();
      sample.item = s.at("item").get<int>();
      sample.first_line = s.at("first_line").get<int>();
      sample.last_line = s.at("last_line").get<int>();
      sample.guide_lines = s.at("guide_lines").get<std::vector<int>>();
      sample.generated_hash = s.at("generated_hash").get<std::string>();
      sample.pytest_file = s.value("pytest_file", false);
      sample.style = s.value("style", std::string()) == "session" ? SampleStyle::kSession : SampleStyle::kScript;
      sample.continues = s.value("continues", std::vector<std::string>{});
      sample.setup = s.value("setup", std::string());
      sample.saved_as = s.value("saved_as", std::string());
      for (const auto& c : s.at("claims")) sample.claims.push_back(claim_from_json(c));
      sample.notes = s.value("notes", std::vector<std::string>{});
      manifest->samples.push_back(std::move(sample));
    }
  } catch (const std::exception& e) {
    *err = fmt::format("{}: cannot read the manifest ({}); run guidecheck extract", path, e.what());
    return false;
  }
  return true;
}

bool save_manifest(const std::string& path, const Manifest& manifest, std::string* err) {
  json snippets = json::array();
  for (const auto& sample : manifest.samples) {
    json claims = json::array();
    for (const auto& claim : sample.claims) claims.push_back(claim_to_json(claim));
    json entry = {{"id", sample.id},
                  {"item", sample.item},
                  {"first_line", sample.first_line},
                  {"last_line", sample.last_line},
                  {"guide_lines", sample.guide_lines},
                  {"generated_hash", sample.generated_hash},
                  {"pytest_file", sample.pytest_file},
                  {"claims", claims},
                  {"notes", sample.notes}};
    // Written only when they say something, so a scraped guide's manifest
    // stays as it was.
    if (sample.style == SampleStyle::kSession) entry["style"] = "session";
    if (!sample.continues.empty()) entry["continues"] = sample.continues;
    if (!sample.setup.empty()) entry["setup"] = sample.setup;  // code no snippet file holds
    if (!sample.saved_as.empty()) entry["saved_as"] = sample.saved_as;
    snippets.push_back(std::move(entry));
  }
  json j{{"generated_by", std::string("guidecheck extract ") + GUIDECHECK_VERSION},
         {"guide", manifest.guide},
         {"format", manifest.format},
         {"snippets", snippets}};
  return write_file_atomically(path, j.dump(1) + "\n", err);
}

}  // namespace guidecheck
