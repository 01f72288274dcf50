// JsonWriter: JSON written value by value into a string, byte for byte as
// nlohmann::json's dump(2) (or dump() when compact) writes the same tree, so
// that a large answer need not be built as a tree first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff {

// Appends to `out` the bytes dump() gives for the values written, in order:
// members of an object as Key() then one value; elements of an array as
// values. Strings are escaped as dump() escapes them without ensure_ascii
// (", \, \b \f \n \r \t, other bytes below 0x20 as \u00xx, UTF-8 as is).
// Invalid UTF-8 in a string: with InvalidUtf8::kReplace (the default: JSON
// output never aborts; names that need not be UTF-8 are written in their
// display form, corpus/display_text.h, and this is the last defence) the
// string is written as dump(..., error_handler_t::replace) writes it, U+FFFD
// for each ill-formed sequence; with kThrow (dump()'s own default)
// nlohmann::json::type_error 316 is thrown as dump() throws it.
// The caller keeps Begin/End balanced; `out` must outlive the writer.
class JsonWriter {
 public:
  enum class Style { kIndented, kCompact };  // dump(2), dump()
  enum class InvalidUtf8 { kThrow, kReplace };

  explicit JsonWriter(std::string& out, Style style = Style::kIndented,
                      InvalidUtf8 invalid = InvalidUtf8::kReplace)
      : out_(&out), style_(style), invalid_(invalid) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);  // inside an object, before its value

  void String(std::string_view text);
  void Null();
  void Bool(bool value);
  void Raw(std::string_view json);  // a scalar already written as JSON (a number)
  void OptString(const std::optional<std::string>& text);  // null when absent
  void StringArray(const std::vector<std::string>& texts);

  // Key(key) and then the value.
  template <typename T>
  void Member(std::string_view key, const T& value) {
    Key(key);
    Put(value);
  }

  // The quoted, escaped form of `text` appended to `out`, as dump() writes a string.
  static void AppendQuoted(std::string_view text, std::string& out,
                           InvalidUtf8 invalid = InvalidUtf8::kReplace);

 private:
  void Put(std::string_view v) { String(v); }
  void Put(const std::string& v) { String(v); }
  void Put(const char* v) { String(v); }
  void Put(const std::optional<std::string>& v) { OptString(v); }
  void Put(const std::vector<std::string>& v) { StringArray(v); }
  void Put(bool v) { Bool(v); }
  void Put(std::nullptr_t) { Null(); }

  void BeforeValue();  // the separator and indent an array element needs
  void Newline();      // a newline and the indent of the current depth (indented only)

  std::string* out_;
  Style style_;
  InvalidUtf8 invalid_;
  std::vector<int> counts_;  // per open object or array: members written so far
  bool after_key_ = false;
};

}  // namespace regdiff
