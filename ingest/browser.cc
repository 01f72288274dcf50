// RenderPage: chromium --headless --dump-dom in a temporary profile.
#include "ingest/browser.h"

#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "ingest/subprocess.h"
#include "ingest/url.h"

namespace regdiff::ingest {
namespace {

// A fresh directory under $TMPDIR (or /tmp), removed with what the browser
// left in it.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "regdiff-browser-XXXXXX").string();
    if (ec) pattern = "/tmp/regdiff-browser-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }  // "" when it could not be made

 private:
  std::string path_;
};

// Flags for a browser run as a fetcher: no sandbox (watch may run as root
// in a container), no GPU, none of the browser's own background traffic.
constexpr const char* kFlags[] = {
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
};

}  // namespace

Result<std::string> RenderPage(const BrowserOptions& options, const std::string& url,
                               const std::vector<std::string>& hosts,
                               const std::atomic<bool>* cancel) {
  TempDir profile;
  if (profile.path().empty()) return Status::IoError("cannot create a browser profile directory");
  std::vector<std::string> argv = {options.command};
  for (const char* flag : kFlags) argv.emplace_back(flag);
  argv.push_back("--user-data-dir=" + profile.path());
  const std::optional<HttpUrl> parsed = ParseHttpUrl(url);
  if (!parsed) return Status::InvalidArgument("only absolute http and https URLs are rendered: '" + url + "'");
  std::string rules = "MAP * ~NOTFOUND, EXCLUDE " + parsed->host;
  for (const std::string& host : hosts) rules += ", EXCLUDE " + host;
  argv.push_back("--host-resolver-rules=" + rules);
  argv.push_back("--virtual-time-budget=" + std::to_string(options.script_time.count()));
  if (!options.user_agent.empty()) argv.push_back("--user-agent=" + options.user_agent);
  argv.push_back("--dump-dom");
  argv.push_back(url);

  SubprocessLimits limits;
  limits.time_limit = options.time_limit;
  limits.max_output_bytes = options.max_bytes;
  limits.cancel = cancel;
  auto run = RunSubprocess(argv, limits);
  if (!run.ok()) return run.status().WithContext("rendering " + url);
  if (run->exit_code != 0) {
    return Status::IoError("rendering " + url + ": " + options.command + " exited with status " +
                           std::to_string(run->exit_code));
  }
  if (run->output.find('<') == std::string::npos) {
    return Status::IoError("rendering " + url + ": " + options.command + " printed no document");
  }
  return std::move(run->output);
}

}  // namespace regdiff::ingest
