#pragma once
// The indentation search's model of the blocks open at a statement: the
// module, a def body, an if body... with what the rules need to know about
// each (names bound, the compound statement that just ended in it, whether
// control leaves it).

#include <cstdint>
#include <memory>
#include <vector>

#include "statement_analysis.h"

namespace guidecheck {

/// A name bound in a block.
struct Binding {
  int name;
  int level;
  std::uint8_t flags;
};

/// What kind of scope a block belongs to: names in a class body are not
/// visible from its methods.
enum class Scope : std::uint8_t { kModule, kFunction, kClass };

struct Frame;
using FramePtr = std::shared_ptr<const Frame>;

/// One open block: the module or the body of a compound statement. Frames
/// are shared between search states and copied on write.
struct Frame {
  FramePtr parent;
  int level = 0;
  Owner owner = Owner::kModule;
  Scope scope = Scope::kModule;
  int header = -1;  // statement that opened the block
  std::vector<Binding> bindings;
  Owner last_compound = Owner::kNone;  // compound statement that just ended in this block
  int stmt_count = 0;
  int last_assign = -1;
  int chain_len = 0;    // longest branch so far of the if/try chain that just ended here
  bool chain_exits = false;     // every branch of that chain so far ends in return/raise/break
  bool chain_has_else = false;
  bool ends_in_exit = false;    // control never falls off the end of this block
  bool direct_exit = false;     // ...because its last statement is return/raise/break
  int sibling_max = 0;  // longest earlier branch, for elif/else bodies
  bool has_def = false;
  double guard_weight = 0;  // cost of going on after a one-line guard body
};

/// The open block at `level` around `top`, null when none.
const Frame* frame_at(const Frame* top, int level);
/// The innermost def, class or module block around `top`.
const Frame* scope_frame(const Frame* top);
/// The innermost for or while body around `top` within its function, null when none.
const Frame* innermost_loop(const Frame* top);
/// A clause pairs with the compound statement that just ended at its level:
/// whether `c` may follow `ended`; *resolved says what it is (the else of a
/// loop, of a try...).
bool clause_fits(Clause c, Owner ended, Owner* resolved);

}  // namespace guidecheck
