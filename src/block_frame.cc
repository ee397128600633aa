#include "block_frame.h"

namespace guidecheck {

const Frame* frame_at(const Frame* top, int level) {
  for (const Frame* f = top; f; f = f->parent.get()) {
    if (f->level == level) return f;
  }
  return nullptr;
}

const Frame* scope_frame(const Frame* top) {
  for (const Frame* f = top; f; f = f->parent.get()) {
    if (f->owner == Owner::kDef || f->owner == Owner::kClass || f->owner == Owner::kModule) return f;
  }
  return nullptr;
}

bool clause_fits(Clause c, Owner ended, Owner* resolved) {
  switch (c) {
    case Clause::kElif:
      *resolved = Owner::kElif;
      return ended == Owner::kIf || ended == Owner::kElif;
    case Clause::kElse:
      if (ended == Owner::kIf || ended == Owner::kElif) {
        *resolved = Owner::kElse;
        return true;
      }
      if (ended == Owner::kFor || ended == Owner::kWhile) {
        *resolved = Owner::kElseOfLoop;
        return true;
      }
      *resolved = Owner::kElseOfTry;
      return is_handler(ended);
    case Clause::kExcept:
      *resolved = Owner::kExcept;
      return ended == Owner::kTry || ended == Owner::kExcept;
    case Clause::kExceptStar:
      *resolved = Owner::kExceptStar;
      return ended == Owner::kTry || ended == Owner::kExceptStar;
    case Clause::kFinally:
      *resolved = Owner::kFinally;
      return ended == Owner::kTry || is_handler(ended) || ended == Owner::kElseOfTry;
    default:
      return false;
  }
}

const Frame* innermost_loop(const Frame* top) {
  for (const Frame* f = top; f && f->owner != Owner::kDef && f->owner != Owner::kClass; f = f->parent.get()) {
    if (f->owner == Owner::kFor || f->owner == Owner::kWhile) return f;
  }
  return nullptr;
}

}  // namespace guidecheck
