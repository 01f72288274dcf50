// `regdiff serve`: the read-only JSON API answers each question with the
// CLI's JSON for it, validates against the same schemas, revalidates by
// ETag, refuses hostile requests and what is not GET or HEAD, never writes
// the database, binds loopback unless told, and stops on SIGTERM/SIGINT.
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/e2e/child_process.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/serve_process.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

class ServeTest : public ::testing::Test {
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
  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", served_->port());
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    return client;
  }
  static httplib::Result Get(const std::string& target, const httplib::Headers& headers = {}) {
    return Client().Get(target.c_str(), headers);
  }
  // `regdiff --db Db() ARGS...`'s standard output.
  static std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunRegdiff(args).out;
  }
  // The status and the error message of a JSON error answer.
  static void ExpectError(const std::string& target, int status, const std::string& says) {
    auto res = Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, status) << target << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << target;
    Json body = Json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object() && body["error"].is_string()) << target << "\n" << res->body;
    EXPECT_NE(body["error"].get<std::string>().find(says), std::string::npos)
        << target << ": " << body["error"];
  }

  static inline ServedSamples* served_ = nullptr;
};

TEST_F(ServeTest, EachEndpointAnswersWithTheCliJsonForTheSameQuestion) {
  struct Case {
    std::string target;
    std::vector<std::string> cli;
    std::string schema;
  } cases[] = {
      {"/api/announcements", {"list", "--json"}, "list.schema.json"},
      {"/api/announcements/mofcom-gacc-2025-57", {"show", "mofcom-gacc-2025-57", "--json"},
       "show.schema.json"},
      {"/api/announcements/2025-18", {"show", "2025-18", "--json"}, "show.schema.json"},
      {"/api/asof?date=2025-11-09", {"asof", "2025-11-09", "--json"}, "asof.schema.json"},
      {"/api/query?code=1C902&date=2025-11-09",
       {"query", "--code", "1C902", "--date", "2025-11-09", "--json"}, "query.schema.json"},
      {"/api/query?element=%E9%92%AC&date=2025-11-09",  // 钬
       {"query", "--element", "钬", "--date", "2025-11-09", "--json"}, "query.schema.json"},
      {"/api/query?hs=2805301900&date=2025-04-04",
       {"query", "--hs", "2805301900", "--date", "2025-04-04", "--json"}, "query.schema.json"},
      {"/api/query?party=SUBARU%20Corporation&date=2026-03-01",
       {"query", "--party", "SUBARU Corporation", "--date", "2026-03-01", "--json"},
       "party-query.schema.json"},
  };
  for (const Case& c : cases) {
    auto res = Get(c.target);
    ASSERT_TRUE(res) << c.target;
    EXPECT_EQ(res->status, 200) << c.target << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
    EXPECT_FALSE(res->get_header_value("ETag").empty()) << c.target;
    const std::string cli = Cli(c.cli);
    ASSERT_FALSE(cli.empty()) << c.target;
    EXPECT_EQ(res->body, cli) << c.target;
    ExpectMatchesSchema(c.schema, Json::parse(res->body));
  }
  auto health = Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Json::parse(health->body)["status"], "ok");
}

TEST_F(ServeTest, HeadAnswersAsGetWithoutTheBody) {
  auto get = Get("/api/announcements");
  auto head = Client().Head("/api/announcements");
  ASSERT_TRUE(get && head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->get_header_value("ETag"), get->get_header_value("ETag"));
}

TEST_F(ServeTest, AMatchingIfNoneMatchIsNotModified) {
  auto first = Get("/api/asof?date=2025-11-09");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 34u) << etag;  // a strong, quoted validator
  EXPECT_EQ(etag.front(), '"');
  auto again = Get("/api/asof?date=2025-11-09", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  // Another question has another validator: the ETag names the request too.
  auto other = Get("/api/asof?date=2025-11-10", {{"If-None-Match", etag}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_NE(other->get_header_value("ETag"), etag);
}

TEST_F(ServeTest, OnlyGetAndHeadAreAllowed) {
  auto client = Client();
  std::vector<std::pair<std::string, httplib::Result>> answers;
  answers.emplace_back("POST", client.Post("/api/announcements", "x", "text/plain"));
  answers.emplace_back("PUT", client.Put("/api/announcements", "x", "text/plain"));
  answers.emplace_back("DELETE", client.Delete("/api/announcements/2025-18"));
  answers.emplace_back("PATCH", client.Patch("/api/query", "x", "text/plain"));
  answers.emplace_back("OPTIONS", client.Options("/health"));
  for (auto& [method, res] : answers) {
    ASSERT_TRUE(res) << method;
    EXPECT_EQ(res->status, 405) << method;
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD") << method;
    EXPECT_TRUE(Json::parse(res->body)["error"].is_string()) << method;
  }
}

TEST_F(ServeTest, BadParametersAreRefusedWithAJsonError) {
  ExpectError("/api/asof?date=2025-11-09&colour=red&x=1", 400, "'colour', 'x'");
  ExpectError("/api/announcements?verbose=1", 400, "'verbose'");
  ExpectError("/api/asof", 400, "date=");
  ExpectError("/api/asof?date=2025-13-01", 400, "YYYY-MM-DD");
  ExpectError("/api/asof?date=2025-11-09&date=2025-11-10", 400, "more than once");
  ExpectError("/api/query?date=2025-11-09", 400, "exactly one of hs, code, element or party");
  ExpectError("/api/query?hs=2805301900&party=Subaru", 400, "exactly one");
  ExpectError("/api/query?element=Zz", 400, "Zz");
  // Bytes that are no UTF-8, in a value and in a name.
  ExpectError("/api/query?party=%FF%FE", 400, "UTF-8");
  ExpectError("/api/query?%C3=1", 400, "UTF-8");
}

TEST_F(ServeTest, UnknownAnnouncementsAndPathsAreNotFoundAndNeverAFile) {
  ExpectError("/api/announcements/2025-99", 404, "no announcement matches");
  ExpectError("/api/nothing", 404, "no such endpoint");
  // Outside /api/ the answers are pages, errors too.
  for (const std::string target : {"/nowhere", "/announcements/x/y", "/%2e%2e/%2e%2e/etc/passwd"}) {
    auto page = Get(target);
    ASSERT_TRUE(page) << target;
    EXPECT_EQ(page->status, 404) << target;
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8") << target;
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos) << target;
    EXPECT_NE(page->body.find("id=\"error-message\">no such endpoint<"), std::string::npos)
        << target << "\n" << page->body;
  }
  const std::string traversals[] = {"/api/../etc/passwd", "/api/announcements/../../etc/passwd",
                                    "/api/announcements/%2e%2e", "/api/%2e%2e/%2e%2e/etc/passwd",
                                    "/api/announcements/..%2f..%2fetc%2fpasswd",
                                    "/api/announcements/%2e%2e%2ft.db"};
  for (const std::string& target : traversals) {
    auto res = Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 404) << target;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(res->body.find("SQLite format"), std::string::npos) << target;
    EXPECT_TRUE(Json::parse(res->body)["error"].is_string()) << target;
  }
}

TEST_F(ServeTest, ATargetOverEightKibibytesIsTooLong) {
  auto res = Get("/api/query?party=" + std::string(8200, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  auto path = Get("/api/announcements/" + std::string(8200, 'a'));
  ASSERT_TRUE(path);
  EXPECT_EQ(path->status, 414);
  // The server still answers after them.
  auto health = Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServeTest, ConcurrentRequestsGetTheSameAnswer) {
  const std::string expected = Cli({"list", "--json"});
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto res = Get("/api/announcements");
        if (res && res->status == 200 && res->body == expected) ++good;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 30);
}

TEST_F(ServeTest, ASessionOfRequestsLeavesTheDatabaseFileAsItWas) {
  const std::string before = FileBytes(Db());
  const std::string wal_before = FileBytes(Db() + "-wal");
  ASSERT_FALSE(before.empty());
  for (const char* target :
       {"/api/announcements", "/api/announcements/2025-57", "/api/asof?date=2025-11-09",
        "/api/query?code=1C902&date=2025-11-09", "/api/query?party=Subaru", "/health",
        "/api/announcements/2025-99", "/api/asof?date=bad"}) {
    ASSERT_TRUE(Get(target)) << target;
  }
  Client().Post("/api/announcements", "x", "text/plain");
  Client().Delete("/api/announcements/2025-18");
  EXPECT_TRUE(FileBytes(Db()) == before) << "the database file changed";
  EXPECT_TRUE(FileBytes(Db() + "-wal") == wal_before) << "the write-ahead log changed";
}

// A browser keeps a few connections open between its requests; cpp-httplib
// holds a worker thread for each while it waits (up to its keep-alive
// timeout). Eight of them must not leave a new client waiting: once they
// held all four threads for five seconds.
TEST_F(ServeTest, ARequestIsAnsweredWhileEightIdleKeepAliveConnectionsAreOpen) {
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 8; ++i) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", served_->port());
    client->set_keep_alive(true);
    client->set_connection_timeout(2);
    client->set_read_timeout(5);
    auto res = client->Get("/health");
    ASSERT_TRUE(res) << "idle connection " << i;
    ASSERT_EQ(res->status, 200);
    idle.push_back(std::move(client));  // open, silent
  }
  auto client = Client();
  client.set_read_timeout(2);
  auto res = client.Get("/api/announcements");
  ASSERT_TRUE(res) << "no answer within 2 s: " << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

// Its own database: this one ingests.
TEST(ServeIngest, AnIngestGivesNewETagsAndCanMakeAShortIdAmbiguous) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/t.db";
  ASSERT_EQ(RunRegdiff({"--db", db, "ingest", SamplesDir()}).exit_code, 0);
  Server server = StartServe(db, dir);
  ASSERT_GT(server.port, 0) << server.err;
  httplib::Client client("127.0.0.1", server.port);
  auto list = client.Get("/api/announcements");
  auto show = client.Get("/api/announcements/2025-57");
  ASSERT_TRUE(list && show);
  EXPECT_EQ(show->status, 200);
  const std::string list_etag = list->get_header_value("ETag");
  // A second announcement numbered 57 (MOFCOM alone) makes "2025-57" ambiguous.
  WriteFileOrDie(dir + "/extra/mofcom-2025-57.txt",
                 "商务部公告2025年第57号\n一、下列技术未经许可不得出口:\n(一)稀土冶炼技术。(管制编码:1E999.a)\n"
                 "二、本公告自公布之日起实施。\n商务部\n2025年10月9日\n");
  ASSERT_EQ(RunRegdiff({"--db", db, "ingest", dir + "/extra"}).exit_code, 0);
  auto after = client.Get("/api/announcements", {{"If-None-Match", list_etag}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_NE(after->get_header_value("ETag"), list_etag);
  EXPECT_EQ(after->body, RunRegdiff({"--db", db, "list", "--json"}).out);
  auto ambiguous = client.Get("/api/announcements/2025-57");
  ASSERT_TRUE(ambiguous);
  EXPECT_EQ(ambiguous->status, 400);
  EXPECT_NE(ambiguous->body.find("ambiguous"), std::string::npos) << ambiguous->body;
  kill(server.child.pid, SIGTERM);
  ChildExit exit = WaitChild(server.child);
  EXPECT_FALSE(exit.signaled);
  EXPECT_EQ(exit.code, 0);
  std::filesystem::remove_all(dir);
}

TEST(ServeStop, SigtermAndSigintStopItWithExitZero) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/t.db";
  ASSERT_EQ(RunRegdiff({"--db", db, "ingest", SamplesDir()}).exit_code, 0);
  for (int sig : {SIGTERM, SIGINT}) {
    Server server = StartServe(db, dir);
    ASSERT_GT(server.port, 0) << server.err;
    EXPECT_NE(server.err.find("regdiff: serving " + db + " on http://127.0.0.1:"), std::string::npos)
        << server.err;
    httplib::Client client("127.0.0.1", server.port);
    ASSERT_TRUE(client.Get("/health"));
    kill(server.child.pid, sig);
    ChildExit exit = WaitChild(server.child);
    EXPECT_FALSE(exit.signaled) << "signal " << sig;
    EXPECT_EQ(exit.code, 0) << "signal " << sig;
  }
  std::filesystem::remove_all(dir);
}

TEST(ServeBind, AnAddressOtherThanLoopbackWantsAllowRemote) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/t.db";
  ASSERT_EQ(RunRegdiff({"--db", db, "ingest", SamplesDir()}).exit_code, 0);
  RunResult refused = RunRegdiff({"--db", db, "serve", "--bind", "0.0.0.0:0"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--allow-remote"), std::string::npos) << refused.err;
  RunResult bad = RunRegdiff({"--db", db, "serve", "--bind", "127.0.0.1:99999"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("port"), std::string::npos) << bad.err;
  // Allowed, with a warning that anyone on the network can read it.
  Server server = StartServe(db, dir, {"--bind", "0.0.0.0:0", "--allow-remote"});
  ASSERT_GT(server.port, 0) << server.err;
  EXPECT_NE(server.err.find("warning"), std::string::npos) << server.err;
  EXPECT_NE(server.err.find("unauthenticated"), std::string::npos) << server.err;
  kill(server.child.pid, SIGTERM);
  EXPECT_EQ(WaitChild(server.child).code, 0);
  // A database that is not there is not created.
  RunResult missing = RunRegdiff({"--db", dir + "/none.db", "serve", "--bind", "127.0.0.1:0"});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/none.db"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
