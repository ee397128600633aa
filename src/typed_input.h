#pragma once
// A sample that asks for input, and a guide that shows the session as a
// terminal does, the typed answers echoed after the prompts:
//
//   name = input("Enter your name: ")        Enter your name: Alice
//   print(f"Hello, {name}!")                 Hello, Alice!
//
// Run on /dev/null it fails at the first input(). Its claimed output tells
// what was typed: the rest of each line that starts with one of its
// prompts. Those answers become its stdin, and the terminal's echo (python3
// echoes nothing when stdin is no terminal) is put back after each prompt
// in what it printed, so the run reads as the guide's transcript.

#include <string>
#include <vector>

#include "run_outcome.h"
#include "sample.h"

namespace guidecheck {

struct TypedAnswer {
  std::string prompt;  ///< as the program writes it
  std::string answer;  ///< the line typed after it
  bool operator==(const TypedAnswer&) const = default;
};

/// The prompts of the sample's `input("...")` calls (string literals) and
/// what its output claims show typed after them, in the order shown; empty
/// when it calls no input() with a literal prompt or no claim shows one.
std::vector<TypedAnswer> typed_answers(const Sample& sample);

/// The answers as stdin: one line each.
std::string typed_stdin(const std::vector<TypedAnswer>& answers);

/// Puts each answer and a line break back after its prompt in what the
/// run printed (its stdout, pieces and statements), in order: as the
/// terminal showed it. A prompt not found ends it.
void echo_typed_input(const std::vector<TypedAnswer>& answers, RunOutcome* outcome);

}  // namespace guidecheck
