// Fetching from a real HTTP server on 127.0.0.1: bodies and headers,
// conditional GET, status mapping, retries with backoff (with a fake sleep),
// timeouts and stalls, the size cap, redirects, protocols, host politeness.
#include "ingest/fetch.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include "tests/local_http_server.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::LocalHttpServer;
using regdiff::testing::Reply;
using regdiff::testing::SeenRequest;
using namespace std::chrono_literals;

// Options for tests: short timeouts, fast retries, no politeness delay.
FetchOptions TestOptions() {
  FetchOptions o;
  o.connect_timeout = 2s;
  o.total_timeout = 5s;
  o.stall_time = 3s;
  o.max_attempts = 3;
  o.backoff_initial = 100ms;
  o.backoff_max = 2s;
  o.min_host_interval = 0ms;
  return o;
}

// Records the waits the fetcher asks for instead of sleeping, and moves a
// fake clock forward by them.
struct FakeTime {
  std::vector<Millis> sleeps;
  std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
  FetchHooks Hooks() {
    FetchHooks h;
    h.sleep = [this](Millis d) {
      sleeps.push_back(d);
      now += d;
    };
    h.now = [this] { return now; };
    return h;
  }
};

Result<FetchResponse> Get(Fetcher& f, const std::string& url, Validators v = {}) {
  FetchRequest r;
  r.url = url;
  r.validators = std::move(v);
  return f.Fetch(r);
}

TEST(Fetch, ReturnsRawBytesHeadersAndValidators) {
  LocalHttpServer server;
  const std::string gbk_bytes = "\xc9\xcc\xce\xf1\xb2\xbf";  // 商务部 in GBK
  Reply reply = Reply::Page(gbk_bytes).With("Last-Modified", "Thu, 09 Oct 2025 02:00:00 GMT");
  reply.content_type = "text/html; charset=GBK";
  server.Set("/a.html", reply);
  Fetcher fetcher(TestOptions());
  auto r = Get(fetcher, server.Url("/a.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(r->not_modified);
  EXPECT_EQ(r->body, gbk_bytes);
  EXPECT_EQ(r->Charset(), "gbk");
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=GBK");
  EXPECT_FALSE(r->validators.etag.empty());
  EXPECT_EQ(r->validators.last_modified, "Thu, 09 Oct 2025 02:00:00 GMT");
  EXPECT_EQ(r->attempts, 1);
  EXPECT_EQ(r->url, server.Url("/a.html"));
}

TEST(Fetch, SendsAUserAgentNamingRegdiff) {
  LocalHttpServer server;
  server.Set("/", Reply::Page("x"));
  Fetcher fetcher(TestOptions());
  ASSERT_TRUE(Get(fetcher, server.Url("/")).ok());
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_EQ(server.Requests()[0].user_agent.rfind("regdiff/", 0), 0u) << server.Requests()[0].user_agent;
}

TEST(Fetch, ConditionalGetAnswered304IsNotModified) {
  LocalHttpServer server;
  server.Set("/list.html", Reply::Page("<html>list</html>"));
  Fetcher fetcher(TestOptions());
  auto first = Get(fetcher, server.Url("/list.html"));
  ASSERT_TRUE(first.ok());
  auto second = Get(fetcher, server.Url("/list.html"), first->validators);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(second->validators.etag, first->validators.etag);
  EXPECT_EQ(server.NotModifiedReplies(), 1);

  // Changed content: the old validator no longer matches.
  server.Set("/list.html", Reply::Page("<html>list, one more</html>"));
  auto third = Get(fetcher, server.Url("/list.html"), first->validators);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->not_modified);
  EXPECT_EQ(third->body, "<html>list, one more</html>");
}

TEST(Fetch, MapsHttpStatusesToNamedErrors) {
  struct Case {
    int status;
    Status::Code code;
    std::string says;
    int hits;  // requests made: retryable statuses use every attempt
  };
  const Case cases[] = {
      {404, Status::Code::kNotFound, "HTTP 404 Not Found", 1},
      {410, Status::Code::kNotFound, "HTTP 410 Gone", 1},
      {403, Status::Code::kIoError, "HTTP 403 Forbidden (access denied)", 1},
      {412, Status::Code::kIoError, "HTTP 412", 1},
      {500, Status::Code::kIoError, "HTTP 500 Internal Server Error (server error)", 3},
      {503, Status::Code::kIoError, "(3 attempts)", 3},
      {429, Status::Code::kIoError, "HTTP 429 Too Many Requests (rate limited)", 3},
  };
  for (const Case& c : cases) {
    LocalHttpServer server;
    server.Set("/p", Reply::Code(c.status, "error page"));
    FakeTime time;
    Fetcher fetcher(TestOptions(), time.Hooks());
    auto r = Get(fetcher, server.Url("/p"));
    ASSERT_FALSE(r.ok()) << c.status;
    EXPECT_EQ(r.status().code(), c.code) << c.status;
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(server.Url("/p")), std::string::npos);
    EXPECT_EQ(server.Hits("/p"), c.hits) << c.status;
  }
}

TEST(Fetch, RetriesServerErrorsWithExponentialBackoff) {
  LocalHttpServer server;
  int calls = 0;
  server.SetHandler("/flaky", [&calls](const SeenRequest&) {
    return ++calls < 3 ? Reply::Code(503, "busy") : Reply::Page("finally");
  });
  FakeTime time;
  Fetcher fetcher(TestOptions(), time.Hooks());
  auto r = Get(fetcher, server.Url("/flaky"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body, "finally");
  EXPECT_EQ(r->attempts, 3);
  EXPECT_EQ(time.sleeps, (std::vector<Millis>{100ms, 200ms}));
}

TEST(Fetch, HonoursRetryAfterUpToTheBackoffCap) {
  for (const auto& [retry_after, expected] :
       {std::pair<std::string, Millis>{"1", 1000ms}, {"3600", 2000ms}, {"soon", 100ms}}) {
    LocalHttpServer server;
    int calls = 0;
    server.SetHandler("/r", [&calls, value = retry_after](const SeenRequest&) {
      if (++calls > 1) return Reply::Page("ok");
      return Reply::Code(503, "later").With("Retry-After", value);
    });
    FakeTime time;
    Fetcher fetcher(TestOptions(), time.Hooks());
    ASSERT_TRUE(Get(fetcher, server.Url("/r")).ok());
    EXPECT_EQ(time.sleeps, std::vector<Millis>{expected}) << retry_after;
  }
}

TEST(Fetch, DoesNotRetryClientErrors) {
  LocalHttpServer server;
  FakeTime time;
  Fetcher fetcher(TestOptions(), time.Hooks());
  auto r = Get(fetcher, server.Url("/missing.html"));
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(server.Hits("/missing.html"), 1);
  EXPECT_TRUE(time.sleeps.empty());
}

TEST(Fetch, AServerThatNeverAnswersTimesOut) {
  LocalHttpServer server;
  server.Set("/slow", Reply::Stalled());
  FetchOptions o = TestOptions();
  o.total_timeout = 500ms;
  o.max_attempts = 2;
  FakeTime time;
  Fetcher fetcher(o, time.Hooks());
  auto r = Get(fetcher, server.Url("/slow"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
  EXPECT_NE(r.status().message().find("timed out"), std::string::npos) << r.status().message();
  EXPECT_EQ(server.Hits("/slow"), 2);  // a timeout is retried
}

TEST(Fetch, ABodyThatStallsMidwayIsAbandoned) {
  LocalHttpServer server;
  Reply stall = Reply::Page(std::string(5000, 'x'));
  stall.stall_mid_body = true;
  server.Set("/stall", stall);
  FetchOptions o = TestOptions();
  o.total_timeout = 30s;  // only the stall rule can end it
  o.stall_time = 1s;
  o.max_attempts = 1;
  Fetcher fetcher(o);
  auto r = Get(fetcher, server.Url("/stall"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("timed out"), std::string::npos) << r.status().message();
}

TEST(Fetch, ResponsesOverTheSizeCapAreTooLarge) {
  const std::string twenty_mb(20u << 20, 'a');
  for (bool chunked : {false, true}) {
    LocalHttpServer server;
    // Generous limits: only the size cap may end these transfers, however
    // slowly a loaded machine serves 20 MB.
    FetchOptions o = TestOptions();
    o.stall_time = 20s;
    o.total_timeout = 60s;
    Reply big = Reply::Page(twenty_mb);
    big.content_type = "application/octet-stream";  // the server would spend seconds compressing text
    big.chunked = chunked;
    server.Set("/big", big);
    Fetcher fetcher(o);
    auto r = Get(fetcher, server.Url("/big"));
    ASSERT_FALSE(r.ok()) << chunked;
    EXPECT_EQ(r.status().code(), Status::Code::kTooLarge) << r.status().ToString();
    EXPECT_NE(r.status().message().find("16777216-byte limit"), std::string::npos);
    EXPECT_EQ(server.Hits("/big"), 1) << "too large is not retried";
  }
}

TEST(Fetch, FollowsRedirectsUpToTheLimit) {
  LocalHttpServer server;
  server.Set("/old", Reply::Code(301).With("Location", "/new"));
  server.Set("/new", Reply::Page("moved here"));
  server.Set("/loop", Reply::Code(302).With("Location", "/loop"));
  FetchOptions o = TestOptions();
  o.max_redirects = 3;
  Fetcher fetcher(o);
  auto moved = Get(fetcher, server.Url("/old"));
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->body, "moved here");
  EXPECT_EQ(moved->url, server.Url("/new"));
  auto loop = Get(fetcher, server.Url("/loop"));
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.status().message().find("more than 3 redirects"), std::string::npos)
      << loop.status().message();
}

TEST(Fetch, OnlyHttpAndHttpsAreFetchedRedirectsIncluded) {
  Fetcher fetcher(TestOptions());
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/",
                          "/etc/passwd", "127.0.0.1/x", ""}) {
    auto r = Get(fetcher, url);
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << url;
  }
  LocalHttpServer server;
  server.Set("/to-file", Reply::Code(302).With("Location", "file:///etc/passwd"));
  auto r = Get(fetcher, server.Url("/to-file"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << r.status().ToString();
}

// A redirect to another host name that is at a loopback address is refused
// (as one to 169.254.169.254 or 10.0.0.1 would be) before anything is asked
// of it, unless the policy trusts that host; the URL's own host may be local.
TEST(Fetch, ARedirectToALocalAddressOfAnotherHostIsRefused) {
  LocalHttpServer server;
  const std::string elsewhere = "http://localhost:" + std::to_string(server.port()) + "/secret";
  server.Set("/start", Reply::Code(302).With("Location", elsewhere));
  server.Set("/secret", Reply::Page("metadata"));
  Fetcher fetcher(TestOptions());
  auto refused = Get(fetcher, server.Url("/start"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kIoError);
  EXPECT_NE(refused.status().message().find("refused to connect to " + elsewhere), std::string::npos)
      << refused.status().message();
  EXPECT_EQ(server.Hits("/secret"), 0);

  FetchRequest trusted;
  trusted.url = server.Url("/start");
  trusted.address_policy.trusted_hosts = {"127.0.0.1", "localhost"};
  auto followed = fetcher.Fetch(trusted);
  ASSERT_TRUE(followed.ok()) << followed.status().ToString();
  EXPECT_EQ(followed->body, "metadata");

  // A policy naming other hosts does not trust the request's own.
  FetchRequest strict;
  strict.url = server.Url("/secret");
  strict.address_policy.trusted_hosts = {"www.mofcom.gov.cn"};
  EXPECT_FALSE(fetcher.Fetch(strict).ok());
}

TEST(Fetch, WaitsBetweenRequestsToOneHost) {
  LocalHttpServer server;
  server.Set("/", Reply::Page("x"));
  FetchOptions o = TestOptions();
  o.min_host_interval = 10s;
  FakeTime time;
  Fetcher fetcher(o, time.Hooks());
  ASSERT_TRUE(Get(fetcher, server.Url("/")).ok());
  EXPECT_TRUE(time.sleeps.empty());
  ASSERT_TRUE(Get(fetcher, server.Url("/")).ok());
  EXPECT_EQ(time.sleeps, std::vector<Millis>{10s});
  time.now += 4s;  // some time passes: only the rest is waited
  ASSERT_TRUE(Get(fetcher, server.Url("/")).ok());
  EXPECT_EQ(time.sleeps, (std::vector<Millis>{10s, 6s}));
}

// A conditional recheck waits only min_recheck_interval after the last
// request to the host: 50 known pages are rechecked in seconds.
TEST(Fetch, ARecheckWaitsTheShorterRecheckInterval) {
  LocalHttpServer server;
  server.Set("/", Reply::Page("x"));
  FetchOptions o = TestOptions();
  o.min_host_interval = 5s;
  o.min_recheck_interval = 250ms;
  FakeTime time;
  Fetcher fetcher(o, time.Hooks());
  auto first = Get(fetcher, server.Url("/"));
  ASSERT_TRUE(first.ok());
  auto again = Get(fetcher, server.Url("/"), first->validators);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->not_modified);
  EXPECT_EQ(time.sleeps, std::vector<Millis>{250ms});
  ASSERT_TRUE(Get(fetcher, server.Url("/")).ok());  // a plain GET: the full interval
  EXPECT_EQ(time.sleeps, (std::vector<Millis>{250ms, 5s}));
}

TEST(Fetch, ARefusedConnectionIsAnIoError) {
  int port;
  {
    LocalHttpServer server;
    port = server.port();
  }  // stopped: nothing listens there now
  FetchOptions o = TestOptions();
  o.max_attempts = 1;
  Fetcher fetcher(o);
  auto r = Get(fetcher, "http://127.0.0.1:" + std::to_string(port) + "/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
  EXPECT_NE(r.status().message().find("cannot connect"), std::string::npos) << r.status().message();
}

TEST(Fetch, PostsABodyWithItsContentType) {
  LocalHttpServer server;
  server.Set("/hook", Reply::Page("thanks"));
  Fetcher fetcher(TestOptions());
  FetchRequest r;
  r.url = server.Url("/hook");
  r.method = "POST";
  r.body = R"({"kind":"new"})";
  r.content_type = "application/json";
  ASSERT_TRUE(fetcher.Fetch(r).ok());
  ASSERT_EQ(server.Posted("/hook"), std::vector<std::string>{R"({"kind":"new"})"});
  EXPECT_EQ(server.Requests()[0].content_type, "application/json");
}

TEST(Fetch, SendsTheRequestsOwnHeaders) {
  LocalHttpServer server;
  server.Set("/list", Reply::Page("ok"));
  Fetcher fetcher(TestOptions());
  FetchRequest r;
  r.url = server.Url("/list");
  r.headers = {{"X-Requested-With", "XMLHttpRequest"}, {"Accept", "application/json"}};
  ASSERT_TRUE(fetcher.Fetch(r).ok());
  const auto seen = server.Requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].Header("X-Requested-With"), "XMLHttpRequest");
  EXPECT_EQ(seen[0].headers.count("Accept"), 1u) << "the request's Accept replaces regdiff's";
  EXPECT_EQ(seen[0].Header("Accept"), "application/json");
  EXPECT_EQ(seen[0].Header("Accept-Language"), "zh-CN,zh;q=0.9,en;q=0.5") << "kept when not replaced";

  r.headers.clear();
  ASSERT_TRUE(fetcher.Fetch(r).ok());
  EXPECT_EQ(server.Requests()[1].Header("X-Requested-With"), "");
  EXPECT_NE(server.Requests()[1].Header("Accept").find("text/html"), std::string::npos);
}

TEST(Fetch, RefusesAMalformedHeaderBeforeSendingAnything) {
  LocalHttpServer server;
  server.Set("/list", Reply::Page("ok"));
  Fetcher fetcher(TestOptions());
  const std::vector<std::pair<std::string, std::string>> bad[] = {
      {{"X-A", "1\r\nX-Injected: 1"}}, {{"X-A\r\nX-B", "1"}}, {{"", "1"}}, {{"X-A: 1", "2"}},
      {{"X-A", std::string("a\0b", 3)}},
  };
  for (const auto& headers : bad) {
    FetchRequest r;
    r.url = server.Url("/list");
    r.headers = headers;
    auto response = fetcher.Fetch(r);
    ASSERT_FALSE(response.ok()) << headers[0].first;
    EXPECT_EQ(response.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(response.status().message().find("malformed request header"), std::string::npos);
  }
  EXPECT_EQ(server.TotalHits(), 0);
}

TEST(Fetch, TransferErrorsAreNamed) {
  // DNS failures cannot be produced on a loopback-only machine: the mapping
  // is checked directly.
  const FetchOptions o = TestOptions();
  struct Case {
    CURLcode code;
    Status::Code status;
    const char* says;
  };
  const Case cases[] = {
      {CURLE_COULDNT_RESOLVE_HOST, Status::Code::kIoError, "DNS lookup failed"},
      {CURLE_COULDNT_CONNECT, Status::Code::kIoError, "cannot connect"},
      {CURLE_OPERATION_TIMEDOUT, Status::Code::kIoError, "timed out (limit 5 s"},
      {CURLE_TOO_MANY_REDIRECTS, Status::Code::kIoError, "redirects"},
      {CURLE_FILESIZE_EXCEEDED, Status::Code::kTooLarge, "16777216-byte limit"},
      {CURLE_UNSUPPORTED_PROTOCOL, Status::Code::kInvalidArgument, "not http or https"},
      {CURLE_PEER_FAILED_VERIFICATION, Status::Code::kIoError, "TLS error"},
      {CURLE_GOT_NOTHING, Status::Code::kIoError, "connection closed"},
  };
  for (const Case& c : cases) {
    Status s = TransferErrorStatus(c.code, "https://www.mofcom.gov.cn/", "detail", o);
    EXPECT_EQ(s.code(), c.status) << c.code;
    EXPECT_NE(s.message().find(c.says), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("https://www.mofcom.gov.cn/"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace regdiff::ingest
