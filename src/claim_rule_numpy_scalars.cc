#include "claim_rule_numpy_scalars.h"

#include <re2/re2.h>

namespace guidecheck {

std::optional<std::string> without_numpy2_scalar_reprs(std::string_view claimed) {
  if (claimed.find("np.") == std::string_view::npos) return std::nullopt;
  // A number type's repr holds no parentheses; str_ and bytes_ hold a quoted value.
  static const RE2 number(R"(\bnp\.(?:u?int(?:8|16|32|64)?|float(?:16|32|64|128)?|longdouble|intp|uintp)\(([^()\n]*)\))");
  static const RE2 text(R"(\bnp\.(?:str_|bytes_)\((b?'[^'\n]*'|b?"[^"\n]*")\))");
  static const RE2 truth(R"(\bnp\.(True|False)_)");
  std::string out(claimed);
  const int changed = RE2::GlobalReplace(&out, number, R"(\1)") + RE2::GlobalReplace(&out, text, R"(\1)") +
                      RE2::GlobalReplace(&out, truth, R"(\1)");
  if (changed == 0) return std::nullopt;
  return out;
}

}  // namespace guidecheck
