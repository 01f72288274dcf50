// `regdiff watch` end to end, against a real HTTP server on 127.0.0.1 serving
// list and announcement pages shaped like MOFCOM's and customs' (some in
// GBK): the first run ingests everything, later runs stay silent unless an
// announcement's main text really changes, every event appears once in every
// report form, and failures keep the last good state until a good run; and
// a source whose list is POSTed to an exportcontrol-like endpoint that wants
// a request header, sent with its announcement pages too.
#include <fcntl.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "corpus/consolidated_store.h"
#include "corpus/store.h"
#include "corpus/watch_store.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/json_schema.h"
#include "tests/local_http_server.h"
#include "tests/mofcom_endpoints.h"
#include "tests/test_paths.h"

extern char** environ;

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// --- pages ---

std::string ToGbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* dst = out.data();
  size_t out_left = out.size();
  const size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "not encodable in GBK";
  out.resize(out.size() - out_left);
  return out;
}

std::string Fixture(const std::string& name) {
  return ReadFileOrDie(FixturesDir() + "/watch/" + name);
}

struct Look {
  std::string charset = "utf-8";  // "utf-8" or "gbk": the bytes and the <meta>
  std::string banner = "推进高水平对外开放";
  std::string visits = "1024";  // a counter outside the main text
  int wrap = 0;  // > 0: each paragraph's source hard-wrapped every `wrap` bytes (CRLF, indent)
};

std::string Encode(const std::string& html, const Look& look) {
  return look.charset == "gbk" ? ToGbk(html) : html;
}

// An announcement page in the shape of a MOFCOM article page.
std::string AnnouncementPage(const std::string& body_file, const std::string& title,
                             const Look& look = {}) {
  std::string html = "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" "
                     "content=\"text/html; charset=" + look.charset + "\">\n<title>" + title +
                     "_商务部网站</title></head><body>\n"
                     "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zcfb/\">政策发布</a></div>\n"
                     "<div class=\"banner\">" + look.banner + "</div>\n"
                     "<div class=\"art-title\"><h1>" + title + "</h1></div>\n"
                     "<div class=\"art-info\">浏览次数：" + look.visits + "</div>\n"
                     "<div class=\"art-con\">\n";
  std::string text = Fixture(body_file);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (look.wrap > 0) {
      // Wrapped on a character boundary (never inside a UTF-8 sequence),
      // anywhere else: between Chinese characters, inside a number.
      std::string wrapped;
      size_t run = 0;
      for (size_t i = 0; i < line.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
        if (starts_char && run >= static_cast<size_t>(look.wrap)) {
          wrapped += "\r\n    ";
          run = 0;
        }
        wrapped += line[i];
        ++run;
      }
      line = wrapped;
    }
    if (end > start) html += "<p>" + line + "</p>\n";
    start = end + 1;
  }
  html += "</div>\n<div class=\"footer\">主办单位：中华人民共和国商务部</div>\n</body></html>\n";
  return Encode(html, look);
}

struct ListEntry {
  std::string href;
  std::string title;
};

std::string ListPage(const std::vector<ListEntry>& entries, const Look& look = {}) {
  std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"" + look.charset +
                     "\"><title>公告</title></head><body>\n"
                     "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zcfb/\">政策发布</a> "
                     "<a href=\"https://www.gov.cn/\">中国政府网</a></div>\n"
                     "<div class=\"banner\">" + look.banner + "</div>\n<ul class=\"list\">\n";
  for (const ListEntry& e : entries) {
    html += "<li><a href=\"" + e.href + "\" title=\"" + e.title + "\">" + e.title +
            "</a><span>2025</span></li>\n";
  }
  html += "</ul>\n<div class=\"page\"><a href=\"index.html\">首页</a></div>\n</body></html>\n";
  return Encode(html, look);
}

constexpr char kTitle57[] = "商务部 海关总署公告2025年第57号 关于对钬、铒、铥、铕、镱相关物项实施出口管制的决定";
constexpr char kTitle18[] = "商务部 海关总署公告2025年第18号 关于对部分中重稀土相关物项实施出口管制的决定";
constexpr char kTitle70[] = "商务部 海关总署公告2025年第70号 关于暂停实施部分出口管制措施的公告";

constexpr char kMofcomList[] = "/zcfb/blgg/index.html";
constexpr char kPage57[] = "/zcfb/blgg/art/2025/art_57aa.html";
constexpr char kPage70[] = "/zcfb/blgg/art/2025/art_70aa.html";
constexpr char kGaccList[] = "/customs/302267/index.html";
constexpr char kPage18[] = "/customs/302267/6123456/index.html";
constexpr char kHook[] = "/hook";

// --- Atom ---

struct Feed {
  bool valid = false;
  std::string problem;
  std::vector<std::string> ids, titles, updated;
};

std::string ChildText(xmlNode* parent, const char* name) {
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0) {
      xmlChar* s = xmlNodeGetContent(c);
      std::string out = s ? reinterpret_cast<char*>(s) : "";
      xmlFree(s);
      return out;
    }
  }
  return "\x01missing";
}

// Parses an Atom file and checks what RFC 4287 requires of a feed and its
// entries (id, title, updated; author on the feed; a link on each entry).
Feed ReadFeed(const std::string& path) {
  Feed f;
  const std::string bytes = ReadFileOrDie(path);
  xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), path.c_str(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    f.problem = "not well-formed XML";
    return f;
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root || xmlStrcmp(root->name, BAD_CAST "feed") != 0 || !root->ns ||
      xmlStrcmp(root->ns->href, BAD_CAST "http://www.w3.org/2005/Atom") != 0) {
    f.problem = "root is not an Atom <feed>";
  } else {
    for (const char* required : {"id", "title", "updated", "author"}) {
      if (ChildText(root, required) == "\x01missing") f.problem += std::string("feed lacks ") + required;
    }
    for (xmlNode* c = root->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "entry") != 0) continue;
      f.ids.push_back(ChildText(c, "id"));
      f.titles.push_back(ChildText(c, "title"));
      f.updated.push_back(ChildText(c, "updated"));
      for (const char* required : {"id", "title", "updated", "link", "content"}) {
        if (ChildText(c, required) == "\x01missing") f.problem += std::string("entry lacks ") + required;
      }
    }
  }
  xmlFreeDoc(doc);
  f.valid = f.problem.empty();
  return f;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/watch.db";
    feeds_ = dir_ + "/feeds";
    sources_ = dir_ + "/sources.toml";
    WriteFileOrDie(sources_, SourcesToml());
    ServeGoodSite();
  }
  void TearDown() override {
    server_.Stop();
    fs::remove_all(dir_);
  }

  std::string SourcesToml() const {
    return "[fetch]\n"
           "connect_timeout = \"2s\"\ntimeout = \"2s\"\nstall_time = \"2s\"\n"
           "retries = 1\nbackoff = \"10ms\"\nbackoff_max = \"50ms\"\nhost_delay = \"0s\"\n\n"
           "[[source]]\nname = \"mofcom\"\n"
           "index_url = \"" + server_.Url(kMofcomList) + "\"\n"
           "link_xpath = \"//ul[@class='list']//a\"\n"
           "link_pattern = '/zcfb/blgg/art/2025/art_[0-9a-f]+\\.html$'\n"
           "title_keywords = [\"公告\"]\n"
           "content_selector = \"div.art-con\"\n"
           "poll_interval = \"1h\"\nrecheck_interval = \"1d\"\n\n"
           "[[source]]\nname = \"gacc\"\n"
           "index_url = \"" + server_.Url(kGaccList) + "\"\n"
           "link_pattern = '/customs/302267/[0-9]+/index\\.html$'\n"
           "title_keywords = [\"出口管制\"]\n"
           "poll_interval = \"1h\"\n";
  }

  // MOFCOM lists No. 57 (a UTF-8 page); customs lists No. 18 on a GBK list
  // page (a GBK page), next to an announcement of another subject.
  void ServeGoodSite(bool with_70 = false) {
    std::vector<ListEntry> mofcom;
    if (with_70) mofcom.push_back({"art/2025/art_70aa.html", kTitle70});
    mofcom.push_back({"art/2025/art_57aa.html", kTitle57});
    server_.Set(kMofcomList, Reply::Page(ListPage(mofcom)));
    server_.Set(kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.txt", kTitle57)));
    server_.Set(kPage70, Reply::Page(AnnouncementPage("mofcom-gacc-2025-70.txt", kTitle70,
                                                      Look{.charset = "gbk"})));
    const Look gbk{.charset = "gbk"};
    server_.Set(kGaccList, Reply::Page(ListPage({{"6123456/index.html", kTitle18},
                                                 {"6123400/index.html", "海关总署公告2025年第1号（关于检疫要求的公告）"}},
                                                gbk)));
    server_.Set(kPage18, Reply::Page(AnnouncementPage("mofcom-gacc-2025-18.txt", kTitle18, gbk)));
    server_.Set(kHook, Reply::Page("ok"));
  }

  RunResult Watch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "watch", "--sources", sources_});
    return RunRegdiff(args);
  }
  RunResult WatchAll(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--once", "--all", "--atom", feeds_, "--webhook",
                                     server_.Url(kHook)};
    args.insert(args.end(), extra.begin(), extra.end());
    return Watch(args);
  }

  std::unique_ptr<AnnouncementStore> Store() {
    auto store = AnnouncementStore::Open(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  WatchSourceRow SourceRow(const std::string& name) {
    auto store = Store();
    WatchStore watch(store->db());
    auto row = watch.GetSource(name);
    EXPECT_TRUE(row.ok() && row->has_value()) << name;
    return row.ok() && *row ? **row : WatchSourceRow{};
  }
  int64_t Scalar(const std::string& sql) {
    auto store = Store();
    auto st = store->db().Prepare(sql);
    EXPECT_TRUE(st.ok());
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row);
    return st->ColumnInt(0);
  }

  // The events of a --jsonl run, each checked against the schema.
  std::vector<Json> JsonEvents(const RunResult& r) {
    std::vector<Json> out;
    for (const std::string& line : Lines(r.out)) {
      Json j = Json::parse(line);
      for (const std::string& p : ValidateJson(LoadSchema("watch-event.schema.json"), j)) {
        ADD_FAILURE() << p << "\n" << line;
      }
      out.push_back(std::move(j));
    }
    return out;
  }

  // A first run that ingests both announcements.
  void FirstRun(std::vector<std::string> extra = {"--jsonl"}) {
    RunResult r = WatchAll(extra);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  LocalHttpServer server_;
  std::string dir_, db_, feeds_, sources_;
};

TEST_F(WatchTest, TheFirstRunRecordsABaselineSilentlyAndASecondRunReportsNothing) {
  RunResult first = WatchAll({"--jsonl"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "") << "what the lists hold at first is the baseline, not news";
  EXPECT_NE(first.err.find("mofcom: ok, 1 links, baseline: 1 announcements recorded, none reported"),
            std::string::npos)
      << first.err;
  EXPECT_NE(first.err.find("gacc: ok, 1 links, baseline: 1 announcements recorded"),
            std::string::npos)
      << first.err;

  // Stored all the same: two documents from URL snapshots, with their
  // response headers; no event, nothing posted, empty feeds.
  std::set<std::string> doc_ids;
  auto store = Store();
  auto listed = store->List();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  for (const auto& d : *listed) doc_ids.insert(d.doc_id.value_or(""));
  store.reset();
  EXPECT_EQ(doc_ids, (std::set<std::string>{"mofcom-gacc-2025-57", "mofcom-gacc-2025-18"}));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM sources WHERE kind = 'url'"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM source_versions WHERE headers LIKE '%etag%'"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_events"), 0);
  EXPECT_EQ(server_.Posted(kHook).size(), 0u);
  const Feed all = ReadFeed(feeds_ + "/all.xml");
  ASSERT_TRUE(all.valid) << all.problem;
  EXPECT_TRUE(all.ids.empty());

  // Again, everything re-checked: conditional requests, nothing to report.
  const int not_modified = server_.NotModifiedReplies();
  RunResult second = WatchAll({"--jsonl"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "");
  EXPECT_NE(second.err.find("mofcom: ok, 1 links (list not modified), 0 new, 0 changed, 1 unchanged"),
            std::string::npos)
      << second.err;
  EXPECT_EQ(server_.NotModifiedReplies() - not_modified, 4) << "two lists, two pages";
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_events"), 0);

  // Without --all nothing is due yet (poll interval 1 h): no request at all.
  const int hits = server_.TotalHits();
  RunResult third = Watch({"--once"});
  EXPECT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(third.out, "");
  EXPECT_EQ(server_.TotalHits(), hits);
}

// Each stored page commits with the consolidated state brought up to date
// in its transaction: when the site is asked for a page, every page stored
// before it is already consolidated (a reader never sees a stored page
// beside a stale state).
TEST_F(WatchTest, EachStoredPageCommitsWithTheConsolidatedStateCurrent) {
  struct Seen {
    int64_t documents;
    bool current;
  };
  std::mutex mu;
  std::vector<Seen> seen;
  const std::pair<const char*, Reply> pages[] = {
      {kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.txt", kTitle57))},
      {kPage18, Reply::Page(AnnouncementPage("mofcom-gacc-2025-18.txt", kTitle18,
                                             Look{.charset = "gbk"}))}};
  for (const auto& [path, reply] : pages) {
    server_.SetHandler(path, [this, reply, &mu, &seen](const SeenRequest&) {
      if (std::filesystem::exists(db_)) {
        auto store = AnnouncementStore::Open(db_, StoreUse::kReading);
        if (store.ok()) {
          sqlite::Database& db = (*store)->db();
          ConsolidatedStore kept(db);
          if (db.Exec("BEGIN").ok()) {
            auto st = db.Prepare("SELECT count(*) FROM documents");
            auto current = kept.Current();
            if (st.ok() && *st->Step() && current.ok()) {
              std::lock_guard<std::mutex> lock(mu);
              seen.push_back({st->ColumnInt(0), *current});
            }
            (void)db.Exec("COMMIT");
          }
        }
      }
      return reply;
    });
  }
  FirstRun();
  std::lock_guard<std::mutex> lock(mu);
  int after_a_stored_page = 0;
  for (const Seen& s : seen) {
    if (s.documents == 0) continue;
    ++after_a_stored_page;
    EXPECT_TRUE(s.current) << s.documents << " document(s) stored beside a stale state";
  }
  EXPECT_GE(after_a_stored_page, 1) << "no page was asked for after another was stored";
}

TEST_F(WatchTest, ABannerChangeOrAReencodedPageIsNoChange) {
  FirstRun();
  const TableCounts before = *Store()->Counts();
  // New banners and counters everywhere; No. 57 now GBK, No. 18 now UTF-8,
  // each declaring its new charset; the lists re-encoded too.
  const Look gbk_look{.charset = "gbk", .banner = "优化营商环境 服务外贸企业", .visits = "2048"};
  const Look utf8_look{.charset = "utf-8", .banner = "政策解读专栏", .visits = "4096"};
  server_.Set(kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.txt", kTitle57, gbk_look)));
  server_.Set(kPage18, Reply::Page(AnnouncementPage("mofcom-gacc-2025-18.txt", kTitle18, utf8_look)));
  server_.Set(kMofcomList, Reply::Page(ListPage({{"art/2025/art_57aa.html", kTitle57}}, gbk_look)));
  server_.Set(kGaccList, Reply::Page(ListPage({{"6123456/index.html", kTitle18}}, utf8_look)));

  const int requests = server_.TotalHits();
  RunResult r = WatchAll({"--jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_GE(server_.TotalHits() - requests, 4) << "the pages were fetched again";
  EXPECT_EQ(server_.Posted(kHook).size(), 0u);
  EXPECT_EQ(*Store()->Counts(), before) << "nothing new stored for an unchanged text";
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_events"), 0);
  EXPECT_NE(r.err.find("mofcom: ok, 1 links, 0 new, 0 changed, 1 unchanged"), std::string::npos)
      << r.err;
}

// A page whose source is only re-wrapped (CRLF and indentation every 37
// bytes, between Chinese characters and inside HS codes) has not changed.
TEST_F(WatchTest, ARewrappedPageIsNoChange) {
  FirstRun();
  server_.Set(kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.txt", kTitle57,
                                                    Look{.wrap = 37})));
  RunResult r = WatchAll({"--jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("mofcom: ok, 1 links (list not modified), 0 new, 0 changed, 1 unchanged"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_events"), 0);
}

TEST_F(WatchTest, ANewAnnouncementGivesExactlyOneEventInEveryForm) {
  FirstRun({});  // the baseline
  const Feed first_all = ReadFeed(feeds_ + "/all.xml");
  ASSERT_TRUE(first_all.valid) << first_all.problem;
  ASSERT_EQ(first_all.ids.size(), 0u);

  ServeGoodSite(/*with_70=*/true);
  RunResult r = WatchAll();
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // stdout: one human line.
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(lines[0].rfind("new ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("mofcom-gacc-2025-70"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("suspends No. 55"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(server_.Url(kPage70)), std::string::npos) << lines[0];

  // Webhook: one POST, the JSON event.
  std::vector<std::string> posted = server_.Posted(kHook);
  ASSERT_EQ(posted.size(), 1u);
  const Json event = Json::parse(posted.back());
  EXPECT_TRUE(ValidateJson(LoadSchema("watch-event.schema.json"), event).empty()) << posted.back();
  EXPECT_EQ(event["kind"], "new");
  EXPECT_EQ(event["source"], "mofcom");
  EXPECT_EQ(event["doc_id"], "mofcom-gacc-2025-70");
  EXPECT_EQ(event["evidence"]["charset"], "gb18030");
  EXPECT_EQ(event["document"]["relations"].size(), 6u);
  const std::string first_sentence = event["summary"][0]["text"];
  EXPECT_EQ(first_sentence.rfind("No. 70 of 2025 suspends No. 55, No. 56, No. 57, No. 58", 0), 0u)
      << first_sentence;
  EXPECT_NE(first_sentence.find("until 2026-11-10"), std::string::npos) << first_sentence;
  EXPECT_FALSE(event["summary"][0]["evidence"].empty());

  // Atom: valid feeds holding the event.
  const Feed all = ReadFeed(feeds_ + "/all.xml");
  ASSERT_TRUE(all.valid) << all.problem;
  ASSERT_EQ(all.ids.size(), 1u);
  EXPECT_EQ(all.ids[0], event["event_key"]);
  EXPECT_NE(all.titles[0].find("mofcom-gacc-2025-70"), std::string::npos) << all.titles[0];
  const Feed mofcom = ReadFeed(feeds_ + "/mofcom.xml");
  const Feed gacc = ReadFeed(feeds_ + "/gacc.xml");
  ASSERT_TRUE(mofcom.valid && gacc.valid) << mofcom.problem << gacc.problem;
  EXPECT_EQ(mofcom.ids, all.ids);
  EXPECT_EQ(gacc.ids.size(), 0u);

  // And once only.
  RunResult again = WatchAll();
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(server_.Posted(kHook).size(), 1u);
  EXPECT_EQ(ReadFeed(feeds_ + "/all.xml").ids, all.ids);
}

TEST_F(WatchTest, AChangedMainTextIsReportedAsAChangeWithItsDiff) {
  // First published without the tariff line of 1C912.a, then corrected.
  server_.Set(kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.rev0.txt", kTitle57)));
  FirstRun();
  server_.Set(kPage57, Reply::Page(AnnouncementPage("mofcom-gacc-2025-57.txt", kTitle57)));
  RunResult r = WatchAll({"--jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<Json> events = JsonEvents(r);
  ASSERT_EQ(events.size(), 1u) << r.out;
  const Json& e = events[0];
  EXPECT_EQ(e["kind"], "changed");
  EXPECT_EQ(e["doc_id"], "mofcom-gacc-2025-57");
  EXPECT_EQ(e["evidence"]["version"], 2);
  EXPECT_TRUE(e["evidence"]["previous_text_hash"].is_string());
  EXPECT_GE(e["evidence"]["text_diff"]["lines_inserted"].get<int>(), 1);
  std::string all_text;
  for (const Json& s : e["summary"]) all_text += s["text"].get<std::string>() + "\n";
  EXPECT_NE(all_text.find("28053019"), std::string::npos) << all_text;
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM source_versions v JOIN sources s ON s.id = v.source_id "
                   "WHERE s.locator LIKE '%art_57aa.html'"),
            2);
  RunResult again = WatchAll({"--jsonl"});
  EXPECT_EQ(again.out, "");
}

// Each way a list page can fail leaves the source failing with its last good
// state, reports nothing, and the next good run picks up what was missed.
TEST_F(WatchTest, AFailingListKeepsTheLastGoodStateAndTheNextGoodRunRecovers) {
  struct Mode {
    const char* name;
    Reply reply;
    const char* says;
  };
  Reply twenty_mb = Reply::Page(std::string(20u << 20, 'x'));
  twenty_mb.content_type = "application/octet-stream";  // not compressed by the test server
  std::string garbage(4096, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 37) % 256);
  const std::vector<Mode> modes = {
      {"HTTP 500", Reply::Code(500, "error"), "HTTP 500"},
      {"stalled", Reply::Stalled(), "timed out"},
      {"20 MB", twenty_mb, "16777216-byte limit"},
      {"empty list", Reply::Page(ListPage({})), "no announcement links"},
      {"error page", Reply::Page("<html><body>抱歉，您访问的页面不存在！</body></html>"),
       "no announcement links"},
      {"garbage", Reply::Page(garbage), "unreadable"},
  };
  for (const Mode& mode : modes) {
    SCOPED_TRACE(mode.name);
    fs::remove(db_);
    fs::remove(db_ + "-wal");
    fs::remove(db_ + "-shm");
    ServeGoodSite();
    FirstRun();

    server_.Set(kMofcomList, mode.reply);
    RunResult failing = WatchAll({"--jsonl"});
    EXPECT_EQ(failing.exit_code, 1) << failing.err;
    EXPECT_EQ(failing.out, "");
    EXPECT_NE(failing.err.find("mofcom: FAILING (1 in a row; last good poll"), std::string::npos)
        << failing.err;
    EXPECT_NE(failing.err.find(mode.says), std::string::npos) << failing.err;
    EXPECT_NE(failing.err.find("gacc: ok"), std::string::npos) << failing.err;
    const WatchSourceRow row = SourceRow("mofcom");
    EXPECT_EQ(row.failures, 1);
    EXPECT_EQ(row.last_link_count, 1) << "the last good list is kept";
    EXPECT_FALSE(row.last_error.empty());
    EXPECT_EQ(Store()->List()->size(), 2u);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_pages WHERE source_name = 'mofcom'"), 1);

    ServeGoodSite(/*with_70=*/true);
    RunResult recovered = WatchAll({"--jsonl"});
    EXPECT_EQ(recovered.exit_code, 0) << recovered.err;
    std::vector<Json> events = JsonEvents(recovered);
    ASSERT_EQ(events.size(), 1u) << recovered.out;
    EXPECT_EQ(events[0]["doc_id"], "mofcom-gacc-2025-70");
    EXPECT_EQ(SourceRow("mofcom").failures, 0);
    EXPECT_EQ(SourceRow("mofcom").last_error, "");
  }
}

TEST_F(WatchTest, AFailingAnnouncementPageIsReportedOnceItCanBeRead) {
  FirstRun();
  ServeGoodSite(/*with_70=*/true);
  server_.Set(kPage70, Reply::Code(503, "busy"));
  RunResult failing = WatchAll({"--jsonl"});
  EXPECT_EQ(failing.exit_code, 1) << failing.err;
  EXPECT_EQ(failing.out, "");
  EXPECT_NE(failing.err.find("art_70aa.html"), std::string::npos) << failing.err;
  EXPECT_NE(failing.err.find("HTTP 503"), std::string::npos) << failing.err;
  EXPECT_EQ(server_.Hits(kPage70), 2) << "one retry";

  ServeGoodSite(/*with_70=*/true);
  RunResult recovered = WatchAll({"--jsonl"});
  EXPECT_EQ(recovered.exit_code, 0) << recovered.err;
  std::vector<Json> events = JsonEvents(recovered);
  ASSERT_EQ(events.size(), 1u) << recovered.out;
  EXPECT_EQ(events[0]["kind"], "new");
  EXPECT_EQ(events[0]["doc_id"], "mofcom-gacc-2025-70");
}

// A webhook that is down fails the run but loses nothing: the event is
// printed and stored, its delivery waits, shows in --status, and is made by
// the first run that can reach the webhook; once only.
TEST_F(WatchTest, AFailedWebhookDeliveryIsRetriedOnALaterRunUntilItSucceeds) {
  FirstRun();
  ServeGoodSite(/*with_70=*/true);
  server_.Set(kHook, Reply::Code(500, "down"));
  RunResult r = WatchAll({"--jsonl"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ASSERT_EQ(JsonEvents(r).size(), 1u) << r.out;
  EXPECT_NE(r.err.find("webhook delivery of event"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("retried on later runs"), std::string::npos) << r.err;
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_events"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_deliveries WHERE delivered_at IS NULL"), 1);

  RunResult status = Watch({"--status"});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("mofcom: last good poll "), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("1 deliveries pending"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("gacc: last good poll "), std::string::npos) << status.out;

  // The webhook is back: the next run delivers the waiting event (and
  // reports nothing new).
  server_.Set(kHook, Reply::Page("ok"));
  const size_t posted = server_.Posted(kHook).size();
  RunResult retried = WatchAll({"--jsonl"});
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  EXPECT_EQ(retried.out, "");
  ASSERT_EQ(server_.Posted(kHook).size(), posted + 1);
  EXPECT_EQ(Json::parse(server_.Posted(kHook).back())["doc_id"], "mofcom-gacc-2025-70");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_deliveries WHERE delivered_at IS NULL"), 0);
  EXPECT_EQ(Watch({"--status"}).out.find("pending"), std::string::npos);

  WatchAll({"--jsonl"});
  EXPECT_EQ(server_.Posted(kHook).size(), posted + 1) << "delivered once";
}

TEST_F(WatchTest, ReplaySendsAStoredEventAgain) {
  FirstRun();
  ServeGoodSite(/*with_70=*/true);
  ASSERT_EQ(WatchAll({"--jsonl"}).exit_code, 0);
  const int64_t id = Scalar("SELECT MAX(id) FROM watch_events");
  const size_t posted = server_.Posted(kHook).size();
  RunResult replay = Watch({"--replay", std::to_string(id), "--jsonl", "--webhook", server_.Url(kHook)});
  EXPECT_EQ(replay.exit_code, 0) << replay.err;
  ASSERT_EQ(Lines(replay.out).size(), 1u) << replay.out;
  EXPECT_EQ(Json::parse(replay.out)["id"], id);
  ASSERT_EQ(server_.Posted(kHook).size(), posted + 1);
  EXPECT_EQ(Json::parse(server_.Posted(kHook).back())["id"], id);
  RunResult missing = Watch({"--replay", "999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no event 999"), std::string::npos) << missing.err;
}

// A page listed among the announcements but about something else (a trade
// fair) is remembered and neither stored nor reported; with relevance =
// "all" it is reported.
TEST_F(WatchTest, APageAboutAnotherSubjectIsNotReported) {
  FirstRun();
  const char* kFair = "商务部公告2025年第99号 关于举办第八届进口博览会的公告";
  const std::string fair_page = std::string(kMofcomList).substr(0, std::string(kMofcomList).rfind('/')) +
                                "/art/2025/art_99aa.html";
  server_.Set(kMofcomList, Reply::Page(ListPage({{"art/2025/art_99aa.html", kFair},
                                                 {"art/2025/art_57aa.html", kTitle57}})));
  server_.Set(fair_page, Reply::Page("<html><head><meta charset=\"utf-8\"></head><body>"
                                     "<div class=\"art-con\"><p>" + std::string(kFair) +
                                     "</p><p>为办好第八届中国国际进口博览会，现将有关事项公告如下。"
                                     "展会于2025年11月5日至10日在上海举办。</p></div></body></html>"));
  RunResult r = WatchAll({"--jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("1 not about export control"), std::string::npos) << r.err;
  EXPECT_EQ(Store()->List()->size(), 2u);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM watch_pages WHERE url LIKE '%art_99aa.html'"), 1);

  // With relevance = "all", another such page is reported.
  std::string all = SourcesToml();
  all.insert(all.find("poll_interval = \"1h\"\nrecheck_interval"), "relevance = \"all\"\n");
  WriteFileOrDie(sources_, all);
  const char* kFair2 = "商务部公告2025年第98号 关于举办第二十届广交会的公告";
  server_.Set(kMofcomList, Reply::Page(ListPage({{"art/2025/art_98aa.html", kFair2},
                                                 {"art/2025/art_99aa.html", kFair},
                                                 {"art/2025/art_57aa.html", kTitle57}})));
  server_.Set(fair_page.substr(0, fair_page.rfind('/')) + "/art_98aa.html",
              Reply::Page("<html><head><meta charset=\"utf-8\"></head><body><div class=\"art-con\"><p>" +
                          std::string(kFair2) + "</p><p>展会于2025年10月15日在广州开幕。</p></div></body></html>"));
  RunResult everything = WatchAll({"--jsonl"});
  EXPECT_EQ(everything.exit_code, 0) << everything.err;
  EXPECT_EQ(JsonEvents(everything).size(), 1u) << everything.out;
}

// A list with more new pages than max_new_pages: the first are fetched, the
// rest wait for the next run, and the output says so.
TEST_F(WatchTest, NewPagesBeyondTheCapWaitForTheNextRun) {
  std::string toml = SourcesToml();
  toml.insert(toml.find("poll_interval = \"1h\"\nrecheck_interval"), "max_new_pages = 1\n");
  WriteFileOrDie(sources_, toml);
  FirstRun();
  ServeGoodSite(/*with_70=*/true);
  server_.Set(kMofcomList, Reply::Page(ListPage({{"art/2025/art_70aa.html", kTitle70},
                                                 {"art/2025/art_57aa.html", kTitle57},
                                                 {"art/2025/art_71aa.html", kTitle18}})));
  server_.Set(std::string(kPage70).replace(std::string(kPage70).find("art_70aa"), 8, "art_71aa"),
              Reply::Page(AnnouncementPage("mofcom-gacc-2025-18.txt", kTitle18)));
  RunResult first = WatchAll({"--jsonl"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(JsonEvents(first).size(), 1u) << first.out;
  EXPECT_NE(first.err.find("1 new pages wait for the next run (max_new_pages = 1)"), std::string::npos)
      << first.err;
  RunResult second = WatchAll({"--jsonl"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(JsonEvents(second).size(), 1u) << second.out;
  EXPECT_EQ(second.err.find("wait for the next run"), std::string::npos) << second.err;
}

// Sources on two hosts are polled at the same time: each list page below
// answers only once the other has been asked for (or after 10 s), which a
// poll of one host after the other cannot satisfy.
TEST_F(WatchTest, SourcesOnDifferentHostsArePolledInParallel) {
  std::string toml = SourcesToml();
  const std::string gacc_index = "index_url = \"" + server_.Url(kGaccList) + "\"";
  const std::string on_localhost =
      "index_url = \"http://localhost:" + std::to_string(server_.port()) + kGaccList + "\"";
  toml.replace(toml.find(gacc_index), gacc_index.size(), on_localhost);
  WriteFileOrDie(sources_, toml);

  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
  bool met = false;  // both list requests were in flight together
  auto rendezvous = [&](Reply reply) {
    return [&, reply](const SeenRequest&) {
      std::unique_lock<std::mutex> lock(mu);
      ++arrived;
      cv.notify_all();
      if (cv.wait_for(lock, std::chrono::seconds(10), [&] { return arrived >= 2; })) met = true;
      return reply;
    };
  };
  const std::string mofcom_list = ListPage({{"art/2025/art_57aa.html", kTitle57}});
  const std::string gacc_list = ListPage({{"6123456/index.html", kTitle18}}, Look{.charset = "gbk"});
  server_.SetHandler(kMofcomList, rendezvous(Reply::Page(mofcom_list)));
  server_.SetHandler(kGaccList, rendezvous(Reply::Page(gacc_list)));

  RunResult r = Watch({"--once", "--jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(met) << "the two hosts' lists were not requested at the same time";
  EXPECT_NE(r.err.find("mofcom: ok, 1 links, baseline: 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gacc: ok, 1 links, baseline: 1"), std::string::npos) << r.err;
  EXPECT_EQ(Store()->List()->size(), 2u);
}

TEST_F(WatchTest, AColumnListSourceSendsItsHeadersWithEveryRequest) {
  // The list and the announcement page answer '?' for Chinese without the header.
  const std::string article = "/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html";
  ServeColumnList(server_, 9, {{{article, kTitle18}}});
  server_.SetHandler(article, [](const SeenRequest& r) {
    const std::string page = AnnouncementPage("mofcom-gacc-2025-18.txt", kTitle18);
    return Reply::Page(r.Header("X-Requested-With") == "XMLHttpRequest" ? page : QuestionMarks(page));
  });
  WriteFileOrDie(sources_,
                 "[fetch]\nretries = 0\nhost_delay = \"0s\"\ntimeout = \"5s\"\n\n"
                 "[[source]]\nname = \"exportcontrol\"\n"
                 "index_url = \"" + server_.Url(kColumnListPath) + "\"\n"
                 "method = \"POST\"\nbody = \"pageNumber={page}&columnID=9&title=\"\n"
                 "headers = { \"X-Requested-With\" = \"XMLHttpRequest\" }\n"
                 "list_items_pointer = \"/pageInfo/rows\"\nitem_url_field = \"url\"\n"
                 "item_title_field = \"title\"\n"
                 "link_pattern = '/article/[a-z0-9/]+/[0-9]{6}/[0-9]+\\.html$'\n"
                 "content_selector = \"div.art-con\"\n");
  RunResult r = Watch({"--once", "--all", "--jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("exportcontrol: ok, 1 links, baseline: 1 announcements recorded"),
            std::string::npos)
      << r.err;
  // The page was read with its text (not '?'): stored as announcement No. 18.
  auto store = Store();
  auto listed = store->List();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].doc_id.value_or(""), "mofcom-gacc-2025-18");
  store.reset();
  ASSERT_EQ(server_.Hits(article), 1);
  for (const SeenRequest& seen : server_.Requests()) {
    EXPECT_EQ(seen.Header("X-Requested-With"), "XMLHttpRequest") << seen.method << " " << seen.path;
  }
  EXPECT_EQ(server_.Posted(kColumnListPath), std::vector<std::string>{"pageNumber=1&columnID=9&title="});
}

TEST_F(WatchTest, TestSourceShowsTheLinksAndStoresNothing) {
  RunResult r = Watch({"--test-source", "gacc"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;  // the quarantine announcement is filtered out
  EXPECT_NE(lines[0].find(kTitle18), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(server_.Url(kPage18)), std::string::npos) << lines[0];
  EXPECT_NE(r.err.find("gb18030"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db_));
  EXPECT_EQ(server_.Hits(kPage18), 0) << "only the list is fetched";

  server_.Set(kGaccList, Reply::Page(ListPage({})));
  EXPECT_EQ(Watch({"--test-source", "gacc"}).exit_code, 1);
  EXPECT_EQ(Watch({"--test-source", "nope"}).exit_code, 2);
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(WatchTest, SourcesFileErrorsAreUsageErrors) {
  WriteFileOrDie(sources_, "[[source]]\nname = \"x\"\nindex_url = \"file:///etc/passwd\"\n");
  RunResult bad = Watch({"--once"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("source 'x', key 'index_url'"), std::string::npos) << bad.err;
  RunResult missing = RunRegdiff({"--db", db_, "watch", "--once", "--sources", dir_ + "/none.toml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(WatchTest, WithoutOnceItPollsUntilSigterm) {
  const std::string out = dir_ + "/out", err = dir_ + "/err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string binary = RegdiffBinary();
  std::vector<std::string> args = {binary, "--db", db_, "watch", "--sources", sources_, "--jsonl"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // Wait for the first round (both sources' baselines recorded), then stop it.
  for (int i = 0; i < 100 && ReadFileOrDie(err).find("gacc: ok") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(ReadFileOrDie(err).find("gacc: ok"), std::string::npos) << ReadFileOrDie(err);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && done == 0; ++i) {
    done = waitpid(pid, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (done == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    FAIL() << "watch did not end within 10 s of SIGTERM";
  }
  ASSERT_TRUE(WIFEXITED(status)) << "ended by a signal, not cleanly";
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFileOrDie(err);
  EXPECT_EQ(Store()->List()->size(), 2u);
  EXPECT_EQ(ReadFileOrDie(out), "");
}

}  // namespace
}  // namespace regdiff::testing
