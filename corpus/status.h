// Status and Result<T>: how errors travel through regdiff (LevelDB's shape).
// A Status is a code plus a message with context; only tools/ turns one into
// a user-facing message and an exit code. No exceptions cross module
// boundaries.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace regdiff {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a file, document or row that is not there
    kInvalidArgument,  // a caller or user error (bad date, bad flag value)
    kIoError,          // reading or writing a file failed
    kCorruption,       // bytes that cannot be what they claim (binary junk)
    kUnsupported,      // input we deliberately do not handle (file type)
    kTooLarge,         // input past a named limit
    kNotAnnouncement,  // text that is readable but is no announcement
    kDatabase,         // SQLite reported an error
    kInternal,         // a broken invariant: a bug in regdiff
  };

  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status NotFound(std::string_view msg) { return {Code::kNotFound, msg}; }
  static Status InvalidArgument(std::string_view msg) {
    return {Code::kInvalidArgument, msg};
  }
  static Status IoError(std::string_view msg) { return {Code::kIoError, msg}; }
  static Status Corruption(std::string_view msg) { return {Code::kCorruption, msg}; }
  static Status Unsupported(std::string_view msg) { return {Code::kUnsupported, msg}; }
  static Status TooLarge(std::string_view msg) { return {Code::kTooLarge, msg}; }
  static Status NotAnnouncement(std::string_view msg) {
    return {Code::kNotAnnouncement, msg};
  }
  static Status Database(std::string_view msg) { return {Code::kDatabase, msg}; }
  static Status Internal(std::string_view msg) { return {Code::kInternal, msg}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "not found: no document matches '2025-99'".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `, so callers can
  // say where an error happened without losing what it was.
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or an error");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace regdiff
