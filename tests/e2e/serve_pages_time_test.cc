// `regdiff serve`'s pages about time: /asof lists what `regdiff asof D`
// answers on each side of the samples' suspension, /timeline draws and lists
// what `regdiff timeline WHAT` answers (a bar per code, the suspension
// marked), /watch shows what `regdiff watch` stored (or how to start). Each
// page is parsed as HTML (libxml2) and queried by its documented hooks.
#include <httplib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/store.h"
#include "corpus/watch_store.h"
#include "tests/e2e/dom.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/serve_process.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

httplib::Result Get(int port, const std::string& target, const httplib::Headers& headers = {}) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(2);
  client.set_read_timeout(10);
  return client.Get(target.c_str(), headers);
}

// --- /asof and /timeline over the bundled samples ---

class ServeTimePages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedSamples();
    ASSERT_EQ(served_->error(), "");
  }
  static void TearDownTestSuite() {
    delete served_;
    served_ = nullptr;
  }
  static std::string Db() { return served_->db(); }

  // The page at `target`, which must answer 200 with HTML.
  static std::string Page(const std::string& target) {
    auto res = served_->Get(target);
    if (!res) {
      ADD_FAILURE() << target << ": no answer";
      return "";
    }
    EXPECT_EQ(res->status, 200) << target << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << target;
    return res->body;
  }
  // `regdiff --db Db() ARGS... --json`, parsed.
  static Json CliJson(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    args.push_back("--json");
    RunResult r = RunRegdiff(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Json::parse(r.out, nullptr, false);
  }

  static inline ServedSamples* served_ = nullptr;
};

// "key status" per item of `asof --json`'s items, in order.
std::vector<std::string> ItemRows(const Json& asof) {
  std::vector<std::string> out;
  for (const Json& item : asof["items"])
    out.push_back(item["key"].get<std::string>() + " " + item["status"].get<std::string>());
  return out;
}

std::vector<std::string> PageItemRows(const Dom& dom) {
  std::vector<std::string> keys = dom.Strings("//table[@id='asof-items']/tbody/tr/@data-key");
  std::vector<std::string> statuses =
      dom.Strings("//table[@id='asof-items']/tbody/tr/@data-status");
  EXPECT_EQ(keys.size(), statuses.size());
  for (size_t i = 0; i < keys.size() && i < statuses.size(); ++i) keys[i] += " " + statuses[i];
  return keys;
}

TEST_F(ServeTimePages, AsofPageListsWhatTheCliAnswersBeforeDuringAndAfterTheSuspension) {
  std::map<std::string, size_t> suspended_on;
  for (const std::string date : {"2025-10-10", "2025-11-09", "2026-03-01", "2026-12-07"}) {
    SCOPED_TRACE(date);
    const Json cli = CliJson({"asof", date});
    ASSERT_TRUE(cli.is_object());
    const Dom dom(Page("/asof?date=" + date));
    ASSERT_TRUE(dom.ok());
    EXPECT_EQ(PageItemRows(dom), ItemRows(cli));
    // Codes as the CLI prints them, each row's source linked.
    std::vector<std::string> codes;
    for (const Json& item : cli["items"])
      if (item["code"].is_string()) codes.push_back(item["code"]);
    EXPECT_EQ(dom.Strings("//table[@id='asof-items']/tbody/tr/@data-code"), codes);
    EXPECT_EQ(dom.Count("//table[@id='asof-items']/tbody/tr[not(td/a[starts-with(@href, "
                        "'/announcements/')])]"),
              0u);
    // Parties per list, as the CLI's parties[].
    std::vector<std::string> cli_parties, page_parties;
    for (const Json& p : cli["parties"])
      cli_parties.push_back(p["list"].get<std::string>() + " " + p["key"].get<std::string>());
    for (const std::string list : {"control_list", "watch_list", "unreliable_entity_list"}) {
      for (const std::string& key :
           dom.Strings("//section[@id='parties']//table[@data-list='" + list + "']/tbody/tr/@data-key"))
        page_parties.push_back(list + " " + key);
    }
    EXPECT_EQ(page_parties, cli_parties);
    EXPECT_EQ(dom.String("//form[@id='asof-form']//input[@name='date']/@value"), date);
    EXPECT_NE(dom.String("//p[@id='coverage']").find("announcements"), std::string::npos);
    suspended_on[date] =
        dom.Count("//table[@id='asof-items']/tbody/tr[@data-status='suspended']");
  }
  // The samples' facts: No. 70 suspends No. 57's items from 2025-11-07 to
  // 2026-11-10; SUBARU is on the watch list from 2026-02-24.
  EXPECT_EQ(suspended_on["2025-10-10"], 0u);
  EXPECT_GE(suspended_on["2025-11-09"], 15u);
  EXPECT_EQ(suspended_on["2026-12-07"], 0u);
  const Dom later(Page("/asof?date=2026-03-01"));
  EXPECT_EQ(later.Count("//section[@id='parties']//table[@data-list='watch_list']/tbody/tr"), 1u);
}

TEST_F(ServeTimePages, AsofPageFiltersAsTheCliAndLeavesPartiesOutForAnItemFilter) {
  const Json cli = CliJson({"asof", "2025-11-09", "--element", "钬"});
  const Dom dom(Page("/asof?date=2025-11-09&element=%E9%92%AC"));
  EXPECT_EQ(PageItemRows(dom), ItemRows(cli));
  EXPECT_EQ(ItemRows(cli).size(), 3u);  // 1C909.a-c
  EXPECT_EQ(dom.Count("//section[@id='parties']"), 0u);
  const Dom watch_only(Page("/asof?date=2026-03-01&list=control_list"));
  EXPECT_EQ(watch_only.Count("//section[@id='parties']//table[@data-list]"), 0u);
  EXPECT_EQ(watch_only.Count("//p[@id='parties-empty']"), 1u);
}

TEST_F(ServeTimePages, TimelinePictureHasABarPerCodeTheCliListsAndMarksTheSuspension) {
  const Json cli = CliJson({"timeline", "Ho"});
  ASSERT_TRUE(cli.is_object());
  std::set<std::string> codes;
  for (const Json& e : cli["events"]) codes.insert(e["code"].get<std::string>());
  ASSERT_EQ(codes.size(), 3u);
  const Dom dom(Page("/timeline?element=Ho"));
  const auto rows = dom.Strings("//svg[@id='timeline-picture']//*[@class='row']/@data-key");
  EXPECT_EQ(std::set<std::string>(rows.begin(), rows.end()), codes);
  EXPECT_EQ(rows.size(), codes.size());
  for (const std::string& code : codes) {
    SCOPED_TRACE(code);
    const std::string bar = "//svg[@id='timeline-picture']//*[local-name()='rect'][@data-key='" +
                            code + "']";
    // Suspended from its entry into control to the suspension's last day,
    // then controlled again.
    EXPECT_EQ(dom.String(bar + "[@data-state='suspended']/@data-from"), "2025-11-08");
    EXPECT_EQ(dom.String(bar + "[@data-state='suspended']/@data-until"), "2026-11-10");
    EXPECT_EQ(dom.String(bar + "[@data-state='controlled']/@data-from"), "2026-11-11");
    EXPECT_EQ(dom.Count("//svg[@id='timeline-picture']//*[local-name()='circle'][@data-key='" +
                        code + "'][@data-kind='suspended'][@data-date='2025-11-07']"),
              1u);
  }
  EXPECT_GE(dom.Count("//svg[@id='timeline-picture']//*[@class='tick-label']"), 1u);
  // The table: the CLI's events in order, each announcement linked, each
  // evidence quoted.
  const auto dates = dom.Strings("//table[@id='timeline-events']/tbody/tr/@data-date");
  const auto kinds = dom.Strings("//table[@id='timeline-events']/tbody/tr/@data-kind");
  const auto links = dom.Strings("//table[@id='timeline-events']/tbody/tr/td/a/@href");
  const auto quotes = dom.Strings("//table[@id='timeline-events']/tbody/tr/td[@class='evidence']");
  ASSERT_EQ(dates.size(), cli["events"].size());
  ASSERT_EQ(links.size(), dates.size());
  ASSERT_EQ(quotes.size(), dates.size());
  for (size_t i = 0; i < dates.size(); ++i) {
    const Json& e = cli["events"][i];
    EXPECT_EQ(dates[i], e["date"]);
    EXPECT_EQ(kinds[i], e["event"]);
    EXPECT_EQ(links[i], "/announcements/" + e["doc_id"].get<std::string>());
    EXPECT_EQ(quotes[i], e["evidence"]);
  }
}

TEST_F(ServeTimePages, TimelineOfACodeAndOfAPartyAnswerAsTheCli) {
  const Json code = CliJson({"timeline", "1C909.a"});
  const Dom by_code(Page("/timeline?code=1C909.a"));
  EXPECT_EQ(by_code.Count("//table[@id='timeline-events']/tbody/tr"), code["events"].size());
  const Json party = CliJson({"timeline", "SUBARU Corporation"});
  ASSERT_EQ(party["events"].size(), 1u);
  const Dom by_party(Page("/timeline?party=SUBARU%20Corporation"));
  EXPECT_EQ(by_party.Strings("//table[@id='timeline-events']/tbody/tr/@data-kind"),
            std::vector<std::string>{"listed"});
  EXPECT_EQ(by_party.Strings("//svg[@id='timeline-picture']//*[local-name()='rect']/@data-key"),
            std::vector<std::string>{"watch_list"});
}

TEST_F(ServeTimePages, TimelineWithoutAQuestionShowsTheFormAndWithAnUnknownOneSaysSo) {
  const Dom empty(Page("/timeline"));
  EXPECT_EQ(empty.Count("//form[@id='timeline-form']//input"), 4u);
  EXPECT_EQ(empty.Count("//p[@id='timeline-intro']"), 1u);
  EXPECT_EQ(empty.Count("//svg"), 0u);
  const Dom none(Page("/timeline?code=9Z999"));
  EXPECT_NE(none.String("//p[@id='timeline-none']").find("9Z999"), std::string::npos);
  EXPECT_EQ(none.String("//form[@id='timeline-form']//input[@name='code']/@value"), "9Z999");
}

TEST_F(ServeTimePages, BadParametersGiveA400Page) {
  for (const std::string target :
       {"/asof?date=2025-13-40", "/asof?date=soon", "/asof?element=Xx", "/asof?hs=12",
        "/asof?list=black_list", "/asof?when=2025-01-01", "/timeline?element=Xx",
        "/timeline?hs=28a", "/timeline?code=1C909&hs=2805", "/timeline?date=2025-01-01",
        "/watch?all=1"}) {
    SCOPED_TRACE(target);
    auto res = served_->Get(target);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
    const Dom dom(res->body);
    EXPECT_FALSE(dom.String("//p[@id='error-message']").empty());
  }
}

// --- /watch ---

class ServeWatchPage : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/w.db";
    ASSERT_TRUE(AnnouncementStore::Open(db_).ok());  // the schema, nothing stored
    server_ = std::make_unique<Server>(StartServe(db_, dir_));
    ASSERT_GT(server_->port, 0) << server_->err;
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string dir_, db_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServeWatchPage, NothingWatchedSaysHowToStart) {
  auto res = Get(server_->port, "/watch");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const Dom dom(res->body);
  EXPECT_NE(dom.String("//p[@id='watch-empty']").find("regdiff watch"), std::string::npos);
  EXPECT_EQ(dom.Count("//table[@id='watch-sources']"), 0u);
}

TEST_F(ServeWatchPage, AWatchedSourceShowsItsPollsPagesAndEventsEscaped) {
  auto before = Get(server_->port, "/watch");
  ASSERT_TRUE(before);
  const std::string etag = before->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  {
    auto store = AnnouncementStore::Open(db_);
    ASSERT_TRUE(store.ok());
    WatchStore watch((*store)->db());
    WatchSourceRow good;
    good.name = "mofcom-blgg";
    good.index_url = "https://www.mofcom.gov.cn/zcfb/blgg/";
    good.last_success_at = "2026-12-01T06:00:00Z";
    good.last_attempt_at = "2026-12-01T06:00:00Z";
    good.next_due_at = "2026-12-01T07:00:00Z";
    ASSERT_TRUE(watch.PutSource(good).ok());
    WatchSourceRow bad;
    bad.name = "customs<script>x</script>";
    bad.index_url = "javascript:alert(1)";
    bad.last_attempt_at = "2026-12-01T06:05:00Z";
    bad.last_error = "HTTP 503 <b>down</b>";
    bad.failures = 2;
    ASSERT_TRUE(watch.PutSource(bad).ok());
    for (int i = 0; i < 2; ++i) {
      WatchPageRow page;
      page.url = "https://www.mofcom.gov.cn/zcfb/blgg/art/" + std::to_string(i) + ".html";
      page.source_name = good.name;
      page.title = "公告";
      page.first_seen_at = "2026-12-01T06:00:00Z";
      page.next_due_at = "2026-12-02T06:00:00Z";
      ASSERT_TRUE(watch.PutPage(page).ok());
    }
    WatchEventRow event;
    event.event_key = "k1";
    event.at = "2026-12-01T06:00:01Z";
    event.source_name = good.name;
    event.url = "https://www.mofcom.gov.cn/zcfb/blgg/art/1.html";
    event.doc_id = "mofcom-gacc-2025-70";
    event.kind = "new";
    event.title = "关于暂停实施<有关>公告的公告";
    event.summary_json = "{}";
    ASSERT_TRUE(watch.AddEvent(event).ok());
  }
  // The watch's own tables changed: the old validator no longer matches.
  auto res = Get(server_->port, "/watch", {{"If-None-Match", etag}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("ETag"), etag);
  const Dom dom(res->body);
  EXPECT_EQ(dom.Count("//p[@id='watch-empty']"), 0u);
  const std::string row = "//table[@id='watch-sources']/tbody/tr[@data-source='mofcom-blgg']";
  ASSERT_EQ(dom.Count(row), 1u);
  const auto cells = dom.Strings(row + "/td");
  ASSERT_EQ(cells.size(), 9u);
  EXPECT_EQ(cells[2], "2026-12-01T06:00:00Z");  // last good poll
  EXPECT_EQ(cells[3], "2026-12-01T06:00:01Z");  // last change: its newest event
  EXPECT_EQ(cells[7], "2");                     // pages known
  // The failing source: its error shown as text, its name too, no script
  // and no link to a javascript: URL.
  const std::string failing =
      "//table[@id='watch-sources']/tbody/tr[@data-source='customs<script>x</script>']";
  ASSERT_EQ(dom.Count(failing + "[@class='failing']"), 1u);
  EXPECT_NE(dom.String(failing + "/td[@class='error']").find("HTTP 503 <b>down</b>"),
            std::string::npos);
  EXPECT_EQ(dom.Count("//script"), 0u);
  EXPECT_EQ(dom.Count("//a[starts-with(@href, 'javascript')]"), 0u);
  // The event, linked to its announcement's page.
  const std::string event = "//table[@id='watch-events']/tbody/tr[@data-source='mofcom-blgg']";
  ASSERT_EQ(dom.Count(event), 1u);
  EXPECT_EQ(dom.String(event + "/@data-kind"), "new");
  EXPECT_EQ(dom.String(event + "//a[starts-with(@href, '/announcements/')]/@href"),
            "/announcements/mofcom-gacc-2025-70");
  EXPECT_EQ(dom.String(event + "/td[5]"), "关于暂停实施<有关>公告的公告");
}

}  // namespace
}  // namespace regdiff::testing
