// JsonWriter writes the bytes nlohmann's dump(2) and dump() write for the
// same values: separators, indents, empty containers and every string escape.
#include "corpus/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace regdiff {
namespace {

using Json = nlohmann::ordered_json;

// `value` written through a JsonWriter in `style`.
void Write(JsonWriter& w, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      w.BeginObject();
      for (auto it = value.begin(); it != value.end(); ++it) {
        w.Key(it.key());
        Write(w, it.value());
      }
      w.EndObject();
      break;
    case Json::value_t::array:
      w.BeginArray();
      for (const Json& v : value) Write(w, v);
      w.EndArray();
      break;
    case Json::value_t::string: w.String(value.get_ref<const std::string&>()); break;
    case Json::value_t::boolean: w.Bool(value.get<bool>()); break;
    case Json::value_t::null: w.Null(); break;
    default: w.Raw(value.dump()); break;
  }
}

std::string Written(const Json& value, JsonWriter::Style style) {
  std::string out;
  JsonWriter w(out, style);
  Write(w, value);
  return out;
}

// Strings dump() escapes, or must not.
const std::vector<std::string> kTrickyStrings = {
    "",
    "plain",
    "\"quoted\"",
    "back\\slash and /slash",
    std::string("nul\0byte", 8),
    "\b\f\n\r\t",
    "\x01\x07\x0b\x0e\x1f\x7f",
    "金属钬、含钬的合金",
    "é ß € 𝄞 😀",
    "\xEF\xBB\xBF BOM and U+FFFD \xEF\xBF\xBD",
    "mixed \"钬\"\t\\u0041 \x1b[1m",
};

TEST(JsonWriter, StringsAreEscapedAsDumpEscapesThem) {
  for (const std::string& s : kTrickyStrings) {
    std::string quoted;
    JsonWriter::AppendQuoted(s, quoted);
    EXPECT_EQ(quoted, Json(s).dump()) << s;
  }
}

TEST(JsonWriter, IndentedIsDumpTwoAndCompactIsDump) {
  Json tree = Json::object();
  tree["as_of"] = "2026-03-01";
  tree["known_at"] = nullptr;
  tree["until_is_inclusive"] = true;
  tree["empty_array"] = Json::array();
  tree["empty_object"] = Json::object();
  tree["count"] = 42;
  tree["items"] = Json::array();
  for (const std::string& s : kTrickyStrings)
    tree["items"].push_back({{"key", s}, {"list", Json::array({s, s})}, {s, nullptr}});
  tree["nested"] = Json::array({Json::array(), Json::array({Json::object()}), false});
  EXPECT_EQ(Written(tree, JsonWriter::Style::kIndented), tree.dump(2));
  EXPECT_EQ(Written(tree, JsonWriter::Style::kCompact), tree.dump());
  for (const Json& top : {Json::array(), Json::object(), Json("text"), Json(nullptr)}) {
    EXPECT_EQ(Written(top, JsonWriter::Style::kIndented), top.dump(2)) << top.dump();
    EXPECT_EQ(Written(top, JsonWriter::Style::kCompact), top.dump()) << top.dump();
  }
}

TEST(JsonWriter, MembersOfEachKindAreWhatTheTreeHolds) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member("text", std::string("a"));
  w.Member("absent", std::optional<std::string>());
  w.Member("present", std::optional<std::string>("b"));
  w.Member("list", std::vector<std::string>{"c", "d"});
  w.Member("none", std::vector<std::string>{});
  w.Member("flag", false);
  w.EndObject();
  Json tree = {{"text", "a"}, {"absent", nullptr}, {"present", "b"},
               {"list", {"c", "d"}}, {"none", Json::array()}, {"flag", false}};
  EXPECT_EQ(out, tree.dump(2));
}

TEST(JsonWriter, InvalidUtf8ThrowsAsDumpDoes) {
  for (const std::string& bad : {std::string("\xC3"), std::string("a\xFF"),
                                 std::string("\xED\xA0\x80"),  // a surrogate
                                 std::string("\xC0\xAF")}) {   // overlong
    EXPECT_THROW(Json(bad).dump(), nlohmann::json::type_error);
    std::string out;
    EXPECT_THROW(JsonWriter::AppendQuoted(bad, out, JsonWriter::InvalidUtf8::kThrow),
                 nlohmann::json::type_error);
  }
}

// JSON output never aborts: a string that is no UTF-8 (a file name from a
// GBK zip) is written, not thrown, unless kThrow is asked for.
TEST(JsonWriter, InvalidUtf8IsReplacedByDefault) {
  const std::string bad = "\xC9\xCC\xCE\xF1.html";
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member("source", bad);
  w.EndObject();
  const Json tree = {{"source", bad}};
  EXPECT_EQ(out, tree.dump(2, ' ', false, Json::error_handler_t::replace));
  EXPECT_TRUE(Json::parse(out)["source"].is_string());
}

TEST(JsonWriter, InvalidUtf8IsReplacedAsDumpReplacesWhenAsked) {
  for (const std::string& bad : {std::string("\xC3"), std::string("a\xFF\"b"),
                                 std::string("\xED\xA0\x80"), std::string("\xC0\xAF tail")}) {
    std::string out;
    JsonWriter w(out, JsonWriter::Style::kIndented, JsonWriter::InvalidUtf8::kReplace);
    w.BeginArray();
    w.String("before");
    w.String(bad);
    w.EndArray();
    const Json tree = {"before", bad};
    EXPECT_EQ(out, tree.dump(2, ' ', false, Json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace regdiff
