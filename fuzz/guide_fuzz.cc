// Fuzzes the guide parser and indentation recovery: any bytes must give a
// result, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "claims.h"
#include "guide_parser.h"
#include "indentation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  guidecheck::ParsedGuide guide = guidecheck::parse_guide(text, "fuzz.txt");
  for (const auto& run : guide.runs) {
    guidecheck::find_claims(run);
    guidecheck::IndentationResult result = guidecheck::recover_indentation(run.lines);
    guidecheck::render(run.lines, result.levels);
  }
  return 0;
}
