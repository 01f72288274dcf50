// Link extraction: one RAII owner per libxml2 handle (document, XPath
// context, XPath object, string) and per ICU regex; XPath errors are
// collected into the Status rather than printed by libxml2.
#include "ingest/link_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <set>

#include "corpus/strings.h"
#include "ingest/url.h"

namespace regdiff::ingest {
namespace {

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
constexpr char kDefaultXPath[] = "//a[@href]";

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, DocDeleter>;

struct ContextDeleter {
  void operator()(xmlXPathContext* ctx) const { xmlXPathFreeContext(ctx); }
};
using XPathContext = std::unique_ptr<xmlXPathContext, ContextDeleter>;

struct ObjectDeleter {
  void operator()(xmlXPathObject* obj) const { xmlXPathFreeObject(obj); }
};
using XPathObject = std::unique_ptr<xmlXPathObject, ObjectDeleter>;

struct CompExprDeleter {
  void operator()(xmlXPathCompExpr* expr) const { xmlXPathFreeCompExpr(expr); }
};
using XPathCompiled = std::unique_ptr<xmlXPathCompExpr, CompExprDeleter>;

struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharDeleter>;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::string ToString(const XmlString& s) {
  return s ? std::string(reinterpret_cast<const char*>(s.get())) : std::string();
}

// Collects the first of libxml2's structured errors for one XPath
// evaluation. XPath errors carry no message, only where parsing stopped.
void CollectError(void* user, xmlError* error) {
  auto* out = static_cast<std::string*>(user);
  if (!error || !out->empty()) return;
  if (error->message) {
    *out = error->message;
    while (!out->empty() && (out->back() == '\n' || out->back() == ' ')) out->pop_back();
  } else {
    *out = "error at character " + std::to_string(error->int1 + 1);
  }
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// A context whose errors land in `*errors` instead of stderr.
XPathContext NewContext(xmlDoc* doc, std::string* errors) {
  XPathContext ctx(xmlXPathNewContext(doc));
  if (ctx) {
    ctx->error = &CollectError;
    ctx->userData = errors;
  }
  return ctx;
}

Status XPathError(std::string_view xpath, const std::string& detail) {
  return Status::InvalidArgument("bad XPath '" + std::string(xpath) + "'" +
                                 (detail.empty() ? "" : ": " + detail));
}

// The nodes `xpath` selects in `doc` (kept alive by the returned object).
Result<XPathObject> Evaluate(xmlDoc* doc, std::string_view xpath) {
  std::string errors;
  XPathContext ctx = NewContext(doc, &errors);
  if (!ctx) return Status::Internal("xmlXPathNewContext failed");
  const std::string expr(xpath);
  XPathCompiled compiled(xmlXPathCtxtCompile(ctx.get(), X(expr.c_str())));
  if (!compiled) return XPathError(xpath, errors);
  XPathObject result(xmlXPathCompiledEval(compiled.get(), ctx.get()));
  if (!result) return XPathError(xpath, errors);
  if (result->type != XPATH_NODESET) {
    return Status::InvalidArgument("XPath '" + expr + "' selects no nodes (it yields a value)");
  }
  return result;
}

Result<HtmlDoc> ParseHtml(std::string_view utf8_html) {
  if (utf8_html.size() > static_cast<size_t>(INT_MAX)) return Status::TooLarge("page over 2 GiB");
  InitLibxml();
  // libxml2 builds no document from no bytes; an empty page is an empty document.
  if (utf8_html.empty()) utf8_html = "<html></html>";
  HtmlDoc doc(htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()), nullptr, "UTF-8",
                             kParseOptions));
  if (!doc) return Status::Corruption("libxml2 could not parse the page");
  return doc;
}

std::string CollapseSpace(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Attr(const xmlNode* node, const char* name) {
  return ToString(XmlString(xmlGetProp(node, X(name))));
}

// A candidate: an href as written and the element it belongs to.
struct Candidate {
  std::string href;
  const xmlNode* element;
};

bool IsAnchor(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE && node->name &&
         (xmlStrcasecmp(node->name, X("a")) == 0 || xmlStrcasecmp(node->name, X("area")) == 0);
}

void CollectAnchors(const xmlNode* node, std::vector<Candidate>& out) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (IsAnchor(child) && xmlHasProp(child, X("href"))) {
      out.push_back({Attr(child, "href"), child});
    } else {
      CollectAnchors(child, out);
    }
  }
}

std::vector<Candidate> CandidatesOf(const xmlXPathObject& selected) {
  std::vector<Candidate> out;
  const xmlNodeSet* set = selected.nodesetval;
  if (!set) return out;
  for (int i = 0; i < set->nodeNr; ++i) {
    const xmlNode* node = set->nodeTab[i];
    if (node->type == XML_ATTRIBUTE_NODE) {
      XmlString value(xmlNodeGetContent(node));
      if (node->parent) out.push_back({ToString(value), node->parent});
    } else if (node->type == XML_ELEMENT_NODE) {
      if (xmlHasProp(node, X("href"))) {
        out.push_back({Attr(node, "href"), node});
      } else {
        CollectAnchors(node, out);
      }
    }
  }
  return out;
}

// The link text, or the title attribute when it says more (list pages cut
// long titles short and keep the whole one in title="...").
std::string TitleOf(const xmlNode* element) {
  std::string text = CollapseSpace(ToString(XmlString(xmlNodeGetContent(element))));
  std::string attr = CollapseSpace(Attr(element, "title"));
  return attr.size() > text.size() ? attr : text;
}

class UrlPattern {
 public:
  static Result<UrlPattern> Compile(std::string_view pattern) {
    UrlPattern out;
    if (pattern.empty()) return out;
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    out.pattern_.reset(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                       pattern.data(), static_cast<int32_t>(pattern.size()))),
                                   0, parse_error, status));
    if (U_FAILURE(status) || !out.pattern_) {
      return Status::InvalidArgument("bad link pattern '" + std::string(pattern) +
                                     "': " + u_errorName(status) + " at offset " +
                                     std::to_string(parse_error.offset));
    }
    return out;
  }

  // True when there is no pattern or it is found in `url`.
  bool Matches(const std::string& url) const {
    if (!pattern_) return true;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(url);
    std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(input, status));
    if (U_FAILURE(status) || !matcher) return false;
    const bool found = matcher->find(status);
    return U_SUCCESS(status) && found;
  }

 private:
  std::unique_ptr<icu::RegexPattern> pattern_;
};

bool HasKeyword(const std::string& text, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return true;
  for (const std::string& k : keywords)
    if (!k.empty() && text.find(k) != std::string::npos) return true;
  return false;
}

// Attachment links: the extensions of the documents regdiff reads or names,
// and the words an announcement puts before its attachments' names.
constexpr std::string_view kAttachmentExtensions[] = {".pdf", ".doc", ".docx", ".xls", ".xlsx"};
constexpr std::string_view kWebPageExtensions[] = {".html", ".htm", ".shtml", "/"};
constexpr std::string_view kAttachmentWords[] = {"附件", "附錄", "附录", "annex", "attachment"};

// True when `lower` (lowercase) ends with one of the `suffixes`.
template <size_t N>
bool EndsWithOneOf(std::string_view lower, const std::string_view (&suffixes)[N]) {
  return std::any_of(std::begin(suffixes), std::end(suffixes), [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.substr(lower.size() - suffix.size()) == suffix;
  });
}

bool StartsWithAttachmentWord(std::string_view lower_title) {
  return std::any_of(std::begin(kAttachmentWords), std::end(kAttachmentWords),
                     [&](std::string_view w) { return lower_title.substr(0, w.size()) == w; });
}

// The last segment of a URL path, "" for a path ending in '/'.
std::string LastSegment(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Result<std::vector<AttachmentLink>> ExtractAttachmentLinks(std::string_view utf8_html,
                                                           std::string_view page_url,
                                                           size_t max_links) {
  const std::optional<HttpUrl> page = ParseHttpUrl(page_url);
  if (!page) {
    return Status::InvalidArgument("page URL is not an http/https URL: '" + std::string(page_url) +
                                   "'");
  }
  auto doc = ParseHtml(utf8_html);
  if (!doc.ok()) return doc.status();
  auto selected = Evaluate(doc->get(), kDefaultXPath);
  if (!selected.ok()) return selected.status();
  const std::string self = page->ToString();
  std::set<std::string> seen;
  std::vector<AttachmentLink> out;
  for (const Candidate& c : CandidatesOf(**selected)) {
    if (out.size() >= max_links) break;
    std::optional<std::string> url = ResolveUrl(self, c.href);
    if (!url || *url == self) continue;
    const std::optional<HttpUrl> parsed = ParseHttpUrl(*url);
    if (!parsed) continue;
    const std::string title = TitleOf(c.element);
    const std::string path = AsciiLower(parsed->path);
    const bool document = EndsWithOneOf(path, kAttachmentExtensions);
    const bool named =
        StartsWithAttachmentWord(AsciiLower(title)) && !EndsWithOneOf(path, kWebPageExtensions);
    if (!document && !named) continue;
    if (!seen.insert(*url).second) continue;
    std::string name = title.empty() ? LastSegment(parsed->path) : title;
    out.push_back({std::move(*url), std::move(name)});
  }
  return out;
}

Status ValidateXPath(std::string_view xpath) {
  // Evaluated on an empty page: it must compile and select nodes.
  auto doc = ParseHtml("<html><body></body></html>");
  if (!doc.ok()) return doc.status();
  auto selected = Evaluate(doc->get(), xpath);
  return selected.ok() ? Status::Ok() : selected.status();
}

Status ValidateLinkPattern(std::string_view pattern) {
  auto compiled = UrlPattern::Compile(pattern);
  return compiled.ok() ? Status::Ok() : compiled.status();
}

Result<std::vector<Link>> FilterLinks(const std::vector<ListedLink>& listed,
                                      std::string_view page_url, const LinkRules& rules) {
  const std::optional<HttpUrl> page = ParseHttpUrl(page_url);
  if (!page) {
    return Status::InvalidArgument("page URL is not an http/https URL: '" + std::string(page_url) +
                                   "'");
  }
  auto pattern = UrlPattern::Compile(rules.pattern);
  if (!pattern.ok()) return pattern.status();

  std::set<std::string> hosts(rules.allowed_hosts.begin(), rules.allowed_hosts.end());
  hosts.insert(page->HostPort());
  const std::string self = page->ToString();
  std::set<std::string> seen;
  std::vector<Link> links;
  size_t candidates = 0;
  size_t lost = 0;
  std::string lost_example;
  for (const ListedLink& l : listed) {
    std::optional<std::string> url = ResolveUrl(self, l.href);
    if (!url || *url == self) continue;
    const std::optional<HttpUrl> parsed = ParseHttpUrl(*url);
    if (!parsed || !hosts.count(parsed->HostPort())) continue;
    if (!pattern->Matches(*url)) continue;
    ++candidates;
    if (LooksLikeLostText(l.title)) {
      if (lost++ == 0) lost_example = l.title;
      continue;
    }
    if (!HasKeyword(l.keyword_text.empty() ? l.title : l.keyword_text, rules.title_keywords))
      continue;
    if (!seen.insert(*url).second) continue;
    links.push_back({std::move(*url), l.title});
  }
  if (lost > 0 && lost * 2 >= candidates) {
    return Status::Corruption(
        std::to_string(lost) + " of " + std::to_string(candidates) +
        " links have titles the server replaced by '?' (e.g. '" + lost_example +
        "'): their text was lost; the server may want a request header it did not get "
        "(exportcontrol.mofcom.gov.cn needs X-Requested-With: XMLHttpRequest)");
  }
  return links;
}

bool LooksLikeLostText(std::string_view title) {
  size_t run = 0;
  size_t longest = 0;
  for (char c : title) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    run = c == '?' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest >= 3;
}

Result<std::vector<Link>> ExtractLinks(std::string_view utf8_html, std::string_view page_url,
                                       const LinkRules& rules) {
  if (!ParseHttpUrl(page_url)) {
    return Status::InvalidArgument("page URL is not an http/https URL: '" + std::string(page_url) +
                                   "'");
  }
  auto doc = ParseHtml(utf8_html);
  if (!doc.ok()) return doc.status();
  auto selected = Evaluate(doc->get(), rules.xpath.empty() ? kDefaultXPath : rules.xpath);
  if (!selected.ok()) return selected.status();

  std::vector<ListedLink> listed;
  for (const Candidate& c : CandidatesOf(**selected)) {
    std::string title = TitleOf(c.element);
    std::string keyword_text = title + " " + CollapseSpace(Attr(c.element, "title"));
    listed.push_back({c.href, std::move(title), std::move(keyword_text)});
  }
  return FilterLinks(listed, page_url, rules);
}

Result<std::string> FindNextPageUrl(std::string_view utf8_html, std::string_view page_url,
                                    std::string_view xpath) {
  const std::optional<HttpUrl> page = ParseHttpUrl(page_url);
  if (!page) {
    return Status::InvalidArgument("page URL is not an http/https URL: '" + std::string(page_url) +
                                   "'");
  }
  auto doc = ParseHtml(utf8_html);
  if (!doc.ok()) return doc.status();
  auto selected = Evaluate(doc->get(), xpath);
  if (!selected.ok()) return selected.status();
  const std::string self = page->ToString();
  for (const Candidate& c : CandidatesOf(**selected)) {
    std::optional<std::string> url = ResolveUrl(self, c.href);
    if (!url || *url == self) continue;
    const std::optional<HttpUrl> parsed = ParseHttpUrl(*url);
    if (!parsed || parsed->HostPort() != page->HostPort()) continue;
    // The same site, never a step down from https: a watch configured on
    // https must not follow its pages over plain http.
    if (page->scheme == "https" && parsed->scheme != "https") continue;
    return *url;
  }
  return std::string();
}

}  // namespace regdiff::ingest
