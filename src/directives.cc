#include "directives.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <toml++/toml.h>

#include "sandbox.h"
#include "toml_file.h"

namespace guidecheck {
namespace {

const SnippetDirectives kNone{};

std::string where(const std::string& path, const toml::source_region& region) {
  return fmt::format("{}:{}", path, region.begin.line);
}

}  // namespace

bool valid_timeout(double seconds) { return std::isfinite(seconds) && seconds > 0 && seconds <= kMaxTimeoutSeconds; }

const SnippetDirectives& Directives::of(const std::string& id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? kNone : it->second;
}

bool parse_requirement(const std::string& text, Requirement* requirement) {
  size_t op_start = text.find_first_of("<>=!~");
  if (op_start == std::string::npos || op_start == 0) return false;
  size_t op_end = text.find_first_not_of("<>=!~", op_start);
  if (op_end == std::string::npos) return false;
  auto trim = [](std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
    return s;
  };
  requirement->package = trim(text.substr(0, op_start));
  requirement->op = text.substr(op_start, op_end - op_start);
  requirement->version = trim(text.substr(op_end));
  requirement->text = text;
  static const char* const kOps[] = {">=", ">", "<=", "<", "==", "!="};
  bool known = false;
  for (const char* op : kOps) known = known || requirement->op == op;
  if (!known || requirement->package.empty() || requirement->version.empty()) return false;
  for (char c : requirement->package)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  // A version starts with a number ("2.1", "1.0rc1", "2!1.0" is not one we
  // compare): "banana" would otherwise compare as text and pass.
  if (!std::isdigit(static_cast<unsigned char>(requirement->version.front()))) return false;
  for (char c : requirement->version)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') return false;
  return true;
}

int compare_versions(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    auto part = [](const std::string& s, size_t& k) {
      size_t start = k;
      while (k < s.size() && s[k] != '.') ++k;
      std::string p = s.substr(start, k - start);
      if (k < s.size()) ++k;
      return p;
    };
    std::string pa = part(a, i), pb = part(b, j);
    size_t da = 0, db = 0;
    while (da < pa.size() && std::isdigit(static_cast<unsigned char>(pa[da]))) ++da;
    while (db < pb.size() && std::isdigit(static_cast<unsigned char>(pb[db]))) ++db;
    // Numbers of any length: compared as digit strings without leading zeros.
    std::string na = pa.substr(0, da), nb = pb.substr(0, db);
    na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
    nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
    if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
    if (na != nb) return na < nb ? -1 : 1;
    // "1.0rc1" < "1.0": a pre-release tail sorts before none.
    std::string ta = pa.substr(da), tb = pb.substr(db);
    if (ta != tb) {
      if (ta.empty()) return 1;
      if (tb.empty()) return -1;
      return ta < tb ? -1 : 1;
    }
  }
  return 0;
}

std::string unmet_reason(const Requirement& requirement, const std::optional<std::string>& installed) {
  if (!installed) return fmt::format("requires {}, which is not installed", requirement.text);
  int c = compare_versions(*installed, requirement.version);
  const std::string& op = requirement.op;
  bool ok = (op == ">=" && c >= 0) || (op == ">" && c > 0) || (op == "<=" && c <= 0) || (op == "<" && c < 0) ||
            (op == "==" && c == 0) || (op == "!=" && c != 0);
  return ok ? "" : fmt::format("requires {}, found {}", requirement.text, *installed);
}

bool parse_directives(const std::string& text, const std::string& path, Directives* directives, std::string* err) {
  directives->path = path;
  directives->by_id.clear();
  toml::table root;
  if (!parse_toml(text, path, &root, err)) return false;
  for (const auto& [key, node] : root) {
    std::string id(key.str());
    const toml::table* table = node.as_table();
    if (!table) {
      *err = fmt::format("{}: '{}' must be a table of directives ([{}])", where(path, node.source()), id, id);
      return false;
    }
    SnippetDirectives d;
    d.line = static_cast<int>(node.source().begin.line);
    for (const auto& [name_key, value] : *table) {
      std::string name(name_key.str());
      std::string at = where(path, value.source());
      auto bad = [&](std::string_view expected) {
        *err = fmt::format("{}: [{}] {} must be {}", at, id, name, expected);
        return false;
      };
      if (name == "stdin") {
        if (!value.is_string()) return bad("a string");
        d.stdin_text = value.value<std::string>();
      } else if (name == "prelude") {
        if (!value.is_string()) return bad("a string of Python code");
        d.prelude = *value.value<std::string>();
      } else if (name == "timeout") {
        std::optional<double> seconds = value.value<double>();
        if (!value.is_number() || !seconds || !valid_timeout(*seconds))
          return bad(fmt::format("a number of seconds above 0 and at most {}", kMaxTimeoutSeconds));
        d.timeout_s = *seconds;
      } else if (name == "requires") {
        const toml::array* list = value.as_array();
        if (!list && !value.is_string()) return bad("a list of requirements such as [\"pandas>=2.1\"]");
        std::vector<std::string> texts;
        if (list) {
          for (const auto& item : *list) {
            if (!item.is_string()) return bad("a list of strings such as [\"pandas>=2.1\"]");
            texts.push_back(*item.value<std::string>());
          }
        } else {
          texts.push_back(*value.value<std::string>());
        }
        for (const auto& requirement_text : texts) {
          Requirement requirement;
          if (!parse_requirement(requirement_text, &requirement)) {
            *err = fmt::format("{}: [{}] requires: '{}' is not of the form package>=version", at, id, requirement_text);
            return false;
          }
          d.requirements.push_back(requirement);
        }
      } else if (name == "pytest") {
        if (!value.is_boolean()) return bad("true or false");
        d.pytest = value.value<bool>();
      } else if (name == "skip") {
        if (!value.is_string() || value.value<std::string>()->empty()) return bad("the reason, a non-empty string");
        d.skip = value.value<std::string>();
      } else if (name == "continues") {
        // false: runs alone; "q12" or ["s01", "s02"]: runs after those.
        const toml::array* list = value.as_array();
        if (value.is_boolean() && !*value.value<bool>()) {
          d.continues = std::vector<std::string>{};
        } else if (value.is_string() && !value.value<std::string>()->empty()) {
          d.continues = std::vector<std::string>{*value.value<std::string>()};
        } else if (list) {
          std::vector<std::string> ids;
          for (const auto& item : *list) {
            if (!item.is_string()) return bad("false, a sample id, or a list of sample ids");
            ids.push_back(*item.value<std::string>());
          }
          d.continues = ids;
        } else {
          return bad("false, a sample id, or a list of sample ids");
        }
      } else if (name == "network") {
        if (!value.is_boolean()) return bad("true or false");
        d.network = *value.value<bool>();
      } else if (name == "writable" || name == "env") {
        const toml::array* list = value.as_array();
        if (!list) return bad(name == "env" ? "a list such as [\"API_URL\", \"MODE=test\"]" : "a list of paths");
        std::vector<std::string> items;
        for (const auto& item : *list) {
          if (!item.is_string() || item.value<std::string>()->empty())
            return bad(name == "env" ? "a list of names or NAME=value strings" : "a list of non-empty paths");
          items.push_back(*item.value<std::string>());
        }
        if (name == "env") {
          for (const std::string& entry : items)
            if (!is_env_entry(entry))
              return bad(fmt::format("a list of names or NAME=value strings ('{}' is neither)", entry));
          d.env = items;
        } else {
          d.writable = items;
        }
      } else {
        *err = fmt::format(
            "{}: [{}] unknown directive '{}' (known: stdin, prelude, timeout, requires, pytest, skip, continues, "
            "network, writable, env)",
            at, id, name);
        return false;
      }
    }
    directives->by_id[id] = std::move(d);
  }
  return true;
}

bool load_directives(const std::string& path, Directives* directives, std::string* err) {
  std::string text;
  bool exists = false;
  if (!read_optional_file(path, &text, &exists, err)) return false;
  return parse_directives(exists ? text : "", path, directives, err);  // no file, no directives
}

}  // namespace guidecheck
