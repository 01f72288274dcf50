// BrowserSession: Chromium over --remote-debugging-pipe.
#include "tests/e2e/devtools_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::AssertionFailure;
using ::testing::AssertionResult;
using ::testing::AssertionSuccess;

// Flags for Chromium as root on a machine without network (as in
// html_report_test.cc): no sandbox, no GPU, none of the browser's own
// background traffic, and every host but Options::reachable_host (the
// test's server on 127.0.0.1) resolves to nothing.
const char* const kFlags[] = {
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--enable-logging=stderr",
    "--v=0",
    "--remote-debugging-pipe",
};

// How long the browser has to exit after Browser.close before it is killed.
constexpr auto kCloseGrace = std::chrono::seconds(3);

// The bytes `text` (standard base64, padding optional) stands for; stops
// at the first byte outside the alphabet.
std::string DecodeBase64(const std::string& text) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else break;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

// Writes all of `bytes` to `fd`. SIGPIPE (the browser gone) is blocked for
// the write and a pending one consumed, so the test sees EPIPE instead of
// dying; the process's disposition is left as it was (children inherit it).
bool WriteAll(int fd, const std::string& bytes, std::string* error) {
  sigset_t pipe_set, old_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
  size_t done = 0;
  bool ok = true;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = std::string("writing to chromium's pipe: ") + std::strerror(errno);
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (!ok) {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_set, nullptr, &zero) == SIGPIPE) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old_set, nullptr);
  return ok;
}

// "level: text" for a console call's arguments.
std::string ConsoleText(const nlohmann::json& params) {
  std::string text = params.value("type", "log");
  text += ":";
  if (params.contains("args")) {
    for (const auto& arg : params["args"]) {
      text += ' ';
      if (arg.contains("value")) {
        text += arg["value"].is_string() ? arg["value"].get<std::string>() : arg["value"].dump();
      } else {
        text += arg.value("description", arg.value("type", "?"));
      }
    }
  }
  return text;
}

}  // namespace

bool SkipWithoutChromium() {
  if (fs::exists(kChromiumPath)) return false;
  // tools/test sets REGDIFF_REQUIRE_BROWSER: there setup has installed
  // chromium, and a missing browser must fail the run, not skip it.
  if (std::getenv("REGDIFF_REQUIRE_BROWSER") != nullptr) {
    ADD_FAILURE() << kChromiumPath << " not found, and REGDIFF_REQUIRE_BROWSER is set";
    return true;
  }
  // GTEST_SKIP returns void: inside a lambda, it skips the running test.
  [] { GTEST_SKIP() << kChromiumPath << " not found: tools/setup --tests installs Debian's chromium"; }();
  return true;
}

BrowserSession::~BrowserSession() { Shutdown(); }

AssertionResult BrowserSession::Start(const Options& options) {
  if (pid_ > 0) return AssertionFailure() << "the browser is already started";
  options_ = options;
  dir_ = MakeTempDir();
  const std::string profile = dir_ + "/profile";
  const std::string log = dir_ + "/chromium.log";
  fs::create_directories(profile);

  // Our ends close on exec; the child's ends are moved above the standard
  // and protocol fds first, so that dup2 to 3 and 4 never lands on one.
  int to[2], from[2];
  if (pipe2(to, O_CLOEXEC) != 0) return AssertionFailure() << "pipe2: " << std::strerror(errno);
  if (pipe2(from, O_CLOEXEC) != 0) {
    close(to[0]);
    close(to[1]);
    return AssertionFailure() << "pipe2: " << std::strerror(errno);
  }
  const int child_in = fcntl(to[0], F_DUPFD_CLOEXEC, 10);
  const int child_out = fcntl(from[1], F_DUPFD_CLOEXEC, 10);
  close(to[0]);
  close(from[1]);
  to_browser_ = to[1];
  from_browser_ = from[0];
  if (child_in < 0 || child_out < 0) {
    if (child_in >= 0) close(child_in);
    if (child_out >= 0) close(child_out);
    return AssertionFailure() << "fcntl(F_DUPFD): " << std::strerror(errno);
  }

  // Everything exec needs, built before fork (only async-signal-safe calls
  // between fork and exec).
  std::vector<std::string> args = {kChromiumPath};
  for (const char* flag : kFlags) args.emplace_back(flag);
  args.push_back("--user-data-dir=" + profile);
  // IP literals go through the rules too: the reachable one is excluded.
  args.push_back("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + options_.reachable_host);
  std::string size = "--window-size=";
  size += std::to_string(options_.width);
  size += ',';
  size += std::to_string(options_.height);
  args.push_back(size);
  args.emplace_back("about:blank");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);  // its renderers and zygotes too are killed as a group
    const int in = open("/dev/null", O_RDONLY);
    const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(err, 1);
    dup2(err, 2);
    dup2(child_in, 3);  // dup2 clears close-on-exec on 3 and 4
    dup2(child_out, 4);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(child_in);
  close(child_out);
  if (pid_ < 0) return AssertionFailure() << "fork: " << std::strerror(errno);
  setpgid(pid_, pid_);  // also here: whichever runs first

  Json version;
  AssertionResult ok = Call("Browser.getVersion", Json::object(), false, &version);
  if (!ok) return AssertionFailure() << "chromium did not start: " << ok.message();
  return AssertionSuccess();
}

AssertionResult BrowserSession::NewPage() {
  Json target;
  // The page's size is set by Emulation below: createTarget's width and
  // height are only for new windows.
  AssertionResult ok = Call("Target.createTarget", {{"url", "about:blank"}}, false, &target);
  if (!ok) return ok;
  Json attached;
  ok = Call("Target.attachToTarget", {{"targetId", target.value("targetId", "")}, {"flatten", true}}, false,
            &attached);
  if (!ok) return ok;
  session_id_ = attached.value("sessionId", "");
  if (session_id_.empty()) return AssertionFailure() << "Target.attachToTarget gave no sessionId";
  for (const char* domain : {"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"}) {
    ok = Call(domain, Json::object(), true);
    if (!ok) return ok;
  }
  ok = Call("Emulation.setDeviceMetricsOverride",
            {{"width", options_.width}, {"height", options_.height}, {"deviceScaleFactor", 1}, {"mobile", false}},
            true);
  if (!ok) return ok;
  ClearRecords();
  return AssertionSuccess();
}

AssertionResult BrowserSession::Navigate(const std::string& url) {
  const int before = loads_;
  Json nav;
  AssertionResult ok = Call("Page.navigate", {{"url", url}}, true, &nav);
  if (!ok) return ok;
  if (nav.contains("errorText") && !nav["errorText"].get<std::string>().empty())
    return AssertionFailure() << "navigating to " << url << ": " << nav["errorText"].get<std::string>();
  return WaitFor("the load event of " + url, [&] { return loads_ > before; });
}

AssertionResult BrowserSession::Evaluate(const std::string& js, Json* value) {
  Json result;
  AssertionResult ok =
      Call("Runtime.evaluate", {{"expression", js}, {"returnByValue", true}, {"awaitPromise", true}}, true, &result);
  if (!ok) return ok;
  if (result.contains("exceptionDetails")) {
    const Json& details = result["exceptionDetails"];
    std::string what = details.value("text", "exception");
    if (details.contains("exception")) what += " " + details["exception"].value("description", "");
    return AssertionFailure() << "evaluating `" << js << "` threw: " << what;
  }
  *value = result.contains("result") ? result["result"].value("value", Json()) : Json();
  return AssertionSuccess();
}

BrowserSession::Json BrowserSession::Eval(const std::string& js) {
  Json value;
  AssertionResult ok = Evaluate(js, &value);
  if (!ok) ADD_FAILURE() << ok.message();
  return value;
}

AssertionResult BrowserSession::Click(const std::string& selector) {
  const int before = loads_;
  AssertionResult ok = ClickWithinPage(selector);
  if (!ok) return ok;
  return WaitFor("the page loaded by clicking " + selector, [&] { return loads_ > before; });
}

AssertionResult BrowserSession::ClickWithinPage(const std::string& selector) {
  // The selector is passed as a JSON string literal, which is a JS one.
  // The point clicked is the centre of the element's first box: a link
  // wrapped over two lines has nothing of it at the centre of its bounding
  // box. Whatever else is on top of that point is reported, not clicked.
  std::string js = "(() => { const e = document.querySelector(";
  js += Json(selector).dump();
  js += "); if (!e) return null; e.scrollIntoView({block: 'center', inline: 'center'});"
        " const r = e.getClientRects()[0]; if (!r) return {w: 0, h: 0};"
        " const x = r.left + r.width / 2, y = r.top + r.height / 2;"
        " const top = document.elementFromPoint(x, y);"
        " return {x: x, y: y, w: r.width, h: r.height,"
        "         covered: top && (top === e || e.contains(top)) ? null : (top ? top.outerHTML.slice(0, 200) : '')};"
        " })()";
  Json box;
  AssertionResult ok = Evaluate(js, &box);
  if (!ok) return ok;
  if (!box.is_object()) return AssertionFailure() << "no element matches " << selector;
  if (box.value("w", 0.0) <= 0 || box.value("h", 0.0) <= 0)
    return AssertionFailure() << selector << " is not shown (its box is empty)";
  if (box.contains("covered") && box["covered"].is_string())
    return AssertionFailure() << selector << " is covered at its centre by " << box["covered"].get<std::string>();
  const double x = box.value("x", 0.0), y = box.value("y", 0.0);
  ok = Call("Input.dispatchMouseEvent", {{"type", "mouseMoved"}, {"x", x}, {"y", y}}, true);
  for (const char* type : {"mousePressed", "mouseReleased"}) {
    if (!ok) return ok;
    ok = Call("Input.dispatchMouseEvent",
              {{"type", type}, {"x", x}, {"y", y}, {"button", "left"}, {"buttons", 1}, {"clickCount", 1}}, true);
  }
  return ok;
}

AssertionResult BrowserSession::Screenshot(std::string* png) {
  Json shot;
  AssertionResult ok = Call("Page.captureScreenshot", {{"format", "png"}}, true, &shot);
  if (!ok) return ok;
  *png = DecodeBase64(shot.value("data", ""));
  if (png->size() < 8 || png->compare(1, 3, "PNG") != 0)
    return AssertionFailure() << "Page.captureScreenshot gave no PNG";
  return AssertionSuccess();
}

void BrowserSession::ClearRecords() {
  console_.clear();
  requests_.clear();
  failed_.clear();
  request_urls_.clear();
}

std::string BrowserSession::LogTail() const {
  std::ifstream in(dir_ + "/chromium.log");
  std::stringstream text;
  text << in.rdbuf();
  std::string log = text.str();
  if (log.size() > 2000) log = "..." + log.substr(log.size() - 2000);
  return log;
}

AssertionResult BrowserSession::Call(const std::string& method, const Json& params, bool on_page,
                                     Json* result) {
  if (pid_ <= 0) return AssertionFailure() << method << ": the browser is not started";
  const int id = next_id_++;
  Json message = {{"id", id}, {"method", method}, {"params", params}};
  if (on_page) {
    if (session_id_.empty()) return AssertionFailure() << method << ": no page (call NewPage first)";
    message["sessionId"] = session_id_;
  }
  std::string error;
  if (!Send(message, &error)) return AssertionFailure() << method << ": " << error << "\n" << LogTail();
  AssertionResult ok = WaitFor("the reply to " + method, [&] { return replies_.count(id) > 0; });
  if (!ok) return ok;
  Json reply = std::move(replies_[id]);
  replies_.erase(id);
  if (reply.contains("error")) {
    return AssertionFailure() << method << " failed: " << reply["error"].value("message", reply["error"].dump());
  }
  if (result) *result = reply.value("result", Json::object());
  return AssertionSuccess();
}

template <typename Done>
AssertionResult BrowserSession::WaitFor(const std::string& what, Done done) {
  const auto deadline = Clock::now() + options_.timeout;
  std::string error;
  while (!done()) {
    if (!Pump(deadline, &error)) {
      return AssertionFailure() << "waiting for " << what << ": " << error << "\nchromium's log:\n" << LogTail();
    }
  }
  return AssertionSuccess();
}

bool BrowserSession::Pump(Clock::time_point deadline, std::string* error) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) {
    *error = "timed out after " + std::to_string(options_.timeout.count()) + " ms";
    return false;
  }
  pollfd p{from_browser_, POLLIN, 0};
  const int n = poll(&p, 1, static_cast<int>(left.count()));
  if (n < 0 && errno == EINTR) return true;
  if (n < 0) {
    *error = std::string("poll: ") + std::strerror(errno);
    return false;
  }
  if (n == 0) return true;  // the next call reports the timeout
  char chunk[65536];
  const ssize_t got = read(from_browser_, chunk, sizeof chunk);
  if (got < 0 && errno == EINTR) return true;
  if (got <= 0) {
    *error = got == 0 ? "chromium closed its pipe (it exited)" : std::string("read: ") + std::strerror(errno);
    return false;
  }
  buffer_.append(chunk, static_cast<size_t>(got));
  for (size_t end; (end = buffer_.find('\0')) != std::string::npos;) {
    Json message = Json::parse(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(end), nullptr,
                               /*allow_exceptions=*/false);
    buffer_.erase(0, end + 1);
    if (message.is_discarded()) {
      *error = "chromium sent a message that is not JSON";
      return false;
    }
    Dispatch(message);
  }
  return true;
}

void BrowserSession::Dispatch(const Json& message) {
  if (message.contains("id")) {
    replies_[message["id"].get<int>()] = message;
    return;
  }
  if (message.value("sessionId", "") != session_id_ || session_id_.empty()) return;
  const std::string method = message.value("method", "");
  const Json& params = message.contains("params") ? message["params"] : Json::object();
  if (method == "Page.loadEventFired") {
    ++loads_;
  } else if (method == "Runtime.consoleAPICalled") {
    console_.push_back(ConsoleText(params));
  } else if (method == "Runtime.exceptionThrown") {
    const Json& details = params.value("exceptionDetails", Json::object());
    std::string text = "exception: " + details.value("text", "");
    if (details.contains("exception")) text += " " + details["exception"].value("description", "");
    console_.push_back(text);
  } else if (method == "Log.entryAdded") {
    const Json& entry = params.value("entry", Json::object());
    std::string text = entry.value("level", "log") + ": " + entry.value("text", "");
    if (entry.contains("url")) text += " (" + entry["url"].get<std::string>() + ")";
    console_.push_back(text);
  } else if (method == "Network.requestWillBeSent") {
    const std::string url = params["request"].value("url", "");
    requests_.push_back(url);
    request_urls_[params.value("requestId", "")] = url;
  } else if (method == "Network.responseReceived" && params.value("type", "") == "Document") {
    document_headers_.clear();
    document_status_ = params["response"].value("status", 0);
    const Json headers = params["response"].value("headers", Json::object());
    for (const auto& [name, value] : headers.items()) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      document_headers_[lower] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  } else if (method == "Network.loadingFailed") {
    std::string text = request_urls_[params.value("requestId", "")];
    text += ": ";
    text += params.value("errorText", "");
    if (params.contains("blockedReason")) text += " (blocked: " + params["blockedReason"].get<std::string>() + ")";
    failed_.push_back(text);
  }
}

bool BrowserSession::Send(const Json& message, std::string* error) {
  std::string bytes = message.dump();
  bytes += '\0';
  return WriteAll(to_browser_, bytes, error);
}

void BrowserSession::Shutdown() {
  if (pid_ > 0) {
    std::string error;
    Json close_message = {{"id", next_id_++}, {"method", "Browser.close"}};
    Send(close_message, &error);
    const auto deadline = Clock::now() + kCloseGrace;
    bool reaped = false;
    while (!reaped && Clock::now() < deadline) {
      int status = 0;
      const pid_t got = waitpid(pid_, &status, WNOHANG);
      if (got == pid_ || (got < 0 && errno != EINTR)) reaped = true;
      else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Whatever is left of the group (renderers, zygotes, or the browser
    // itself when it did not close in time) is killed.
    kill(-pid_, SIGKILL);
    if (!reaped) {
      int status = 0;
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
    pid_ = -1;
  }
  if (to_browser_ >= 0) close(to_browser_);
  if (from_browser_ >= 0) close(from_browser_);
  to_browser_ = from_browser_ = -1;
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

}  // namespace regdiff::testing
