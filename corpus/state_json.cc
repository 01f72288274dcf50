// ItemState and PartyState to compact JSON and back. Absent optional values
// are left out rather than written as null.
#include "corpus/state_json.h"

#include <cstdint>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "corpus/utf8.h"

namespace regdiff {
namespace {

using Json = nlohmann::json;

void PutDate(Json& j, const char* name, const std::optional<Date>& d) {
  if (d) j[name] = d->ToIso();
}

void PutText(Json& j, const char* name, const std::optional<std::string>& s) {
  if (s) j[name] = *s;
}

// Reading throws (nlohmann::json::exception, std::runtime_error) on a wrong
// shape; Parse turns it into kCorruption.
std::optional<Date> GetDate(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  std::optional<Date> d = Date::FromIso(it->get<std::string>());
  if (!d) throw std::runtime_error(std::string("bad date in ") + name);
  return d;
}

Date NeedDate(const Json& j, const char* name) {
  std::optional<Date> d = GetDate(j, name);
  if (!d) throw std::runtime_error(std::string("missing ") + name);
  return *d;
}

std::optional<std::string> GetText(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  return it->get<std::string>();
}

Json SuspensionsToJson(const std::vector<SuspensionWindow>& windows) {
  Json out = Json::array();
  for (const SuspensionWindow& w : windows) {
    Json j = {{"from", w.from.ToIso()}, {"by", w.by}};
    PutDate(j, "until", w.until);
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<SuspensionWindow> SuspensionsFromJson(const Json& j) {
  std::vector<SuspensionWindow> out;
  for (const Json& w : j) {
    SuspensionWindow s;
    s.from = NeedDate(w, "from");
    s.until = GetDate(w, "until");
    s.by = w.at("by").get<std::string>();
    out.push_back(std::move(s));
  }
  return out;
}

template <typename E>
E EnumFromName(std::string_view (*name_of)(E), int count, const Json& value) {
  const std::string name = value.get<std::string>();
  for (int i = 0; i < count; ++i)
    if (name_of(static_cast<E>(i)) == name) return static_cast<E>(i);
  throw std::runtime_error("unknown value '" + name + "'");
}

template <typename T, typename Read>
Result<T> Parse(std::string_view json, const char* what, Read read) {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(std::string("stored ") + what + " state is not a JSON object");
  try {
    return read(j);
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("stored ") + what + " state: " + e.what());
  }
}

}  // namespace

std::string ItemStateToJson(const ItemState& s) {
  Json j = {{"key", s.key},
            {"name", s.name},
            {"elements", s.elements},
            {"hs_codes", s.hs_codes},
            {"listed_by", s.listed_by},
            {"status", ItemStatusName(s.status)},
            {"basis", BasisName(s.basis)},
            {"governing", s.governing},
            {"evidence", s.evidence},
            {"suspensions", SuspensionsToJson(s.suspensions)}};
  PutText(j, "code", s.code);
  PutDate(j, "since", s.since);
  PutDate(j, "until", s.until);
  PutDate(j, "effective_from", s.effective_from);
  PutDate(j, "effective_until", s.effective_until);
  return j.dump();
}

namespace {

// The stored form of an item state read by hand, without a document tree or
// nlohmann's lexer: the hot path of every read of the consolidated state.
// Reads any JSON text of the shape ItemStateToJson writes (members in any
// order, whitespace between tokens): one object of the fields below, texts
// as strings (every escape of RFC 8259, strict UTF-8, no raw control
// characters), lists as arrays of strings, suspensions as an array of
// objects of "from", "until" and "by". Anything else is an error.
class StoredItemReader {
 public:
  StoredItemReader(std::string_view json, ItemState& s)
      : begin_(json.data()), p_(begin_), end_(begin_ + json.size()), s_(s) {}

  // Reads the whole text into the state. Errors: kCorruption saying what is wrong.
  Status Read() {
    if (!ReadObject()) return Status::Corruption("stored item state: " + error_);
    return Status::Ok();
  }

 private:
  static constexpr const char* kRequired[] = {"key",       "name",   "elements", "hs_codes",
                                              "listed_by", "status", "basis",    "governing",
                                              "evidence",  "suspensions"};

  bool Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why) + " at byte " + std::to_string(Offset());
    return false;
  }
  size_t Offset() const { return static_cast<size_t>(p_ - begin_); }

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // Consumes `c` after any whitespace.
  bool Take(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }

  bool Expect(char c) { return Take(c) ? true : Fail(std::string("expected '") + c + "'"); }

  static int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool ReadHex4(uint32_t& out) {
    if (end_ - p_ < 4) return Fail("short \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = HexDigit(p_[i]);
      if (d < 0) return Fail("bad \\u escape");
      out = out << 4 | static_cast<uint32_t>(d);
    }
    p_ += 4;
    return true;
  }

  // The length of the well-formed UTF-8 sequence at p_ (a byte of 0x80 or
  // above), or 0.
  size_t Utf8Length() const {
    return utf8::WellFormedLength(reinterpret_cast<const unsigned char*>(p_),
                                  reinterpret_cast<const unsigned char*>(end_));
  }

  // A JSON string into `out` (replacing what it held).
  bool ReadString(std::string& out) {
    if (!Take('"')) return Fail("expected a string");
    out.clear();
    const char* run = p_;
    for (;;) {
      if (p_ >= end_) return Fail("unterminated string");
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') break;
      if (c < 0x20) return Fail("control character in a string");
      if (c >= 0x80) {
        const size_t len = Utf8Length();
        if (len == 0) return Fail("invalid UTF-8");
        p_ += len;
        continue;
      }
      if (c != '\\') {
        ++p_;
        continue;
      }
      out.append(run, p_ - run);
      if (++p_ >= end_) return Fail("unterminated escape");
      const char e = *p_++;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!ReadHex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return Fail("lone high surrogate");
            p_ += 2;
            if (!ReadHex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return Fail("lone high surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8::AppendUtf8(cp, out);
          break;
        }
        default: return Fail("unknown escape");
      }
      run = p_;
    }
    out.append(run, p_ - run);
    ++p_;  // the closing quote
    return true;
  }

  // A JSON array of strings into `out`, reusing the storage of its strings.
  bool ReadStringArray(std::vector<std::string>& out) {
    if (!Expect('[')) return false;
    size_t n = 0;
    if (!Take(']')) {
      do {
        if (n == out.size()) out.emplace_back();
        if (!ReadString(out[n++])) return false;
      } while (Take(','));
      if (!Expect(']')) return false;
    }
    out.resize(n);
    return true;
  }

  bool ReadDate(std::optional<Date>& out) {
    if (!ReadString(text_)) return false;
    out = Date::FromIso(text_);
    return out ? true : Fail("bad date in " + key_);
  }

  template <typename E>
  bool ReadEnum(std::string_view (*name_of)(E), int count, E& out) {
    if (!ReadString(text_)) return false;
    for (int i = 0; i < count; ++i) {
      if (name_of(static_cast<E>(i)) == text_) {
        out = static_cast<E>(i);
        return true;
      }
    }
    return Fail("unknown value '" + text_ + "' of " + key_);
  }

  bool ReadSuspension(SuspensionWindow& w) {
    if (!Expect('{')) return false;
    bool from = false, by = false, until = false;
    if (Take('}')) return Fail("suspension without from or by");
    do {
      if (!ReadString(key_) || !Expect(':')) return false;
      std::optional<Date> d;
      if (key_ == "by" && !by) {
        if (!ReadString(w.by)) return false;
        by = true;
      } else if (key_ == "from" && !from) {
        if (!ReadDate(d)) return false;
        w.from = *d;
        from = true;
      } else if (key_ == "until" && !until) {
        if (!ReadDate(w.until)) return false;
        until = true;
      } else {
        return Fail("unknown or repeated suspension field " + key_);
      }
    } while (Take(','));
    if (!Expect('}')) return false;
    if (!until) w.until.reset();
    return from && by ? true : Fail("suspension without from or by");
  }

  bool ReadSuspensions(std::vector<SuspensionWindow>& out) {
    if (!Expect('[')) return false;
    size_t n = 0;
    if (!Take(']')) {
      do {
        if (n == out.size()) out.emplace_back();
        if (!ReadSuspension(out[n++])) return false;
      } while (Take(','));
      if (!Expect(']')) return false;
    }
    out.resize(n);
    return true;
  }

  // One member's value, after its key (in key_) and the colon.
  bool ReadField(uint32_t& seen) {
    // Optional fields: bits above those of kRequired.
    static constexpr const char* kOptional[] = {"code", "since", "until", "effective_from",
                                                "effective_until"};
    uint32_t bit = 0;
    for (size_t i = 0; i < std::size(kRequired) && !bit; ++i)
      if (key_ == kRequired[i]) bit = 1u << i;
    for (size_t i = 0; i < std::size(kOptional) && !bit; ++i)
      if (key_ == kOptional[i]) bit = 1u << (std::size(kRequired) + i);
    if (!bit) return Fail("unknown field " + key_);
    if (seen & bit) return Fail("repeated field " + key_);
    seen |= bit;
    if (key_ == "key") return ReadString(s_.key);
    if (key_ == "name") return ReadString(s_.name);
    if (key_ == "elements") return ReadStringArray(s_.elements);
    if (key_ == "hs_codes") return ReadStringArray(s_.hs_codes);
    if (key_ == "listed_by") return ReadString(s_.listed_by);
    if (key_ == "status") return ReadEnum(ItemStatusName, 4, s_.status);
    if (key_ == "basis") return ReadEnum(BasisName, 2, s_.basis);
    if (key_ == "governing") return ReadStringArray(s_.governing);
    if (key_ == "evidence") return ReadString(s_.evidence);
    if (key_ == "suspensions") return ReadSuspensions(s_.suspensions);
    if (key_ == "code") {
      if (!s_.code) s_.code.emplace();
      return ReadString(*s_.code);
    }
    if (key_ == "since") return ReadDate(s_.since);
    if (key_ == "until") return ReadDate(s_.until);
    if (key_ == "effective_from") return ReadDate(s_.effective_from);
    return ReadDate(s_.effective_until);
  }

  bool ReadObject() {
    uint32_t seen = 0;
    if (!Expect('{')) return false;
    if (!Take('}')) {
      do {
        if (!ReadString(key_) || !Expect(':') || !ReadField(seen)) return false;
      } while (Take(','));
      if (!Expect('}')) return false;
    }
    SkipSpace();
    if (p_ != end_) return Fail("text after the object");
    for (size_t i = 0; i < std::size(kRequired); ++i)
      if (!(seen & (1u << i))) return Fail(std::string("missing ") + kRequired[i]);
    // Optional fields not written are absent.
    const uint32_t optional = seen >> std::size(kRequired);
    if (!(optional & 1)) s_.code.reset();
    if (!(optional & 2)) s_.since.reset();
    if (!(optional & 4)) s_.until.reset();
    if (!(optional & 8)) s_.effective_from.reset();
    if (!(optional & 16)) s_.effective_until.reset();
    return true;
  }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  ItemState& s_;
  std::string key_, text_;  // the member's key; a date's or a name's text
  std::string error_;
};

}  // namespace

Status ItemStateFromJsonInto(std::string_view json, ItemState& state) {
  return StoredItemReader(json, state).Read();
}

Result<ItemState> ItemStateFromJson(std::string_view json) {
  ItemState s;
  if (Status st = ItemStateFromJsonInto(json, s); !st.ok()) return st;
  return s;
}

std::string PartyStateToJson(const PartyState& s) {
  Json j = {{"list", PartyListName(s.list)},
            {"key", s.key},
            {"key_en", s.key_en},
            {"name", s.name},
            {"listed_by", s.listed_by},
            {"status", PartyStatusName(s.status)},
            {"basis", BasisName(s.basis)},
            {"suspensions", SuspensionsToJson(s.suspensions)},
            {"governing", s.governing},
            {"evidence", s.evidence},
            {"status_evidence", s.status_evidence}};
  PutText(j, "name_en", s.name_en);
  PutText(j, "country", s.country);
  PutDate(j, "since", s.since);
  PutDate(j, "status_since", s.status_since);
  PutDate(j, "status_until", s.status_until);
  PutDate(j, "removed_from", s.removed_from);
  return j.dump();
}

Result<PartyState> PartyStateFromJson(std::string_view json) {
  return Parse<PartyState>(json, "party", [](const Json& j) {
    PartyState s;
    std::optional<PartyList> list = PartyListFromName(j.at("list").get<std::string>());
    if (!list) throw std::runtime_error("unknown party list");
    s.list = *list;
    s.key = j.at("key").get<std::string>();
    s.key_en = j.at("key_en").get<std::string>();
    s.name = j.at("name").get<std::string>();
    s.name_en = GetText(j, "name_en");
    s.country = GetText(j, "country");
    s.listed_by = j.at("listed_by").get<std::string>();
    s.since = GetDate(j, "since");
    s.status = EnumFromName(PartyStatusName, 4, j.at("status"));
    s.basis = EnumFromName(BasisName, 2, j.at("basis"));
    s.status_since = GetDate(j, "status_since");
    s.status_until = GetDate(j, "status_until");
    s.removed_from = GetDate(j, "removed_from");
    s.suspensions = SuspensionsFromJson(j.at("suspensions"));
    s.governing = j.at("governing").get<std::vector<std::string>>();
    s.evidence = j.at("evidence").get<std::string>();
    s.status_evidence = j.at("status_evidence").get<std::string>();
    return s;
  });
}

std::string ElementHistoryToJson(const ElementHistory& h) {
  Json j = Json::object();
  PutDate(j, "first", h.first);
  PutDate(j, "last", h.last);
  j["docs"] = h.docs;
  Json rows = Json::array();
  for (const HistoryRow& r : h.rows) {
    Json spans = Json::array();
    for (const HistorySpan& s : r.spans) {
      Json span = {{"begin", s.begin.ToIso()},
                   {"state", s.state == SpanState::kInForce ? "in_force" : "suspended"},
                   {"governing", s.governing}};
      PutDate(span, "end", s.end);
      if (s.inferred) span["inferred"] = true;
      spans.push_back(std::move(span));
    }
    rows.push_back({{"id", r.id}, {"element", r.element}, {"spans", std::move(spans)}});
  }
  j["rows"] = std::move(rows);
  return j.dump();
}

namespace {

// Reads ElementHistoryToJson's text event by event (nlohmann's SAX
// interface), without a tree: a long history is tens of megabytes of JSON
// whose tree would be ten times that.
class ElementHistorySax : public nlohmann::json_sax<Json> {
 public:
  explicit ElementHistorySax(ElementHistory& h) : h_(h) {}

  const std::string& error() const { return error_; }

  bool start_object(std::size_t) override {
    if (stack_.empty()) return Push(kRoot);
    if (Top() == kRows) {
      h_.rows.emplace_back();
      row_seen_ = 0;
      return Push(kRow);
    }
    if (Top() == kSpans) {
      h_.rows.back().spans.emplace_back();
      span_seen_ = 0;
      return Push(kSpan);
    }
    return Fail("unexpected object");
  }
  bool end_object() override {
    const Context c = Top();
    stack_.pop_back();
    if (c == kRoot) return root_seen_ == (kDocs | kRowsSeen) || Fail("missing docs or rows");
    if (c == kRow) return row_seen_ == kRowFields || Fail("a row misses id, element or spans");
    if (c == kSpan) return span_seen_ == kSpanFields || Fail("a span misses begin, state or governing");
    return true;
  }
  bool start_array(std::size_t) override {
    if (stack_.empty()) return Fail("not an object");
    const Context c = Top();
    struct Nested {
      Context in;
      const char* key;
      int* seen;
      int bit;
      Context pushed;
    };
    const Nested nested[] = {{kRoot, "docs", &root_seen_, kDocs, kDocList},
                             {kRoot, "rows", &root_seen_, kRowsSeen, kRows},
                             {kRow, "spans", &row_seen_, kSpansSeen, kSpans},
                             {kSpan, "governing", &span_seen_, kGoverning, kGoverningList}};
    for (const Nested& n : nested) {
      if (c != n.in || key_ != n.key) continue;
      *n.seen |= n.bit;
      return Push(n.pushed);
    }
    return Fail("unexpected array '" + key_ + "'");
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool string(string_t& v) override {
    switch (Top()) {
      case kRoot:
        if (key_ == "first") return ReadDate(v, h_.first);
        if (key_ == "last") return ReadDate(v, h_.last);
        return true;  // a member a later version may add
      case kDocList: h_.docs.push_back(v); return true;
      case kRow:
        if (key_ == "id") {
          row_seen_ |= kId;
          h_.rows.back().id = v;
        }
        return true;
      case kSpan: {
        HistorySpan& span = h_.rows.back().spans.back();
        if (key_ == "begin") {
          std::optional<Date> d = Date::FromIso(v);
          if (!d) return Fail("bad date in begin");
          span.begin = *d;
          span_seen_ |= kBegin;
          return true;
        }
        if (key_ == "end") return ReadDate(v, span.end);
        if (key_ == "state") {
          if (v != "in_force" && v != "suspended") return Fail("unknown span state '" + v + "'");
          span.state = v == "in_force" ? SpanState::kInForce : SpanState::kSuspended;
          span_seen_ |= kState;
        }
        return true;
      }
      default: return Fail("unexpected string");
    }
  }
  bool boolean(bool v) override {
    if (Top() == kRow && key_ == "element") {
      row_seen_ |= kElement;
      h_.rows.back().element = v;
      return true;
    }
    if (Top() == kSpan && key_ == "inferred") {
      h_.rows.back().spans.back().inferred = v;
      return true;
    }
    return Fail("unexpected boolean");
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (Top() != kGoverningList) return Fail("unexpected number");
    if (v >= h_.docs.size()) return Fail("governing index out of range");
    h_.rows.back().spans.back().governing.push_back(static_cast<uint32_t>(v));
    return true;
  }
  bool null() override { return Fail("unexpected null"); }
  bool number_integer(number_integer_t) override { return Fail("unexpected number"); }
  bool number_float(number_float_t, const string_t&) override { return Fail("unexpected number"); }
  bool binary(binary_t&) override { return Fail("unexpected binary"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return Fail(e.what());
  }

 private:
  enum Context { kRoot, kDocList, kRows, kRow, kSpans, kSpan, kGoverningList };
  // Bits of what was seen: of the root, of a row, of a span.
  enum : int { kDocs = 1, kRowsSeen = 2 };
  enum : int { kId = 1, kElement = 2, kSpansSeen = 4, kRowFields = 7 };
  enum : int { kBegin = 1, kState = 2, kGoverning = 4, kSpanFields = 7 };

  Context Top() const { return stack_.back(); }
  bool Push(Context c) {
    stack_.push_back(c);
    return true;
  }
  bool Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    return false;
  }
  bool ReadDate(const std::string& v, std::optional<Date>& out) {
    out = Date::FromIso(v);
    return out.has_value() || Fail("bad date '" + v + "'");
  }

  ElementHistory& h_;
  std::vector<Context> stack_;
  std::string key_;
  int root_seen_ = 0, row_seen_ = 0, span_seen_ = 0;
  std::string error_;
};

}  // namespace

Result<ElementHistory> ElementHistoryFromJson(std::string_view json) {
  ElementHistory h;
  ElementHistorySax sax(h);
  if (!Json::sax_parse(json, &sax) || !sax.error().empty()) {
    return Status::Corruption("stored element history state: " +
                              (sax.error().empty() ? std::string("not JSON") : sax.error()));
  }
  return h;
}

}  // namespace regdiff
