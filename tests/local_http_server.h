// A real HTTP server on 127.0.0.1 for the fetch and watch tests (cpp-httplib,
// in-process, on a port chosen free at start). Pages are set per path; each
// reply can be a status, a body, extra headers, or misbehaviour: a stall
// before answering, a body that stops mid-way, a body without a length. Every
// reply carries an ETag of its body and answers a matching If-None-Match with
// 304. Requests are counted, with their query parameters, headers and POST
// bodies. Loopback only.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace regdiff::testing {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "text/html";
  std::vector<std::pair<std::string, std::string>> headers;
  bool etag = true;           // send ETag (hash of body); answer If-None-Match with 304
  bool stall = false;         // wait (until the server stops) before answering
  bool stall_mid_body = false;  // send the first 100 bytes, then wait
  bool chunked = false;       // send the body without Content-Length

  static Reply Page(std::string body) {
    Reply r;
    r.body = std::move(body);
    return r;
  }
  static Reply Code(int status, std::string body = "") {
    Reply r = Page(std::move(body));
    r.status = status;
    return r;
  }
  static Reply Stalled() {
    Reply r;
    r.stall = true;
    return r;
  }
  Reply& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

struct SeenRequest {
  std::string method;
  std::string path;
  std::string body;
  std::string user_agent;
  std::string if_none_match;
  std::string content_type;
  httplib::Params params;    // the query's parameters, decoded
  httplib::Headers headers;  // names compared without case

  // The first header named `name` (any case), "" if none.
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  // The first query parameter named `name`, "" if none.
  std::string Param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  }
};

class LocalHttpServer {
 public:
  LocalHttpServer() {
    // One request per connection: stopping never waits on an idle client.
    server_.set_keep_alive_max_count(1);
    server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); });
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  ~LocalHttpServer() { Stop(); }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  // Releases stalled replies and stops; the port then refuses connections.
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      released_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  void Set(const std::string& path, Reply reply) {
    std::lock_guard<std::mutex> lock(mu_);
    handlers_.erase(path);
    replies_[path] = std::move(reply);
  }
  // A reply computed per request (e.g. fail twice, then succeed).
  void SetHandler(const std::string& path, std::function<Reply(const SeenRequest&)> handler) {
    std::lock_guard<std::mutex> lock(mu_);
    replies_.erase(path);
    handlers_[path] = std::move(handler);
  }

  int Hits(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mu_);
    int n = 0;
    for (const SeenRequest& r : seen_) n += r.path == path;
    return n;
  }
  int TotalHits() const {
    std::lock_guard<std::mutex> lock(mu_);
    return static_cast<int>(seen_.size());
  }
  int NotModifiedReplies() const {
    std::lock_guard<std::mutex> lock(mu_);
    return not_modified_;
  }
  std::vector<SeenRequest> Requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }
  std::vector<std::string> Posted(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    for (const SeenRequest& r : seen_)
      if (r.method == "POST" && r.path == path) out.push_back(r.body);
    return out;
  }

 private:
  // Appended piece by piece: GCC 12 warns (falsely) about `"\"" + ...`
  // once this is inlined into a large test.
  static std::string EtagOf(const std::string& body) {
    std::string etag = "\"";
    etag.append(std::to_string(std::hash<std::string>{}(body)));
    etag.push_back('-');
    etag.append(std::to_string(body.size()));
    etag.push_back('"');
    return etag;
  }

  // Waits until Stop(); true when released.
  bool WaitForRelease() {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(20), [this] { return released_; });
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    SeenRequest seen{req.method, req.path, req.body, req.get_header_value("User-Agent"),
                     req.get_header_value("If-None-Match"), req.get_header_value("Content-Type"),
                     req.params, req.headers};
    Reply reply;
    std::function<Reply(const SeenRequest&)> handler;
    {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back(seen);
      if (auto h = handlers_.find(req.path); h != handlers_.end()) {
        handler = h->second;
      } else if (auto r = replies_.find(req.path); r != replies_.end()) {
        reply = r->second;
      } else {
        reply.status = 404;
        reply.body = "<html><body>抱歉，您访问的页面不存在！</body></html>";
        reply.etag = false;
      }
    }
    if (handler) reply = handler(seen);
    if (reply.stall) {
      WaitForRelease();
      res.status = 503;
      return;
    }
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    res.status = reply.status;
    if (reply.etag && reply.status == 200) {
      const std::string etag = EtagOf(reply.body);
      res.set_header("ETag", etag);
      if (seen.if_none_match == etag) {
        std::lock_guard<std::mutex> lock(mu_);
        ++not_modified_;
        res.status = 304;
        return;
      }
    }
    if (reply.stall_mid_body) {
      auto body = std::make_shared<std::string>(reply.body);
      res.set_chunked_content_provider(
          reply.content_type, [this, body](size_t offset, httplib::DataSink& sink) {
            if (offset == 0) {
              sink.write(body->data(), std::min<size_t>(100, body->size()));
              return true;
            }
            WaitForRelease();
            sink.done();
            return true;
          });
      return;
    }
    if (reply.chunked) {
      auto body = std::make_shared<std::string>(std::move(reply.body));
      res.set_chunked_content_provider(
          reply.content_type, [body](size_t offset, httplib::DataSink& sink) {
            constexpr size_t kChunk = 1 << 16;
            if (offset >= body->size()) {
              sink.done();
              return true;
            }
            return sink.write(body->data() + offset, std::min(kChunk, body->size() - offset));
          });
      return;
    }
    res.set_content(reply.body, reply.content_type);
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  std::map<std::string, Reply> replies_;
  std::map<std::string, std::function<Reply(const SeenRequest&)>> handlers_;
  std::vector<SeenRequest> seen_;
  int not_modified_ = 0;
};

}  // namespace regdiff::testing
