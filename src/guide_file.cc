#include "guide_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "fd.h"
#include "utf8.h"

namespace guidecheck {
namespace {

// A control character no text file holds: tab, newline, carriage return
// and form feed are text.
bool is_stray_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

std::string file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string megabytes(std::size_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

bool only_whitespace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

bool load_guide_text(const std::string& path, std::string* text, std::string* err, std::size_t max_bytes) {
  // Non-blocking: opening a FIFO with no writer must not hang.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (!fd) {
    *err = fmt::format("{}: {}", path, std::strerror(errno));
    return false;
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    *err = fmt::format("{}: {}", path, std::strerror(errno));
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = fmt::format("{}: {}, not a guide (a guide is a regular file)", path, file_kind(st.st_mode));
    return false;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    *err = fmt::format("{}: {} is over the {} a guide may have", path, megabytes(st.st_size), megabytes(max_bytes));
    return false;
  }
  // The size can change while we read: never read past the bound.
  text->clear();
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = fmt::format("{}: {}", path, std::strerror(errno));
      return false;
    }
    if (n == 0) break;
    text->append(buffer, static_cast<std::size_t>(n));
    if (text->size() > max_bytes) {
      *err = fmt::format("{}: over the {} a guide may have", path, megabytes(max_bytes));
      return false;
    }
  }
  if (only_whitespace(*text)) {
    *err = fmt::format("{}: the guide is empty", path);
    return false;
  }
  if (std::string reason = binary_content_reason(*text); !reason.empty()) {
    *err = fmt::format("{}: {}: binary, not a guide", path, reason);
    return false;
  }
  return true;
}

std::string binary_content_reason(std::string_view text) {
  std::string_view head = text.substr(0, 8192);
  if (head.size() > 3) {
    // Trim a sequence the 8 KiB cut in two.
    std::size_t back = head.size();
    while (back > head.size() - 3 && (static_cast<unsigned char>(head[back - 1]) & 0xC0) == 0x80) --back;
    if (back > 0 && static_cast<unsigned char>(head[back - 1]) >= 0xC0) head = head.substr(0, back - 1);
  }
  std::size_t controls = 0;
  for (unsigned char c : head) controls += is_stray_control(c);
  std::size_t suspect = controls + count_invalid_utf8(head);
  if (head.empty() || suspect * 10 <= head.size()) return "";
  return fmt::format("{} of its first {} bytes are control characters or invalid UTF-8", suspect, head.size());
}

std::vector<std::string> guide_line_warnings(std::string_view filename, std::string_view text, std::size_t cap) {
  std::vector<std::string> warnings;
  std::size_t more = 0;
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    start = end + 1;
    std::string problem;
    if (std::size_t nul = line.find('\0'); nul != std::string_view::npos) {
      problem = fmt::format("a NUL byte at column {} (Python cannot read code that holds one)", nul + 1);
    } else if (std::size_t bad = first_invalid_utf8(line); bad != std::string_view::npos) {
      problem = fmt::format("invalid UTF-8 at column {} (byte \\x{:02x})", bad + 1, static_cast<unsigned char>(line[bad]));
    } else {
      for (std::size_t i = 0; i < line.size() && problem.empty(); ++i)
        if (is_stray_control(static_cast<unsigned char>(line[i])))
          problem = fmt::format("a control character \\x{:02x} at column {}", static_cast<unsigned char>(line[i]), i + 1);
    }
    if (problem.empty()) continue;
    if (warnings.size() < cap)
      warnings.push_back(fmt::format("{}:{}: {}", filename, line_number, problem));
    else
      ++more;
  }
  if (more > 0) warnings.push_back(fmt::format("{}: {} more lines like these", filename, more));
  return warnings;
}

}  // namespace guidecheck
