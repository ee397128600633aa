#pragma once
// snippets/manifest.json: what `extract` generated from which guide lines.
// Written by extract, read by check (drift) and the claim checks; not meant
// to be edited by hand (the directives file is).

#include <string>
#include <vector>

#include "claims.h"

namespace guidecheck {

struct ManifestEntry {
  std::string id;
  int item = 0;
  int first_line = 0;
  int last_line = 0;
  std::vector<int> guide_lines;  ///< guide line of each snippet line
  std::string generated_hash;    ///< of the source extract wrote (hand fixes differ)
  bool pytest_file = false;
  std::vector<Claim> claims;
  std::vector<std::string> notes;
};

struct Manifest {
  std::string guide;  ///< path of the guide, as given to extract
  std::vector<ManifestEntry> snippets;

  const ManifestEntry* find(const std::string& id) const;
};

/// Hex xxHash64 of `text`.
std::string content_hash(std::string_view text);

std::string manifest_path(const std::string& snippets_dir);
/// False with *err when the file exists but cannot be read or parsed;
/// a missing file gives an empty manifest and *exists = false.
bool load_manifest(const std::string& path, Manifest* manifest, bool* exists, std::string* err);
bool save_manifest(const std::string& path, const Manifest& manifest, std::string* err);

}  // namespace guidecheck
