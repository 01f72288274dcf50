// JsonWriter: the separators, indents and string escapes of nlohmann's
// serializer (detail/output/serializer.hpp, dump_escaped) without its tree.
#include "corpus/json_writer.h"

#include <nlohmann/json.hpp>

#include "corpus/utf8.h"

namespace regdiff {

void JsonWriter::AppendQuoted(std::string_view text, std::string& out, InvalidUtf8 invalid) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t start = out.size();
  out += '"';
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto* run = p;  // the start of bytes not yet copied
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      const size_t len = utf8::WellFormedLength(p, end);
      if (len == 0) {
        // dump() throws type_error 316 here (let it say so in its words) or
        // replaces: the rare string is written by dump() itself.
        const std::string whole = nlohmann::json(std::string(text)).dump(
            -1, ' ', false,
            invalid == InvalidUtf8::kReplace ? nlohmann::json::error_handler_t::replace
                                             : nlohmann::json::error_handler_t::strict);
        out.resize(start);
        out += whole;
        return;
      }
      p += len;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), p - run);
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\f': out += 'f'; break;
      case '\n': out += 'n'; break;
      case '\r': out += 'r'; break;
      case '\t': out += 't'; break;
      default:
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    run = ++p;
  }
  out.append(reinterpret_cast<const char*>(run), end - run);
  out += '"';
}

void JsonWriter::Newline() {
  if (style_ == Style::kCompact) return;
  *out_ += '\n';
  out_->append(2 * counts_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back()++ > 0) *out_ += ',';
  Newline();
}

void JsonWriter::Key(std::string_view key) {
  if (counts_.back()++ > 0) *out_ += ',';
  Newline();
  AppendQuoted(key, *out_, invalid_);
  *out_ += style_ == Style::kCompact ? ":" : ": ";
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  *out_ += '{';
  counts_.push_back(0);
}

void JsonWriter::EndObject() {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) Newline();
  *out_ += '}';
}

void JsonWriter::BeginArray() {
  BeforeValue();
  *out_ += '[';
  counts_.push_back(0);
}

void JsonWriter::EndArray() {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) Newline();
  *out_ += ']';
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  AppendQuoted(text, *out_, invalid_);
}

void JsonWriter::Null() {
  BeforeValue();
  *out_ += "null";
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  *out_ += value ? "true" : "false";
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonWriter::OptString(const std::optional<std::string>& text) {
  if (text) String(*text);
  else Null();
}

void JsonWriter::StringArray(const std::vector<std::string>& texts) {
  BeginArray();
  for (const std::string& t : texts) String(t);
  EndArray();
}

}  // namespace regdiff
