#include "sample_continuations.h"

#include <algorithm>
#include <iterator>

namespace guidecheck {

std::vector<std::size_t> SampleContinuations::writers_of(const std::vector<std::string>& needs) const {
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
  return continued;
}

void SampleContinuations::record_writes(std::size_t sample, const std::vector<std::string>& binds,
                                        const std::vector<std::string>& changes) {
  for (const std::string& name : binds) {
    writer_[name] = sample;
    bound_.insert(name);
  }
  for (const std::string& name : changes) writer_[name] = sample;
}

std::vector<std::size_t> SampleContinuations::add(const std::vector<std::string>& binds,
                                                  const std::vector<std::string>& needs,
                                                  const std::vector<std::string>& changes) {
  std::vector<std::size_t> continued = writers_of(needs);
  record_writes(continued_.size(), binds, changes);
  continued_.push_back(continued);
  return continued;
}

void SampleContinuations::extend_last(const std::vector<std::string>& binds, const std::vector<std::string>& needs,
                                      const std::vector<std::string>& changes) {
  if (continued_.empty()) return;
  const std::size_t self = continued_.size() - 1;
  std::vector<std::size_t> more = writers_of(needs);
  more.erase(std::remove(more.begin(), more.end(), self), more.end());
  std::vector<std::size_t>& continued = continued_[self];
  std::vector<std::size_t> merged;
  std::set_union(continued.begin(), continued.end(), more.begin(), more.end(), std::back_inserter(merged));
  if (merged.size() > kMaxContinued)
    merged.erase(merged.begin(), merged.end() - static_cast<std::ptrdiff_t>(kMaxContinued));
  continued = std::move(merged);
  record_writes(self, binds, changes);
}

}  // namespace guidecheck
