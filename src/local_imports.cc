#include "local_imports.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "atomic_file.h"
#include "field_digest.h"
#include "imported_modules.h"

namespace fs = std::filesystem;

namespace guidecheck {
namespace {

// Every .py file under `path` (a file, or a package's directory), sorted.
std::vector<fs::path> python_files(const fs::path& path) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return {path};
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".py" && it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

bool imports_dynamically(const std::string& source) {
  for (const char* word : {"importlib", "__import__", "runpy", "pkgutil"})
    if (source.find(word) != std::string::npos) return true;
  return false;
}

const std::string& LocalImports::whole_directory(const std::string& directory) {
  auto [it, fresh] = directories_.try_emplace(directory);
  if (!fresh) return it->second;
  std::vector<fs::path> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec))
    if (entry.path().extension() == ".py") names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  FieldDigest digest;
  for (const auto& name : names) {
    std::string content, err;
    read_file((fs::path(directory) / name).string(), &content, &err);
    digest.add(name.string()).add(content);
  }
  it->second = digest.hex();
  return it->second;
}

const LocalImports::Module& LocalImports::module(const std::string& directory, const std::string& name) {
  auto [it, fresh] = modules_.try_emplace(directory + "/" + name);
  if (!fresh) return it->second;
  Module& found = it->second;
  // What `import name` finds there first: a package (or namespace) directory, then name.py.
  std::error_code ec;
  const fs::path package = fs::path(directory) / name, file = fs::path(directory) / (name + ".py");
  const fs::path where = fs::is_directory(package, ec) ? package : fs::is_regular_file(file, ec) ? file : fs::path();
  if (where.empty()) return found;
  FieldDigest digest;
  for (const fs::path& path : python_files(where)) {
    std::string content, err;
    read_file(path.string(), &content, &err);
    digest.add(path.lexically_relative(directory).string()).add(content);
    for (std::string& imported : imported_modules(content)) found.imports.push_back(std::move(imported));
    found.dynamic = found.dynamic || imports_dynamically(content);
  }
  found.digest = digest.hex();
  return found;
}

std::string LocalImports::digest(const RunSpec& spec) {
  const std::string directory = [&] {
    std::string parent = fs::path(spec.path).parent_path().string();
    return parent.empty() ? std::string(".") : parent;
  }();
  if (spec.mode == SnippetMode::kPytest || imports_dynamically(spec.source) || imports_dynamically(spec.prelude))
    return whole_directory(directory);
  // Breadth first over the modules named, each once.
  std::vector<std::string> pending = imported_modules(spec);
  std::set<std::string> seen;
  FieldDigest digest;
  while (!pending.empty()) {
    std::string name = std::move(pending.back());
    pending.pop_back();
    if (!seen.insert(name).second) continue;
    const Module& found = module(directory, name);
    if (found.dynamic) return whole_directory(directory);
    digest.add(name).add(found.digest);
    pending.insert(pending.end(), found.imports.begin(), found.imports.end());
  }
  return digest.hex();
}

}  // namespace guidecheck
