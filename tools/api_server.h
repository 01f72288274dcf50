// `regdiff serve`'s read-only web app and JSON API over HTTP: routing,
// validation of parameters, ETags and limits (AnswerApiRequest, free of any
// HTTP library), and the server that binds, listens and stops on SIGINT or
// SIGTERM (ServeApi, over cpp-httplib).
//
// Pages (tools/web/): HTML made on the server, without script, sent with
// the Content-Security-Policy of web/page_frame.h; their errors are pages.
//   GET /[?issuer=&year=&list=&element=&status=&page=]   the announcements, filtered, paged
//   GET /announcements/{doc}[?q=]          one announcement: facts beside its source
//   GET /search?q=TEXT                     the stored lines holding TEXT
//   GET /asof?date=D[&element=|code=|hs=][&list=]   in force on D (asof D)
//   GET /timeline?element=|code=|hs=|party=         a timeline drawn (timeline WHAT)
//   GET /watch                             what `regdiff watch` polls and saw
//   GET /diff?from=&to=                    a diff (web/diff_page.h)
//   GET /feed.atom                         the Atom feed (web/feed.h), its
//                                          links under the Host header's name
//
// Every answer is the CLI's JSON for the same question, made by the same
// functions (tools/json_output.h, show_answer.h, query_answer.h) and printed
// the same way (indented by two, one newline):
//   GET /api/announcements                 list --json
//   GET /api/announcements/{doc}           show DOC --json
//   GET /api/asof?date=D                   asof D --json
//   GET /api/query?hs=|code=|element=|party=[&date=D]   query ... --json
//   GET /api/diff?from=&to=                diff FROM TO --format json, or
//                                          diff --asof FROM --asof TO ... for dates
//   GET /health                            {"status": "ok"}
// HEAD as GET without the body; other methods 405 (Allow: GET, HEAD).
// API errors are {"error": "..."}: 400 bad or unknown parameters, invalid UTF-8,
// an ambiguous short id; 404 an unknown path or announcement; 414 a target
// over kMaxTargetBytes; 500 a database error.
//
// ETag: a strong validator made of the database's state and the normalised
// request. The state is read on the request's connection with plain
// SELECTs (PRAGMA data_version only compares within one connection, and
// the server keeps several): the number and the newest retrieved_at of
// source_versions (every ingest of new bytes adds one), the number of
// sources, and the number and newest parsed_at of documents (forget removes
// rows; a re-parse by a newer parser rewrites parsed_at), the watch's state
// (its sources and their newest attempt, its pages and their newest fetch,
// its newest event, its pending deliveries: what /watch shows), with regdiff's
// version (a new build may word its JSON differently). When that state
// changes while an answer is read, the answer goes out without an ETag.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "tools/answer_cache.h"
#include "tools/cli_context.h"
#include "tools/store_pool.h"

namespace regdiff::tools {

// Longest request target (path and query string) answered: 8 KiB.
inline constexpr size_t kMaxTargetBytes = 8192;

struct ApiRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as sent: path and query string, still percent-encoded
  std::string path;    // decoded
  std::multimap<std::string, std::string> params;  // decoded
  std::string if_none_match;                       // the header, "" when absent
  std::string host;                                // the Host header, "" when absent
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";  // or a page's
  std::string body;  // JSON, a page, or empty (304)
  std::vector<std::pair<std::string, std::string>> headers;  // ETag, Allow, Cache-Control
};

// Answers requests: from `readers` read-only stores kept open between
// requests (tools/store_pool.h; also the cap on requests reading the
// database at once) and the answers already made (tools/answer_cache.h,
// up to `cache_bytes` of bodies). Never writes. Thread-safe.
class ApiAnswerer {
 public:
  ApiAnswerer(const CommandContext& ctx, int readers, size_t cache_bytes);
  ApiAnswerer(const ApiAnswerer&) = delete;
  ApiAnswerer& operator=(const ApiAnswerer&) = delete;

  ApiResponse Answer(const ApiRequest& request);

 private:
  StorePool pool_;
  AnswerCache cache_;
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  int threads = 4;  // the cap on requests answered at once (reading the database)
  // The bodies of answers kept for requests in the same database state.
  size_t cache_bytes = size_t{64} << 20;
  // The cap on open connections served at once. cpp-httplib holds a thread
  // per open connection, idle keep-alive waits included; threads beyond
  // `threads` only wait, so a few idle browsers' connections cannot keep
  // every request waiting. Further connections queue until one closes.
  int connections = 64;
  int keep_alive_seconds = 2;  // how long an idle keep-alive connection is held
};

// Binds host:port, calls `listening(port)` with the bound port once the
// socket listens, then answers requests until SIGINT or SIGTERM (blocked in
// every thread and waited for by one). Errors: kIoError when it cannot bind.
Status ServeApi(const CommandContext& ctx, const ServeOptions& options,
                const std::function<void(int port)>& listening);

}  // namespace regdiff::tools
