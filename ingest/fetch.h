// Fetching pages over HTTP(S) with libcurl, politely and defensively:
// connect/total/stall timeouts, a size cap, a redirect limit, bounded retries
// with exponential backoff (network errors, 5xx, 429), conditional GET
// (ETag / Last-Modified -> "not modified"), a User-Agent naming regdiff, and
// a minimum delay between requests to one host. Only http and https URLs are
// fetched, redirects included. Raw bytes and response headers come back
// untouched (after Content-Encoding is undone).
//
// A Fetcher is not thread-safe; use one per thread.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/status.h"
#include "ingest/address_policy.h"
#include "ingest/url.h"

namespace regdiff::ingest {

using Millis = std::chrono::milliseconds;

// The cap on one response body: announcement and list pages are well under
// 1 MiB; this matches the ingest cap (ingest/document_text.h).
inline constexpr size_t kMaxFetchBytes = 16u << 20;

// "regdiff/0.1.0 (+https://github.com/regdiff; export-control announcement watcher)".
std::string DefaultUserAgent();

struct FetchOptions {
  Millis connect_timeout{10'000};
  Millis total_timeout{60'000};  // whole transfer, redirects included
  // A transfer moving fewer than stall_bytes_per_second for stall_time is
  // abandoned as timed out (a server that sends headers, then hangs).
  Millis stall_time{15'000};
  long stall_bytes_per_second = 64;
  size_t max_bytes = kMaxFetchBytes;
  int max_redirects = 5;
  int max_attempts = 3;           // 1 + retries, for retryable failures only
  Millis backoff_initial{2'000};  // doubled per retry
  Millis backoff_max{60'000};     // also the cap on an honoured Retry-After
  Millis min_host_interval{2'000};  // between the starts of requests to one host
  // The same for a conditional request (validators sent): a recheck answered
  // 304 costs the server next to nothing, so rechecking 50 known pages
  // takes seconds, not minutes. Never longer than min_host_interval.
  Millis min_recheck_interval{250};
  std::string user_agent = DefaultUserAgent();
  std::string browser_command = "chromium";  // for FetchRequest::browser
};

// What a previous response said about its version of the resource.
struct Validators {
  std::string etag;           // ETag header as sent, quotes included
  std::string last_modified;  // Last-Modified header as sent
  bool empty() const { return etag.empty() && last_modified.empty(); }
};

struct FetchRequest {
  std::string url;
  Validators validators;     // sent as If-None-Match / If-Modified-Since
  std::string method = "GET";  // "GET" or "POST"
  std::string body;          // POST only
  std::string content_type;  // POST only
  // Which hosts may be at loopback, private or link-local addresses; by
  // default only the host of `url` itself (redirects elsewhere are refused).
  // For a browser request: the only host names that resolve (besides the
  // URL's own).
  AddressPolicy address_policy;
  // Rendered by options.browser_command headless (ingest/browser.h) instead
  // of fetched: GET only, no validators, no retries; the body is the DOM
  // as UTF-8 HTML and the status 200.
  bool browser = false;
  // Further request headers (name, value), sent as given after regdiff's own.
  // One named Accept or Accept-Language replaces regdiff's default; names and
  // values must not hold CR, LF or NUL, and a name must not be empty or hold
  // ':' (kInvalidArgument).
  std::vector<std::pair<std::string, std::string>> headers;
};

struct FetchResponse {
  long status = 0;            // HTTP status of the final response
  bool not_modified = false;  // 304 to a conditional request; body empty
  std::string url;            // after redirects
  std::string body;           // raw bytes
  // Headers of the final response in arrival order, names lowercase.
  std::vector<std::pair<std::string, std::string>> headers;
  Validators validators;  // from this response's ETag / Last-Modified
  int attempts = 1;

  // The first header named `name` (lowercase), "" if none.
  std::string Header(std::string_view name) const;
  // The charset parameter of Content-Type, lowercase; "" if none.
  std::string Charset() const;
};

// Test and shutdown hooks. `sleep` waits (backoff, politeness delays);
// `now` reads the clock; `cancel`, when set and true, aborts a transfer or a
// wait (SIGINT). Defaults: the real clock and std::this_thread::sleep_for in
// slices that notice `cancel`.
struct FetchHooks {
  std::function<void(Millis)> sleep;
  std::function<std::chrono::steady_clock::time_point()> now;
  const std::atomic<bool>* cancel = nullptr;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options, FetchHooks hooks = {});
  ~Fetcher();
  Fetcher(Fetcher&&) noexcept;
  Fetcher& operator=(Fetcher&&) noexcept;
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches one URL. A 2xx response, or 304 to a conditional request, is a
  // success. Errors (the message names the URL):
  //   kInvalidArgument  not an http/https URL; a redirect to another protocol;
  //                     a malformed request header
  //   kNotFound         HTTP 404 / 410
  //   kTooLarge         the body passed options.max_bytes
  //   kIoError          DNS failure, connection refused, timeout or stall,
  //                     too many redirects, HTTP 401/403 (access denied),
  //                     other 4xx, and 5xx/429 still failing after
  //                     max_attempts; kIoError also when cancelled, and
  //                     when a connection (after a redirect, say) would
  //                     reach an address request.address_policy refuses
  Result<FetchResponse> Fetch(const FetchRequest& request);

  const FetchOptions& options() const { return options_; }

 private:
  class Easy;  // the libcurl easy handle (fetch.cc)

  // Waits until `interval` has passed since the last request to
  // `host_port`, then records now as its last request.
  void WaitForHost(const std::string& host_port, Millis interval);
  Result<FetchResponse> Render(const FetchRequest& request, const HttpUrl& url);
  void Sleep(Millis duration);
  std::chrono::steady_clock::time_point Now() const;
  bool Cancelled() const { return hooks_.cancel && hooks_.cancel->load(); }

  FetchOptions options_;
  FetchHooks hooks_;
  std::unique_ptr<Easy> easy_;  // reused: keeps connections alive
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
};

// How a failed transfer is reported: `curl_code` is a CURLcode, `detail`
// libcurl's error buffer. Exposed for tests (DNS failures cannot be produced
// on a loopback-only test machine).
Status TransferErrorStatus(int curl_code, std::string_view url, std::string_view detail,
                           const FetchOptions& options);

// How a non-2xx HTTP status is reported (`attempts` made).
Status HttpErrorStatus(long status, std::string_view url, int attempts);

}  // namespace regdiff::ingest
