// `regdiff serve [--bind HOST:PORT] [--allow-remote]`: the read-only JSON
// API on a local web server (tools/api_server.h). Binds 127.0.0.1:8080 by
// default; an address other than loopback is refused unless --allow-remote
// says the data may be served to the network, unauthenticated. SIGINT or
// SIGTERM stops it (exit 0).
#include <cstdio>
#include <string>

#include "corpus/display_text.h"
#include "tools/api_server.h"
#include "tools/commands.h"

namespace regdiff::tools {
namespace {

struct ServeCliOptions {
  std::string bind = "127.0.0.1:8080";
  bool allow_remote = false;
  size_t cache_mib = 64;
};

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback). Errors: kInvalidArgument.
Status ParseBind(const std::string& text, ServeOptions* out) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--bind wants HOST:PORT, got '" + text + "'");
  }
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) host = "127.0.0.1";
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    return Status::InvalidArgument("--bind wants a port from 0 to 65535, got '" + port + "'");
  }
  out->host = host;
  out->port = std::stoi(port);
  return Status::Ok();
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int RunServe(const CommandContext& ctx, const ServeCliOptions& opt) {
  ServeOptions serve;
  serve.cache_bytes = opt.cache_mib << 20;
  if (Status s = ParseBind(opt.bind, &serve); !s.ok()) {
    PrintError("serve", s);
    return kExitUsage;
  }
  if (!IsLoopback(serve.host)) {
    if (!opt.allow_remote) {
      PrintError("serve", Status::InvalidArgument(
                              "'" + serve.host +
                              "' is not a loopback address; add --allow-remote to serve the "
                              "database to the network"));
      return kExitUsage;
    }
    PrintWarning("serve", "--allow-remote: the database is served to the network, "
                          "unauthenticated, to anyone who can reach " + serve.host);
  }
  // The database must open for reading before anything listens.
  if (auto store = OpenStore(ctx, StoreUse::kReading); !store.ok()) {
    PrintError("serve", store.status());
    return kExitFailure;
  }
  const std::string shown_host =
      serve.host.find(':') == std::string::npos ? serve.host : "[" + serve.host + "]";
  Status s = ServeApi(ctx, serve, [&](int port) {
    std::fprintf(stderr, "regdiff: serving %s on http://%s:%d/ (read-only; Ctrl-C stops)\n",
                 EscapeControls(ctx.db_path).c_str(), shown_host.c_str(), port);
    std::fflush(stderr);
  });
  if (!s.ok()) {
    PrintError("serve", s);
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void SetupServe(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ServeCliOptions>();
  sub.add_option("--bind", opt->bind, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any)");
  sub.add_option("--cache-mib", opt->cache_mib,
                 "MiB of answers kept for requests repeated while the database is unchanged "
                 "(default 64; 0 keeps none)")
      ->check(CLI::Range(0, 65536));
  sub.add_flag("--allow-remote", opt->allow_remote,
               "Allow an address other than loopback (the data is served unauthenticated)");
  sub.callback([&ctx, opt] { ctx.exit_code = RunServe(ctx, *opt); });
}

}  // namespace regdiff::tools
