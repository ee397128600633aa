#pragma once
// What a sample can import, as a digest for the result cache's key: the
// entries of every directory on the interpreter's sys.path (distributions
// carry their version in their names: numpy-1.24.2.dist-info), with each
// directory's mtime. Installing, upgrading or removing a package changes it.
// Listed in C++: the same work in the embedded interpreter imported hashlib
// (OpenSSL) and textwrap for a few directory listings, about 10 ms of every
// check.

#include <string>
#include <vector>

namespace guidecheck {

/// The digest over `search_path` (sys.path: '' and entries that are not
/// directories are passed over; a sample runs from its own directory).
std::string importable_packages_digest(const std::vector<std::string>& search_path);

}  // namespace guidecheck
