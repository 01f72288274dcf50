// `regdiff serve`'s pages for reading announcements: the home page's filters
// narrow the rows as the CLI's answers say they should, keep their values
// and refuse unknown ones with a 400 page; a list longer than a page comes a
// hundred rows at a time, newest first, its links keeping the filters; an
// announcement's page marks the evidence of each fact in its source text
// (linked both ways; a PDF's pages drawn in it) and shows the Chinese and
// English texts side by side, where they disagree first; the search page
// lists what `regdiff search` finds, each hit leading to its announcement
// with the matches marked. Stored text holding markup shows as text. The
// pages are parsed with libxml2's HTML parser and queried with XPath.
#include <httplib.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/dom.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/serve_process.h"
#include "tests/ingest/pdf_writer.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

// An announcement of our own words whose title and item name hold markup,
// numbered in 2099 and published in 2098 (not yet in force for decades).
constexpr char kHostilePage[] = R"(<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>test</title></head>
<body>
<h1>商务部公告2099年第7号 关于对&lt;script&gt;alert(1)&lt;/script&gt;相关物项实施出口管制的决定</h1>
<p>为测试显示，现决定对以下所列物项实施出口管制：</p>
<p>（一）1C999.a 金属钐&lt;img src=x onerror=alert(2)&gt;（参考税则号列：28053011）。</p>
<p>本公告自2099年1月1日起正式实施。</p>
<p>商务部</p>
<p>2098年12月1日</p>
</body></html>
)";
// Its English text, of our own words too, printing another HS code for the
// item: the two texts disagree.
constexpr char kHostilePageEn[] = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>test</title></head>
<body>
<h1>MOFCOM Announcement No. 7 of 2099 on the Decision to Implement Export Control on Related Items</h1>
<p>For testing the display, it is decided to implement export control on the following items:</p>
<p>(I) 1C999.a Samarium metal (reference customs commodity code: 28053012).</p>
<p>This announcement shall come into force on January 1, 2099.</p>
<p>Ministry of Commerce</p>
<p>December 1, 2098</p>
</body></html>
)";
constexpr char kHostileDoc[] = "mofcom-2099-7";
constexpr char kHostileTitleText[] = "<script>alert(1)</script>";

// An announcement printed over two PDF pages, in our own words: its header
// on the first, its item on the second.
std::string TwoPagePdf() {
  PdfSpec spec;
  PdfPage first;
  first.runs = {{72, 120, "商务部 海关总署公告2097年第99号"},
                {72, 150, "关于测试分页显示的公告"},
                {72, 180, "为测试分页显示，决定对下列物项实施出口管制。"},
                {72, 210, "本公告自2097年5月1日起正式实施。"}};
  PdfPage second;
  second.runs = {{72, 120, "（一）1C999.b 金属钆（参考海关商品编号：2805301920）。"},
                 {72, 170, "商务部 海关总署"},
                 {72, 200, "2097年4月1日"}};
  spec.pages = {first, second};
  return WritePdf(spec);
}
constexpr char kPdfDoc[] = "mofcom-gacc-2097-99";

struct Page {
  int status = 0;
  std::string body;
};

class ServePagesDocTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedSamples(std::map<std::string, std::string>{
        {"hostile/hostile.html", kHostilePage}, {"hostile/hostile-en.html", kHostilePageEn},
        {"pdf/announcement.pdf", TwoPagePdf()}});
    ASSERT_EQ(served_->error(), "");
  }
  static void TearDownTestSuite() {
    delete served_;
    served_ = nullptr;
  }
  static std::string Db() { return served_->db(); }

  // GET `target`: a page (HTML) whatever its status.
  static Page Get(const std::string& target) {
    auto res = served_->Get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return {};
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << target;
    return {res->status, res->body};
  }
  static Json CliJson(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    RunResult r = RunRegdiff(args);
    Json j = Json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.err;
    return j;
  }
  // The (doc_id, lang) of each row of the home page for `query`.
  static std::multiset<std::string> Rows(const std::string& query) {
    Page page = Get("/" + query);
    EXPECT_EQ(page.status, 200) << query << "\n" << page.body;
    Dom dom(page.body);
    std::multiset<std::string> rows;
    auto docs = dom.Strings("//table[@id='announcements']/tbody/tr/@data-doc");
    auto langs = dom.Strings("//table[@id='announcements']/tbody/tr/@data-lang");
    EXPECT_EQ(docs.size(), langs.size());
    for (size_t i = 0; i < docs.size() && i < langs.size(); ++i) rows.insert(docs[i] + "/" + langs[i]);
    EXPECT_EQ(dom.String("//p[@id='count']/@data-count"), std::to_string(rows.size())) << query;
    return rows;
  }
  // The stored texts, as `list --json` and `show --json` give them: the
  // (doc_id, lang) key of each with its announcement's JSON.
  static std::vector<std::pair<std::string, Json>> StoredTexts() {
    std::vector<std::pair<std::string, Json>> texts;
    for (const Json& row : CliJson({"list", "--json"})) {
      const std::string doc = row["doc_id"].get<std::string>();
      const std::string lang = row["lang"].get<std::string>();
      const Json shown = CliJson({"show", doc, "--json"});
      for (const Json& t : shown["texts"]) {
        if (t["announcement"]["lang"] == lang) texts.emplace_back(doc + "/" + lang, t["announcement"]);
      }
    }
    return texts;
  }

  static inline ServedSamples* served_ = nullptr;
};

TEST_F(ServePagesDocTest, HomeFiltersNarrowTheRowsAsTheCliReadsTheAnnouncements) {
  const auto texts = StoredTexts();
  ASSERT_GE(texts.size(), 9u);  // the eight samples and ours
  auto expect = [&](const std::function<bool(const Json&)>& keep) {
    std::multiset<std::string> rows;
    for (const auto& [key, a] : texts)
      if (keep(a)) rows.insert(key);
    return rows;
  };
  auto has = [](const Json& array, const std::string& field, const std::string& value) {
    for (const Json& e : array)
      if (e.contains(field) && e[field] == value) return true;
    return false;
  };
  EXPECT_EQ(Rows(""), expect([](const Json&) { return true; }));
  const std::multiset<std::string> holmium =
      expect([](const Json& a) {
        for (const Json& item : a["items"])
          for (const Json& e : item["elements"])
            if (e == "Ho") return true;
        return false;
      });
  EXPECT_EQ(holmium.size(), 2u);  // No. 57 of 2025 in Chinese and in English
  EXPECT_EQ(Rows("?element=Ho"), holmium);
  EXPECT_EQ(Rows("?element=%E9%92%AC"), holmium);  // 钬
  EXPECT_EQ(Rows("?element=holmium"), holmium);
  EXPECT_EQ(Rows("?issuer=GACC"), expect([](const Json& a) {
              for (const Json& i : a["issuers"])
                if (i == "GACC") return true;
              return false;
            }));
  EXPECT_EQ(Rows("?issuer=joint"), expect([](const Json& a) { return a["issuers"].size() > 1; }));
  EXPECT_EQ(Rows("?issuer=mofcom&year=2026"), expect([](const Json& a) { return a["year"] == 2026; }));
  const auto watch = expect([&](const Json& a) { return has(a["parties"], "list", "watch_list"); });
  const auto control = expect([&](const Json& a) { return has(a["parties"], "list", "control_list"); });
  EXPECT_FALSE(watch.empty());
  EXPECT_FALSE(control.empty());
  EXPECT_EQ(Rows("?list=watch_list"), watch);
  EXPECT_EQ(Rows("?list=control_list"), control);
  EXPECT_EQ(Rows("?element=Ho&year=2025&issuer=GACC&list="), holmium);  // empty: any
}

TEST_F(ServePagesDocTest, HomeStatusFilterAgreesWithTheStatesQueryGivesToday) {
  Page page = Get("/");
  Dom dom(page.body);
  std::map<std::string, std::string> status_of;
  auto docs = dom.Strings("//table[@id='announcements']/tbody/tr[@data-status]/@data-doc");
  auto statuses = dom.Strings("//table[@id='announcements']/tbody/tr[@data-status]/@data-status");
  ASSERT_EQ(docs.size(), statuses.size());
  for (size_t i = 0; i < docs.size(); ++i) status_of[docs[i]] = statuses[i];
  // No. 57 of 2025 lists 1C909.a: its standing is that item's today.
  Json query = CliJson({"query", "--code", "1C909.a", "--json"});
  ASSERT_EQ(query["items"].size(), 1u);
  EXPECT_EQ(status_of["mofcom-gacc-2025-57"], query["items"][0]["status"].get<std::string>());
  EXPECT_EQ(status_of[kHostileDoc], "not_yet_in_force");
  // Each status narrows to exactly the rows showing it.
  for (const std::string status :
       {"in_force", "suspended", "not_yet_in_force", "repealed", "superseded"}) {
    std::multiset<std::string> want;
    for (const auto& [doc, s] : status_of)
      if (s == status) want.insert(doc);
    Dom filtered(Get("/?status=" + status).body);
    auto got = filtered.Strings("//table[@id='announcements']/tbody/tr/@data-doc");
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()),
              std::set<std::string>(want.begin(), want.end()))
        << status;
  }
}

TEST_F(ServePagesDocTest, HomeFormKeepsTheCurrentValuesAndSaysWhenNothingMatches) {
  Dom dom(Get("/?element=%E9%92%AC&year=2025&issuer=gacc&list=&status=").body);
  EXPECT_EQ(dom.Count("//form[@class='filters' and @method='get']"), 1u);
  EXPECT_EQ(dom.String("//form[@class='filters']//select[@name='element']/option[@selected]/@value"),
            "Ho");
  EXPECT_EQ(dom.String("//form[@class='filters']//select[@name='issuer']/option[@selected]/@value"),
            "GACC");
  EXPECT_EQ(dom.String("//form[@class='filters']//input[@name='year']/@value"), "2025");
  EXPECT_EQ(dom.String("//form[@class='filters']//select[@name='list']/option[@selected]/@value"), "");

  Dom none(Get("/?year=1999").body);
  EXPECT_EQ(none.Count("//p[@id='empty']"), 1u);
  EXPECT_EQ(none.Count("//table[@id='announcements']"), 0u);
  EXPECT_EQ(none.String("//p[@id='count']/@data-count"), "0");
  EXPECT_EQ(none.String("//form[@class='filters']//input[@name='year']/@value"), "1999");
}

TEST_F(ServePagesDocTest, HomeRefusesUnknownFilterValuesWithAPageSayingWhich) {
  const std::pair<std::string, std::string> cases[] = {
      {"/?issuer=NOBODY", "unknown issuer 'NOBODY'"},
      {"/?year=20x5", "unknown year '20x5'"},
      {"/?list=blacklist", "unknown list 'blacklist'"},
      {"/?element=Zz", "unknown element 'Zz'"},
      {"/?status=alive", "unknown status 'alive'"},
      {"/?colour=red", "unknown parameter 'colour'"},
  };
  for (const auto& [target, says] : cases) {
    Page page = Get(target);
    EXPECT_EQ(page.status, 400) << target;
    Dom dom(page.body);
    EXPECT_NE(dom.String("//p[@id='error-message']").find(says), std::string::npos)
        << target << ": " << dom.String("//p[@id='error-message']");
  }
}

TEST_F(ServePagesDocTest, HomeRowsLinkToTheirAnnouncementPages) {
  Dom dom(Get("/").body);
  auto docs = dom.Strings("//table[@id='announcements']/tbody/tr/@data-doc");
  auto hrefs = dom.Strings("//table[@id='announcements']/tbody/tr/td[1]/a/@href");
  ASSERT_EQ(docs.size(), hrefs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(hrefs[i], "/announcements/" + docs[i]);
    EXPECT_EQ(Get(hrefs[i]).status, 200) << hrefs[i];
  }
}

TEST_F(ServePagesDocTest, AnnouncementPageMarksEachFactsEvidenceAndLinksBothWays) {
  Page page = Get("/announcements/2025-57");  // the short form show accepts
  ASSERT_EQ(page.status, 200) << page.body;
  Dom dom(page.body);
  auto links = dom.Strings("//div[@id='facts']//a[@class='evidence-link']/@href");
  auto link_ids = dom.Strings("//div[@id='facts']//a[@class='evidence-link']/@id");
  auto titles = dom.Strings("//div[@id='facts']//a[@class='evidence-link']/@title");
  ASSERT_EQ(links.size(), link_ids.size());
  ASSERT_GE(links.size(), 30u);  // 15 items in each of two texts, and more
  const size_t marks = dom.Count("//div[@id='source']//mark[starts-with(@id,'ev-')]");
  EXPECT_EQ(marks, links.size());
  std::multiset<std::string> marked;
  for (size_t i = 0; i < links.size(); ++i) {
    ASSERT_EQ(links[i].rfind("#ev-", 0), 0u) << links[i];
    const std::string ev = links[i].substr(1);
    EXPECT_EQ(link_ids[i], "fact-" + ev.substr(3));
    EXPECT_EQ(dom.Count("//mark[@id='" + ev + "']"), 1u) << ev;
    // The mark links back to the fact.
    EXPECT_EQ(dom.String("//mark[@id='" + ev + "']/a[@class='ev-back']/@href"), "#" + link_ids[i]);
    // The marked text, in one mark or split in pieces, is the evidence.
    std::string text;
    for (const std::string& piece : dom.Strings("//mark[@data-ev='" + ev + "']")) text += piece;
    EXPECT_EQ(text, titles[i]) << ev;
    marked.insert(text);
  }
  // Every evidence `show --json` gives for the items, clauses, relations and
  // parties of both texts is marked.
  size_t evidences = 0;
  const Json shown = CliJson({"show", "mofcom-gacc-2025-57", "--json"});
  for (const Json& t : shown["texts"]) {
    for (const char* facts : {"items", "effective", "relations", "parties"}) {
      for (const Json& f : t["announcement"][facts]) {
        if (!f.contains("evidence") || f["evidence"].get<std::string>().empty()) continue;
        ++evidences;
        EXPECT_EQ(marked.count(f["evidence"].get<std::string>()), 1u) << f["evidence"];
      }
    }
  }
  EXPECT_GE(evidences, 32u);
  EXPECT_EQ(dom.String("//a[@class='json-link']/@href"), "/api/announcements/mofcom-gacc-2025-57");
  auto codes = dom.Strings("//table[@class='items']/tbody/tr/@data-code");
  auto timeline = dom.Strings("//table[@class='items']/tbody/tr//a[@class='timeline-link']/@href");
  ASSERT_EQ(codes.size(), timeline.size());
  for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(timeline[i], "/timeline?code=" + codes[i]);
}

TEST_F(ServePagesDocTest, AnnouncementPageShowsTheChineseAndEnglishSourcesSideBySide) {
  Dom dom(Get("/announcements/mofcom-gacc-2025-57").body);
  EXPECT_EQ(dom.Count("//div[contains(@class,'columns')]/div[@id='facts']"), 1u);
  EXPECT_EQ(dom.Count("//div[contains(@class,'columns')]/div[@id='source']"), 1u);
  EXPECT_EQ(dom.Count("//div[@id='source']/div[@class='doc-pair']/section[@id='source-zh']"), 1u);
  EXPECT_EQ(dom.Count("//div[@id='source']/div[@class='doc-pair']/section[@id='source-en']"), 1u);
  const std::string zh = dom.String("//section[@id='source-zh']/pre");
  const std::string en = dom.String("//section[@id='source-en']/pre");
  EXPECT_NE(zh.find("商务部 海关总署公告2025年第57号"), std::string::npos);
  EXPECT_NE(en.find("Holmium"), std::string::npos);
  // Each text's facts point into its own source.
  for (const auto& [lang, section] :
       {std::pair<std::string, std::string>{"zh", "source-zh"}, {"en", "source-en"}}) {
    auto hrefs = dom.Strings("//section[@class='text-facts' and @data-lang='" + lang +
                             "']//a[@class='evidence-link']/@href");
    ASSERT_FALSE(hrefs.empty()) << lang;
    for (const std::string& href : hrefs) {
      EXPECT_EQ(dom.Count("//section[@id='" + section + "']//mark[@id='" + href.substr(1) + "']"), 1u)
          << lang << " " << href;
    }
  }
  // A text alone: no pair, one source.
  Dom single(Get("/announcements/mofcom-2025-51").body);
  EXPECT_EQ(single.Count("//div[@class='doc-pair']"), 0u);
  EXPECT_EQ(single.Count("//div[@id='source']/section[@class='source-text']/pre"), 1u);
  // Its parties link to their timelines.
  auto names = single.Strings("//table[@class='parties']/tbody/tr/td[3]/a");
  auto hrefs = single.Strings("//table[@class='parties']/tbody/tr/td[3]/a/@href");
  ASSERT_EQ(names.size(), 3u);
  ASSERT_EQ(hrefs.size(), 3u);
  EXPECT_EQ(hrefs[0].rfind("/timeline?party=%", 0), 0u) << hrefs[0];
  EXPECT_EQ(names[0], "亨廷顿·英格尔斯工业公司");
}

TEST_F(ServePagesDocTest, AnnouncementPageOfAnUnknownIdIsANotFoundPage) {
  Page page = Get("/announcements/2031-999");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(Dom(page.body).String("//p[@id='error-message']").find("no announcement matches"),
            std::string::npos);
  EXPECT_EQ(Get("/announcements/mofcom-2025-51?x=1").status, 400);
  EXPECT_EQ(Get("/announcements/%2e%2e").status, 404);
  EXPECT_EQ(Get("/announcements/%2e%2e%2ft.db").status, 404);
}

TEST_F(ServePagesDocTest, SearchPageListsTheLinesSearchFindsWithTheMatchMarked) {
  Json cli = CliJson({"search", "钬", "--json"});
  ASSERT_FALSE(cli.empty());
  Dom dom(Get("/search?q=%E9%92%AC").body);
  EXPECT_EQ(dom.String("//form[@class='search']//input[@name='q']/@value"), "钬");
  auto docs = dom.Strings("//ol[@id='search-results']/li/@data-doc");
  auto lines = dom.Strings("//ol[@id='search-results']/li/@data-line");
  auto hrefs = dom.Strings("//ol[@id='search-results']/li/a[@class='hit-doc']/@href");
  ASSERT_EQ(docs.size(), cli.size());
  ASSERT_EQ(lines.size(), cli.size());
  ASSERT_EQ(hrefs.size(), cli.size());
  for (size_t i = 0; i < cli.size(); ++i) {
    EXPECT_EQ(docs[i], cli[i]["doc_id"].get<std::string>());
    EXPECT_EQ(lines[i], std::to_string(cli[i]["line_number"].get<int>()));
    EXPECT_EQ(hrefs[i], "/announcements/" + docs[i] + "?q=%E9%92%AC#hit-1");
    const std::string li = "//ol[@id='search-results']/li[" + std::to_string(i + 1) + "]";
    EXPECT_EQ(dom.String(li + "/span[@class='hit-line']"), cli[i]["line"].get<std::string>());
    EXPECT_GE(dom.Count(li + "/span[@class='hit-line']/mark"), 1u);
    for (const std::string& m : dom.Strings(li + "/span[@class='hit-line']/mark")) EXPECT_EQ(m, "钬");
  }
  EXPECT_EQ(dom.String("//p[@id='search-count']/@data-lines"), std::to_string(cli.size()));

  // Latin letters in any case; the mark keeps the text's own.
  Dom codes(Get("/search?q=1c909.a").body);
  ASSERT_GE(codes.Count("//ol[@id='search-results']/li"), 2u);
  for (const std::string& m : codes.Strings("//span[@class='hit-line']/mark")) EXPECT_EQ(m, "1C909.a");

  Dom nothing(Get("/search?q=nowhere-in-any-text").body);
  EXPECT_EQ(nothing.Count("//p[@id='search-empty']"), 1u);
  EXPECT_EQ(Get("/search?q=%20%20").status, 400);
  EXPECT_EQ(Dom(Get("/search").body).Count("//form[@class='search']"), 1u);
}

TEST_F(ServePagesDocTest, WhereTheChineseAndEnglishTextsDisagreeComesFirstBothStatementsLinked) {
  Page page = Get(std::string("/announcements/") + kHostileDoc);
  ASSERT_EQ(page.status, 200);
  Dom dom(page.body);
  // The facts open with the pair's disagreements, as `show --json` reports them.
  EXPECT_EQ(dom.String("//div[@id='facts']/section[1]/@class"), "disagreements");
  std::vector<std::string> expected;
  const Json shown_json = CliJson({"show", kHostileDoc, "--json"});
  for (const Json& d : shown_json["disagreements"])
    expected.push_back(d["kind"].get<std::string>() + " " + d["key"].get<std::string>());
  ASSERT_FALSE(expected.empty());
  const std::string rows = "//section[@class='disagreements']//tbody/tr";
  std::vector<std::string> shown;
  auto kinds = dom.Strings(rows + "/@data-kind");
  auto keys = dom.Strings(rows + "/@data-key");
  for (size_t i = 0; i < kinds.size() && i < keys.size(); ++i) shown.push_back(kinds[i] + " " + keys[i]);
  EXPECT_EQ(shown, expected);
  EXPECT_EQ(dom.String("//section[@class='disagreements']/@data-count"),
            std::to_string(expected.size()));
  // The HS codes: each side's value, linked to where that text states it.
  const std::string hs = rows + "[@data-kind='hs_codes'][@data-key='1C999.a']";
  ASSERT_EQ(dom.Count(hs), 1u);
  EXPECT_NE(dom.String(hs + "/td[3]").find("28053011"), std::string::npos);
  EXPECT_NE(dom.String(hs + "/td[4]").find("28053012"), std::string::npos);
  const char* sources[] = {"source-zh", "source-en"};
  for (int side = 0; side < 2; ++side) {
    const std::string href =
        dom.String(hs + "/td[" + std::to_string(3 + side) + "]/a[@class='evidence-link']/@href");
    ASSERT_EQ(href.rfind("#ev-", 0), 0u) << href;
    const std::string mark = "//mark[@id='" + href.substr(1) + "']";
    EXPECT_EQ(dom.Count("//section[@id='" + std::string(sources[side]) + "']" + mark), 1u)
        << href << " not in " << sources[side];
    EXPECT_NE(dom.String(mark).find(side == 0 ? "28053011" : "28053012"), std::string::npos);
  }
  // A text alone has nothing to disagree with.
  Dom alone(Get("/announcements/mofcom-gacc-2025-18").body);
  EXPECT_EQ(alone.Count("//section[@class='disagreements']"),
            CliJson({"show", "mofcom-gacc-2025-18", "--json"})["texts"].size() > 1 ? 1u : 0u);
}

TEST_F(ServePagesDocTest, ASearchHitLeadsToItsAnnouncementWithTheMatchesMarked) {
  Dom results(Get("/search?q=%E9%92%90").body);  // 钐
  const std::string href = results.String("//ol[@id='search-results']/li[1]/a[@class='hit-doc']/@href");
  ASSERT_EQ(href.rfind("/announcements/", 0), 0u) << href;
  ASSERT_NE(href.find("?q=%E9%92%90#hit-1"), std::string::npos) << href;
  const std::string target = href.substr(0, href.find('#'));
  Page page = Get(target);
  ASSERT_EQ(page.status, 200) << target;
  Dom dom(page.body);
  const std::string count = dom.String("//p[@id='hits']/@data-count");
  ASSERT_FALSE(count.empty());
  EXPECT_GE(std::stoi(count), 1);
  // One first mark per match, numbered from 1, each holding 钐 or 釤.
  const std::string hits = "//section[@class='source-text']//mark[@id][contains(@class, 'hit')]";
  auto ids = dom.Strings(hits + "/@id");
  ASSERT_EQ(ids.size(), static_cast<size_t>(std::stoi(count)));
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(ids[i], "hit-" + std::to_string(i + 1));
    const std::string text = dom.String("//mark[@id='" + ids[i] + "']");
    EXPECT_TRUE(text == "钐" || text == "釤") << ids[i] << ": " << text;
  }
  // The Traditional form finds the same matches; without q nothing is marked.
  const std::string doc = target.substr(0, target.find('?'));
  EXPECT_EQ(Dom(Get(doc + "?q=%E9%87%A4").body).String("//p[@id='hits']/@data-count"), count);
  Dom plain(Get(doc).body);
  EXPECT_EQ(plain.Count("//p[@id='hits']"), 0u);
  EXPECT_EQ(plain.Count("//mark[contains(@class, 'hit')]"), 0u);
  EXPECT_EQ(Get(doc + "?page=2").status, 400);  // the page takes q alone
}

TEST_F(ServePagesDocTest, APdfsPagesAreDrawnInItsSourceTextWithoutChangingItsMarks) {
  Page page = Get(std::string("/announcements/") + kPdfDoc);
  ASSERT_EQ(page.status, 200) << page.body;
  Dom dom(page.body);
  EXPECT_EQ(dom.Strings("//section[@class='source-text']/pre//span[@class='text-break']/@data-place"),
            (std::vector<std::string>{"page 1", "page 2"}));
  // The item, printed on page 2: its link says so, and its marks hold the
  // evidence `show` gives, the page breaks adding no text.
  const Json shown = CliJson({"show", kPdfDoc, "--json"});
  const Json& item = shown["texts"][0]["announcement"]["items"][0];
  ASSERT_EQ(item["code"], "1C999.b") << shown.dump(2);
  const std::string row = "//table[@class='items']/tbody/tr[@data-code='1C999.b']";
  EXPECT_NE(dom.String(row + "/td[6]").find("(page 2)"), std::string::npos) << dom.String(row + "/td[6]");
  const std::string href = dom.String(row + "/td[6]/a[@class='evidence-link'][1]/@href");
  ASSERT_EQ(href.rfind("#ev-", 0), 0u) << href;
  std::string marked;
  for (const std::string& piece : dom.Strings("//mark[@data-ev='" + href.substr(1) + "']"))
    marked += piece;
  EXPECT_EQ(marked, item["evidence"].get<std::string>());
  // Breaks come before the text of their page.
  EXPECT_EQ(dom.Count("//span[@data-place='page 2']/following::mark[@id='" + href.substr(1) + "']"), 1u);
}

TEST_F(ServePagesDocTest, MarkupInStoredTextShowsAsTextOnEveryPage) {
  const std::string targets[] = {"/", std::string("/announcements/") + kHostileDoc,
                                 "/search?q=alert", "/?status=not_yet_in_force"};
  for (const std::string& target : targets) {
    Page page = Get(target);
    ASSERT_EQ(page.status, 200) << target;
    Dom dom(page.body);
    EXPECT_EQ(dom.Count("//script"), 0u) << target;
    EXPECT_EQ(dom.Count("//img"), 0u) << target;
    EXPECT_EQ(dom.Count("//*[@onerror]"), 0u) << target;
    EXPECT_GE(dom.Count(std::string("//main//*[self::td or self::span][contains(., '") +
                        kHostileTitleText + "')]"),
              1u)
        << target;
  }
  Dom doc(Get(std::string("/announcements/") + kHostileDoc).body);
  EXPECT_NE(doc.String("//table[@class='items']/tbody/tr/td[3]").find("<img src=x"), std::string::npos);
  EXPECT_NE(doc.String("//section[@class='source-text']/pre").find(kHostileTitleText),
            std::string::npos);
}

// A list longer than a page: 230 announcements of our own beside the
// samples, one a day through 2097, so that the home page has three pages.
class ServePagingTest : public ::testing::Test {
 protected:
  static constexpr int kOwn = 230;
  static void SetUpTestSuite() {
    std::map<std::string, std::string> own;
    for (int n = 1; n <= kOwn; ++n) {
      const int month = 1 + (n - 1) / 28, day = 1 + (n - 1) % 28;
      own["many/" + std::to_string(n) + ".txt"] =
          "商务部公告2097年第" + std::to_string(n) + "号\n\n关于测试分页的公告\n\n"
          "为测试分页，现将有关事项公告如下：本公告自发布之日起实施。\n\n商务部\n2097年" +
          std::to_string(month) + "月" + std::to_string(day) + "日\n";
    }
    served_ = new ServedSamples(own);
    ASSERT_EQ(served_->error(), "");
  }
  static void TearDownTestSuite() {
    delete served_;
    served_ = nullptr;
  }
  struct Listed {
    int status = 0;
    std::vector<std::string> rows;  // doc/lang, in the page's order
    std::string next, prev;         // the links' targets, "" when none
    std::string count;              // #count's data-count
    std::string body;
  };
  static Listed List(const std::string& target) {
    auto res = served_->Get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return {};
    Listed l;
    l.status = res->status;
    l.body = res->body;
    Dom dom(res->body);
    auto docs = dom.Strings("//table[@id='announcements']/tbody/tr/@data-doc");
    auto langs = dom.Strings("//table[@id='announcements']/tbody/tr/@data-lang");
    for (size_t i = 0; i < docs.size() && i < langs.size(); ++i) l.rows.push_back(docs[i] + "/" + langs[i]);
    l.next = dom.String("//nav[@class='pages']/a[@rel='next']/@href");
    l.prev = dom.String("//nav[@class='pages']/a[@rel='prev']/@href");
    l.count = dom.String("//p[@id='count']/@data-count");
    return l;
  }
  // `regdiff list --json`'s rows (doc/lang), newest first.
  static std::vector<std::string> CliRowsNewestFirst() {
    RunResult r = RunRegdiff({"--db", served_->db(), "list", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> rows;
    for (const Json& row : Json::parse(r.out)) {
      rows.push_back(row["doc_id"].get<std::string>() + "/" + row["lang"].get<std::string>());
    }
    std::reverse(rows.begin(), rows.end());
    return rows;
  }
  static inline ServedSamples* served_ = nullptr;
};

TEST_F(ServePagingTest, TheNextLinksWalkTheWholeListNewestFirstAPageOfAHundredAtATime) {
  const std::vector<std::string> expected = CliRowsNewestFirst();
  ASSERT_GT(expected.size(), 200u);
  std::vector<std::string> walked;
  std::string target = "/";
  int pages = 0;
  while (!target.empty() && pages < 10) {
    Listed page = List(target);
    ASSERT_EQ(page.status, 200) << target;
    EXPECT_EQ(page.count, std::to_string(expected.size())) << target;
    EXPECT_EQ(page.prev.empty(), pages == 0) << target;
    if (!page.next.empty()) {
      EXPECT_EQ(page.rows.size(), 100u) << target;
    }
    walked.insert(walked.end(), page.rows.begin(), page.rows.end());
    target = page.next;
    ++pages;
  }
  EXPECT_EQ(pages, static_cast<int>((expected.size() + 99) / 100));
  EXPECT_EQ(walked, expected);
  EXPECT_EQ(List("/?page=2").prev, "/");
}

TEST_F(ServePagingTest, PagesKeepTheFiltersAndTodaysStatusIsShownOnEveryPage) {
  Listed first = List("/?year=2097");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.count, std::to_string(kOwn));
  EXPECT_EQ(first.next, "/?year=2097&page=2");
  Listed last = List("/?year=2097&page=3");
  EXPECT_EQ(last.rows.size(), static_cast<size_t>(kOwn - 200));
  EXPECT_EQ(last.next, "");
  EXPECT_EQ(last.prev, "/?year=2097&page=2");
  // Published in 2097: not yet in force today, on the last page as on the
  // first (the status is read for each page's rows).
  for (const Listed* page : {&first, &last}) {
    Dom dom(page->body);
    auto statuses = dom.Strings("//table[@id='announcements']/tbody/tr/@data-status");
    EXPECT_EQ(statuses.size(), page->rows.size());
    for (const std::string& s : statuses) EXPECT_EQ(s, "not_yet_in_force");
  }
  // The status filter reads every text, then pages the matching ones.
  Listed waiting = List("/?status=not_yet_in_force&page=2");
  ASSERT_EQ(waiting.status, 200);
  EXPECT_GE(std::stoi(waiting.count), kOwn);
  EXPECT_EQ(waiting.rows.size(), 100u);
}

TEST_F(ServePagingTest, APagePastTheLastOrNotANumberIsA400Page) {
  const size_t pages = (CliRowsNewestFirst().size() + 99) / 100;
  Listed past = List("/?page=" + std::to_string(pages + 1));
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("past the last (" + std::to_string(pages) + ")"), std::string::npos);
  for (const char* bad : {"0", "-1", "two", "9999999"}) {
    EXPECT_EQ(List(std::string("/?page=") + bad).status, 400) << bad;
  }
}

}  // namespace
}  // namespace regdiff::testing
