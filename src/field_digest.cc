#include "field_digest.h"

#include <cstdint>
#include <fmt/format.h>

namespace guidecheck {

FieldDigest::FieldDigest() : state_(XXH64_createState()) { XXH64_reset(state_, 0); }

FieldDigest::~FieldDigest() { XXH64_freeState(state_); }

FieldDigest& FieldDigest::add(std::string_view field) {
  uint64_t size = field.size();
  XXH64_update(state_, &size, sizeof size);
  XXH64_update(state_, field.data(), field.size());
  return *this;
}

std::string FieldDigest::hex() const { return fmt::format("{:016x}", XXH64_digest(state_)); }

}  // namespace guidecheck
