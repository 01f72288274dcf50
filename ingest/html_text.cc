// HTML to text: libxml2's recovering HTML parser builds the tree, a walker
// turns block structure into lines and skips scripts, styles and page chrome;
// the site selector table picks the main content node when one matches.
#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/site_selectors.h"

namespace regdiff::ingest {
namespace {

// How much of the input LooksLikeHtml inspects.
constexpr size_t kSniffBytes = 2048;

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

// Owns a parsed document.
struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Owns a string libxml2 allocated.
struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharDeleter>;

// Elements whose content is never text of the announcement.
constexpr std::array<std::string_view, 15> kDroppedElements = {
    "script", "style",  "noscript", "template", "head",   "nav",      "aside", "iframe",
    "select", "option", "button",   "svg",      "object", "textarea", "title",
};

// Elements that end the current line before and after their content.
constexpr std::array<std::string_view, 38> kBlockElements = {
    "p",          "div",    "li",         "tr",      "h1",    "h2",     "h3",      "h4",
    "h5",         "h6",     "br",         "table",   "ul",    "ol",     "section", "article",
    "blockquote", "pre",    "dd",         "dt",      "dl",    "hr",     "center",  "main",
    "address",    "figure", "figcaption", "caption", "thead", "tbody",  "tfoot",   "fieldset",
    "body",       "html",   "header",     "footer",  "form",  "legend",
};

std::string_view Name(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : std::string_view();
}

template <size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set) {
    if (s == name) return true;
  }
  return false;
}

// The value of attribute `name` ("" when absent). Read in place when the
// parser stored it as one text node (always, for HTML), so the walks that
// look at every element's class, id and style allocate nothing; `scratch`
// holds the value otherwise.
std::string_view Attr(const xmlNode* node, std::string_view name, std::string& scratch) {
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (!a->name || reinterpret_cast<const char*>(a->name) != name) continue;
    const xmlNode* value = a->children;
    if (!value) return {};
    if (!value->next && value->type == XML_TEXT_NODE && value->content) {
      return reinterpret_cast<const char*>(value->content);
    }
    XmlString copy(xmlNodeListGetString(node->doc, value, 1));
    scratch = copy ? reinterpret_cast<const char*>(copy.get()) : "";
    return scratch;
  }
  return {};
}

// style="display: none" or the hidden attribute.
bool IsHidden(const xmlNode* node) {
  if (!node->properties) return false;
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  std::string scratch;
  std::string_view style = Attr(node, "style", scratch);
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Letters, digits and ideographs in UTF-8 text.
int CountLetters(std::string_view utf8) {
  int count = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalnum(c)) ++count;
  }
  return count;
}

// Accumulates lines: text is appended to the current line with runs of
// whitespace collapsed; Break() ends the line (empty lines are never kept).
class LineBuilder {
 public:
  void Text(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (preformatted && c == '\n') {
          Break();
        } else {
          pending_space_ = !line_.empty();
        }
        continue;
      }
      if (pending_space_) line_ += ' ';
      pending_space_ = false;
      line_ += c;
    }
  }
  void Break() {
    if (!line_.empty()) {
      if (!out_.empty()) out_ += '\n';
      out_ += line_;
      line_.clear();
    }
    pending_space_ = false;
  }
  // A separator between table cells: a space unless the line is empty.
  void Space() { pending_space_ = !line_.empty(); }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool pending_space_ = false;
};

struct WalkContext {
  bool preformatted = false;
  bool in_article = false;  // inside <article> or <main>: header/footer are content
};

// The context a node inherits from its ancestors.
WalkContext ContextOf(const xmlNode* node) {
  WalkContext ctx;
  for (const xmlNode* p = node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    std::string_view name = Name(p);
    if (name == "pre") ctx.preformatted = true;
    if (name == "article" || name == "main") ctx.in_article = true;
  }
  return ctx;
}

// Walks one parsed page. Deciding whether a <form> is page chrome needs the
// letters of its content; the walker remembers that count per form (and
// context), so nested forms cost one pass each instead of doubling the work
// per level. Recursion depth is the tree depth, which HtmlToText caps at
// kMaxHtmlDepth before any walk.
class PageWalker {
 public:
  // Appends the text of `node` to `out`.
  void Walk(const xmlNode* node, WalkContext ctx, LineBuilder& out) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) {
        out.Text(reinterpret_cast<const char*>(node->content), ctx.preformatted);
      }
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
    if (IsDropped(node, ctx)) return;

    std::string_view name = Name(node);
    bool block = IsOneOf(name, kBlockElements);
    bool cell = name == "td" || name == "th";
    if (name == "pre") ctx.preformatted = true;
    if (name == "article" || name == "main") ctx.in_article = true;

    if (block) out.Break();
    for (const xmlNode* child = node->children; child; child = child->next) {
      Walk(child, ctx, out);
    }
    if (block) out.Break();
    if (cell) out.Space();
  }

  // The text of one node (as a block: its own lines).
  std::string TextOf(const xmlNode* node) {
    LineBuilder out;
    Walk(node, ContextOf(node), out);
    return out.Finish();
  }

  // True for subtrees that contribute no text: scripts, chrome, hidden nodes,
  // and forms that are only forms (a search box) rather than a page-wide
  // wrapper (ASP.NET pages put the whole body in one <form>).
  bool IsDropped(const xmlNode* node, const WalkContext& ctx) {
    if (IsDroppedAlways(node, ctx)) return true;
    if (Name(node) != "form") return false;
    return ContentLetters(node, ctx) < kMinMainContentChars;
  }

 private:
  // Dropped whatever their content: by name, header and footer outside an
  // article, hidden nodes.
  static bool IsDroppedAlways(const xmlNode* node, const WalkContext& ctx) {
    std::string_view name = Name(node);
    if (IsOneOf(name, kDroppedElements)) return true;
    if ((name == "header" || name == "footer") && !ctx.in_article) return true;
    return IsHidden(node);
  }

  // Letters of a form's content, its children walked directly (TextOf(form)
  // would ask IsDropped again); remembered per form and context.
  int ContentLetters(const xmlNode* node, const WalkContext& ctx) {
    const int key_ctx = (ctx.preformatted ? 2 : 0) + (ctx.in_article ? 1 : 0);
    auto key = std::make_pair(node, key_ctx);
    if (auto it = form_letters_.find(key); it != form_letters_.end()) return it->second;
    LineBuilder out;
    for (const xmlNode* child = node->children; child; child = child->next) {
      Walk(child, ctx, out);
    }
    int letters = CountLetters(out.Finish());
    form_letters_.emplace(key, letters);
    return letters;
  }

  struct PairHash {
    size_t operator()(const std::pair<const xmlNode*, int>& k) const {
      return std::hash<const void*>()(k.first) * 4 + static_cast<size_t>(k.second);
    }
  };
  std::unordered_map<std::pair<const xmlNode*, int>, int, PairHash> form_letters_;
};

// The depth of the element tree under `node` (1 for a leaf element).
int TreeDepth(const xmlNode* node) {
  int deepest = 0;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) deepest = std::max(deepest, TreeDepth(child));
  }
  return deepest + 1;
}

bool IsAncestorOf(const xmlNode* ancestor, const xmlNode* node) {
  for (const xmlNode* p = node; p; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

// One selector searched for by FindFirstOfEach, and what it found: the
// first element in document order matching it whose text has at least
// `min_letters` letters, skipping dropped subtrees, with that text.
struct Search {
  Search(const SimpleSelector* s, int min) : selector(s), min_letters(min) {}
  const SimpleSelector* selector;
  int min_letters;
  const xmlNode* found = nullptr;
  std::string text;  // TextOf(found)
};

// Fills every search in one walk of the subtree of `node` (the walk goes on
// only while some search has found nothing) instead of one walk per
// selector, and keeps each found node's text so that it is not walked again.
void FindFirstOfEach(PageWalker& walker, const xmlNode* node, WalkContext ctx,
                     std::vector<Search>& searches, size_t& open) {
  if (open == 0 || node->type != XML_ELEMENT_NODE || walker.IsDropped(node, ctx)) return;
  std::string_view name = Name(node);
  std::string class_scratch, id_scratch;
  std::string_view class_attr, id_attr;
  bool attrs_read = false;
  std::optional<std::string> text;
  for (Search& s : searches) {
    if (s.found) continue;
    if (!attrs_read) {
      class_attr = Attr(node, "class", class_scratch);
      id_attr = Attr(node, "id", id_scratch);
      attrs_read = true;
    }
    if (!MatchesSelector(*s.selector, name, class_attr, id_attr)) continue;
    if (!text) text = walker.TextOf(node);
    if (CountLetters(*text) < s.min_letters) continue;
    s.found = node;
    s.text = *text;
    --open;
  }
  if (name == "article" || name == "main") ctx.in_article = true;
  for (const xmlNode* child = node->children; child && open > 0; child = child->next) {
    FindFirstOfEach(walker, child, ctx, searches, open);
  }
}

struct ParsedSelector {
  SimpleSelector selector;
  std::string_view text;  // as written in the table
};

std::vector<ParsedSelector> ParseTable(std::span<const SiteSelector> table) {
  std::vector<ParsedSelector> out;
  for (const SiteSelector& row : table) {
    std::optional<SimpleSelector> parsed = ParseSimpleSelector(row.selector);
    // The table is ours; a row that does not parse is a bug caught by tests.
    if (parsed) out.push_back({std::move(*parsed), row.selector});
  }
  return out;
}

const xmlNode* FindElement(const xmlNode* node, std::string_view name) {
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (Name(node) == name) return node;
    if (const xmlNode* found = FindElement(node->children, name)) return found;
  }
  return nullptr;
}

// The text of a node as one line: runs of whitespace and line breaks become
// single spaces.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? ' ' : c;
  return out;
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

bool LooksLikeHtml(std::string_view utf8) {
  static constexpr std::array<std::string_view, 14> kMarkers = {
      "<!doctype html", "<html",  "<head", "<body", "<meta", "<div",  "<p>", "<p ",
      "<table",         "<title", "<br",   "<span", "<font", "<?xml",
  };
  std::string head;
  head.reserve(std::min(utf8.size(), kSniffBytes));
  for (char c : utf8.substr(0, kSniffBytes)) {
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view marker : kMarkers) {
    size_t pos = head.find(marker);
    if (pos == std::string::npos) continue;
    // "<?xml" counts only as the first thing in the file, for XHTML.
    if (marker == "<?xml" && head.find_first_not_of(" \t\r\n") != pos) continue;
    return true;
  }
  return false;
}

Result<HtmlText> HtmlToText(std::string_view utf8_html, std::string_view content_selector) {
  if (utf8_html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::TooLarge("HTML document is over 2 GiB");
  }
  InitLibxml();
  HtmlDoc doc(htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()),
                             /*URL=*/nullptr, "UTF-8", kParseOptions));
  if (!doc) return Status::Corruption("libxml2 could not parse the HTML document");

  HtmlText result;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return result;
  // libxml2 stops reading at 256 levels (HTML_PARSE_HUGE is never set), which
  // would silently cut the page short; the walkers below recurse per level.
  if (int depth = TreeDepth(root); depth > kMaxHtmlDepth) {
    return Status::TooLarge("HTML nesting is " + std::to_string(depth) +
                            " elements deep, over the limit of " +
                            std::to_string(kMaxHtmlDepth));
  }

  PageWalker walker;
  if (const xmlNode* title = FindElement(root, "title")) {
    LineBuilder out;
    for (const xmlNode* child = title->children; child; child = child->next) {
      walker.Walk(child, WalkContext{}, out);
    }
    result.title = OneLine(out.Finish());
  }

  const xmlNode* body = FindElement(root, "body");
  const xmlNode* scope = body ? body : root;

  static const std::vector<ParsedSelector> kContent = ParseTable(MainContentSelectors());
  static const std::vector<ParsedSelector> kTitles = ParseTable(TitleSelectors());

  // Title selectors, the caller's content selector, then the table's, all
  // found in one walk; the first row of each group that found something wins.
  std::vector<Search> searches;
  for (const ParsedSelector& row : kTitles) searches.emplace_back(&row.selector, 1);
  std::optional<SimpleSelector> own = ParseSimpleSelector(content_selector);
  if (own) searches.emplace_back(&*own, 1);
  for (const ParsedSelector& row : kContent) {
    searches.emplace_back(&row.selector, kMinMainContentChars);
  }
  size_t open = searches.size();
  FindFirstOfEach(walker, scope, ContextOf(scope), searches, open);

  const Search* title = nullptr;
  const Search* content = nullptr;
  for (size_t i = 0; i < searches.size(); ++i) {
    const Search& s = searches[i];
    if (!s.found) continue;
    if (i < kTitles.size()) {
      if (!title) title = &s;
    } else if (!content) {
      content = &s;
      result.selector = own && i == kTitles.size()
                            ? std::string(content_selector)
                            : std::string(kContent[i - kTitles.size() - (own ? 1 : 0)].text);
    }
  }
  if (title) result.title = OneLine(title->text);

  if (!content) {
    result.text = walker.TextOf(scope);
    return result;
  }
  result.text = content->text;
  if (title && !IsAncestorOf(title->found, content->found) &&
      !IsAncestorOf(content->found, title->found) && !title->text.empty()) {
    result.text = title->text + (result.text.empty() ? "" : "\n") + result.text;
  }
  return result;
}

}  // namespace regdiff::ingest
