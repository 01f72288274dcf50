// JSON list endpoints: the HTML fragment a pointer names is read as a list
// page; an array of articles gives links from two members; every way the
// answer can differ from what the source expects is an error that says what
// the answer holds; titles the server replaced by '?' are an error.
#include "ingest/json_list.h"

#include <gtest/gtest.h>

namespace regdiff::ingest {
namespace {

constexpr char kEndpoint[] =
    "https://www.mofcom.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?pageId=x";

std::vector<std::string> Urls(const std::vector<Link>& links) {
  std::vector<std::string> out;
  for (const Link& l : links) out.push_back(l.url);
  return out;
}

TEST(JsonList, ReadsTheHtmlFragmentThePointerNames) {
  const std::string json = R"({"success":true,"code":"200","data":{"html":)"
                           R"("<ul class=\"txtList_01\"><li><a href=\"/zwgk/zcfb/art/2025/art_1.html\" )"
                           R"(title=\"商务部公告2025年第61号（全文）\">商务部公告…</a></li></ul>)"
                           R"(<div class=\"related\"><a href=\"/zwgk/zcfb/art/2019/art_9.html\">旧公告</a></div>"}})";
  LinkRules rules;
  rules.xpath = "//ul[@class='txtList_01']/li/a";
  auto links = ExtractJsonListLinks(json, kEndpoint, {"/data/html", "", "", ""}, rules);
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  ASSERT_EQ(Urls(*links), std::vector<std::string>{"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html"});
  EXPECT_EQ((*links)[0].title, "商务部公告2025年第61号（全文）");
}

TEST(JsonList, ReadsArticleObjectsResolvedAgainstTheEndpoint) {
  const std::string json = R"({"pageInfo":{"total":3,"rows":[
    {"url":"/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html","title":"商务部 海关总署公告2025年第18号"},
    {"url":"/article/zcfg/gnzcfg/zcfggzqd/202504/1135.html","title":"出口管制合规培训"},
    {"title":"an entry without a URL is passed over"},
    {"url":"https://elsewhere.example/1.html","title":"公告 on another host"}]}})";
  LinkRules rules;
  rules.title_keywords = {"公告"};
  auto links = ExtractJsonListLinks(json, "https://exportcontrol.mofcom.gov.cn/edi_ecms_web_front/front/column/getColumnList",
                                    {"", "/pageInfo/rows", "url", "title"}, rules);
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  ASSERT_EQ(Urls(*links), std::vector<std::string>{
                              "https://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html"});
  EXPECT_EQ((*links)[0].title, "商务部 海关总署公告2025年第18号");
}

TEST(JsonList, AnswersUnlikeTheSourceAreErrorsSayingWhatTheyHold) {
  struct Case {
    std::string json;
    JsonListRules where;
    Status::Code code;
    std::string says;
  };
  const JsonListRules html{"/data/html", "", "", ""};
  const JsonListRules rows{"", "/pageInfo/rows", "url", "title"};
  const Case cases[] = {
      {"<html><body>系统维护</body></html>", html, Status::Code::kCorruption,
       "answered no JSON (38 bytes starting '<html><body>系统维护"},
      {R"({"data":{"html":"<ul></ul>"}})", {"/data/htm", "", "", ""}, Status::Code::kCorruption,
       "JSON pointer '/data/htm' names nothing in the answer; '/data' is an object with keys html"},
      {R"({"success":false,"data":null})", html, Status::Code::kCorruption, "'/data' is a null"},
      {R"([1,2])", html, Status::Code::kCorruption, "the top level is an array of 2"},
      {R"({"data":{"html":{"list":[]}}})", html, Status::Code::kCorruption,
       "names an object with keys list, not a string of HTML"},
      {R"({"pageInfo":{"rows":{"a":1}}})", rows, Status::Code::kCorruption, "not an array of articles"},
      {R"({"pageInfo":{"rows":[{"htmlUrl":"/a.html"}]}})", rows, Status::Code::kCorruption,
       "no article of '/pageInfo/rows' has a string field 'url'; the first is an object with keys htmlUrl"},
      {R"({"pageInfo":{"rows":[]}})", {"", "/pageInfo/rows/x/y", "url", ""}, Status::Code::kCorruption,
       "'/pageInfo/rows' is an array of 0"},
      {R"({})", {"data/html", "", "", ""}, Status::Code::kInvalidArgument, "bad JSON pointer 'data/html'"},
  };
  for (const Case& c : cases) {
    auto links = ExtractJsonListLinks(c.json, kEndpoint, c.where, {});
    ASSERT_FALSE(links.ok()) << c.json;
    EXPECT_EQ(links.status().code(), c.code) << c.json;
    EXPECT_NE(links.status().message().find(c.says), std::string::npos)
        << "expected '" << c.says << "' in: " << links.status().message();
  }
}

TEST(JsonList, AnEmptyArrayIsNoLinksNotAnError) {
  auto links = ExtractJsonListLinks(R"({"pageInfo":{"rows":[]}})", kEndpoint,
                                    {"", "/pageInfo/rows", "url", "title"}, {});
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_TRUE(links->empty()) << "the caller decides what an empty first page means";
}

TEST(JsonList, TitlesTheServerReplacedByQuestionMarksAreAnError) {
  const std::string json = R"({"pageInfo":{"rows":[
    {"url":"/article/1134.html","title":"?? ????2025??18?"},
    {"url":"/article/1072.html","title":"???2024??46?"}]}})";
  auto links = ExtractJsonListLinks(json, kEndpoint, {"", "/pageInfo/rows", "url", "title"}, {});
  ASSERT_FALSE(links.ok());
  EXPECT_EQ(links.status().code(), Status::Code::kCorruption);
  EXPECT_NE(links.status().message().find("2 of 2 links have titles the server replaced by '?'"),
            std::string::npos)
      << links.status().message();
}

TEST(JsonList, LooksLikeLostText) {
  const std::pair<const char*, bool> cases[] = {
      {"????2025??18?", true},      {"?? ???", true},          {"商务部公告2025年第18号", false},
      {"What??", false},            {"", false},               {"商务部???", false},
      {"Announcement No. 18", false},
  };
  for (const auto& [title, lost] : cases) EXPECT_EQ(LooksLikeLostText(title), lost) << title;
}

TEST(JsonList, ValidatesPointers) {
  EXPECT_TRUE(ValidateJsonPointer("/data/html").ok());
  EXPECT_TRUE(ValidateJsonPointer("/a~1b/0").ok());
  EXPECT_EQ(ValidateJsonPointer("data").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ValidateJsonPointer("/a~2").code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace regdiff::ingest
