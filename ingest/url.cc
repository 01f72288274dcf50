// RFC 3986 splitting, reference resolution and dot-segment removal, plus the
// http/https-only parse the watcher uses.
#include "ingest/url.h"

#include <cctype>

#include "corpus/strings.h"

namespace regdiff::ingest {
namespace {

// The five components of RFC 3986 appendix B; "defined" flags tell an empty
// component from an absent one.
struct Components {
  std::string scheme;
  bool has_scheme = false;
  std::string authority;
  bool has_authority = false;
  std::string path;
  std::string query;
  bool has_query = false;
};

bool IsSchemeChar(char c, bool first) {
  if (std::isalpha(static_cast<unsigned char>(c))) return true;
  return !first && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
}

// Splits a URI reference; the fragment is dropped.
Components Split(std::string_view s) {
  Components c;
  if (size_t hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  const size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && s.find_first_of("/?") > colon) {
    bool ok = true;
    for (size_t i = 0; i < colon && ok; ++i) ok = IsSchemeChar(s[i], i == 0);
    if (ok) {
      c.has_scheme = true;
      c.scheme = std::string(s.substr(0, colon));
      s = s.substr(colon + 1);
    }
  }
  if (s.substr(0, 2) == "//") {
    s = s.substr(2);
    const size_t end = s.find_first_of("/?");
    c.has_authority = true;
    c.authority = std::string(s.substr(0, end));
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  const size_t q = s.find('?');
  c.path = std::string(s.substr(0, q));
  if (q != std::string_view::npos) {
    c.has_query = true;
    c.query = std::string(s.substr(q + 1));
  }
  return c;
}

std::string Join(const Components& c) {
  std::string out;
  if (c.has_scheme) out += c.scheme + ":";
  if (c.has_authority) out += "//" + c.authority;
  out += c.path;
  if (c.has_query) out += "?" + c.query;
  return out;
}

// RFC 3986 section 5.2.3.
std::string Merge(const Components& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  const size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

// An href as browsers clean it before parsing: trimmed, tabs and newlines
// removed, bytes a URL cannot hold percent-encoded.
std::string CleanReference(std::string_view ref) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!ref.empty() && is_space(ref.front())) ref.remove_prefix(1);
  while (!ref.empty() && is_space(ref.back())) ref.remove_suffix(1);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : ref) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '\t' || ch == '\n' || ch == '\r') continue;
    const bool escape = c <= 0x20 || c >= 0x7f || ch == '<' || ch == '>' || ch == '"' ||
                        ch == '{' || ch == '}' || ch == '|' || ch == '^' || ch == '`' ||
                        ch == '\\';
    if (escape) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

std::string RemoveDotSegments(std::string_view path) {
  std::string in(path), out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.replace(0, 3, "/");
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in.replace(0, in == "/.." ? 3 : 4, "/");
      const size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      size_t next = in.find('/', 1);
      if (next == std::string::npos) next = in.size();
      out += in.substr(0, next);
      in.erase(0, next);
    }
  }
  return out;
}

std::string HttpUrl::HostPort() const { return port.empty() ? host : host + ":" + port; }

std::string HttpUrl::ToString() const {
  std::string out = scheme + "://" + HostPort() + path;
  if (has_query) out += "?" + query;
  return out;
}

std::optional<HttpUrl> ParseHttpUrl(std::string_view url) {
  const Components c = Split(url);
  if (!c.has_scheme || !c.has_authority) return std::nullopt;
  HttpUrl out;
  out.scheme = AsciiLower(c.scheme);
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view auth = c.authority;
  if (auth.find('@') != std::string_view::npos) return std::nullopt;  // no credentials in URLs
  std::string_view host = auth, port;
  if (!auth.empty() && auth.front() == '[') {
    const size_t close = auth.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = auth.substr(0, close + 1);
    std::string_view rest = auth.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (const size_t colon = auth.rfind(':'); colon != std::string_view::npos) {
    host = auth.substr(0, colon);
    port = auth.substr(colon + 1);
  }
  if (host.empty()) return std::nullopt;
  for (char ch : host) {
    const auto u = static_cast<unsigned char>(ch);
    if (u <= 0x20 || u >= 0x7f || ch == '%' || ch == '\\' || ch == '/') return std::nullopt;
  }
  if (!port.empty()) {
    if (port.size() > 5) return std::nullopt;
    for (char ch : port)
      if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    const int number = std::stoi(std::string(port));
    if (number < 1 || number > 65535) return std::nullopt;
    const bool default_port = (out.scheme == "http" && number == 80) ||
                              (out.scheme == "https" && number == 443);
    if (!default_port) out.port = std::to_string(number);
  }
  out.host = AsciiLower(host);
  out.path = c.path.empty() ? "/" : RemoveDotSegments(c.path);
  if (out.path.empty() || out.path.front() != '/') out.path = "/" + out.path;
  out.query = c.query;
  out.has_query = c.has_query;
  return out;
}

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view reference) {
  const std::optional<HttpUrl> base_url = ParseHttpUrl(base);
  if (!base_url) return std::nullopt;
  const std::string ref_text = CleanReference(reference);
  if (ref_text.empty() || ref_text.front() == '#') return std::nullopt;  // the page itself
  const Components b = Split(base_url->ToString());
  const Components r = Split(ref_text);
  Components t;
  if (r.has_scheme) {
    t = r;
    t.path = RemoveDotSegments(r.path);
  } else {
    t.scheme = b.scheme;
    t.has_scheme = true;
    if (r.has_authority) {
      t.authority = r.authority;
      t.has_authority = true;
      t.path = RemoveDotSegments(r.path);
      t.query = r.query;
      t.has_query = r.has_query;
    } else {
      t.authority = b.authority;
      t.has_authority = true;
      if (r.path.empty()) {
        t.path = b.path;
        t.query = r.has_query ? r.query : b.query;
        t.has_query = r.has_query || b.has_query;
      } else {
        t.path = RemoveDotSegments(r.path.front() == '/' ? r.path : Merge(b, r.path));
        t.query = r.query;
        t.has_query = r.has_query;
      }
    }
  }
  std::optional<HttpUrl> resolved = ParseHttpUrl(Join(t));
  if (!resolved) return std::nullopt;
  return resolved->ToString();
}

}  // namespace regdiff::ingest
