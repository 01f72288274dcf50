// ChunkedOutput: a rendering appended piece by piece and handed on in chunks
// of about 64 KiB, so that a large answer (the HTML of a year's status
// changes is tens of megabytes) never sits whole in memory.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace regdiff::diff {

// Where a rendering's bytes go, chunk by chunk, in order.
using WriteChunk = std::function<void(std::string_view)>;

class ChunkedOutput {
 public:
  static constexpr size_t kChunk = 1 << 16;

  explicit ChunkedOutput(WriteChunk write) : write_(std::move(write)) {}
  ChunkedOutput(const ChunkedOutput&) = delete;
  ChunkedOutput& operator=(const ChunkedOutput&) = delete;

  ChunkedOutput& operator+=(std::string_view text) {
    buffer_ += text;
    MaybeFlush();
    return *this;
  }
  ChunkedOutput& operator+=(char c) {
    buffer_ += c;
    return *this;
  }

  // The pending bytes, for a writer that appends to a string (JsonWriter);
  // its user calls MaybeFlush between values.
  std::string& buffer() { return buffer_; }
  void MaybeFlush() {
    if (buffer_.size() >= kChunk) Flush();
  }
  // Hands on what is pending; the caller's last call.
  void Flush() {
    if (buffer_.empty()) return;
    write_(buffer_);
    buffer_.clear();
  }

 private:
  WriteChunk write_;
  std::string buffer_;
};

// A WriteChunk appending to `out`, for a rendering wanted whole.
inline WriteChunk AppendTo(std::string& out) {
  return [&out](std::string_view chunk) { out += chunk; };
}

}  // namespace regdiff::diff
