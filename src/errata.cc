#include "errata.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "toml_file.h"

namespace guidecheck {

bool parse_errata(const std::string& text, const std::string& path, Errata* errata, std::string* err) {
  errata->path = path;
  errata->entries.clear();
  toml::table root;
  if (!parse_toml(text, path, &root, err)) return false;
  for (const auto& [key, node] : root) {
    if (key.str() != "erratum" || !node.is_array_of_tables()) {
      *err = fmt::format("{}:{}: unknown key '{}' (expected [[erratum]] tables)", path, node.source().begin.line,
                         key.str());
      return false;
    }
    for (const auto& item : *node.as_array()) {
      const toml::table& table = *item.as_table();
      Erratum erratum;
      erratum.file_line = static_cast<int>(table.source().begin.line);
      for (const auto& [name, value] : table) {
        int line = static_cast<int>(value.source().begin.line);
        auto bad = [&](const char* expected) {
          *err = fmt::format("{}:{}: erratum {} must be {}", path, line, name.str(), expected);
          return false;
        };
        if (name == "sample") {
          if (!value.is_string()) return bad("a sample id such as \"q43\"");
          erratum.sample = *value.value<std::string>();
        } else if (name == "line") {
          if (!value.is_integer() || *value.value<int64_t>() <= 0) return bad("the claim's guide line");
          erratum.guide_line = static_cast<int>(*value.value<int64_t>());
        } else if (name == "claimed") {
          if (!value.is_string()) return bad("the claim's text");
          erratum.claimed = *value.value<std::string>();
        } else if (name == "reason") {
          if (!value.is_string() || value.value<std::string>()->empty()) return bad("a non-empty explanation");
          erratum.reason = *value.value<std::string>();
        } else {
          *err = fmt::format("{}:{}: unknown erratum key '{}' (known: sample, line, claimed, reason)", path, line,
                             name.str());
          return false;
        }
      }
      if (erratum.sample.empty() || erratum.guide_line == 0 || erratum.reason.empty()) {
        *err = fmt::format("{}:{}: an erratum needs sample, line and reason", path, erratum.file_line);
        return false;
      }
      errata->entries.push_back(std::move(erratum));
    }
  }
  return true;
}

bool load_errata(const std::string& path, Errata* errata, std::string* err) {
  std::string text;
  bool exists = false;
  if (!read_optional_file(path, &text, &exists, err)) return false;
  return parse_errata(exists ? text : "", path, errata, err);  // no file, no errata
}

std::vector<const Erratum*> apply_errata(const Errata& errata, SampleResult* result) {
  std::vector<const Erratum*> stale;
  for (const auto& erratum : errata.entries) {
    if (erratum.sample != result->sample.id) continue;
    bool used = false;
    for (auto& claim : result->claims) {
      if (claim.guide_line != erratum.guide_line) continue;
      if (!erratum.claimed.empty() && erratum.claimed != claim.claimed) continue;
      if (claim.verdict != ClaimVerdict::kMismatch) continue;  // it is right now: the erratum is stale
      claim.known_erratum = true;
      claim.erratum_reason = erratum.reason;
      used = true;
    }
    if (!used) stale.push_back(&erratum);
  }
  return stale;
}

}  // namespace guidecheck
