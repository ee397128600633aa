#pragma once
// snippets/manifest.json: what `extract` generated from which guide lines.
// Written by extract, read by check (drift) and the claim checks; not meant
// to be edited by hand (the directives file is).

#include <string>
#include <unordered_map>
#include <vector>

#include "sample.h"

namespace guidecheck {

struct Manifest {
  std::string guide;   ///< path of the guide, as given to extract
  std::string format;  ///< its reader (guide_reader.h); empty: by extension
  /// The samples as the reader found them: everything but their source,
  /// which snippets/ holds (generated_hash tells a hand fix); their setup
  /// (Sample::setup) is here.
  std::vector<Sample> samples;

  /// The first entry with `id`, or null. Answered from an index of the ids
  /// (a check of 10 000 samples looks each one up: a scan each time made it
  /// quadratic), checked against `samples` on every hit and rebuilt when
  /// entries came or went; a miss is confirmed by a scan.
  const Sample* find(const std::string& id) const;

  /// find's index (a cache, not state): id -> position of its first entry,
  /// built when `samples` had `indexed_count` entries.
  mutable std::unordered_map<std::string, size_t> index_of_id;
  mutable size_t indexed_count = 0;
};

/// Hex xxHash64 of `text`.
std::string content_hash(std::string_view text);

std::string manifest_path(const std::string& snippets_dir);
/// False with *err when the file exists but cannot be read or parsed;
/// a missing file gives an empty manifest and *exists = false.
bool load_manifest(const std::string& path, Manifest* manifest, bool* exists, std::string* err);
bool save_manifest(const std::string& path, const Manifest& manifest, std::string* err);

}  // namespace guidecheck
