#include "indentation.h"
#include <gtest/gtest.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <iostream>
namespace guidecheck {
TEST(ZzDump, Dump) {
  const char* f = std::getenv("DUMP");
  if (!f) return;
  std::ifstream in(f); std::stringstream b; b << in.rdbuf();
  std::vector<std::string> lines; std::string l; std::istringstream is(b.str());
  while (std::getline(is, l)) { l.erase(0, l.find_first_not_of(" \t")); if (l.find_first_not_of(" \t")==std::string::npos) l.clear(); lines.push_back(l); }
  auto r = recover_indentation(lines);
  std::cout << "ok=" << r.ok << " score=" << r.score << " compiles=" << r.compile_calls << " " << r.error << " line " << r.error_line << "\n";
  std::cout << render(lines, r.levels);
  for (auto& u : r.uncertain) { std::cout << "UNCERTAIN line " << u.line << " levels"; for (int x : u.levels) std::cout << " " << x; std::cout << ": " << u.reason << "\n"; }
  for (auto& a : r.alternatives) std::cout << "alt score " << a.score << " first diff line " << a.first_difference << "\n";
  if (std::getenv("ALTS")) for (auto& a : r.alternatives) std::cout << "---- " << a.score << "\n" << render(lines, a.levels);
}
}
