#include "run_identity.h"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "atomic_file.h"
#include "field_digest.h"

namespace guidecheck {

std::string run_identity(const RunSpec& spec, std::string_view interpreter_identity) {
  FieldDigest digest;
  digest.add(interpreter_identity);
  digest.add(spec.source);
  digest.add(std::filesystem::path(spec.path).filename().string());
  digest.add(std::to_string(spec.args.size()));
  for (const auto& arg : spec.args) digest.add(arg);
  std::string stdin_text, err;
  if (!spec.stdin_path.empty() && !read_file(spec.stdin_path, &stdin_text, &err)) stdin_text = "\x01unreadable";
  digest.add(stdin_text);
  for (const TypedAnswer& typed : spec.typed_input) digest.add(typed.prompt + '\n' + typed.answer);
  digest.add(to_string(spec.mode));
  digest.add(spec.prelude);
  digest.add(fmt::format("{}/{}/{}", spec.timeout_s, spec.memory_limit, spec.output_cap));
  // What it may do beyond the sandbox, and the values it is passed (a NAME
  // alone passes the caller's value).
  digest.add(spec.sandbox.network ? "network" : "");
  for (const auto& path : spec.sandbox.writable) digest.add(path);
  for (const auto& entry : spec.sandbox.env) {
    const char* value = entry.find('=') == std::string::npos ? std::getenv(entry.c_str()) : nullptr;
    digest.add(entry + (value ? "=" + std::string(value) : ""));
  }
  return digest.hex();
}

}  // namespace guidecheck
