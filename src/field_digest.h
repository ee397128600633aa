#pragma once
// A digest over a sequence of fields (xxHash64), each added with its length
// first, so that no two sequences of fields hash the same bytes ("ab","c"
// and "a","bc" differ). What the result cache, the drift memo and the shard
// partition key their records by.

#include <string>
#include <string_view>

#include <xxhash.h>

namespace guidecheck {

class FieldDigest {
 public:
  FieldDigest();
  ~FieldDigest();
  FieldDigest(const FieldDigest&) = delete;
  FieldDigest& operator=(const FieldDigest&) = delete;

  FieldDigest& add(std::string_view field);
  /// 16 lowercase hex digits.
  std::string hex() const;

 private:
  XXH64_state_t* state_;
};

}  // namespace guidecheck
