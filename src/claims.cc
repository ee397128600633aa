#include "claims.h"

#include <algorithm>
#include <optional>

#include "claim_markers.h"
#include "claim_text.h"
#include "printed_fragments.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }


// A comment's text: after '#' and any output marker (claim_markers.h), trimmed.
std::string_view comment_text(std::string_view line, std::size_t hash) {
  std::string_view text = line.substr(hash + 1);
  if (std::optional<MarkedOutput> marked = marked_output(text)) return marked->text;
  // `## 16`: knitr's prefix before a value it shows in the code (collapse).
  while (text.starts_with('#')) text.remove_prefix(1);
  return trim_blanks(text);
}

// Whether the comment at `hash` carries an output marker (`#> 42`).
bool is_marked(std::string_view line, std::size_t hash) { return marked_output(line.substr(hash + 1)).has_value(); }

// The label a marker put before `text` in `comment` ("Output:", "=>"), or
// nothing for a marker on every line.
std::string_view label_of(std::string_view comment, const MarkedOutput& marked) {
  if (marked.marker->placement == MarkerPlacement::kEveryLine) return {};
  return trim_blanks(comment.substr(0, static_cast<std::size_t>(marked.text.data() - comment.data())));
}

// `print("Output:", x) # Output: 5` shows the label as part of the output.
bool code_prints_label(std::string_view code, std::string_view label) {
  if (!std::any_of(label.begin(), label.end(), is_alpha)) return false;  // arrows are never printed labels
  return ascii_lower(code).find(ascii_lower(label)) != std::string::npos;
}

enum class Role { kBlank, kComment, kCode };

struct RunLine {
  Role role = Role::kBlank;
  std::size_t comment = std::string_view::npos;  // offset of a trailing comment on a code line
};

// Whether comment text is commented-out code (`my_string[0] = "H"`), not
// output or prose; *lexed tells where its own trailing comment starts.
bool looks_like_statement(std::string_view text, PythonLexer::Line* lexed) {
  PythonLexer lexer;
  std::vector<PythonLexer::Token> tokens;
  *lexed = lexer.next(text, &tokens);
  if (!lexed->plausible || !lexed->has_code || tokens.empty()) return false;
  // A statement does something: assigns, calls, subscripts, or starts with a keyword.
  if (tokens.front().kind == PythonLexer::TokenKind::kKeyword) return true;
  return std::any_of(tokens.begin(), tokens.end(), [](const PythonLexer::Token& t) {
    return has_equals_sign(t) || t.text == "(" || t.text == "[" || t.text == ".";
  });
}

class ClaimFinder {
 public:
  explicit ClaimFinder(const CodeRun& run) : run_(run) {}

  std::vector<Claim> find() {
    classify();
    const std::size_t n = run_.lines.size();
    for (std::size_t i = 0; i < n;) {
      if (roles_[i].role == Role::kCode) {
        trailing(i);
        ++i;
      } else if (roles_[i].role == Role::kComment) {
        std::size_t end = i;
        while (end + 1 < n && roles_[end + 1].role == Role::kComment) ++end;
        block(i, end);
        i = end + 1;
      } else {
        ++i;
      }
    }
    for (const ShownOutput& output : run_.outputs) shown_output(output);
    std::stable_sort(claims_.begin(), claims_.end(),
                     [](const Claim& a, const Claim& b) { return a.guide_line < b.guide_line; });
    return std::move(claims_);
  }

 private:
  void classify() {
    PythonLexer lexer;
    for (const std::string& line : run_.lines) {
      const PythonLexer::Line lexed = lexer.next(line);
      RunLine r;
      if (lexed.has_code || lexed.continued) {
        // Comment lines inside brackets belong to the statement around them.
        r.role = Role::kCode;
        if (lexed.has_code) r.comment = lexed.comment;
      } else if (lexed.comment != std::string_view::npos) {
        r.role = Role::kComment;
        r.comment = lexed.comment;
      }
      roles_.push_back(r);
    }
    trailing_claimed_.assign(roles_.size(), false);
  }

  std::string_view code_part(std::size_t i) const {
    return trim_blanks(std::string_view(run_.lines[i]).substr(0, roles_[i].comment));
  }

  int line_of(std::size_t i) const { return run_.guide_lines[i]; }

  // All after the '#' of line i's comment.
  std::string_view comment_of(std::size_t i) const { return std::string_view(run_.lines[i]).substr(roles_[i].comment + 1); }
  std::optional<MarkedOutput> marker_at(std::size_t i) const { return marked_output(comment_of(i)); }
  std::string_view text_at(std::size_t i) const { return comment_text(run_.lines[i], roles_[i].comment); }
  bool marked(std::size_t i) const { return is_marked(run_.lines[i], roles_[i].comment); }

  // What line i's comment claims: its text without the marker, unless the
  // code the claim is about prints that label itself.
  std::string_view claimed_text(std::size_t i, std::string_view code) const {
    const std::string_view comment = comment_of(i);
    if (const std::optional<MarkedOutput> m = marked_output(comment); m && code_prints_label(code, label_of(comment, *m)))
      return trim_blanks(comment);
    return text_at(i);
  }

  // Constant text the code before run line `end` could print
  // (printed_fragments.h). Blocks come in order: each extends the last.
  const std::vector<std::string>& fragments_before(std::size_t end) {
    for (; fragments_end_ < end; ++fragments_end_)
      if (roles_[fragments_end_].role == Role::kCode)
        add_printed_fragments(run_.lines[fragments_end_], &fragment_lexer_, &fragments_);
    return fragments_;
  }

  void trailing(std::size_t i) {
    if (roles_[i].comment == std::string_view::npos) return;
    const std::optional<MarkedOutput> marker = marker_at(i);
    std::string_view text = claimed_text(i, code_part(i));
    if (text.empty() || (!marker && is_pragma(text))) return;
    Claim claim;
    claim.guide_line = claim.last_guide_line = claim.anchor_line = line_of(i);
    claim.form = ClaimForm::kTrailing;
    if (marker && marker->marker->placement == MarkerPlacement::kEveryLine) {
      claim.text = std::string(text);  // shown verbatim: no note
    } else if (const auto error = error_text(text)) {
      claim.kind = ClaimKind::kError;
      claim.text = std::string(*error);
    } else {
      const auto [value, note] = split_note(text);
      claim.text = std::string(value);
      claim.note = std::string(note);
      claim.looks_like_prose = !marker && looks_like_prose(value);  // a labelled value is output
    }
    claims_.push_back(std::move(claim));
    trailing_claimed_[i] = true;
  }

  // `# x[0] = 1 # TypeError: ...` (optionally with its commented-out body on
  // the following lines), or `# x[0] = 1` then `# TypeError: ...`.
  // Returns the index after the claim's last line, or nullopt.
  std::optional<std::size_t> error_claim(std::size_t i, std::size_t end) {
    if (marked(i)) return std::nullopt;  // marked lines are output
    const std::string_view text = text_at(i);
    PythonLexer::Line lexed;
    // A bare name too, when its own comment names the error: `# some_var  # Raises a NameError`;
    // and any expression when the next comment line is the error: `# 2 * v` then `# TypeError: ...`.
    const bool statement = looks_like_statement(text, &lexed);
    const bool code = lexed.plausible && lexed.has_code;
    // An operator, or a name the error itself mentions (`# total` then
    // `# NameError: name 'total' ...`): a lone word over an error is a label.
    const auto error_next = i + 1 <= end ? error_text(text_at(i + 1)) : std::nullopt;
    const bool error_after = code && lexed.comment == std::string_view::npos && error_next && !looks_like_prose(text) &&
                             (text.find_first_of("+-*/%<>&|^~@") != std::string_view::npos ||
                              error_next->find("'" + std::string(trim_blanks(text)) + "'") != std::string_view::npos);
    if (!statement && !error_after &&
        !(code && lexed.comment != std::string_view::npos && error_text(trim_blanks(text.substr(lexed.comment + 1)))))
      return std::nullopt;
    Claim claim;
    claim.kind = ClaimKind::kError;
    claim.guide_line = claim.last_guide_line = claim.anchor_line = line_of(i);
    std::size_t next = i + 1;
    // `# s[0] = "H"  # TypeError: ...`, also behind a marker (`# => TypeError`, `# ❌ TypeError`).
    std::size_t code_end = lexed.comment;  // where the commented-out code ends
    const auto inline_error = [&]() -> std::optional<std::string_view> {
      if (lexed.comment == std::string_view::npos) return arrowed_error(text, &code_end);
      const std::string_view comment = text.substr(lexed.comment + 1);
      if (const std::optional<MarkedOutput> marked = marked_output(comment)) return error_text(marked->text);
      return error_text(trim_blanks(comment));
    }();
    if (inline_error) {
      claim.form = ClaimForm::kTrailing;
      claim.statement = std::string(trim_blanks(text.substr(0, code_end)));
      claim.text = std::string(*inline_error);
      // A commented-out compound statement carries its commented-out body.
      if (!claim.statement.empty() && claim.statement.back() == ':') {
        for (std::size_t k = i + 1; k <= end && k < i + 20; ++k) {
          const std::string_view body = text_at(k);
          PythonLexer body_lexer;
          const PythonLexer::Line body_lexed = body_lexer.next(body);
          if (body.empty() || !body_lexed.plausible || error_text(body) || looks_like_prose(body) ||
              body_lexed.comment != std::string_view::npos)
            break;
          claim.statement += '\n';
          claim.statement += body;
          claim.last_guide_line = line_of(k);
          next = k + 1;
        }
      }
    } else if (lexed.comment == std::string_view::npos && i + 1 <= end && error_text(text_at(i + 1)) &&
               !looks_like_prose(text)) {
      claim.form = ClaimForm::kBlock;
      claim.statement = std::string(text);
      claim.text = std::string(*error_text(text_at(i + 1)));
      claim.last_guide_line = line_of(i + 1);
      next = i + 2;
    } else {
      return std::nullopt;
    }
    claims_.push_back(std::move(claim));
    return next;
  }

  // `# stock['plums']   -> KeyError: 'plums'`: the error after an arrow in
  // the commented-out line itself, the code before it a statement of its
  // own; *code_end is where that code ends.
  static std::optional<std::string_view> arrowed_error(std::string_view text, std::size_t* code_end) {
    for (std::size_t at = 1; at < text.size(); ++at) {
      if ((text[at - 1] != ' ' && text[at - 1] != '\t') || text[at] == ' ' || text[at] == '\t') continue;
      const std::optional<MarkedOutput> marked = marked_output(text.substr(at - 1));
      if (!marked || marked->marker->scope != MarkerScope::kStatement) continue;
      const std::optional<std::string_view> error = error_text(marked->text);
      PythonLexer::Line code;
      if (!error || !looks_like_statement(trim_blanks(text.substr(0, at)), &code) ||
          code.comment != std::string_view::npos)
        continue;
      *code_end = at;
      return error;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> anchor_before(std::size_t start) const {
    std::size_t k = start;
    while (k > 0) {
      --k;
      if (roles_[k].role == Role::kCode) return k;
      if (roles_[k].role != Role::kBlank) return std::nullopt;
    }
    return std::nullopt;
  }

  bool code_follows(std::size_t end) const {
    for (std::size_t k = end + 1; k < roles_.size(); ++k) {
      if (roles_[k].role == Role::kCode) return true;
      if (roles_[k].role != Role::kBlank) return false;
    }
    return false;
  }

  // Comment lines [start, end], all comment-only. Error claims are taken
  // out; the rest are output candidates.
  void block(std::size_t start, std::size_t end) {
    std::size_t segment = start;
    for (std::size_t i = start; i <= end;) {
      if (std::optional<std::size_t> next = error_claim(i, end)) {
        if (i > segment) candidate(segment, i - 1, end);
        i = *next;
        segment = i;
        continue;
      }
      ++i;
    }
    if (segment <= end) candidate(segment, end, end);
  }

  // Column where the text of line k's comment starts.
  std::size_t text_column(std::size_t k) const {
    const std::string_view line = run_.lines[k];
    // knitr's `## 16` has its text after both marks.
    const std::size_t marks_end = std::min(line.find_first_not_of('#', roles_[k].comment), line.size());
    const std::size_t at = line.find_first_not_of(" \t", marks_end);
    return at == std::string_view::npos ? line.size() : at;
  }

  // Lines [first, last] of a comment block ending at block_end.
  void candidate(std::size_t first, std::size_t last, std::size_t block_end) {
    const std::optional<std::size_t> anchor = anchor_before(first);
    // Comments before the first code line, or after commented-out code, introduce; they do not show.
    if (!anchor || first != block_start(first)) return;
    const std::string_view anchor_code = code_part(*anchor);
    // The first comment of a body describes the body; the header prints nothing.
    if (!anchor_code.empty() && anchor_code.back() == ':') return;
    const bool followed_by_code = last == block_end && code_follows(block_end);

    std::vector<std::size_t> lines;
    bool explicit_output = false;  // a marker says these lines are output
    const ClaimMarker* label = nullptr;  // the first label (`# Output:`)
    bool label_alone = false;            // with no value on its line
    std::size_t label_line = 0;          // its place in `lines`
    std::size_t value_column = std::string_view::npos;  // where its value starts
    for (std::size_t k = first; k <= last; ++k) {
      const std::string_view text = text_at(k);
      if (const std::optional<MarkedOutput> m = marker_at(k)) {
        if (m->marker->placement == MarkerPlacement::kFirstLine && !explicit_output) {
          label = m->marker;
          label_alone = m->text.empty();
          label_line = lines.size();
          value_column = m->text.empty() ? std::string_view::npos
                                         : static_cast<std::size_t>(m->text.data() - run_.lines[k].data());
        }
        explicit_output = true;
        if (m->marker->placement == MarkerPlacement::kFirstLine && text.empty()) continue;  // a label alone
        lines.push_back(k);
        continue;
      }
      // A shell command starts illustrative output of its own.
      if (is_shell_command(text)) break;
      if (is_pragma(text)) continue;
      lines.push_back(k);
    }
    // "# Sorted:" then "# Output: [1, 2]": what comes before the label introduces it.
    if (label_line > 0 && std::all_of(lines.begin(), lines.begin() + static_cast<long>(label_line),
                                      [&](std::size_t k) { return looks_like_prose(text_at(k)); }))
      lines.erase(lines.begin(), lines.begin() + static_cast<long>(label_line));
    // After a statement with a trailing comment, a block before more code is
    // a header for that code, unless a marker says otherwise.
    if (followed_by_code && trailing_claimed_[*anchor] && !explicit_output) return;

    // Evidence that a line reads like prose but is output: a marker, a place
    // under a label's value, or text the code's string literals print.
    auto shown = [&](std::size_t k) {
      if (marked(k)) return true;
      if (value_column != std::string_view::npos && text_column(k) + 1 >= value_column &&
          text_column(k) <= value_column + 1 && text_column(k) > roles_[k].comment + 2)
        return true;
      return shows_printed_fragment(text_at(k), fragments_before(first));
    };
    auto is_value = [&](std::size_t k) {
      const std::string_view text = text_at(k);
      return (!looks_like_prose(text) && !is_parenthesised_remark(text)) || shown(k);
    };
    // Prose-like lines at the end: they introduce the next code, or remark
    // on the output before them (`# [1, 2]` then `# the list is unchanged`).
    while (!lines.empty() && !is_value(lines.back())) {
      const bool introduces = followed_by_code && !explicit_output;
      const bool remarks = std::any_of(lines.begin(), lines.end() - 1,
                                       [&](std::size_t k) { return !text_at(k).empty() && is_value(k); });
      if (!introduces && !remarks) break;
      lines.pop_back();
    }
    while (!lines.empty() && text_at(lines.back()).empty()) lines.pop_back();
    if (lines.empty()) return;

    Claim claim;
    claim.form = ClaimForm::kBlock;
    claim.anchor_line = line_of(*anchor);
    claim.guide_line = line_of(lines.front());
    claim.last_guide_line = line_of(lines.back());
    claim.looks_like_prose = true;
    std::string_view error;
    bool verbatim = false;  // marked on every line: no note, never prose
    for (std::size_t k : lines) {
      const std::optional<MarkedOutput> m = marker_at(k);
      const std::string_view text = k == lines.front() ? claimed_text(k, anchor_code) : text_at(k);
      if (m && m->marker->placement == MarkerPlacement::kEveryLine) verbatim = true;
      if (k != lines.front()) claim.text += '\n';
      claim.text += text;
      if (m || !looks_like_prose(text)) claim.looks_like_prose = false;
      if (const auto e = error_text(text)) error = *e;
    }
    const std::string_view first_text = text_at(lines.front());
    if (!error.empty() && (lines.size() == 1 || first_text.substr(0, 9) == "Traceback")) {
      claim.kind = ClaimKind::kError;
      claim.text = std::string(error);
      claim.looks_like_prose = false;
    } else if (lines.size() == 1 && !verbatim) {
      const auto [value, note] = split_note(claim.text);
      claim.note = std::string(note);
      claim.text = std::string(value);
    }
    // A label alone over the lines after it, or over several lines, lists
    // what the code since the previous claim printed; `# Output: 42` on its
    // own is about the statement before it.
    if (label && label->scope == MarkerScope::kSincePreviousClaim && (label_alone || lines.size() > 1) &&
        claim.kind == ClaimKind::kOutput) {
      claim.form = ClaimForm::kOutputBlock;
      claim.since_line = claims_.empty() ? 0 : claims_.back().anchor_line;
    }
    claims_.push_back(std::move(claim));
  }

  // Output shown after an `Output:` line: what the code since the previous
  // shown output printed. A traceback in it claims the error of live code.
  void shown_output(const ShownOutput& output) {
    std::optional<std::size_t> anchor;
    for (std::size_t k = 0; k < roles_.size() && line_of(k) < output.label_line; ++k)
      if (roles_[k].role == Role::kCode) anchor = k;
    if (!anchor || output.lines.empty()) return;
    std::size_t traceback = output.lines.size();
    for (std::size_t k = 0; k < output.lines.size() && traceback == output.lines.size(); ++k)
      if (std::string_view(output.lines[k]).substr(0, 9) == "Traceback") traceback = k;
    Claim claim;
    claim.form = ClaimForm::kOutputBlock;
    claim.anchor_line = line_of(*anchor);
    claim.since_line = since_line_;
    since_line_ = claim.anchor_line;
    if (traceback > 0) {
      claim.guide_line = output.guide_lines.front();
      claim.last_guide_line = output.guide_lines[traceback - 1];
      for (std::size_t k = 0; k < traceback; ++k) claim.text += (k ? "\n" : "") + output.lines[k];
      claims_.push_back(claim);
    }
    if (traceback == output.lines.size()) return;
    std::optional<std::string_view> error;
    for (std::size_t k = traceback; k < output.lines.size(); ++k)
      if (const auto e = error_text(output.lines[k])) error = e;
    if (!error) return;
    claim.kind = ClaimKind::kError;
    claim.guide_line = output.guide_lines[traceback];
    claim.last_guide_line = output.guide_lines.back();
    claim.text = std::string(*error);
    claims_.push_back(std::move(claim));
  }

  std::size_t block_start(std::size_t k) const {
    while (k > 0 && roles_[k - 1].role == Role::kComment) --k;
    return k;
  }

  const CodeRun& run_;
  std::vector<RunLine> roles_;
  std::vector<bool> trailing_claimed_;  // per run line: a trailing claim was found on it
  std::vector<Claim> claims_;
  std::vector<std::string> fragments_;  // printed fragments of the code before fragments_end_
  std::size_t fragments_end_ = 0;
  PythonLexer fragment_lexer_;
  int since_line_ = 0;  // anchor of the previous shown output
};

}  // namespace

std::vector<Claim> find_claims(const CodeRun& run) { return ClaimFinder(run).find(); }

std::string_view to_string(ClaimKind kind) { return kind == ClaimKind::kOutput ? "output" : "error"; }
std::string_view to_string(ClaimForm form) {
  switch (form) {
    case ClaimForm::kTrailing: return "trailing";
    case ClaimForm::kBlock: return "block";
    case ClaimForm::kOutputBlock: return "output-block";
  }
  return "block";
}

}  // namespace guidecheck
