// URLs of the watched sites: RFC 3986 reference resolution (section 5.2,
// with dot-segment removal) and the checks the watcher relies on: only
// absolute http/https URLs come out, so a link on a page can never name a
// local file or another protocol.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace regdiff::ingest {

// An absolute http or https URL, split and normalised: scheme and host
// lowercase, the default port dropped, an empty path made "/", no fragment.
struct HttpUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // "www.mofcom.gov.cn", "127.0.0.1", "[::1]"
  std::string port;    // "" for the scheme's default
  std::string path;    // starts with '/'
  std::string query;   // without '?'; empty also when there was no query
  bool has_query = false;

  std::string ToString() const;
  // host, plus ":port" when not the default: what "one host" means for
  // politeness delays.
  std::string HostPort() const;
};

// Parses an absolute http/https URL. nullopt for anything else (relative
// references, file:, javascript:, mailto:, ftp:, a missing host, userinfo,
// a bad port).
std::optional<HttpUrl> ParseHttpUrl(std::string_view url);

// Resolves `reference` (an href as written in a page) against the absolute
// http/https URL `base` (RFC 3986 section 5.2). Before resolving, leading and
// trailing whitespace is trimmed, tabs and line breaks removed, and bytes a
// URL may not hold (spaces, non-ASCII UTF-8, <>"{}|^`) percent-encoded, as
// browsers do. The fragment is dropped. nullopt when `base` is no http/https
// URL or the result is not one (javascript:, mailto:, file:, an empty href).
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view reference);

// RFC 3986 section 5.2.4: "/a/b/../c/./d" -> "/a/c/d".
std::string RemoveDotSegments(std::string_view path);

}  // namespace regdiff::ingest
