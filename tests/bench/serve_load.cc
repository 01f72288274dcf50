// regdiff-serve-load: a loopback load test of `regdiff serve`. N clients
// (threads, each with its own keep-alive connection) send a weighted mix of
// the requests people make, built from the served database's own content,
// for D seconds; prints the requests, the rate, latency percentiles and the
// errors (connection failures, answers other than 200 and 304) by kind.
// Exit status 1 when any request failed, 2 when the run could not start.
//
//   regdiff-serve-load --port 8080 --clients 32 --seconds 20
#include <httplib.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  int clients = 32;
  double seconds = 20;
  int idle = 0;             // keep-alive connections that ask once, then sit idle
  int revalidate = 30;      // percent of repeated targets sent with If-None-Match
  int timeout = 10;         // seconds a client waits to connect or for an answer
  unsigned seed = 1;
  bool json = false;
};

// One kind of request in the mix and its weight (its share of requests).
struct Kind {
  const char* name;
  int weight;
  std::vector<std::string> targets;  // filled from the database's content
};

// The targets, from the served database: a spread of announcements, the
// codes, HS codes and party names they list.
struct Mix {
  std::vector<Kind> kinds;
  int total_weight = 0;
};

// Percent-encodes a query value (RFC 3986 unreserved bytes stay).
std::string Encode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// Reads the database's content through the API and builds the mix; an
// error message when it cannot.
std::string BuildMix(const Options& opt, Mix* mix) {
  httplib::Client client(opt.host, opt.port);
  client.set_connection_timeout(opt.timeout);
  client.set_read_timeout(60);  // the whole list of a large database
  auto list = client.Get("/api/announcements");
  if (!list) return "GET /api/announcements: " + httplib::to_string(list.error());
  if (list->status != 200) return "GET /api/announcements: HTTP " + std::to_string(list->status);
  std::vector<std::string> docs;
  for (const Json& row : Json::parse(list->body, nullptr, false)) {
    if (row.is_object() && row["doc_id"].is_string()) docs.push_back(row["doc_id"]);
  }
  if (docs.empty()) return "the database holds no announcement with an id";
  // 64 announcements spread over the list (newest and oldest alike); the
  // codes, HS codes and parties of the first 16 of them.
  std::vector<std::string> shown;
  const size_t step = std::max<size_t>(1, docs.size() / 64);
  for (size_t i = 0; i < docs.size() && shown.size() < 64; i += step) shown.push_back(docs[i]);
  std::vector<std::string> codes, hs, parties;
  for (size_t i = 0; i < shown.size() && i < 16; ++i) {
    auto res = client.Get("/api/announcements/" + Encode(shown[i]));
    if (!res || res->status != 200) continue;
    Json show = Json::parse(res->body, nullptr, false);
    if (!show.is_object() || !show["texts"].is_array()) continue;
    for (const Json& text : show["texts"]) {
      const Json& a = text["announcement"];
      if (!a.is_object()) continue;
      int taken = 0;  // a few of each announcement's items, not all 200
      for (const Json& item : a.value("items", Json::array())) {
        if (taken++ >= 4) break;
        if (item["code"].is_string()) codes.push_back(item["code"]);
        for (const Json& h : item.value("hs_codes", Json::array())) {
          if (h.is_string()) hs.push_back(h);
        }
      }
      for (const Json& p : a.value("parties", Json::array())) {
        if (p["name"].is_string()) parties.push_back(p["name"]);
      }
    }
  }
  auto dedup = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  dedup(codes);
  dedup(hs);
  dedup(parties);
  // A database that names no party (the synthetic corpus) still gets the
  // party question: users ask about firms that are on no list.
  if (parties.empty()) parties = {"SUBARU Corporation", "Example Trading Ltd", "Skydio Inc."};
  Kind by_hs{"query?hs=", 25, {}}, by_code{"query?code=", 25, {}}, by_party{"query?party=", 10, {}},
      show{"announcements/{doc}", 25, {}}, list_all{"announcements", 5, {"/api/announcements"}},
      home{"/ page", 10, {"/"}};
  for (const auto& h : hs) by_hs.targets.push_back("/api/query?hs=" + h);
  for (const auto& c : codes) by_code.targets.push_back("/api/query?code=" + Encode(c));
  for (const auto& p : parties) by_party.targets.push_back("/api/query?party=" + Encode(p));
  for (const auto& d : shown) show.targets.push_back("/api/announcements/" + Encode(d));
  for (Kind* k : {&by_hs, &by_code, &by_party, &show, &list_all, &home}) {
    if (k->targets.empty()) continue;  // e.g. no HS code in the sample
    mix->total_weight += k->weight;
    mix->kinds.push_back(std::move(*k));
  }
  return "";
}

// What the clients measured: latencies (µs) per kind, errors by cause.
struct Tally {
  std::mutex mu;
  std::map<std::string, std::vector<int64_t>> latency_us;  // by kind
  std::map<std::string, int64_t> answers;                  // "200", "304"
  std::map<std::string, int64_t> errors;                   // cause -> count
};

void RunClient(const Options& opt, const Mix& mix, int index, Clock::time_point end, Tally* tally) {
  httplib::Client client(opt.host, opt.port);
  client.set_keep_alive(true);
  client.set_connection_timeout(opt.timeout);
  client.set_read_timeout(opt.timeout);
  std::mt19937 rng(opt.seed * 7919u + static_cast<unsigned>(index));
  std::uniform_int_distribution<int> pick_weight(0, mix.total_weight - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::map<std::string, std::string> etags;  // target -> the last ETag seen
  std::map<std::string, std::vector<int64_t>> latency;
  std::map<std::string, int64_t> answers, errors;
  while (Clock::now() < end) {
    int w = pick_weight(rng);
    const Kind* kind = &mix.kinds.front();
    for (const Kind& k : mix.kinds) {
      if (w < k.weight) {
        kind = &k;
        break;
      }
      w -= k.weight;
    }
    const std::string& target =
        kind->targets[std::uniform_int_distribution<size_t>(0, kind->targets.size() - 1)(rng)];
    httplib::Headers headers;
    auto known = etags.find(target);
    if (known != etags.end() && percent(rng) < opt.revalidate) {
      headers.emplace("If-None-Match", known->second);
    }
    const auto start = Clock::now();
    auto res = client.Get(target, headers);
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    latency[kind->name].push_back(took.count());
    if (!res) {
      ++errors[std::string("connection: ") + httplib::to_string(res.error())];
    } else if (res->status == 200 || res->status == 304) {
      ++answers[std::to_string(res->status)];
      if (res->has_header("ETag")) etags[target] = res->get_header_value("ETag");
    } else {
      ++errors["HTTP " + std::to_string(res->status) + " on " + kind->name];
    }
  }
  std::lock_guard<std::mutex> lock(tally->mu);
  for (auto& [k, v] : latency) {
    auto& all = tally->latency_us[k];
    all.insert(all.end(), v.begin(), v.end());
  }
  for (auto& [k, n] : answers) tally->answers[k] += n;
  for (auto& [k, n] : errors) tally->errors[k] += n;
}

// The q-quantile (0..1) of sorted values, nearest rank.
int64_t Quantile(const std::vector<int64_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

Json Figures(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  auto ms = [](int64_t us) { return static_cast<double>(us) / 1000.0; };
  return Json{{"requests", v.size()},
              {"p50_ms", ms(Quantile(v, 0.50))},
              {"p90_ms", ms(Quantile(v, 0.90))},
              {"p99_ms", ms(Quantile(v, 0.99))},
              {"max_ms", ms(v.empty() ? 0 : v.back())}};
}

int Run(const Options& opt) {
  Mix mix;
  if (std::string problem = BuildMix(opt, &mix); !problem.empty()) {
    std::fprintf(stderr, "regdiff-serve-load: %s\n", problem.c_str());
    return 2;
  }
  // Idle keep-alive connections: each asks once, then holds its
  // connection open, silent, until the run ends.
  std::vector<std::unique_ptr<httplib::Client>> idle;
  int idle_failed = 0;
  for (int i = 0; i < opt.idle; ++i) {
    auto c = std::make_unique<httplib::Client>(opt.host, opt.port);
    c->set_keep_alive(true);
    c->set_connection_timeout(opt.timeout);
    c->set_read_timeout(opt.timeout);
    auto res = c->Get("/health");
    if (!res || res->status != 200) ++idle_failed;
    idle.push_back(std::move(c));
  }
  Tally tally;
  const auto start = Clock::now();
  const auto end = start + std::chrono::milliseconds(static_cast<int64_t>(opt.seconds * 1000));
  std::vector<std::thread> threads;
  for (int i = 0; i < opt.clients; ++i) {
    threads.emplace_back(RunClient, std::cref(opt), std::cref(mix), i, end, &tally);
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  if (idle_failed) tally.errors["idle connection's first request"] += idle_failed;

  std::vector<int64_t> all;
  Json kinds = Json::object();
  for (const auto& [name, v] : tally.latency_us) {
    all.insert(all.end(), v.begin(), v.end());
    kinds[name] = Figures(v);
  }
  int64_t error_count = 0;
  for (const auto& [cause, n] : tally.errors) error_count += n;
  Json out = Figures(all);
  out["seconds"] = elapsed;
  out["clients"] = opt.clients;
  out["idle_connections"] = opt.idle;
  out["rate_per_s"] = static_cast<double>(all.size()) / elapsed;
  out["answers"] = tally.answers;
  out["errors"] = error_count;
  out["error_causes"] = tally.errors;
  out["kinds"] = kinds;
  if (opt.json) {
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("%d clients (%d idle connections) for %.1f s: %lld requests, %.1f/s\n",
                opt.clients, opt.idle, elapsed, static_cast<long long>(all.size()),
                out["rate_per_s"].get<double>());
    std::printf("latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                out["p50_ms"].get<double>(), out["p90_ms"].get<double>(),
                out["p99_ms"].get<double>(), out["max_ms"].get<double>());
    for (const auto& [name, f] : kinds.items()) {
      std::printf("  %-22s %7lld requests, p50 %8.1f ms, p99 %8.1f ms, max %8.1f ms\n",
                  name.c_str(), static_cast<long long>(f["requests"].get<int64_t>()),
                  f["p50_ms"].get<double>(), f["p99_ms"].get<double>(),
                  f["max_ms"].get<double>());
    }
    std::printf("answers: 200 %lld, 304 %lld\n",
                static_cast<long long>(tally.answers["200"]),
                static_cast<long long>(tally.answers["304"]));
    std::printf("errors: %lld\n", static_cast<long long>(error_count));
    for (const auto& [cause, n] : tally.errors) {
      std::printf("  %6lld  %s\n", static_cast<long long>(n), cause.c_str());
    }
  }
  return error_count == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{
      "Loopback load test of `regdiff serve`: N keep-alive clients send a weighted mix of API "
      "and page requests built from the database's own content (query by HS code 25, by code "
      "25, by party 10, one announcement 25, the list 5, the home page 10) for D seconds, "
      "and print the rate, latency percentiles and errors. Exit status 1 on any error "
      "(a failed connection, an answer other than 200 or 304).",
      "regdiff-serve-load"};
  app.add_option("--host", opt.host, "Server address (default 127.0.0.1)");
  app.add_option("--port", opt.port, "Server port")->required()->check(CLI::Range(1, 65535));
  app.add_option("--clients", opt.clients, "Concurrent clients (default 32)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--seconds", opt.seconds, "Duration (default 20)")->check(CLI::Range(0.1, 3600.0));
  app.add_option("--idle", opt.idle,
                 "Keep-alive connections that ask once and then sit idle all run (default 0)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--revalidate", opt.revalidate,
                 "Percent of repeated targets sent with If-None-Match (default 30)")
      ->check(CLI::Range(0, 100));
  app.add_option("--timeout", opt.timeout,
                 "Seconds to wait for a connection or an answer (default 10)")
      ->check(CLI::Range(1, 600));
  app.add_option("--seed", opt.seed, "Seed of the request mix (default 1)");
  app.add_flag("--json", opt.json, "Print the figures as one JSON object");
  CLI11_PARSE(app, argc, argv);
  return Run(opt);
}
