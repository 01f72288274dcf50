// A `regdiff serve` child for end-to-end tests: started on a free loopback
// port, the port read from its "serving ... on http://HOST:PORT/" line, and
// killed when it goes out of scope still running; and ServedSamples, the
// database of the bundled samples each serve suite serves.
#pragma once

#include <httplib.h>

#include <map>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/child_process.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {

// A `regdiff --db DB serve --bind BIND` child and the port it listens on
// (read from its "serving ... on http://HOST:PORT/" line).
// Killed when it goes out of scope still running (a failed assertion returns
// before the test stops it).
struct Server {
  ChildProcess child;
  int port = -1;
  std::string err;  // stderr up to the listening line (or the end)

  Server() = default;
  Server(Server&& other) noexcept
      : child(other.child), port(other.port), err(std::move(other.err)) {
    other.child.pid = -1;
  }
  Server& operator=(Server&& other) noexcept {
    if (this != &other) {
      if (child.pid > 0) KillChild(child);
      child = other.child;
      port = other.port;
      err = std::move(other.err);
      other.child.pid = -1;
    }
    return *this;
  }
  ~Server() {
    if (child.pid > 0) KillChild(child);
  }
};

inline Server StartServe(const std::string& db, const std::string& dir,
                  std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--db", db, "serve"};
  if (extra.empty()) extra = {"--bind", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  // A file of its own per start: a reused one could show the last server's port.
  static int starts = 0;
  const std::string err_path = dir + "/serve" + std::to_string(++starts) + ".err";
  Server s;
  s.child = SpawnRegdiff(args, dir + "/serve.out", err_path);
  for (int i = 0; i < 500 && s.port < 0; ++i) {
    std::ifstream in(err_path);
    std::stringstream text;
    text << in.rdbuf();
    s.err = text.str();
    const size_t at = s.err.find("(read-only; Ctrl-C stops)");
    if (at != std::string::npos) {
      const size_t colon = s.err.rfind(':', at);
      s.port = std::stoi(s.err.substr(colon + 1));
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return s;
}

inline std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A database of the bundled samples, then of `own` files (path under a
// folder of their own -> bytes: a test's hostile pages) ingested after
// them, in a temporary folder, served by `regdiff serve` on a free loopback
// port. A suite makes one in SetUpTestSuite and deletes it in
// TearDownTestSuite: the server is killed and the folder removed.
class ServedSamples {
 public:
  explicit ServedSamples(const std::map<std::string, std::string>& own = {}) : dir_(MakeTempDir()) {
    std::vector<std::string> inputs = {SamplesDir()};
    if (!own.empty()) {
      for (const auto& [path, bytes] : own) {
        const std::string file = dir_ + "/own/" + path;
        std::filesystem::create_directories(std::filesystem::path(file).parent_path());
        std::ofstream(file, std::ios::binary) << bytes;
      }
      inputs.push_back(dir_ + "/own");
    }
    for (const std::string& input : inputs) {
      RunResult r = RunRegdiff({"--db", db(), "ingest", input});
      if (r.exit_code != 0) {
        error_ = "ingest " + input + " failed: " + r.err;
        return;
      }
    }
    server_ = StartServe(db(), dir_);
    if (server_.port <= 0) error_ = "regdiff serve did not start: " + server_.err;
  }
  ~ServedSamples() {
    if (server_.child.pid > 0) KillChild(server_.child);
    server_.child.pid = -1;
    std::filesystem::remove_all(dir_);
  }
  ServedSamples(const ServedSamples&) = delete;
  ServedSamples& operator=(const ServedSamples&) = delete;

  // "" when the database was made and the server listens; else what failed.
  const std::string& error() const { return error_; }
  const std::string& dir() const { return dir_; }
  std::string db() const { return dir_ + "/t.db"; }
  int port() const { return server_.port; }
  Server& server() { return server_; }

  // GET `target` on a connection of its own (2 s to connect, 10 s to answer).
  httplib::Result Get(const std::string& target, const httplib::Headers& headers = {}) const {
    httplib::Client client("127.0.0.1", server_.port);
    client.set_connection_timeout(2);
    client.set_read_timeout(10);
    return client.Get(target.c_str(), headers);
  }

 private:
  std::string dir_;
  std::string error_;
  Server server_;
};

}  // namespace regdiff::testing
