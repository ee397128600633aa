#include "typed_input.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace guidecheck {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

// The string literal at source[at] (after an optional r/u prefix), its
// simple escapes read; nullopt for an f-string, bytes or anything else.
std::optional<std::string> string_literal(std::string_view source, std::size_t at) {
  bool raw = false;
  while (at < source.size() && (source[at] == 'r' || source[at] == 'R' || source[at] == 'u' || source[at] == 'U')) {
    raw = raw || source[at] == 'r' || source[at] == 'R';
    ++at;
  }
  if (at >= source.size() || (source[at] != '"' && source[at] != '\'')) return std::nullopt;
  const char quote = source[at];
  const bool triple = source.substr(at, 3) == std::string(3, quote);
  at += triple ? 3 : 1;
  std::string text;
  for (; at < source.size(); ++at) {
    const char c = source[at];
    if (c == quote && (!triple || source.substr(at, 3) == std::string(3, quote))) return text;
    if (c == '\n' && !triple) return std::nullopt;
    if (c == '\\' && !raw && at + 1 < source.size()) {
      const char next = source[++at];
      text += next == 'n' ? '\n' : next == 't' ? '\t' : next;
      continue;
    }
    text += c;
  }
  return std::nullopt;
}

// The literal prompts of the source's input() calls, in source order.
std::vector<std::string> input_prompts(std::string_view source) {
  std::vector<std::string> prompts;
  for (std::size_t at = source.find("input("); at != std::string_view::npos; at = source.find("input(", at + 6)) {
    if (at > 0 && is_name_char(source[at - 1])) continue;  // raw_input(, self.input(
    std::size_t arg = at + 6;
    while (arg < source.size() && (source[arg] == ' ' || source[arg] == '\t')) ++arg;
    if (std::optional<std::string> prompt = string_literal(source, arg); prompt && !prompt->empty()) {
      if (std::find(prompts.begin(), prompts.end(), *prompt) == prompts.end()) prompts.push_back(*prompt);
    }
  }
  return prompts;
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The answer a claimed line shows after `prompt`'s last line, if it starts with it.
std::optional<std::string> answer_after(std::string_view line, const std::string& prompt) {
  std::string_view key = prompt;
  if (const std::size_t newline = key.rfind('\n'); newline != std::string_view::npos) key.remove_prefix(newline + 1);
  if (rtrim(key).empty()) return std::nullopt;
  if (line.starts_with(key)) return std::string(line.substr(key.size()));
  if (line.starts_with(rtrim(key))) {  // the page dropped the prompt's trailing blank
    std::string_view rest = line.substr(rtrim(key).size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return std::string(rest);
  }
  return std::nullopt;
}

}  // namespace

std::vector<TypedAnswer> typed_answers(const Sample& sample) {
  std::vector<std::string> prompts = input_prompts(sample.source);
  if (prompts.empty()) return {};
  // The longest prompt first: "Name: " must not take "Last name: ".
  std::sort(prompts.begin(), prompts.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::vector<const Claim*> claims;
  for (const Claim& claim : sample.claims)
    if (claim.kind == ClaimKind::kOutput) claims.push_back(&claim);
  std::stable_sort(claims.begin(), claims.end(), [](const Claim* a, const Claim* b) { return a->guide_line < b->guide_line; });
  std::vector<TypedAnswer> answers;
  for (const Claim* claim : claims) {
    std::string_view text = claim->text;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      const std::string_view line = text.substr(start, end - start);
      for (const std::string& prompt : prompts) {
        if (std::optional<std::string> answer = answer_after(line, prompt)) {
          answers.push_back({prompt, *answer});
          break;
        }
      }
      start = end + 1;
    }
  }
  return answers;
}

std::string typed_stdin(const std::vector<TypedAnswer>& answers) {
  std::string text;
  for (const TypedAnswer& answer : answers) text += answer.answer + '\n';
  return text;
}

void echo_typed_input(const std::vector<TypedAnswer>& answers, RunOutcome* outcome) {
  if (answers.empty()) return;
  // In stdout, answer after answer.
  auto echo_into = [&](std::string* text) {
    std::size_t from = 0;
    for (const TypedAnswer& answer : answers) {
      const std::size_t at = text->find(answer.prompt, from);
      if (at == std::string::npos) return;
      const std::string echoed = answer.answer + '\n';
      text->insert(at + answer.prompt.size(), echoed);
      from = at + answer.prompt.size() + echoed.size();
    }
  };
  // The pieces and each statement's text are echoed alike when they hold
  // the same bytes as stdout (they do unless output was cut off).
  const auto statement_text = [&](int line) {
    std::string text;
    for (const OutputPiece& piece : outcome->pieces)
      if (piece.line == line) text += piece.bytes;
    return text;
  };
  std::string pieces_text;
  for (const OutputPiece& piece : outcome->pieces) pieces_text += piece.bytes;
  const bool pieces_agree =
      pieces_text == outcome->stdout_text &&
      std::all_of(outcome->statements.begin(), outcome->statements.end(),
                  [&](const StatementOutput& statement) { return statement.stdout_text == statement_text(statement.line); });
  echo_into(&outcome->stdout_text);
  if (!pieces_agree) return;
  // Each prompt sits in the piece its input() wrote; the echo goes there too.
  std::size_t next = 0, from = 0;
  for (OutputPiece& piece : outcome->pieces) {
    while (next < answers.size()) {
      const std::size_t at = piece.bytes.find(answers[next].prompt, from);
      if (at == std::string::npos) break;
      const std::string echoed = answers[next].answer + '\n';
      piece.bytes.insert(at + answers[next].prompt.size(), echoed);
      from = at + answers[next].prompt.size() + echoed.size();
      ++next;
    }
    from = 0;
  }
  for (StatementOutput& statement : outcome->statements) statement.stdout_text = statement_text(statement.line);
}

}  // namespace guidecheck
