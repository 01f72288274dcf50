// A browser session for end-to-end tests: headless Chromium driven over the
// DevTools protocol on --remote-debugging-pipe (no websocket). Chromium reads
// JSON commands, each ended by a NUL byte, from its fd 3 and writes replies
// and events, each ended by a NUL byte, to its fd 4. The session opens one
// page, navigates, evaluates script, clicks as a mouse does, takes
// screenshots, and records the page's console messages and network requests.
// Every wait has a deadline: a browser that stops answering fails the call
// with a message, never hangs the test.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace regdiff::testing {

inline constexpr char kChromiumPath[] = "/usr/bin/chromium";

// One Chromium process (its own process group, its own temporary profile)
// and one page in it. Move-less: the pipe ends, the child and the profile
// directory are owned here; the destructor closes the browser (Browser.close,
// then SIGKILL to the group after a grace period), reaps it and removes the
// profile.
class BrowserSession {
 public:
  using Json = nlohmann::json;

  struct Options {
    int width = 1280;   // window and page size, CSS pixels
    int height = 1000;
    std::chrono::milliseconds timeout{15000};  // for every wait
    std::string reachable_host = "127.0.0.1";   // the only host that resolves
  };

  BrowserSession() = default;
  BrowserSession(const BrowserSession&) = delete;
  BrowserSession& operator=(const BrowserSession&) = delete;
  ~BrowserSession();

  // Starts Chromium (kChromiumPath) with the pipe on fds 3 and 4 and checks
  // that it answers Browser.getVersion.
  ::testing::AssertionResult Start(const Options& options);
  bool started() const { return pid_ > 0; }

  // Opens a new page (about:blank), attaches to it (flattened session) and
  // enables the Page, Runtime, Log and Network domains on it.
  ::testing::AssertionResult NewPage();

  // Loads `url` in the page and waits for its load event. Fails on a network
  // error (Page.navigate's errorText); an HTTP error status still loads. A
  // change of fragment only loads nothing: it fails after the timeout.
  ::testing::AssertionResult Navigate(const std::string& url);

  // Runs the expression `js` in the page; `*value` is its result by value
  // (JSON null for undefined). Fails when it throws.
  ::testing::AssertionResult Evaluate(const std::string& js, Json* value);

  // Evaluate, for a test that wants only the value: a failure is added to
  // the test and null returned.
  Json Eval(const std::string& js);

  // Clicks the first element matching the CSS `selector` as a mouse does:
  // scrolls it into view, presses and releases the left button at the
  // centre of its first box (its first line, when it wraps); then waits for
  // the page the click loads. Fails when another element covers that point.
  ::testing::AssertionResult Click(const std::string& selector);

  // Click without waiting for a page: for a link within the page (#ev-3)
  // or a control that loads nothing.
  ::testing::AssertionResult ClickWithinPage(const std::string& selector);

  // The page's viewport as a PNG.
  ::testing::AssertionResult Screenshot(std::string* png);

  // What the page has done since NewPage: console messages ("level: text"),
  // uncaught exceptions and log entries (CSP violations, failed loads);
  // every URL it requested; the requests that failed ("URL: reason").
  const std::vector<std::string>& console() const { return console_; }
  const std::vector<std::string>& requests() const { return requests_; }
  const std::vector<std::string>& failed_requests() const { return failed_; }
  // The HTTP status and headers (names lower-cased) of the last document
  // the page loaded.
  int document_status() const { return document_status_; }
  const std::map<std::string, std::string>& document_headers() const { return document_headers_; }
  void ClearRecords();

  // Changes the deadline of the waits to come.
  void set_timeout(std::chrono::milliseconds timeout) { options_.timeout = timeout; }

  // Chromium's own stderr so far (the end of it), for failure messages.
  std::string LogTail() const;

 private:
  using Clock = std::chrono::steady_clock;

  // Sends `method` with `params` (to the page's session when `on_page`) and
  // waits for its reply; `*result` is the reply's result.
  ::testing::AssertionResult Call(const std::string& method, const Json& params, bool on_page,
                                  Json* result = nullptr);
  // Reads and dispatches messages until `done()` or the deadline; `what`
  // names the wait in the failure message.
  template <typename Done>
  ::testing::AssertionResult WaitFor(const std::string& what, Done done);
  // Reads what is there (waiting at most until `deadline`) and dispatches
  // each complete message. False with `*error` on EOF, error or timeout.
  bool Pump(Clock::time_point deadline, std::string* error);
  void Dispatch(const Json& message);
  bool Send(const Json& message, std::string* error);
  void Shutdown();

  Options options_;
  pid_t pid_ = -1;
  int to_browser_ = -1;    // our end of the pipe Chromium reads as fd 3
  int from_browser_ = -1;  // our end of the pipe Chromium writes as fd 4
  std::string dir_;        // temporary: profile/ and chromium.log
  std::string buffer_;     // bytes read, not yet a whole message
  int next_id_ = 1;
  std::map<int, Json> replies_;  // replies read while waiting for another
  std::string session_id_;       // the page's flattened session
  int loads_ = 0;                // Page.loadEventFired seen on the page
  std::vector<std::string> console_, requests_, failed_;
  std::map<std::string, std::string> request_urls_;  // requestId -> URL
  int document_status_ = 0;
  std::map<std::string, std::string> document_headers_;
};

// Skips the test (or fails it when REGDIFF_REQUIRE_BROWSER is set, as
// tools/test sets it) when kChromiumPath is absent. Use as
// `if (SkipWithoutChromium()) return;` at the top of SetUp or a test.
bool SkipWithoutChromium();

}  // namespace regdiff::testing
