#include "run_identity.h"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <xxhash.h>

#include "atomic_file.h"

namespace guidecheck {
namespace {

// Each field with its length first, so that no two specs hash the same text.
void add(XXH64_state_t* state, std::string_view field) {
  uint64_t size = field.size();
  XXH64_update(state, &size, sizeof size);
  XXH64_update(state, field.data(), field.size());
}

}  // namespace

std::string run_identity(const RunSpec& spec, std::string_view interpreter_identity) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  add(state, interpreter_identity);
  add(state, spec.source);
  add(state, std::filesystem::path(spec.path).filename().string());
  add(state, std::to_string(spec.args.size()));
  for (const auto& arg : spec.args) add(state, arg);
  std::string stdin_text, err;
  if (!spec.stdin_path.empty() && !read_file(spec.stdin_path, &stdin_text, &err)) stdin_text = "\x01unreadable";
  add(state, stdin_text);
  add(state, to_string(spec.mode));
  add(state, spec.prelude);
  add(state, fmt::format("{}/{}/{}", spec.timeout_s, spec.memory_limit, spec.output_cap));
  // What it may do beyond the sandbox, and the values it is passed (a NAME
  // alone passes the caller's value).
  add(state, spec.sandbox.network ? "network" : "");
  for (const auto& path : spec.sandbox.writable) add(state, path);
  for (const auto& entry : spec.sandbox.env) {
    const char* value = entry.find('=') == std::string::npos ? std::getenv(entry.c_str()) : nullptr;
    add(state, entry + (value ? "=" + std::string(value) : ""));
  }
  uint64_t hash = XXH64_digest(state);
  XXH64_freeState(state);
  return fmt::format("{:016x}", hash);
}

}  // namespace guidecheck
