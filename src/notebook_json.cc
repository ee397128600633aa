#include "notebook_json.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "claim_text.h"

namespace guidecheck {
namespace {

// Rationale: ordered_json keeps the file's order of keys, so a walk of the
// parsed document meets its strings in the order a scan of the text does.
using Json = nlohmann::ordered_json;

// The file line of every string token (keys included), in order. JSON
// strings hold no raw line break, so a token lies on one line.
std::vector<int> string_token_lines(std::string_view text) {
  std::vector<int> lines;
  int line = 1;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\n') ++line;
    if (text[k] != '"') continue;
    lines.push_back(line);
    for (++k; k < text.size() && text[k] != '"'; ++k)
      if (text[k] == '\\') ++k;
  }
  return lines;
}

using LineOf = std::unordered_map<const Json*, int>;

// A notebook nests a few levels (cells, outputs, data); far deeper is no
// notebook, and the walk below must not exhaust the stack.
constexpr int kMaxDepth = 64;

// Gives every string value its token's line, walking in document order.
// False when the document nests deeper than kMaxDepth.
bool assign_lines(const Json& node, const std::vector<int>& tokens, std::size_t* next, LineOf* line_of, int depth = 0) {
  auto take = [&] { return *next < tokens.size() ? tokens[(*next)++] : 0; };
  if (depth > kMaxDepth) return false;
  if (node.is_string()) {
    (*line_of)[&node] = take();
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      (void)key;
      take();
      if (!assign_lines(value, tokens, next, line_of, depth + 1)) return false;
    }
  } else if (node.is_array()) {
    for (const auto& value : node)
      if (!assign_lines(value, tokens, next, line_of, depth + 1)) return false;
  }
  return true;
}

int line_of_node(const LineOf& line_of, const Json& node) {
  auto it = line_of.find(&node);
  return it == line_of.end() ? 0 : it->second;
}

// Gathers lines from the strings of a source or an output's text.
class LineBuilder {
 public:
  explicit LineBuilder(const LineOf& line_of) : line_of_(line_of) {}

  /// nbformat's multiline string: a string, or strings to be concatenated.
  void add_text(const Json& value) {
    if (value.is_string()) {
      append(value.get_ref<const std::string&>(), line_of_node(line_of_, value));
    } else if (value.is_array()) {
      for (const auto& part : value)
        if (part.is_string()) append(part.get_ref<const std::string&>(), line_of_node(line_of_, part));
    }
  }

  /// A traceback: each string is one or more whole lines.
  void add_lines(const Json& value) {
    if (!value.is_array()) return;
    for (const auto& part : value) {
      if (!part.is_string()) continue;
      const std::string& text = part.get_ref<const std::string&>();
      if (text.empty()) lines_.push_back({"", line_of_node(line_of_, part)});  // an empty line
      append(without_ansi_codes(text), line_of_node(line_of_, part));
      open_ = false;
    }
  }

  std::vector<NotebookLine> take() { return std::move(lines_); }

 private:
  void append(std::string_view text, int file_line) {
    std::size_t start = 0;
    while (start < text.size()) {
      if (!open_) lines_.push_back({"", file_line});
      const std::size_t end = text.find('\n', start);
      std::string_view piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (piece.ends_with('\r')) piece.remove_suffix(1);
      lines_.back().text += piece;
      open_ = end == std::string_view::npos;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }

  const LineOf& line_of_;
  std::vector<NotebookLine> lines_;
  bool open_ = false;  // the last line has had no '\n' yet
};

std::string string_at(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

NotebookOutput read_output(const Json& output, const LineOf& line_of) {
  NotebookOutput read;
  LineBuilder lines(line_of);
  const std::string type = string_at(output, "output_type");
  if (type == "stream") {
    read.kind = string_at(output, "name") == "stderr" ? NotebookOutput::Kind::kStderr : NotebookOutput::Kind::kStdout;
    if (auto text = output.find("text"); text != output.end()) lines.add_text(*text);
  } else if (type == "execute_result" || type == "display_data") {
    read.kind = type == "execute_result" ? NotebookOutput::Kind::kValue : NotebookOutput::Kind::kDisplay;
    if (auto data = output.find("data"); data != output.end() && data->is_object()) {
      for (const auto& [mime, value] : data->items()) {
        if (mime.starts_with("image/")) read.has_image = true;
        if (mime == "text/plain") lines.add_text(value);
      }
    }
  } else if (type == "error") {
    read.kind = NotebookOutput::Kind::kError;
    if (auto traceback = output.find("traceback"); traceback != output.end() && !traceback->empty()) {
      lines.add_lines(*traceback);
    } else if (auto name = output.find("ename"); name != output.end() && name->is_string()) {
      Json line = Json::array({string_at(output, "ename") + ": " + string_at(output, "evalue")});
      lines.add_lines(line);
    }
  }
  read.lines = lines.take();
  return read;
}

NotebookCell read_cell(const Json& cell, const LineOf& line_of) {
  NotebookCell read;
  read.type = string_at(cell, "cell_type");
  if (auto type = cell.find("cell_type"); type != cell.end()) read.file_line = line_of_node(line_of, *type);
  LineBuilder source(line_of);
  if (auto text = cell.find("source"); text != cell.end()) source.add_text(*text);
  read.source = source.take();
  if (auto count = cell.find("execution_count"); count != cell.end()) read.executed = count->is_number();
  if (auto metadata = cell.find("metadata"); metadata != cell.end() && metadata->is_object())
    if (auto tags = metadata->find("tags"); tags != metadata->end() && tags->is_array())
      for (const auto& tag : *tags)
        if (tag.is_string()) read.tags.push_back(tag.get<std::string>());
  if (auto outputs = cell.find("outputs"); outputs != cell.end() && outputs->is_array())
    for (const auto& output : *outputs)
      if (output.is_object()) read.outputs.push_back(read_output(output, line_of));
  return read;
}

std::string notebook_language(const Json& root) {
  auto metadata = root.find("metadata");
  if (metadata == root.end() || !metadata->is_object()) return "";
  for (const char* section : {"kernelspec", "language_info"}) {
    auto it = metadata->find(section);
    if (it == metadata->end() || !it->is_object()) continue;
    const std::string name = string_at(*it, section == std::string_view("kernelspec") ? "language" : "name");
    if (!name.empty()) return ascii_lower(name);
  }
  return "";
}

int line_at_byte(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

}  // namespace

bool parse_notebook(std::string_view text, Notebook* notebook, std::string* err) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // nlohmann's message repeats the position; keep the reason after it.
    std::string what = e.what();
    if (const std::size_t colon = what.find(": ", what.find("parse error")); colon != std::string::npos)
      what = what.substr(colon + 2);
    *err = fmt::format("{}: not a Jupyter notebook: {}", line_at_byte(text, e.byte == 0 ? 0 : e.byte - 1), what);
    return false;
  }
  if (!root.is_object() || !root.contains("cells") || !root["cells"].is_array()) {
    *err = root.is_object() && root.contains("worksheets")
               ? "1: a notebook of nbformat 3: convert it with `jupyter nbconvert --to notebook --nbformat 4`"
               : "1: not a Jupyter notebook: no \"cells\" list";
    return false;
  }
  LineOf line_of;
  std::size_t next = 0;
  const std::vector<int> tokens = string_token_lines(text);
  if (!assign_lines(root, tokens, &next, &line_of)) {
    *err = fmt::format("1: not a Jupyter notebook: nested more than {} levels deep", kMaxDepth);
    return false;
  }
  notebook->language = notebook_language(root);
  notebook->cells.clear();
  for (const auto& cell : root["cells"])
    if (cell.is_object()) notebook->cells.push_back(read_cell(cell, line_of));
  return true;
}

std::string without_ansi_codes(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '\x1b') {
      plain += text[k];
      continue;
    }
    if (k + 1 < text.size() && text[k + 1] == '[') {
      // CSI: parameter and intermediate bytes, then one final byte.
      k += 2;
      while (k < text.size() && (static_cast<unsigned char>(text[k]) < 0x40 || static_cast<unsigned char>(text[k]) > 0x7e)) ++k;
    } else {
      ++k;  // a two-byte escape
    }
  }
  return plain;
}

}  // namespace guidecheck
