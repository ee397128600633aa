#include "run_environment.h"

#include <algorithm>
#include <map>

namespace guidecheck {
namespace {

extern "C" char** environ;

std::string name_of(const std::string& entry) { return entry.substr(0, entry.find('=')); }

// NAME -> value; a later entry of a name wins, as setenv would make it.
std::map<std::string, std::string> by_name(const std::vector<std::string>& environment) {
  std::map<std::string, std::string> values;
  for (const std::string& entry : environment) {
    const size_t equals = entry.find('=');
    values[entry.substr(0, equals)] = equals == std::string::npos ? "" : entry.substr(equals + 1);
  }
  return values;
}

}  // namespace

std::vector<std::string> current_environment() {
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) environment.emplace_back(*e);
  return environment;
}

std::vector<std::string> with_changes(std::vector<std::string> environment, const EnvChanges& changes) {
  for (const auto& [name, value] : changes) {
    std::erase_if(environment, [&](const std::string& entry) { return name_of(entry) == name; });
    if (value) environment.push_back(name + "=" + *value);
  }
  return environment;
}

std::vector<std::string> run_environment(const std::vector<std::string>& inherited, bool sandboxed,
                                         const std::string& home, const SandboxPolicy& policy) {
  if (sandboxed) return sandboxed_environment(inherited, home, policy);
  EnvChanges set;  // every variable passes already; NAME=value entries still set their value
  for (const std::string& entry : policy.env)
    if (size_t equals = entry.find('='); equals != std::string::npos)
      set.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
  return with_changes(inherited, set);
}

EnvChanges environment_changes(const std::vector<std::string>& current, const std::vector<std::string>& wanted) {
  const std::map<std::string, std::string> have = by_name(current), want = by_name(wanted);
  EnvChanges changes;
  for (const auto& [name, value] : have)
    if (!want.contains(name)) changes.emplace_back(name, std::nullopt);
  for (const auto& [name, value] : want)
    if (auto it = have.find(name); it == have.end() || it->second != value) changes.emplace_back(name, value);
  return changes;
}

}  // namespace guidecheck
