#include "sample_continuations.h"

#include <algorithm>

namespace guidecheck {

std::vector<std::size_t> SampleContinuations::add(const std::vector<std::string>& binds,
                                                  const std::vector<std::string>& needs,
                                                  const std::vector<std::string>& changes) {
  std::vector<std::size_t> continued;
  for (const std::string& name : needs) {
    const auto hit = writer_.find(name);
    if (hit == writer_.end()) continue;
    continued.push_back(hit->second);
    // Already transitive: what the writer needed runs before it.
    const std::vector<std::size_t>& before = continued_[hit->second];
    continued.insert(continued.end(), before.begin(), before.end());
  }
  std::sort(continued.begin(), continued.end());
  continued.erase(std::unique(continued.begin(), continued.end()), continued.end());
  // A chain through a whole hostile guide would cost memory and run time
  // quadratic in its length; no tutorial continues this far.
  if (continued.size() > kMaxContinued)
    continued.erase(continued.begin(), continued.end() - static_cast<std::ptrdiff_t>(kMaxContinued));
  const std::size_t self = continued_.size();
  for (const std::string& name : binds) {
    writer_[name] = self;
    bound_.insert(name);
  }
  for (const std::string& name : changes) writer_[name] = self;
  continued_.push_back(continued);
  return continued;
}

}  // namespace guidecheck
