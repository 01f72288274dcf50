// `parse`, `ingest` and `show` on a PDF, a Word file and a spreadsheet, as a
// user runs them: the facts are read whatever the file is called, each fact
// from a PDF says its page, and a legacy .doc is refused with the command
// that converts it.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/run_regdiff.h"
#include "tests/ingest/office_writer.h"
#include "tests/ingest/pdf_writer.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// An announcement over two pages: its header on the first, its items on the
// second, under a running head and above a page number.
std::string TwoPagePdf() {
  PdfSpec spec;
  PdfPage first;
  first.runs = {{72, 50, "出口管制公告汇编"},
                {72, 120, "商务部 海关总署公告2025年第18号"},
                {72, 150, "关于对部分中重稀土相关物项实施出口管制的决定"},
                {72, 180, "依照出口管制法，决定对下列钐、钆相关物项实施出口管制。"},
                {72, 210, "本公告自2025年4月4日起正式实施。"},
                {290, 800, "1"}};
  PdfPage second;
  second.runs = {
      {72, 50, "出口管制公告汇编"},
      {72, 120, "一、钐相关物项"},
      {72, 150, "（一）1C902.a 金属钐、钐合金及其制品（参考海关商品编号：2805301910）。"},
      {72, 180, "二、钆相关物项"},
      {72, 210, "（一）1C903.a 金属钆、钆合金及其制品（参考海关商品编号：2805301920）。"},
      {72, 260, "商务部 海关总署"},
      {72, 290, "2025年4月4日"},
      {290, 800, "2"}};
  spec.pages = {first, second};
  return WritePdf(spec);
}

class DocumentFormatsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    WriteFileOrDie(path, bytes);
    return path;
  }
  std::string dir_;
};

TEST_F(DocumentFormatsCliTest, APdfsFactsSayTheirPage) {
  // Named .html: the bytes say PDF.
  const std::string path = Write("announcement-18.html", TwoPagePdf());
  RunResult r = RunRegdiff({"parse", path, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["doc_id"], "mofcom-gacc-2025-18");
  EXPECT_EQ(j["effective"][0]["date"], "2025-04-04");
  EXPECT_EQ(j["effective"][0]["page"], 1);
  ASSERT_EQ(j["items"].size(), 2u) << j.dump(2);
  EXPECT_EQ(j["items"][0]["code"], "1C902.a");
  EXPECT_EQ(j["items"][0]["hs_codes"], Json::array({"2805301910"}));
  EXPECT_EQ(j["items"][0]["page"], 2);
  EXPECT_FALSE(j["items"][0].contains("part")) << "a PDF read alone has one part";
  EXPECT_EQ(r.out.find("出口管制公告汇编"), std::string::npos) << "the running head is gone";

  const std::string db = dir_ + "/db";
  RunResult ingest = RunRegdiff({"--db", db, "ingest", path});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  RunResult show = RunRegdiff({"--db", db, "show", "2025-18"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("金属钐、钐合金及其制品  [page 2]"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("本公告自2025年4月4日起正式实施  [page 1]"), std::string::npos)
      << show.out;
}

TEST_F(DocumentFormatsCliTest, ATablePrintedInAPdfGivesItsItemsAndHsCodes) {
  PdfSpec spec;
  PdfPage page;
  page.runs = {{72, 100, "商务部 海关总署公告2025年第18号"},
               {72, 130, "决定对下列物项实施出口管制，本公告自2025年4月4日起正式实施。"},
               {72, 170, "序号"},
               {130, 170, "管制编码"},
               {230, 170, "物项名称"},
               {400, 170, "参考海关商品编号"},
               {72, 200, "1"},
               {130, 200, "1C902.a"},
               {230, 200, "金属钐"},
               {400, 200, "2805301910"},
               {72, 230, "2"},
               {130, 230, "1C903.a"},
               {230, 230, "金属钆"},
               {400, 230, "2805301920"}};
  spec.pages = {page};
  RunResult r = RunRegdiff({"parse", Write("table.pdf", WritePdf(spec)), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_EQ(j["items"].size(), 2u) << j.dump(2);
  EXPECT_EQ(j["items"][0]["code"], "1C902.a");
  EXPECT_EQ(j["items"][0]["hs_codes"], Json::array({"2805301910"}));
  EXPECT_EQ(j["items"][1]["code"], "1C903.a");
  EXPECT_EQ(j["items"][1]["elements"], Json::array({"Gd"}));
  EXPECT_EQ(j["items"][1]["hs_codes"], Json::array({"2805301920"}));
}

TEST_F(DocumentFormatsCliTest, AWordFileIsReadLikeAPage) {
  const std::string docx =
      Write("18.docx", Docx(Para("商务部 海关总署公告2025年第18号") +
                            Para("（一）1C902.a 金属钐（参考海关商品编号：2805301910）。") +
                            Para("本公告自2025年4月4日起正式实施。")));
  RunResult word = RunRegdiff({"parse", docx, "--json"});
  ASSERT_EQ(word.exit_code, 0) << word.err;
  const Json w = Json::parse(word.out);
  EXPECT_EQ(w["doc_id"], "mofcom-gacc-2025-18");
  ASSERT_EQ(w["items"].size(), 1u);
  EXPECT_EQ(w["items"][0]["hs_codes"], Json::array({"2805301910"}));
  EXPECT_FALSE(w["items"][0].contains("page"));
}

TEST_F(DocumentFormatsCliTest, ALegacyWordFileIsRefusedWithTheCommandThatConvertsIt) {
  const std::string path =
      Write("old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0') +
                           std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24));
  RunResult r = RunRegdiff({"parse", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Word 97-2003"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("libreoffice --headless --convert-to docx"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace regdiff::testing
