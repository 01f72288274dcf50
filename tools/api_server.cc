#include "tools/api_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <set>
#include <thread>
#include <utility>

#include "corpus/display_text.h"
#include "corpus/sha256.h"
#include "corpus/store_coverage.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "diff/render_json.h"
#include "tools/diff_answer.h"
#include "tools/json_output.h"
#include "tools/query_answer.h"
#include "tools/show_answer.h"
#include "tools/timeline_query.h"
#include "tools/web/announcement_page.h"
#include "tools/web/announcements_page.h"
#include "tools/web/asof_page.h"
#include "tools/web/timeline_page.h"
#include "tools/web/watch_page.h"
#include "tools/web/diff_page.h"
#include "tools/web/feed.h"
#include "tools/web/page_frame.h"
#include "tools/web/search_page.h"

namespace regdiff::tools {
namespace {

constexpr char kJsonType[] = "application/json; charset=utf-8";
constexpr char kAllowed[] = "GET, HEAD";

std::string JsonBody(const Json& json) {
  std::string body = json.dump(2, ' ', false, Json::error_handler_t::replace);
  body += '\n';
  return body;
}

ApiResponse Error(int status, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.body = JsonBody(Json{{"error", message}});
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound: return 404;
    case Status::Code::kInvalidArgument: return 400;
    default: return 500;
  }
}

// A question the API answers: `key` is the request normalised (what the
// ETag names besides the database's state), `answer` reads it from a store.
struct Route {
  std::string key;
  std::function<Result<std::string>(AnnouncementStore&)> answer;
  const char* content_type = kJsonType;  // web::kHtmlType for pages
};

// What the validation of a request gives: a route or an error response.
struct Routed {
  std::optional<Route> route;
  int status = 0;  // without a route: the error's status and message
  std::string message;
};

Routed Fail(int status, const std::string& message) { return {std::nullopt, status, message}; }
Routed To(Route route) { return {std::move(route), 0, ""}; }

// Whether `path` is one of the JSON API's (its errors are JSON) rather than
// a page's (its errors are pages).
bool IsApiPath(const std::string& path) { return path == "/health" || path.rfind("/api/", 0) == 0; }

// The headers every page goes out with: no script runs, nothing is sniffed.
void AddPageHeaders(ApiResponse* r) {
  r->headers.emplace_back("Content-Security-Policy", web::kPageSecurityPolicy);
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("Referrer-Policy", "no-referrer");
}

// An error as the path's kind of answer: JSON for the API, a page else.
ApiResponse ErrorFor(const std::string& path, int status, const std::string& message) {
  if (IsApiPath(path)) return Error(status, message);
  ApiResponse r;
  r.status = status;
  r.content_type = web::kHtmlType;
  r.body = web::ErrorPage(status, message);
  r.headers.emplace_back("Cache-Control", "no-cache");
  AddPageHeaders(&r);
  return r;
}

// A page route: `render` makes the page from the store and the parameters.
Routed PageRoute(std::string key, const std::multimap<std::string, std::string>& params,
                 Result<std::string> (*render)(AnnouncementStore&,
                                               const std::multimap<std::string, std::string>&)) {
  for (const auto& [name, value] : params) {
    key += '\n';
    key += name;
    key += '=';
    key += value;
  }
  return To(Route{std::move(key),
                [params, render](AnnouncementStore& store) { return render(store, params); },
                web::kHtmlType});
}

// Checks the parameters against the names `allowed`: each UTF-8, known and
// given once. Returns the error message, "" when they are fine.
std::string CheckParams(const std::multimap<std::string, std::string>& params,
                        const std::set<std::string>& allowed) {
  std::vector<std::string> unknown;
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (!IsUtf8(it->first) || !IsUtf8(it->second)) {
      return "a parameter is not valid UTF-8";
    }
    if (!allowed.count(it->first)) {
      std::string quoted = "'";
      quoted += EscapeControls(it->first);
      quoted += '\'';
      unknown.push_back(std::move(quoted));
    } else if (params.count(it->first) > 1) {
      std::string message = "parameter '";
      message += it->first;
      message += "' given more than once";
      return message;
    }
  }
  if (unknown.empty()) return "";
  std::string message = unknown.size() == 1 ? "unknown parameter " : "unknown parameters ";
  message += Join(unknown, ", ");
  if (allowed.empty()) {
    message += " (this endpoint takes none)";
  } else {
    message += " (this endpoint takes ";
    message += Join(allowed, ", ");
    message += ")";
  }
  return message;
}

std::string Param(const std::multimap<std::string, std::string>& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

Routed ListRoute() {
  return To(Route{"list", [](AnnouncementStore& store) -> Result<std::string> {
                  auto rows = store.List();
                  if (!rows.ok()) return rows.status();
                  return JsonBody(ListJson(*rows));
                }});
}

Routed ShowRoute(const std::string& doc) {
  // Never a file: the id is looked up among the stored announcements only;
  // "." and ".." (%2e%2e decoded) name none.
  if (doc == "." || doc == "..") return Fail(404, "no such endpoint");
  std::string key = "show\n";
  key += doc;
  return To(Route{key, [doc](AnnouncementStore& store) -> Result<std::string> {
                  auto answer = FindAnnouncement(store, doc);
                  if (!answer.ok()) return answer.status();
                  return JsonBody(ShowJson(answer->doc_id, answer->texts, answer->pairs));
                }});
}

Routed AsofRoute(const std::multimap<std::string, std::string>& params) {
  const std::string text = Param(params, "date");
  if (text.empty()) return Fail(400, "asof wants date=YYYY-MM-DD");
  auto date = ParseDateArg(text, "date");
  if (!date.ok()) return Fail(400, date.status().message());
  std::string key = "asof\n";
  key += date->ToIso();
  const Date d = *date;
  return To(Route{key, [d](AnnouncementStore& store) -> Result<std::string> {
                  auto coverage = ReadCoverage(store.db(), std::nullopt);
                  if (!coverage.ok()) return coverage.status();
                  // As `asof D --json` writes it: items and parties, no filter.
                  std::string body;
                  AsofJsonWriter out([&body](std::string_view chunk) { body.append(chunk); }, d,
                                     std::nullopt, *coverage);
                  auto parties = VisitStatesOn(store, d, std::nullopt, ItemFilter{}, true, true,
                                               [&](const ItemState& s) { out.Item(s); });
                  if (!parties.ok()) return parties.status();
                  out.Finish(*parties);
                  return body;
                }});
}

Routed QueryRoute(const std::multimap<std::string, std::string>& params) {
  int given = 0;
  for (const char* name : {"hs", "code", "element", "party"}) given += params.count(name) ? 1 : 0;
  if (given != 1) return Fail(400, "query wants exactly one of hs, code, element or party");
  QueryQuestion question;
  question.filter.hs = Param(params, "hs");
  question.filter.code = Param(params, "code");
  question.filter.element = Param(params, "element");
  question.party = Param(params, "party");
  if (params.count("hs") + params.count("code") + params.count("element") > 0 &&
      question.filter.empty()) {
    return Fail(400, "query wants a value for hs, code or element");
  }
  if (params.count("party") && question.party.empty()) {
    return Fail(400, "query wants a name in party=");
  }
  if (Status s = CheckQueryQuestion(question.filter, question.party); !s.ok()) {
    return Fail(400, s.message());
  }
  question.date = Timestamp::Now().date();  // as the CLI: today, UTC
  if (params.count("date")) {
    auto d = ParseDateArg(Param(params, "date"), "date");
    if (!d.ok()) return Fail(400, d.status().message());
    question.date = *d;
  }
  std::ostringstream key;
  key << "query\n" << question.filter.hs << '\n' << question.filter.code << '\n'
      << question.filter.element << '\n' << question.party << '\n' << question.date.ToIso();
  return To(Route{key.str(), [question](AnnouncementStore& store) -> Result<std::string> {
                  auto answer = AnswerQuery(store, question);
                  if (!answer.ok()) return answer.status();
                  return JsonBody(QueryAnswerJson(question, *answer));
                }});
}

Routed DiffRoute(const std::multimap<std::string, std::string>& params) {
  auto question = DiffQuestionFrom(Param(params, "from"), Param(params, "to"));
  if (!question.ok()) return Fail(400, question.status().message());
  if (Status s = CheckDiffQuestion(*question, diff::ReportOptions{}); !s.ok()) {
    return Fail(400, s.message());
  }
  std::string key = question->asof.empty() ? "diff\n" : "diff asof\n";
  for (const auto* sides : {&question->asof, &question->operands}) {
    for (const std::string& side : *sides) {
      key += side;
      key += '\n';
    }
  }
  return To(Route{key, [question = *question](AnnouncementStore& store) -> Result<std::string> {
                  // As `diff ... --format json` writes it: English, no text diff.
                  std::vector<std::string> warnings;
                  auto report = BuildDiffReport(store, question, diff::ReportOptions{},
                                                /*with_history=*/false, &warnings);
                  if (!report.ok()) return report.status();
                  std::string body;
                  diff::WriteJson(*report, [&body](std::string_view chunk) { body.append(chunk); });
                  return body;
                }});
}

Routed FeedRoute(const std::string& host) {
  std::optional<std::string> base = web::BaseUrlFromHost(host);
  if (!base) return Fail(400, "the feed's links need a Host header naming this server");
  std::string key = "feed\n";
  key += *base;
  return To(Route{key,
                  [base = *base](AnnouncementStore& store) { return web::AtomFeedPage(store, base); },
                  web::kAtomType});
}

Routed HealthRoute() {
  return To(Route{"health", [](AnnouncementStore&) -> Result<std::string> {
                  return JsonBody(Json{{"status", "ok"}});
                }});
}

// Routing: exact paths only, no file is ever read.
Routed RouteRequest(const ApiRequest& request) {
  const std::string& path = request.path;
  const auto& params = request.params;
  static const std::string kShowPrefix = "/api/announcements/";
  static const std::string kPagePrefix = "/announcements/";
  std::set<std::string> allowed;
  enum {
    kHome, kDocPage, kSearchPage, kAsofPage, kTimelinePage, kWatchPage, kDiffPage, kFeed,
    kList, kShow, kAsof, kQuery, kDiff, kHealth
  } endpoint;
  if (path == "/") {
    endpoint = kHome;
    allowed = {"issuer", "year", "list", "element", "status", "page"};
  } else if (path.size() > kPagePrefix.size() && path.compare(0, kPagePrefix.size(), kPagePrefix) == 0 &&
             path.find('/', kPagePrefix.size()) == std::string::npos) {
    endpoint = kDocPage;
    allowed = {"q"};
  } else if (path == "/search") {
    endpoint = kSearchPage;
    allowed = {"q"};
  } else if (path == "/asof") {
    endpoint = kAsofPage;
    allowed = {"date", "element", "code", "hs", "list"};
  } else if (path == "/timeline") {
    endpoint = kTimelinePage;
    allowed = {"element", "code", "hs", "party"};
  } else if (path == "/watch") {
    endpoint = kWatchPage;
  } else if (path == "/diff") {
    endpoint = kDiffPage;
    allowed = {"from", "to"};
  } else if (path == "/feed.atom") {
    endpoint = kFeed;
  } else if (path == "/api/announcements") {
    endpoint = kList;
  } else if (path.size() > kShowPrefix.size() && path.compare(0, kShowPrefix.size(), kShowPrefix) == 0 &&
             path.find('/', kShowPrefix.size()) == std::string::npos) {
    endpoint = kShow;
  } else if (path == "/api/asof") {
    endpoint = kAsof;
    allowed = {"date"};
  } else if (path == "/api/query") {
    endpoint = kQuery;
    allowed = {"hs", "code", "element", "party", "date"};
  } else if (path == "/api/diff") {
    endpoint = kDiff;
    allowed = {"from", "to"};
  } else if (path == "/health") {
    endpoint = kHealth;
  } else {
    return Fail(404, "no such endpoint");
  }
  if (std::string problem = CheckParams(params, allowed); !problem.empty()) {
    return Fail(400, problem);
  }
  switch (endpoint) {
    case kHome: {
      // The status filter and column are today's: the key names the day.
      std::string key = "page:announcements\n";
      key += Timestamp::Now().date().ToIso();
      return PageRoute(std::move(key), params, web::AnnouncementsPage);
    }
    case kDocPage: {
      // As ShowRoute: an id looked up among the stored announcements only.
      const std::string doc = path.substr(kPagePrefix.size());
      if (doc == "." || doc == "..") return Fail(404, "no such endpoint");
      std::multimap<std::string, std::string> page_params = params;
      page_params.emplace("doc", doc);
      return PageRoute("page:announcement", page_params, web::AnnouncementPage);
    }
    case kSearchPage: return PageRoute("page:search", params, web::SearchPage);
    case kAsofPage: {
      // The date defaults to today: the key names the day, so that a
      // validator from yesterday's page does not match today's.
      std::string key = "page:asof\n";
      key += Timestamp::Now().date().ToIso();
      return PageRoute(std::move(key), params, web::AsofPage);
    }
    case kTimelinePage: {
      std::string key = "page:timeline\n";  // its picture reaches today
      key += Timestamp::Now().date().ToIso();
      return PageRoute(std::move(key), params, web::TimelinePage);
    }
    case kWatchPage: return PageRoute("page:watch", params, web::WatchPage);
    case kDiffPage: return PageRoute("page:diff", params, web::DiffPage);
    case kFeed: return FeedRoute(request.host);
    case kList: return ListRoute();
    case kShow: return ShowRoute(path.substr(kShowPrefix.size()));
    case kAsof: return AsofRoute(params);
    case kQuery: return QueryRoute(params);
    case kDiff: return DiffRoute(params);
    case kHealth: return HealthRoute();
  }
  return Fail(404, "no such endpoint");
}

// The database's state as the ETag names it (see api_server.h).
Result<std::string> DatabaseState(sqlite::Database& db) {
  auto st = db.Prepare(
      "SELECT (SELECT count(*) FROM source_versions), (SELECT max(retrieved_at) FROM "
      "source_versions), (SELECT count(*) FROM sources), (SELECT count(*) FROM documents), "
      "(SELECT max(parsed_at) FROM documents), (SELECT count(*) || '/' || "
      "ifnull(max(last_attempt_at), '') FROM watch_sources), (SELECT count(*) || '/' || "
      "ifnull(max(last_fetched_at), '') FROM watch_pages), (SELECT ifnull(max(id), 0) FROM "
      "watch_events), (SELECT count(*) FROM watch_deliveries WHERE delivered_at IS NULL)");
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("the database state query gave no row");
  std::string state;
  for (int col = 0; col < 9; ++col) {
    state += st->ColumnText(col);
    state += '|';
  }
  return state;
}

// Whether an If-None-Match header names `etag` (or is "*"); W/ prefixes
// compare weakly, as RFC 9110 says for If-None-Match.
bool MatchesIfNoneMatch(const std::string& header, const std::string& etag) {
  for (std::string_view rest = header; !rest.empty();) {
    size_t comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

std::string ETagFor(const std::string& state, const std::string& key) {
  std::string material = REGDIFF_VERSION;
  material += '\n';
  material += state;
  material += '\n';
  material += key;
  std::string tag = "\"";
  tag += Sha256Hex(material).substr(0, 32);
  tag += '"';
  return tag;
}

}  // namespace

ApiAnswerer::ApiAnswerer(const CommandContext& ctx, int readers, size_t cache_bytes)
    : pool_([&ctx] { return OpenStore(ctx, StoreUse::kReading); }, readers),
      cache_(cache_bytes) {}

ApiResponse ApiAnswerer::Answer(const ApiRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    ApiResponse r =
        ErrorFor(request.path, 405, "method " + EscapeControls(request.method) + " not allowed");
    r.headers.emplace_back("Allow", kAllowed);
    return r;
  }
  if (request.target.size() > kMaxTargetBytes || request.path.size() > kMaxTargetBytes) {
    return ErrorFor(request.path, 414, "request target over 8 KiB");
  }
  if (!IsUtf8(request.path)) return ErrorFor(request.path, 404, "no such endpoint");
  Routed routed = RouteRequest(request);
  if (!routed.route) {
    return ErrorFor(request.path, routed.status, routed.message);
  }
  auto lease = pool_.Acquire();
  if (!lease.ok()) return ErrorFor(request.path, 500, lease.status().message());
  AnnouncementStore& store = lease->store();
  auto before = DatabaseState(store.db());
  if (!before.ok()) {
    lease->Discard();
    return ErrorFor(request.path, 500, before.status().message());
  }
  const std::string etag = ETagFor(*before, routed.route->key);
  ApiResponse r;
  r.content_type = routed.route->content_type;
  r.headers.emplace_back("Cache-Control", "no-cache");
  if (r.content_type == web::kHtmlType) AddPageHeaders(&r);
  if (!request.if_none_match.empty() && MatchesIfNoneMatch(request.if_none_match, etag)) {
    r.status = 304;
    r.headers.emplace_back("ETag", etag);
    return r;
  }
  auto answer = cache_.Get(etag, [&] {
    AnswerCache::Answer made;
    auto body = routed.route->answer(store);
    if (!body.ok()) {
      made.status = body.status();
      return made;
    }
    made.body = std::move(body).value();
    // An ingest between the two reads: this answer may mix both states; it
    // goes out without a validator and is not kept.
    auto after = DatabaseState(store.db());
    made.keep = after.ok() && *after == *before;
    return made;
  });
  // A connection left holding a snapshot (a statement stepped and not
  // reset) would answer every later request from it; one that failed may be
  // unusable: neither is kept.
  if (store.db().Busy() ||
      (!answer->status.ok() && HttpStatusFor(answer->status) == 500)) {
    lease->Discard();
  }
  if (!answer->status.ok()) {
    return ErrorFor(request.path, HttpStatusFor(answer->status), answer->status.message());
  }
  r.body = answer->body;
  if (answer->keep) r.headers.emplace_back("ETag", etag);
  return r;
}

Status ServeApi(const CommandContext& ctx, const ServeOptions& options,
                const std::function<void(int port)>& listening) {
  // SIGINT and SIGTERM are blocked here, before the server's threads start
  // (they inherit the mask), and waited for by one thread that stops it.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

  httplib::Server server;
  // A thread per open connection (cpp-httplib's model), and a gate that lets
  // `threads` of them read the database at once: an idle keep-alive
  // connection holds a thread, never a turn to answer.
  const int connections = std::max(options.connections, options.threads);
  server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  server.set_keep_alive_timeout(options.keep_alive_seconds);
  ApiAnswerer answerer(ctx, options.threads, options.cache_bytes);
  server.set_payload_max_length(kMaxTargetBytes);
  server.set_pre_routing_handler([&answerer](const httplib::Request& req,
                                             httplib::Response& res) {
    ApiRequest request{req.method, req.target, req.path, req.params,
                       req.get_header_value("If-None-Match"), req.get_header_value("Host")};
    ApiResponse answer = answerer.Answer(request);
    res.status = answer.status;
    for (const auto& [name, value] : answer.headers) res.set_header(name, value);
    if (!answer.body.empty()) res.set_content(answer.body, answer.content_type);
    return httplib::Server::HandlerResponse::Handled;
  });
  // What cpp-httplib refuses itself (a malformed request line, a target
  // too long to read): a JSON error too.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_content(JsonBody(Json{{"error", "HTTP " + std::to_string(res.status)}}), kJsonType);
    return httplib::Server::HandlerResponse::Handled;
  }));

  Status result;
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    return Status::IoError("cannot listen on " + options.host + ":" +
                           std::to_string(options.port));
  }
  std::thread stopper([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  listening(port);
  if (!server.listen_after_bind()) result = Status::IoError("the server stopped listening");
  // Stopped by the server itself: wake the waiting thread.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  // The mask stays: a second Ctrl-C while the command returns is ignored
  // rather than killing it half-way through its exit.
  return result;
}

}  // namespace regdiff::tools
