// A `regdiff serve` child for end-to-end tests: started on a free loopback
// port, the port read from its "serving ... on http://HOST:PORT/" line, and
// killed when it goes out of scope still running.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/child_process.h"
#include "tests/e2e/run_regdiff.h"

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
  Server& operator=(Server&&) = delete;
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

}  // namespace regdiff::testing
