#include "output_protocol.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <random>

namespace guidecheck {
namespace {

// Longer than any header we write; a "marker" whose header never ends is
// treated as snippet bytes instead of being buffered forever.
constexpr size_t kMaxHeader = 1 << 20;

bool parse_int(std::string_view s, long long* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (!s.empty()) {
    size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return parts;
}

// Exactly N comma-separated integers (a Q or X record's body).
template <size_t N>
bool parse_fields(std::string_view body, std::array<long long, N>* fields) {
  auto parts = split(body, ',');
  if (parts.size() != N) return false;
  for (size_t i = 0; i < N; ++i)
    if (!parse_int(parts[i], &(*fields)[i])) return false;
  return true;
}

}  // namespace

std::string make_run_marker() {
  static const char kHex[] = "0123456789abcdef";
  // 64 bits from the kernel in one call (std::random_device costs a device
  // set-up on every run).
  unsigned char bytes[8];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    std::random_device device;
    for (unsigned char& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  std::string marker("\0\x1bGC", 4);
  for (unsigned char byte : bytes) {
    marker += kHex[byte >> 4];
    marker += kHex[byte & 15];
  }
  return marker;
}

StdoutDemux::StdoutDemux(std::string marker, size_t cap) : marker_(std::move(marker)), cap_(cap) {}

void StdoutDemux::emit(int line, int source_line, std::string_view bytes) {
  if (bytes.empty()) return;
  if (text_.size() >= cap_) {
    truncated_ = true;
    return;
  }
  if (text_.size() + bytes.size() > cap_) {
    bytes = bytes.substr(0, cap_ - text_.size());
    truncated_ = true;
  }
  text_.append(bytes);
  if (!pieces_.empty() && pieces_.back().line == line && pieces_.back().source_line == source_line)
    pieces_.back().bytes.append(bytes);
  else
    pieces_.push_back({line, std::string(bytes), source_line});
}

void StdoutDemux::mark_ran(int line) {
  for (auto& s : statements_)
    if (s.line == line) s.ran = true;
}

// Parses one record header (after the marker, before '\n'). For a P record
// sets up the payload that follows.
bool StdoutDemux::handle_record(std::string_view header) {
  if (header.empty()) return false;
  char type = header[0];
  std::string_view body = header.substr(1);
  long long value = 0;
  switch (type) {
    case 'S':
      if (!parse_int(body, &value)) return false;
      current_line_ = static_cast<int>(value);
      if (current_line_ > 0) mark_ran(current_line_);
      return true;
    case 'T':
      statements_.clear();
      for (auto item : split(body, ',')) {
        auto parts = split(item, '-');
        long long first = 0, last = 0;
        if (parts.size() != 2 || !parse_int(parts[0], &first) || !parse_int(parts[1], &last)) return false;
        statements_.push_back({static_cast<int>(first), static_cast<int>(last), false});
      }
      return true;
    case 'P': {
      size_t semi = body.find(';');
      long long n = 0;
      if (semi == std::string_view::npos || !parse_int(body.substr(0, semi), &n) || n < 0) return false;
      payload_segments_.clear();
      for (auto item : split(body.substr(semi + 1), ',')) {
        auto parts = split(item, ':');
        long long line = 0, count = 0, source = 0;
        if (parts.size() < 2 || parts.size() > 3 || !parse_int(parts[0], &line) || !parse_int(parts[1], &count) ||
            (parts.size() == 3 && !parse_int(parts[2], &source)))
          return false;
        payload_segments_.push_back({static_cast<int>(line), static_cast<int>(source), static_cast<size_t>(count)});
      }
      payload_left_ = static_cast<size_t>(n);
      return true;
    }
    case 'C':
      if (!parse_int(body, &value)) return false;
      snippet_pid_ = static_cast<int>(value);
      return true;
    case 'E':
      if (!error_.empty()) error_ += "; ";
      error_.append(body);
      return true;
    case 'Q': {
      std::array<long long, 4> f{};
      if (!parse_fields(body, &f)) return false;
      quit_ = QuitRecord{static_cast<int>(f[0]), f[1], static_cast<long>(f[2]), f[3]};
      return true;
    }
    case 'X': {
      std::array<long long, 5> f{};
      if (!parse_fields(body, &f)) return false;
      exit_ = ExitRecord{static_cast<int>(f[0]), f[1], static_cast<long>(f[2]), static_cast<int>(f[3]), f[4]};
      return true;
    }
    default:
      return false;
  }
}

void StdoutDemux::feed(std::string_view data) {
  pending_.append(data);
  size_t pos = 0;
  while (pos < pending_.size()) {
    std::string_view rest(pending_.data() + pos, pending_.size() - pos);
    if (payload_left_ > 0) {
      size_t take = std::min(payload_left_, rest.size());
      std::string_view chunk = rest.substr(0, take);
      // Attribute the chunk to the statements the frame names, in order.
      while (!chunk.empty()) {
        if (payload_segments_.empty()) {
          emit(current_line_, 0, chunk);
          break;
        }
        Segment& segment = payload_segments_.front();
        size_t n = std::min(segment.left, chunk.size());
        emit(segment.line, segment.source_line, chunk.substr(0, n));
        chunk.remove_prefix(n);
        segment.left -= n;
        if (segment.left == 0) payload_segments_.erase(payload_segments_.begin());
      }
      payload_left_ -= take;
      pos += take;
      continue;
    }
    size_t at = rest.find(marker_);
    if (at == std::string_view::npos) {
      // Hold back a tail that could be the start of a marker split by read().
      size_t keep = 0;
      for (size_t k = std::min(marker_.size() - 1, rest.size()); k > 0; --k) {
        if (rest.substr(rest.size() - k) == std::string_view(marker_).substr(0, k)) {
          keep = k;
          break;
        }
      }
      emit(current_line_, 0, rest.substr(0, rest.size() - keep));
      pos += rest.size() - keep;
      break;
    }
    emit(current_line_, 0, rest.substr(0, at));
    std::string_view after = rest.substr(at + marker_.size());
    size_t newline = after.find('\n');
    if (newline == std::string_view::npos) {
      if (after.size() > kMaxHeader) {  // not a record after all
        emit(current_line_, 0, rest.substr(at, marker_.size()));
        pos += at + marker_.size();
        continue;
      }
      pos += at;
      break;  // wait for the rest of the header
    }
    std::string_view header = after.substr(0, newline);
    if (!handle_record(header)) emit(current_line_, 0, rest.substr(at, marker_.size() + newline + 1));
    pos += at + marker_.size() + newline + 1;
  }
  pending_.erase(0, pos);
}

void StdoutDemux::finish() {
  emit(current_line_, 0, pending_);  // a marker cut short by EOF was output after all
  pending_.clear();
  payload_left_ = 0;
}

}  // namespace guidecheck
