// Fetcher over libcurl's easy interface: one move-only owner per C handle
// (the easy handle, the header list), curl_global_init once per process, and
// the retry/backoff/politeness loop around one transfer.
#include "ingest/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <mutex>
#include <thread>

#include "corpus/strings.h"
#include "ingest/browser.h"
#include "ingest/url.h"

#ifndef REGDIFF_VERSION
#define REGDIFF_VERSION "dev"
#endif

namespace regdiff::ingest {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Owns a curl_slist.
class HeaderList {
 public:
  HeaderList() = default;
  ~HeaderList() { curl_slist_free_all(list_); }
  HeaderList(HeaderList&& other) noexcept : list_(std::exchange(other.list_, nullptr)) {}
  HeaderList& operator=(HeaderList&& other) noexcept {
    std::swap(list_, other.list_);
    return *this;
  }
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;

  // False when libcurl could not allocate.
  bool Append(const std::string& line) {
    curl_slist* next = curl_slist_append(list_, line.c_str());
    if (!next) return false;
    list_ = next;
    return true;
  }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

// Appended piece by piece: GCC 12 at -O2 and above warns (-Wrestrict, a
// false positive) on "literal" + std::string temporaries here.
std::string Seconds(Millis ms) {
  const long long tenths = (ms.count() + 50) / 100;
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10) {
    out += '.';
    out += std::to_string(tenths % 10);
  }
  out += " s";
  return out;
}

std::string_view ReasonPhrase(long status) {
  switch (status) {
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

std::string StatusLine(long status) {
  std::string out = "HTTP ";
  out += std::to_string(status);
  std::string_view reason = ReasonPhrase(status);
  if (!reason.empty()) {
    out += ' ';
    out += reason;
  }
  return out;
}

// Failures worth another attempt: the network or the server, not the request.
bool RetryableCurlCode(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

// Retry-After in seconds (the HTTP-date form is ignored), or -1.
long RetryAfterSeconds(const std::string& value) {
  if (value.empty() || value.size() > 9) return -1;
  for (char c : value)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  return std::stol(value);
}

}  // namespace

// Owns a CURL easy handle; reused across requests (curl_easy_reset keeps its
// connection cache), so connections to one host are kept alive.
class Fetcher::Easy {
 public:
  Easy() : handle_(curl_easy_init()) {}
  ~Easy() {
    if (handle_) curl_easy_cleanup(handle_);
  }
  Easy(const Easy&) = delete;
  Easy& operator=(const Easy&) = delete;

  CURL* get() const { return handle_; }

 private:
  CURL* handle_;
};

namespace {

// One transfer's results, filled by libcurl's callbacks.
struct Transfer {
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  size_t max_bytes = 0;
  bool too_large = false;
  const std::atomic<bool>* cancel = nullptr;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // CURLE_WRITE_ERROR: the transfer stops here
  }
  t->body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    t->headers.clear();  // a new response (after a redirect or 100 Continue)
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;  // the blank line ending the headers
  t->headers.emplace_back(AsciiLower(Trim(line.substr(0, colon))),
                          std::string(Trim(line.substr(colon + 1))));
  return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->cancel && t->cancel->load() ? 1 : 0;
}

// Every connection of a transfer, redirects included, checked against the
// request's AddressPolicy once libcurl knows the address it reached.
struct ConnectCheck {
  CURL* curl = nullptr;
  const AddressPolicy* policy = nullptr;
  std::string request_host;
  std::string refused;  // why a connection was refused; "" when none was
};

int OnPrereq(void* user, char* primary_ip, char* /*local_ip*/, int /*primary_port*/,
             int /*local_port*/) {
  auto* c = static_cast<ConnectCheck*>(user);
  char* effective = nullptr;
  curl_easy_getinfo(c->curl, CURLINFO_EFFECTIVE_URL, &effective);
  const std::string url = effective ? effective : "";
  const std::optional<HttpUrl> u = ParseHttpUrl(url);
  const std::string ip = primary_ip ? primary_ip : "";
  if (u && c->policy->Allows(u->host, ip, c->request_host)) return CURL_PREREQFUNC_OK;
  c->refused = "refused to connect to " + url + ": it is at " + ip +
               ", a loopback, private or link-local address, and its host is not the source's "
               "own nor one of its allowed_hosts";
  return CURL_PREREQFUNC_ABORT;
}

}  // namespace

std::string DefaultUserAgent() {
  return std::string("regdiff/") + REGDIFF_VERSION +
         " (export-control announcement watcher; libcurl/" + curl_version_info(CURLVERSION_NOW)->version + ")";
}

std::string FetchResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return "";
}

std::string FetchResponse::Charset() const {
  const std::string type = AsciiLower(Header("content-type"));
  const size_t at = type.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view value = std::string_view(type).substr(at + 8);
  value = value.substr(0, value.find(';'));
  value = Trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

Status TransferErrorStatus(int curl_code, std::string_view url, std::string_view detail,
                           const FetchOptions& options) {
  const std::string where = std::string(url);
  const std::string extra = detail.empty() ? "" : " (" + std::string(detail) + ")";
  switch (static_cast<CURLcode>(curl_code)) {
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Status::InvalidArgument("refusing a URL that is not http or https (a redirect?): " +
                                     where + extra);
    case CURLE_URL_MALFORMAT:
      return Status::InvalidArgument("malformed URL: " + where + extra);
    case CURLE_COULDNT_RESOLVE_HOST:
      return Status::IoError("DNS lookup failed: cannot resolve the host of " + where + extra);
    case CURLE_COULDNT_RESOLVE_PROXY:
      return Status::IoError("DNS lookup failed for the proxy while fetching " + where + extra);
    case CURLE_COULDNT_CONNECT:
      return Status::IoError("cannot connect (refused or unreachable): " + where + extra);
    case CURLE_OPERATION_TIMEDOUT:
      return Status::IoError("timed out (limit " + Seconds(options.total_timeout) +
                             ", or stalled below " + std::to_string(options.stall_bytes_per_second) +
                             " bytes/s for " + Seconds(options.stall_time) + "): " + where + extra);
    case CURLE_TOO_MANY_REDIRECTS:
      return Status::IoError("more than " + std::to_string(options.max_redirects) +
                             " redirects: " + where);
    case CURLE_FILESIZE_EXCEEDED:
      return Status::TooLarge("response is larger than the " + std::to_string(options.max_bytes) +
                              "-byte limit: " + where);
    case CURLE_ABORTED_BY_CALLBACK:
      return Status::IoError("cancelled: " + where);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      return Status::IoError("TLS error: " + where + extra);
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      return Status::IoError("connection closed before the response was complete: " + where +
                             extra);
    default:
      return Status::IoError(std::string("fetch failed: ") +
                             curl_easy_strerror(static_cast<CURLcode>(curl_code)) + ": " + where +
                             extra);
  }
}

Status HttpErrorStatus(long status, std::string_view url, int attempts) {
  const std::string where = std::string(url);
  const std::string tries = attempts > 1 ? " (" + std::to_string(attempts) + " attempts)" : "";
  if (status == 404 || status == 410) return Status::NotFound(StatusLine(status) + ": " + where);
  if (status == 401 || status == 403) {
    return Status::IoError(StatusLine(status) + " (access denied): " + where);
  }
  if (status == 429) return Status::IoError(StatusLine(status) + " (rate limited): " + where + tries);
  if (status >= 500) return Status::IoError(StatusLine(status) + " (server error): " + where + tries);
  if (status >= 300 && status < 400) {
    return Status::IoError(StatusLine(status) + " without a usable redirect: " + where);
  }
  return Status::IoError(StatusLine(status) + ": " + where);
}

Fetcher::Fetcher(FetchOptions options, FetchHooks hooks)
    : options_(std::move(options)), hooks_(std::move(hooks)) {
  GlobalInit();
  easy_ = std::make_unique<Easy>();
}

Fetcher::~Fetcher() = default;
Fetcher::Fetcher(Fetcher&&) noexcept = default;
Fetcher& Fetcher::operator=(Fetcher&&) noexcept = default;

std::chrono::steady_clock::time_point Fetcher::Now() const {
  return hooks_.now ? hooks_.now() : std::chrono::steady_clock::now();
}

void Fetcher::Sleep(Millis duration) {
  if (duration <= Millis(0)) return;
  if (hooks_.sleep) {
    hooks_.sleep(duration);
    return;
  }
  // In slices, so a cancel (SIGINT) is noticed within 100 ms.
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!Cancelled()) {
    const auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, Millis(100)));
  }
}

Result<FetchResponse> Fetcher::Render(const FetchRequest& request, const HttpUrl& url) {
  if (request.method != "GET") {
    return Status::InvalidArgument("a browser request is a GET: " + request.url);
  }
  if (Cancelled()) return Status::IoError("cancelled: " + request.url);
  WaitForHost(url.HostPort(), options_.min_host_interval);
  BrowserOptions browser;
  browser.command = options_.browser_command;
  browser.time_limit = options_.total_timeout;
  browser.max_bytes = options_.max_bytes;
  browser.user_agent = options_.user_agent;
  std::vector<std::string> hosts = request.address_policy.trusted_hosts;
  hosts.push_back(url.host);
  auto dom = RenderPage(browser, request.url, hosts, hooks_.cancel);
  if (!dom.ok()) return dom.status();
  FetchResponse response;
  response.status = 200;
  response.url = request.url;
  response.body = std::move(dom).value();
  response.headers = {{"content-type", "text/html; charset=utf-8"}};
  return response;
}

void Fetcher::WaitForHost(const std::string& host_port, Millis interval) {
  auto it = last_request_.find(host_port);
  if (it != last_request_.end()) {
    const auto elapsed = std::chrono::duration_cast<Millis>(Now() - it->second);
    if (elapsed < interval) Sleep(interval - elapsed);
  }
  last_request_[host_port] = Now();
}

Result<FetchResponse> Fetcher::Fetch(const FetchRequest& request) {
  const std::optional<HttpUrl> url = ParseHttpUrl(request.url);
  if (!url) {
    return Status::InvalidArgument("only absolute http and https URLs are fetched: '" +
                                   request.url + "'");
  }
  if (request.method != "GET" && request.method != "POST") {
    return Status::InvalidArgument("unsupported HTTP method " + request.method);
  }
  if (request.browser) return Render(request, *url);
  if (!easy_ || !easy_->get()) return Status::Internal("curl_easy_init failed");
  CURL* curl = easy_->get();
  const int max_attempts = std::max(1, options_.max_attempts);

  // The request's own headers, checked before anything is sent: a line break
  // in one would smuggle a header (or a request) past libcurl.
  auto overridden = [&request](std::string_view name) {
    for (const auto& header : request.headers)
      if (AsciiLower(header.first) == name) return true;
    return false;
  };
  constexpr std::string_view kLineBreaks("\r\n\0", 3);
  constexpr std::string_view kNotInName(":\r\n\0", 4);
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || name.find_first_of(kNotInName) != std::string::npos ||
        value.find_first_of(kLineBreaks) != std::string::npos) {
      return Status::InvalidArgument("malformed request header '" + name + "' for " + request.url);
    }
  }
  HeaderList headers;
  bool ok = true;
  if (!overridden("accept")) ok = headers.Append("Accept: text/html,application/xhtml+xml,*/*;q=0.8");
  if (!overridden("accept-language")) {
    ok = ok && headers.Append("Accept-Language: zh-CN,zh;q=0.9,en;q=0.5");
  }
  if (!request.validators.etag.empty()) {
    ok = ok && headers.Append("If-None-Match: " + request.validators.etag);
  }
  if (!request.validators.last_modified.empty()) {
    ok = ok && headers.Append("If-Modified-Since: " + request.validators.last_modified);
  }
  if (request.method == "POST" && !request.content_type.empty()) {
    ok = ok && headers.Append("Content-Type: " + request.content_type);
  }
  for (const auto& [name, value] : request.headers) {
    ok = ok && headers.Append(name + ": " + value);
  }
  if (!ok) return Status::Internal("out of memory building request headers");

  Status last_error;
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    if (Cancelled()) return Status::IoError("cancelled: " + request.url);
    WaitForHost(url->HostPort(), request.validators.empty()
                                     ? options_.min_host_interval
                                     : std::min(options_.min_recheck_interval,
                                                options_.min_host_interval));

    Transfer t;
    t.max_bytes = options_.max_bytes;
    t.cancel = hooks_.cancel;
    char error_buffer[CURL_ERROR_SIZE] = {0};
    const long stall_seconds =
        std::max<long>(1, static_cast<long>((options_.stall_time.count() + 999) / 1000));

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options_.stall_bytes_per_second);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, stall_seconds);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    ConnectCheck check{curl, &request.address_policy, url->host, ""};
    curl_easy_setopt(curl, CURLOPT_PREREQFUNCTION, &OnPrereq);
    curl_easy_setopt(curl, CURLOPT_PREREQDATA, &check);
    if (hooks_.cancel) {
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &OnProgress);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    }
    if (request.method == "POST") {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    } else {
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }

    const CURLcode code = curl_easy_perform(curl);
    long http_status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_status);
    char* effective = nullptr;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);

    bool retryable = false;
    if (code != CURLE_OK) {
      if (!check.refused.empty()) return Status::IoError(check.refused);
      if (t.too_large) {
        return Status::TooLarge("response passed the " + std::to_string(options_.max_bytes) +
                                "-byte limit: " + request.url);
      }
      last_error = TransferErrorStatus(code, request.url, error_buffer, options_);
      retryable = RetryableCurlCode(code) && !Cancelled();
    } else if ((http_status >= 200 && http_status < 300) ||
               (http_status == 304 && !request.validators.empty())) {
      FetchResponse response;
      response.status = http_status;
      response.not_modified = http_status == 304;
      response.url = effective ? effective : request.url;
      response.body = response.not_modified ? std::string() : std::move(t.body);
      response.headers = std::move(t.headers);
      response.validators.etag = response.Header("etag");
      response.validators.last_modified = response.Header("last-modified");
      if (response.not_modified && response.validators.empty()) {
        response.validators = request.validators;  // a 304 need not repeat them
      }
      response.attempts = attempt;
      return response;
    } else {
      retryable = http_status >= 500 || http_status == 429;
      last_error = HttpErrorStatus(http_status, request.url, attempt);
    }
    if (!retryable || attempt == max_attempts) return last_error;

    // Exponential backoff; a server's Retry-After is honoured up to backoff_max.
    Millis delay = options_.backoff_initial;
    for (int i = 1; i < attempt && delay < options_.backoff_max; ++i) delay *= 2;
    delay = std::min(delay, options_.backoff_max);
    for (const auto& [name, value] : t.headers) {
      if (name != "retry-after") continue;
      const long seconds = RetryAfterSeconds(value);
      if (seconds >= 0) delay = std::min(std::max(delay, Millis(seconds * 1000)), options_.backoff_max);
    }
    Sleep(delay);
  }
  return last_error;
}

}  // namespace regdiff::ingest
