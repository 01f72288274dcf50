// The sources file: toml++ parses (its exceptions are caught here and become
// Status values); each key is read by one entry of a table of readers, so an
// unknown key is an error rather than silently ignored.
#include "ingest/sources_file.h"

#include <toml++/toml.h>
#include <unicode/ucnv.h>

#include <cctype>
#include <functional>
#include <set>

#include "corpus/strings.h"
#include "ingest/charset.h"
#include "ingest/input_files.h"
#include "ingest/json_list.h"
#include "ingest/link_extractor.h"
#include "ingest/site_selectors.h"
#include "ingest/url.h"

namespace regdiff::ingest {
namespace {

using Millis = std::chrono::milliseconds;

// Where an error is: "sources.toml: source 'mofcom-blgg' (line 12): key 'pages'".
class Where {
 public:
  Where(std::string_view origin, std::string what) : origin_(origin), what_(std::move(what)) {}
  Status Error(std::string_view key, const toml::node& node, std::string_view message) const {
    return Status::InvalidArgument(origin_ + ": " + what_ + ", key '" + std::string(key) +
                                   "' (line " + std::to_string(node.source().begin.line) +
                                   "): " + std::string(message));
  }
  Status Error(std::string_view message) const {
    return Status::InvalidArgument(origin_ + ": " + what_ + ": " + std::string(message));
  }

 private:
  std::string origin_;
  std::string what_;
};

Result<std::string> String(const Where& where, std::string_view key, const toml::node& node) {
  if (!node.is_string()) return where.Error(key, node, "must be a string");
  return std::string(node.as_string()->get());
}

Result<int64_t> Integer(const Where& where, std::string_view key, const toml::node& node,
                        int64_t min, int64_t max) {
  if (!node.is_integer()) return where.Error(key, node, "must be an integer");
  const int64_t v = node.as_integer()->get();
  if (v < min || v > max) {
    return where.Error(key, node,
                       "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return v;
}

Result<std::vector<std::string>> Strings(const Where& where, std::string_view key,
                                         const toml::node& node) {
  if (!node.is_array()) return where.Error(key, node, "must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& e : *node.as_array()) {
    if (!e.is_string()) return where.Error(key, node, "must be an array of strings");
    out.emplace_back(e.as_string()->get());
  }
  return out;
}

Result<Millis> Duration(const Where& where, std::string_view key, const toml::node& node,
                        Millis min, Millis max = kMaxDuration) {
  std::optional<Millis> d;
  if (node.is_integer()) {
    if (node.as_integer()->get() >= 0 && node.as_integer()->get() < (int64_t{1} << 40)) {
      d = Millis(node.as_integer()->get() * 1000);
    }
  } else if (node.is_string()) {
    d = ParseDuration(node.as_string()->get());
  }
  if (!d) {
    return where.Error(key, node,
                       "must be a duration: seconds as a number, or \"500ms\", \"30s\", \"15m\", "
                       "\"2h\", \"1d\"");
  }
  if (*d < min) {
    return where.Error(key, node, "must be at least " + std::to_string(min.count()) + " ms");
  }
  if (*d > max) {
    return where.Error(key, node,
                       "must be at most " + std::to_string(max.count() / 86'400'000) + " days");
  }
  return *d;
}

Seconds ToSeconds(Millis ms) { return std::chrono::duration_cast<Seconds>(ms); }

Status CheckCharset(const Where& where, std::string_view key, const toml::node& node,
                    const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(ConverterForLabel(label).c_str(), &status);
  if (conv) ucnv_close(conv);
  if (U_FAILURE(status)) return where.Error(key, node, "unknown charset '" + label + "'");
  return Status::Ok();
}

Status CheckUrl(const Where& where, std::string_view key, const toml::node& node,
                const std::string& url) {
  if (!ParseHttpUrl(url)) {
    return where.Error(key, node, "must be an absolute http:// or https:// URL, not '" + url + "'");
  }
  return Status::Ok();
}

bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
          c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

// An HTTP header name: RFC 9110 token characters.
bool ValidHeaderName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) ||
                    std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// Headers regdiff sets itself, and why a source may not.
std::string_view OwnHeader(const std::string& lowercase_name) {
  static const std::pair<std::string_view, std::string_view> kOwn[] = {
      {"host", "comes from the URL"},
      {"content-length", "comes from the body"},
      {"transfer-encoding", "is libcurl's"},
      {"connection", "is libcurl's"},
      {"content-type", "is set with content_type"},
      {"user-agent", "is set with user_agent in [fetch]"},
      {"if-none-match", "is regdiff's conditional request"},
      {"if-modified-since", "is regdiff's conditional request"},
  };
  for (const auto& [name, why] : kOwn)
    if (name == lowercase_name) return why;
  return "";
}

// One line of text, for content_type and header values.
bool OneLine(std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos; }

Status ReadPointer(const Where& w, std::string_view k, const toml::node& n, std::string& out) {
  auto s = String(w, k, n);
  if (!s.ok()) return s.status();
  if (s->empty() || s->front() != '/') {
    return w.Error(k, n, "must be a JSON pointer starting with '/' (e.g. \"/data/html\")");
  }
  Status v = ValidateJsonPointer(*s);
  if (!v.ok()) return w.Error(k, n, v.message());
  out = *s;
  return Status::Ok();
}

Status ReadField(const Where& w, std::string_view k, const toml::node& n, std::string& out) {
  auto s = String(w, k, n);
  if (!s.ok()) return s.status();
  if (s->empty()) return w.Error(k, n, "must name a member of each article object");
  out = *s;
  return Status::Ok();
}

// One reader per key of a table.
template <typename Target>
using Reader = std::function<Status(const Where&, std::string_view, const toml::node&, Target&)>;

template <typename Target>
Status ReadTable(const Where& where, const toml::table& table,
                 const std::vector<std::pair<std::string_view, Reader<Target>>>& readers,
                 Target& target) {
  for (const auto& [key, node] : table) {
    const std::string_view k = key.str();
    bool known = false;
    for (const auto& [name, read] : readers) {
      if (name != k) continue;
      known = true;
      Status s = read(where, k, node, target);
      if (!s.ok()) return s;
    }
    if (!known) {
      std::string names;
      for (const auto& r : readers) names += (names.empty() ? "" : ", ") + std::string(r.first);
      return where.Error(k, node, "unknown key (known: " + names + ")");
    }
  }
  return Status::Ok();
}

// Readers for [fetch].
const std::vector<std::pair<std::string_view, Reader<FetchOptions>>>& FetchReaders() {
  static const std::vector<std::pair<std::string_view, Reader<FetchOptions>>> kReaders = {
      {"connect_timeout", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(1));
         if (d.ok()) o.connect_timeout = *d;
         return d.status();
       }},
      {"timeout", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(1));
         if (d.ok()) o.total_timeout = *d;
         return d.status();
       }},
      {"stall_time", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(1000));
         if (d.ok()) o.stall_time = *d;
         return d.status();
       }},
      {"stall_bytes_per_second",
       [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto v = Integer(w, k, n, 1, 1 << 30);
         if (v.ok()) o.stall_bytes_per_second = static_cast<long>(*v);
         return v.status();
       }},
      {"max_bytes", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto v = Integer(w, k, n, 1024, int64_t{1} << 30);
         if (v.ok()) o.max_bytes = static_cast<size_t>(*v);
         return v.status();
       }},
      {"max_redirects", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto v = Integer(w, k, n, 0, 20);
         if (v.ok()) o.max_redirects = static_cast<int>(*v);
         return v.status();
       }},
      {"retries", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto v = Integer(w, k, n, 0, 10);
         if (v.ok()) o.max_attempts = static_cast<int>(*v) + 1;
         return v.status();
       }},
      {"backoff", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(0));
         if (d.ok()) o.backoff_initial = *d;
         return d.status();
       }},
      {"backoff_max", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(0));
         if (d.ok()) o.backoff_max = *d;
         return d.status();
       }},
      {"host_delay", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(0));
         if (d.ok()) o.min_host_interval = *d;
         return d.status();
       }},
      {"recheck_delay", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto d = Duration(w, k, n, Millis(0));
         if (d.ok()) o.min_recheck_interval = *d;
         return d.status();
       }},
      {"browser", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (s->empty() || s->find_first_of(" \t\r\n") != std::string::npos) {
           return w.Error(k, n, "must be a program name or path, without spaces");
         }
         o.browser_command = *s;
         return Status::Ok();
       }},
      {"user_agent", [](const Where& w, std::string_view k, const toml::node& n, FetchOptions& o) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (s->empty() || s->find_first_of("\r\n") != std::string::npos) {
           return w.Error(k, n, "must be one non-empty line");
         }
         o.user_agent = *s;
         return Status::Ok();
       }},
  };
  return kReaders;
}

// Readers for one [[source]].
const std::vector<std::pair<std::string_view, Reader<SourceConfig>>>& SourceReaders() {
  using N = const toml::node&;
  using K = std::string_view;
  static const std::vector<std::pair<std::string_view, Reader<SourceConfig>>> kReaders = {
      {"name", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (!ValidName(*s)) return w.Error(k, n, "must be 1-64 of a-z 0-9 . _ -");
         c.name = *s;
         return Status::Ok();
       }},
      {"index_url", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         c.index_url = *s;
         return CheckUrl(w, k, n, *s);
       }},
      {"link_xpath", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         Status v = ValidateXPath(*s);
         if (!v.ok()) return w.Error(k, n, v.message());
         c.link_xpath = *s;
         return Status::Ok();
       }},
      {"link_pattern", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         Status v = ValidateLinkPattern(*s);
         if (!v.ok()) return w.Error(k, n, v.message());
         c.link_pattern = *s;
         return Status::Ok();
       }},
      {"title_keywords", [](const Where& w, K k, N n, SourceConfig& c) {
         auto v = Strings(w, k, n);
         if (!v.ok()) return v.status();
         for (const auto& s : *v)
           if (s.empty()) return w.Error(k, n, "keywords must not be empty");
         c.title_keywords = *v;
         return Status::Ok();
       }},
      {"content_selector", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (!ParseSimpleSelector(*s)) {
           return w.Error(k, n, "must be a simple selector: tag, tag.class or tag#id");
         }
         c.content_selector = *s;
         return Status::Ok();
       }},
      {"charset", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (s->empty()) return Status::Ok();
         Status v = CheckCharset(w, k, n, *s);
         if (v.ok()) c.charset = *s;
         return v;
       }},
      {"pages", [](const Where& w, K k, N n, SourceConfig& c) {
         auto v = Integer(w, k, n, 1, kMaxListPages);
         if (v.ok()) c.pages = static_cast<int>(*v);
         return v.status();
       }},
      {"page_url_template", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (s->find("{page}") == std::string::npos && s->find("{index}") == std::string::npos) {
           return w.Error(k, n, "must contain {page} or {index}");
         }
         c.page_url_template = *s;
         return CheckUrl(w, k, n, ExpandPageTemplate(*s, 2));
       }},
      {"next_page_xpath", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         Status v = ValidateXPath(*s);
         if (!v.ok()) return w.Error(k, n, v.message());
         c.next_page_xpath = *s;
         return Status::Ok();
       }},
      {"poll_interval", [](const Where& w, K k, N n, SourceConfig& c) {
         auto d = Duration(w, k, n, std::chrono::duration_cast<Millis>(kMinPollInterval),
                           std::chrono::duration_cast<Millis>(kMaxPollInterval));
         if (d.ok()) c.poll_interval = ToSeconds(*d);
         return d.status();
       }},
      {"recheck_interval", [](const Where& w, K k, N n, SourceConfig& c) {
         auto d = Duration(w, k, n, Millis(0));
         if (d.ok()) c.recheck_interval = ToSeconds(*d);
         return d.status();
       }},
      {"max_links", [](const Where& w, K k, N n, SourceConfig& c) {
         auto v = Integer(w, k, n, 1, kMaxLinksCeiling);
         if (v.ok()) c.max_links = static_cast<int>(*v);
         return v.status();
       }},
      {"max_new_pages", [](const Where& w, K k, N n, SourceConfig& c) {
         auto v = Integer(w, k, n, 1, kMaxLinksCeiling);
         if (v.ok()) c.max_new_pages = static_cast<int>(*v);
         return v.status();
       }},
      {"browser", [](const Where& w, K k, N n, SourceConfig& c) {
         if (!n.is_boolean()) return w.Error(k, n, "must be true or false");
         c.browser = n.as_boolean()->get();
         return Status::Ok();
       }},
      {"relevance", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (*s != "export-control" && *s != "all") {
           return w.Error(k, n, "must be \"export-control\" or \"all\"");
         }
         c.export_control_only = *s == "export-control";
         return Status::Ok();
       }},
      {"allowed_hosts", [](const Where& w, K k, N n, SourceConfig& c) {
         auto v = Strings(w, k, n);
         if (!v.ok()) return v.status();
         c.allowed_hosts.clear();
         for (const std::string& host : *v) {
           std::optional<HttpUrl> u = ParseHttpUrl("http://" + host + "/");
           if (!u || u->path != "/" || host.find('/') != std::string::npos) {
             return w.Error(k, n, "'" + host + "' is not a host name");
           }
           c.allowed_hosts.push_back(u->HostPort());
         }
         return Status::Ok();
       }},
      {"method", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (*s != "GET" && *s != "POST") return w.Error(k, n, "must be \"GET\" or \"POST\"");
         c.method = *s;
         return Status::Ok();
       }},
      {"body", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         c.body = *s;
         return Status::Ok();
       }},
      {"content_type", [](const Where& w, K k, N n, SourceConfig& c) {
         auto s = String(w, k, n);
         if (!s.ok()) return s.status();
         if (s->empty() || !OneLine(*s)) return w.Error(k, n, "must be one non-empty line");
         c.content_type = *s;
         return Status::Ok();
       }},
      {"headers", [](const Where& w, K k, N n, SourceConfig& c) {
         if (!n.is_table()) {
           return w.Error(k, n, "must be a table of strings: headers = { \"X-Requested-With\" = \"XMLHttpRequest\" }");
         }
         c.headers.clear();
         for (const auto& [key, value] : *n.as_table()) {
           const std::string name(key.str());
           if (!ValidHeaderName(name)) return w.Error(k, value, "'" + name + "' is not a header name");
           if (std::string_view why = OwnHeader(AsciiLower(name)); !why.empty()) {
             return w.Error(k, value, "header '" + name + "' " + std::string(why));
           }
           if (!value.is_string()) return w.Error(k, value, "header '" + name + "' must be a string");
           const std::string text(value.as_string()->get());
           if (!OneLine(text)) return w.Error(k, value, "header '" + name + "' must be one line");
           c.headers.emplace_back(name, text);
         }
         return Status::Ok();
       }},
      {"list_html_pointer", [](const Where& w, K k, N n, SourceConfig& c) {
         return ReadPointer(w, k, n, c.list_html_pointer);
       }},
      {"list_items_pointer", [](const Where& w, K k, N n, SourceConfig& c) {
         return ReadPointer(w, k, n, c.list_items_pointer);
       }},
      {"item_url_field", [](const Where& w, K k, N n, SourceConfig& c) {
         return ReadField(w, k, n, c.item_url_field);
       }},
      {"item_title_field", [](const Where& w, K k, N n, SourceConfig& c) {
         return ReadField(w, k, n, c.item_title_field);
       }},
  };
  return kReaders;
}

Status CheckSource(const Where& where, const SourceConfig& c) {
  if (c.name.empty()) return where.Error("key 'name' is missing");
  if (c.index_url.empty()) return where.Error("key 'index_url' is missing");
  if (c.method != "POST") {
    if (!c.body.empty()) return where.Error("key 'body' needs method = \"POST\"");
    if (!c.content_type.empty()) return where.Error("key 'content_type' needs method = \"POST\"");
  }
  if (!c.list_html_pointer.empty() && !c.list_items_pointer.empty()) {
    return where.Error("keys 'list_html_pointer' and 'list_items_pointer' exclude each other");
  }
  const bool items = !c.list_items_pointer.empty();
  if (!items) {
    if (!c.item_url_field.empty()) return where.Error("key 'item_url_field' needs list_items_pointer");
    if (!c.item_title_field.empty()) return where.Error("key 'item_title_field' needs list_items_pointer");
  } else {
    if (c.item_url_field.empty()) {
      return where.Error("key 'list_items_pointer' needs item_url_field (the member holding each URL)");
    }
    if (!c.link_xpath.empty()) {
      return where.Error("key 'link_xpath' does not apply to a list of JSON items (list_items_pointer)");
    }
    if (!c.next_page_xpath.empty()) {
      return where.Error("key 'next_page_xpath' does not apply to a list of JSON items (list_items_pointer)");
    }
    if (!c.title_keywords.empty() && c.item_title_field.empty()) {
      return where.Error("key 'title_keywords' needs item_title_field with list_items_pointer");
    }
  }
  if (c.link_xpath.empty() && c.link_pattern.empty() && c.title_keywords.empty() && !items) {
    return where.Error(
        "needs at least one of link_xpath, link_pattern, title_keywords to tell announcement links "
        "from the rest of the page");
  }
  if (c.browser && !c.charset.empty()) {
    return where.Error("key 'charset' does not apply with browser = true: the browser's document "
                       "is UTF-8");
  }
  if (c.pages > 1 && c.page_url_template.empty() && c.next_page_xpath.empty() && !c.body_pages()) {
    return where.Error("key 'pages' is " + std::to_string(c.pages) +
                       " but neither page_url_template, next_page_xpath nor a body with {page} or "
                       "{index} says how to reach page 2");
  }
  return Status::Ok();
}

}  // namespace

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i > 9) return std::nullopt;
  const int64_t n = std::stoll(std::string(text.substr(0, i)));
  const std::string_view unit = text.substr(i);
  if (unit == "ms") return Millis(n);
  if (unit.empty() || unit == "s") return Millis(n * 1000);
  if (unit == "m") return Millis(n * 60'000);
  if (unit == "h") return Millis(n * 3'600'000);
  if (unit == "d") return Millis(n * 86'400'000);
  return std::nullopt;
}

std::string ExpandPageTemplate(std::string_view url_template, int page) {
  std::string out(url_template);
  for (const auto& [token, value] :
       {std::pair<std::string, int>{"{page}", page}, std::pair<std::string, int>{"{index}", page - 1}}) {
    for (size_t at = out.find(token); at != std::string::npos; at = out.find(token, at)) {
      out.replace(at, token.size(), std::to_string(value));
    }
  }
  return out;
}

bool SourceConfig::body_pages() const {
  return body.find("{page}") != std::string::npos || body.find("{index}") != std::string::npos;
}

const SourceConfig* SourcesFile::Find(std::string_view name) const {
  for (const SourceConfig& s : sources)
    if (s.name == name) return &s;
  return nullptr;
}

Result<SourcesFile> ParseSourcesFile(std::string_view toml_text, std::string_view origin) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(std::string(origin) + ":" +
                                   std::to_string(e.source().begin.line) + ":" +
                                   std::to_string(e.source().begin.column) + ": " +
                                   std::string(e.description()));
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string(origin) + ": " + e.what());
  }

  SourcesFile file;
  const Where top(origin, "top level");
  for (const auto& [key, node] : root) {
    const std::string_view k = key.str();
    if (k == "fetch") {
      if (!node.is_table()) return top.Error(k, node, "must be a table [fetch]");
      Status s = ReadTable(Where(origin, "[fetch]"), *node.as_table(), FetchReaders(), file.fetch);
      if (!s.ok()) return s;
    } else if (k == "source") {
      if (!node.is_array_of_tables()) return top.Error(k, node, "must be tables [[source]]");
      int index = 0;
      for (const toml::node& entry : *node.as_array()) {
        ++index;
        const toml::table& table = *entry.as_table();
        // Name the source by its name when it has a usable one.
        std::string label = "source #" + std::to_string(index);
        if (const toml::node* name = table.get("name"); name && name->is_string()) {
          label = "source '" + std::string(name->as_string()->get()) + "'";
        }
        const Where where(origin, label);
        SourceConfig config;
        Status s = ReadTable(where, table, SourceReaders(), config);
        if (s.ok()) s = CheckSource(where, config);
        if (!s.ok()) return s;
        if (file.Find(config.name)) return where.Error("the name is used by an earlier source");
        file.sources.push_back(std::move(config));
      }
    } else {
      return top.Error(k, node, "unknown table or key (known: [fetch], [[source]])");
    }
  }
  if (file.sources.empty()) return top.Error("no [[source]] entries");
  if (file.fetch.backoff_max < file.fetch.backoff_initial) {
    return Where(origin, "[fetch]").Error("backoff_max is shorter than backoff");
  }
  return file;
}

namespace {
// A sources file lists a few dozen sources; 1 MiB is far past any real one.
constexpr size_t kMaxSourcesFileBytes = 1u << 20;
}  // namespace

Result<SourcesFile> LoadSourcesFile(const std::string& path) {
  auto text = ReadFileBytes(path, kMaxSourcesFileBytes);
  if (!text.ok()) return text.status().WithContext("cannot read sources file " + path);
  return ParseSourcesFile(*text, path);
}

}  // namespace regdiff::ingest
