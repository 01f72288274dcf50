// `regdiff watch` and the attachments (附件) of announcement pages, against a
// local HTTP server: the list of goods sits in an attached spreadsheet, as in
// the licence catalogues; watch fetches it, stores its bytes with the page and
// reads its rows into the announcement, each fact naming the attachment it
// stands in. An attachment that is gone is reported and the page kept; a
// legacy .doc is kept as bytes and named with how to convert it.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "corpus/sqlite.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/ingest/office_writer.h"
#include "tests/local_http_server.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr char kList[] = "/zcfb/blgg/index.html";
constexpr char kPage[] = "/zcfb/blgg/art/2025/art_18aa.html";
constexpr char kSheet[] = "/cms_files/P020250404_list.xlsx";
constexpr char kGone[] = "/cms_files/P020250404_gone.pdf";
constexpr char kLegacy[] = "/cms_files/P020250404_form.doc";
constexpr char kTitle[] =
    "商务部 海关总署公告2025年第18号 关于对部分中重稀土相关物项实施出口管制的决定";

std::string ListPage() {
  return std::string("<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\">") +
         "<li><a href=\"art/2025/art_18aa.html\">" + kTitle + "</a></li></ul></body></html>";
}

// The page announces the control; its list is in the attachments.
std::string AnnouncementPage(const std::vector<std::string>& attachment_links) {
  std::string html = std::string("<html><head><meta charset=\"utf-8\"><title>") + kTitle +
                     "</title></head><body><div class=\"art-con\">"
                     "<p>商务部 海关总署公告2025年第18号</p>"
                     "<p>依照出口管制法，决定对附件所列钐、钆相关物项实施出口管制。</p>"
                     "<p>本公告自公布之日起实施。</p><p>附件：</p>";
  for (const std::string& link : attachment_links) html += "<p>" + link + "</p>";
  return html + "<p>商务部 海关总署</p><p>2025年4月4日</p></div></body></html>";
}

std::string Cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + XmlEscape(text) + "</t></is></c>";
}

// Two controlled items, a row each, as the catalogues lay them out: number,
// control code, name, reference HS code (a number cell, as Excel keeps it).
std::string Spreadsheet() {
  const std::string rows = "<row r=\"1\">" + Cell("A1", "序号") + Cell("B1", "管制编码") +
                           Cell("C1", "物项名称") + Cell("D1", "参考海关商品编号") +
                           "</row>"
                           "<row r=\"2\"><c r=\"A2\"><v>1</v></c>" +
                           Cell("B2", "1C902.a") + Cell("C2", "金属钐、钐合金及其制品") +
                           "<c r=\"D2\"><v>2805301910</v></c></row>"
                           "<row r=\"3\"><c r=\"A3\"><v>2</v></c>" +
                           Cell("B3", "1C903.a") + Cell("C3", "金属钆、钆合金及其制品") +
                           "<c r=\"D3\"><v>2805301920</v></c></row>";
  return Xlsx({{"物项清单", rows}});
}

class WatchAttachmentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/watch.db";
    sources_ = dir_ + "/sources.toml";
    WriteFileOrDie(sources_,
                   "[fetch]\nconnect_timeout = \"2s\"\ntimeout = \"2s\"\nretries = 1\n"
                   "backoff = \"10ms\"\nhost_delay = \"0s\"\n\n"
                   "[[source]]\nname = \"mofcom\"\nindex_url = \"" +
                       server_.Url(kList) +
                       "\"\n"
                       "link_pattern = '/art/2025/art_[0-9a-f]+\\.html$'\n"
                       "content_selector = \"div.art-con\"\npoll_interval = \"1h\"\n");
    server_.Set(kList, Reply::Page(ListPage()));
    Reply sheet = Reply::Page(Spreadsheet());
    sheet.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    server_.Set(kSheet, sheet);
  }
  void TearDown() override {
    server_.Stop();
    fs::remove_all(dir_);
  }

  RunResult Regdiff(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return RunRegdiff(args);
  }
  RunResult WatchOnce() { return Regdiff({"watch", "--sources", sources_, "--once", "--all"}); }
  Json Show() {
    RunResult r = Regdiff({"show", "2025-18", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }

  LocalHttpServer server_;
  std::string dir_, db_, sources_;
};

TEST_F(WatchAttachmentsTest, TheListInAnAttachedSpreadsheetIsTheAnnouncementsList) {
  server_.Set(kPage,
              Reply::Page(AnnouncementPage(
                  {"<a href=\"/cms_files/P020250404_list.xlsx\">附件1：物项清单.xlsx</a>"})));
  RunResult r = WatchOnce();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(server_.Hits(kSheet), 1);

  const Json show = Show();
  ASSERT_TRUE(show.is_object()) << "show --json is no JSON";
  const Json& text = show["texts"][0];
  ASSERT_EQ(text["attachments"].size(), 1u) << text.dump(2);
  EXPECT_EQ(text["attachments"][0]["file_name"], "附件1：物项清单.xlsx");
  EXPECT_EQ(text["attachments"][0]["url"], server_.Url(kSheet));
  EXPECT_EQ(text["attachments"][0]["format"], "XLSX");
  const Json& items = text["announcement"]["items"];
  ASSERT_EQ(items.size(), 2u) << text["announcement"].dump(2);
  EXPECT_EQ(items[0]["code"], "1C902.a");
  EXPECT_EQ(items[0]["hs_codes"], Json::array({"2805301910"}));
  EXPECT_EQ(items[0]["part"], "附件1：物项清单.xlsx");
  EXPECT_EQ(items[1]["code"], "1C903.a");
  EXPECT_EQ(items[1]["elements"], Json::array({"Gd"}));

  // The terminal says where each quote stands, and what was attached.
  RunResult shown = Regdiff({"show", "2025-18"});
  EXPECT_NE(shown.out.find("[附件1：物项清单.xlsx]"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("attached:  附件1：物项清单.xlsx"), std::string::npos) << shown.out;

  // The controlled HS code is answered from the attachment's row.
  RunResult query = Regdiff({"query", "--hs", "2805301920", "--date", "2025-05-01"});
  EXPECT_EQ(query.exit_code, 0) << query.out << query.err;
}

TEST_F(WatchAttachmentsTest, AGoneAttachmentIsReportedAndALegacyOneKeptAsBytes) {
  server_.Set(kGone, Reply::Code(404, "not found"));
  server_.Set(kLegacy, Reply::Page(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                                   std::string(64, '\0') +
                                   std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24)));
  server_.Set(kPage, Reply::Page(AnnouncementPage(
                         {"<a href=\"/cms_files/P020250404_list.xlsx\">附件1：物项清单.xlsx</a>",
                          "<a href=\"/cms_files/P020250404_gone.pdf\">附件2：说明.pdf</a>",
                          "<a href=\"/cms_files/P020250404_form.doc\">附件3：申请表.doc</a>"})));
  RunResult r = WatchOnce();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("附件2：说明.pdf is gone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("附件3：申请表.doc"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--convert-to docx"), std::string::npos) << r.err;

  const Json show = Show();
  ASSERT_TRUE(show.is_object());
  EXPECT_EQ(show["texts"][0]["announcement"]["items"].size(), 2u);
  // Both fetched attachments are kept; only the one with text is a part.
  auto db = sqlite::Database::Open(db_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto st = db->Prepare("SELECT file_name, size FROM attachments ORDER BY seq");
  ASSERT_TRUE(st.ok());
  std::vector<std::string> kept;
  while (*st->Step()) kept.push_back(st->ColumnText(0) + "|" + std::to_string(st->ColumnInt(1)));
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].rfind("附件1：物项清单.xlsx|", 0), 0u) << kept[0];
  EXPECT_EQ(kept[1], "附件3：申请表.doc|96");
}

TEST_F(WatchAttachmentsTest, AnAttachmentThatCannotBeFetchedLeavesThePageForLater) {
  server_.Set(kPage,
              Reply::Page(AnnouncementPage(
                  {"<a href=\"/cms_files/P020250404_list.xlsx\">附件1：物项清单.xlsx</a>"})));
  server_.Set(kSheet, Reply::Code(503, "busy"));
  RunResult first = WatchOnce();
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_NE(first.err.find("附件1：物项清单.xlsx"), std::string::npos) << first.err;
  EXPECT_NE(Regdiff({"show", "2025-18"}).exit_code, 0) << "not stored without its list";

  // The file server is back: the page is fetched again, with its list.
  Reply sheet = Reply::Page(Spreadsheet());
  server_.Set(kSheet, sheet);
  RunResult second = WatchOnce();
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Show()["texts"][0]["announcement"]["items"].size(), 2u);
}

}  // namespace
}  // namespace regdiff::testing
